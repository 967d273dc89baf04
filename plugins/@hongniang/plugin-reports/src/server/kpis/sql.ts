// Grouped SQL over our collections, the same on SQLite, PostgreSQL and MariaDB: tables and columns are taken from the
// collections' definitions (and quoted by the dialect), every value is a bound parameter, moments are bound as the
// dialect stores them (the column type's own formatting), aliases are lower case (PostgreSQL folds unquoted names).
export class GroupedQuery {
  private readonly values: unknown[] = [];

  constructor(
    private readonly db: any,
    private readonly transaction?: any,
  ) {}

  private get generator() {
    return this.db.sequelize.getQueryInterface().queryGenerator;
  }

  /** The collection's table, quoted, with `alias`. */
  table(collection: string, alias: string) {
    const name = this.db.getCollection(collection).getTableNameWithSchema();
    return `${this.generator.quoteTable(name)} ${alias}`;
  }

  /** `alias`.column of the collection's field, quoted; an unknown field is a programming error. */
  column(alias: string, collection: string, field: string) {
    const attribute = this.db.getModel(collection).rawAttributes[field];
    if (!attribute) throw new Error(`${collection} has no field ${field}`);
    return `${alias}.${this.generator.quoteIdentifier(attribute.field || field)}`;
  }

  /** A bound parameter holding `value`. */
  bind(value: string | number) {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Parameters for each value, comma separated (an IN list). */
  bindAll(values: (string | number)[]) {
    return values.map((value) => this.bind(value)).join(', ');
  }

  /** A bound moment, formatted as the field's column stores it (SQLite compares the stored text). */
  moment(collection: string, field: string, instant: Date) {
    const type = this.db.getModel(collection).rawAttributes[field].type;
    return this.bind(type.stringify(instant, { timezone: this.db.sequelize.options.timezone }));
  }

  async rows(sql: string): Promise<Record<string, any>[]> {
    return this.db.sequelize.query(sql, { bind: this.values, type: 'SELECT', transaction: this.transaction });
  }
}
