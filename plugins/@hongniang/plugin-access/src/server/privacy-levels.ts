// Field privacy (字段隐私): how private each member field is. The agency keeps the list in one place, the `fieldPrivacy`
// collection (its page: 系统管理 → 字段隐私); a field not listed there is part of the ordinary archive.

export const NAMESPACE = '@hongniang/plugin-access';

/** A label translated by the web client from this plugin's locale files (English key, zh-CN by default). */
export const label = (english: string) => `{{t(${JSON.stringify(english)}, { ns: ${JSON.stringify(NAMESPACE)} })}}`;

/**
 * - introduction 介绍可见: what an introduction needs; every role that may view members sees it on every member.
 * - archive 档案 (any field not listed): the working archive; a matchmaker sees it on her own members.
 * - contact 联系方式: how to reach the member; her own matchmaker and managers, never the front desk.
 * - sensitive 敏感: managers only.
 */
export type PrivacyLevel = 'introduction' | 'archive' | 'contact' | 'sensitive';

export const PRIVACY_LEVELS: { value: PrivacyLevel; zh: string; en: string }[] = [
  { value: 'introduction', zh: '介绍可见', en: 'Introduction' },
  { value: 'archive', zh: '档案', en: 'Archive' },
  { value: 'contact', zh: '联系方式', en: 'Contact' },
  { value: 'sensitive', zh: '敏感', en: 'Sensitive' },
];

/** The levels a new installation starts with, by collection and field; `npm start` writes them into `fieldPrivacy` once. */
export const DEFAULT_FIELD_PRIVACY: Record<string, Partial<Record<PrivacyLevel, string[]>>> = {
  members: {
    introduction: [
      'id', 'memberNo', 'name', 'gender', 'age', 'ageGroup', 'heightCm', 'education', 'occupation', 'occupationGroup', 'industry',
      'maritalStatus', 'childrenStatus', 'onlyChild', 'hobbies', 'personality', 'smoking', 'drinking', 'currentCity',
      // Whom to call about an introduction, and the record's own dates (tables sort by them).
      'matchmaker', 'createdAt', 'updatedAt',
    ],
    contact: ['phone', 'wechat', 'email'],
    sensitive: ['idNumber', 'relationshipHistory', 'hopes', 'worries', 'incomeBand', 'housing', 'car', 'assets', 'spendingPower'],
  },
};

/** Per governed collection, the attribute that says whose the record is: the member's assigned matchmaker (a user id). */
export const OWNER_FIELD: Record<string, string> = { members: 'matchmakerId' };

/** The collections whose fields have privacy levels (the per-row rules apply to their records wherever they appear). */
export const PRIVATE_COLLECTIONS = Object.keys(DEFAULT_FIELD_PRIVACY);

export interface FieldPrivacyRow {
  collectionName: string;
  fieldName: string;
  level: PrivacyLevel;
}

export const defaultRows = (): FieldPrivacyRow[] =>
  Object.entries(DEFAULT_FIELD_PRIVACY).flatMap(([collectionName, levels]) =>
    Object.entries(levels).flatMap(([level, fields]) => fields!.map((fieldName) => ({ collectionName, fieldName, level: level as PrivacyLevel }))),
  );

/** The levels in force, read from `fieldPrivacy`; re-read at most every few seconds (other app processes may change them). */
export class FieldPrivacy {
  private levels = new Map<string, Map<string, PrivacyLevel>>();
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(private readonly db: any, private readonly maxAgeMs = 5000) {}

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
    const levels = new Map<string, Map<string, PrivacyLevel>>(PRIVATE_COLLECTIONS.map((name) => [name, new Map()]));
    for (const row of rows) {
      if (!levels.has(row.collectionName)) levels.set(row.collectionName, new Map());
      levels.get(row.collectionName)!.set(row.fieldName, row.level);
    }
    return levels;
  }
}

/** A snapshot of the levels: a field's level, and the fields of a collection at given levels. */
export class FieldLevels {
  constructor(private readonly levels: Map<string, Map<string, PrivacyLevel>>) {}

  /** Whether the collection's fields have privacy levels at all. */
  governs(collectionName: string) {
    return this.levels.has(collectionName);
  }

  levelOf(collectionName: string, fieldName: string): PrivacyLevel {
    return this.levels.get(collectionName)?.get(fieldName) || 'archive';
  }

  /** Field names listed at one of the levels. */
  listed(collectionName: string, levels: PrivacyLevel[]): string[] {
    return [...(this.levels.get(collectionName) || new Map())].filter(([, level]) => levels.includes(level)).map(([name]) => name);
  }
}
