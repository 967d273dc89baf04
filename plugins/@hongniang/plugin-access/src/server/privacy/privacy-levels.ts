// Field privacy (字段隐私): how private each member field is. The agency keeps the list in one place, the `fieldPrivacy`
// collection (its page: 系统管理 → 字段隐私); a field not listed there is part of the ordinary archive. Which collections
// have privacy levels, and whose their records are, the plugins declare (plugin-core's declareAccess; registry.ts).

import { labelsOf } from '@hongniang/plugin-core';
import { PrivacyLevel } from '@hongniang/plugin-core';
import { AccessRegistry, FieldPrivacyRow } from '../agency/registry';

export const NAMESPACE = '@hongniang/plugin-access';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = labelsOf(NAMESPACE);

export type { PrivacyLevel };

export const PRIVACY_LEVELS: { value: PrivacyLevel; zh: string; en: string }[] = [
  { value: 'introduction', zh: '介绍可见', en: 'Introduction' },
  { value: 'archive', zh: '档案', en: 'Archive' },
  { value: 'contact', zh: '联系方式', en: 'Contact' },
  { value: 'sensitive', zh: '敏感', en: 'Sensitive' },
];

/** The levels in force, read from `fieldPrivacy`; re-read at most every few seconds (other app processes may change them). */
export class FieldPrivacy {
  private levels: LevelTables = { levels: new Map(), ownerKeys: new Map() };
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly db: any,
    readonly registry: AccessRegistry,
    private readonly maxAgeMs = 5000,
  ) {}

  /** Forget what was read (this process just changed the list). */
  invalidate() {
    this.readAt = 0;
  }

  /** The levels in force; inside a transaction (a change being saved), as that transaction sees them, uncached. */
  async current(options: { transaction?: any } = {}): Promise<FieldLevels> {
    if (options.transaction) return new FieldLevels(await this.load(options.transaction));
    if (Date.now() - this.readAt > this.maxAgeMs) {
      this.reading ||= this.load()
        .then((levels) => {
          this.levels = levels;
          this.readAt = Date.now();
        })
        .finally(() => (this.reading = null));
      await this.reading;
    }
    return new FieldLevels(this.levels);
  }

  private async load(transaction?: any) {
    const rows: FieldPrivacyRow[] = await this.db
      .getModel('fieldPrivacy')
      .findAll({ attributes: ['collectionName', 'fieldName', 'level'], raw: true, transaction });
    const owners = this.registry.privateCollections();
    const levels = new Map<string, Map<string, PrivacyLevel>>(Object.keys(owners).map((name) => [name, new Map()]));
    for (const row of rows) {
      // A row of a collection no plugin declares now (its plugin disabled) governs nothing.
      levels.get(row.collectionName)?.set(row.fieldName, row.level);
    }
    return { levels, ownerKeys: new Map(Object.entries(owners).map(([name, { ownerKey }]) => [name, ownerKey])) };
  }
}

/** A snapshot of the levels: a field's level, and the fields of a collection at given levels. */
interface LevelTables {
  levels: Map<string, Map<string, PrivacyLevel>>;
  ownerKeys: Map<string, string>;
}

export class FieldLevels {
  private readonly levels: Map<string, Map<string, PrivacyLevel>>;
  private readonly ownerKeys: Map<string, string>;

  constructor({ levels, ownerKeys }: LevelTables) {
    this.levels = levels;
    this.ownerKeys = ownerKeys;
  }

  /** The attribute naming whose a record of a governed collection is (members: matchmakerId). */
  ownerKey(collectionName: string): string | undefined {
    return this.ownerKeys.get(collectionName);
  }

  /** Whether the collection's fields have privacy levels at all. */
  governs(collectionName: string) {
    return this.levels.has(collectionName);
  }

  levelOf(collectionName: string, fieldName: string): PrivacyLevel {
    return this.levels.get(collectionName)?.get(fieldName) || 'archive';
  }

  /** Field names listed at one of the levels. */
  listed(collectionName: string, levels: PrivacyLevel[]): string[] {
    return [...(this.levels.get(collectionName) || new Map())]
      .filter(([, level]) => levels.includes(level))
      .map(([name]) => name);
  }
}
