// A candidate's card in a match answer: introduction-safe fields only, and of those only what the caller may view.
import { Language, Refusal } from '@hongniang/plugin-core';
import { DEFAULT_MEMBER_PRIVACY } from '@hongniang/plugin-members';

/**
 * What a candidate's card may show before an introduction is agreed: no contact details, nothing sensitive — the member
 * archive's default introduction level (字段隐私's starting list) without the record's own dates.
 */
export const INTRODUCTION_SAFE_FIELDS = DEFAULT_MEMBER_PRIVACY.introduction.filter(
  (field) => field !== 'createdAt' && field !== 'updatedAt',
);

/** Where a candidate card's fields come from: the list above, unless an access plugin supplies the agency's own. */
export type CardFields = () => Promise<string[]>;
export const introductionSafeFields: CardFields = async () => INTRODUCTION_SAFE_FIELDS;

export interface CardShape {
  fields: string[];
  appends: string[];
}

/**
 * What of a candidate this caller may see: the introduction-safe fields, narrowed by the ACL exactly as a members:get
 * asking for them would be (field list and allowed appends of her role).
 */
export async function candidateFields(ctx: any, safe: string[], language: Language): Promise<CardShape> {
  const members = ctx.db.getCollection('members');
  const known = safe.map((name) => members.getField(name)).filter(Boolean);
  // Cards carry plain values, region names (read below), and a belongsTo as its key (the matchmaker's id).
  const asked = {
    fields: known.flatMap((field: any) =>
      !field.target ? [field.name] : field.type === 'belongsTo' ? [field.foreignKey] : [],
    ),
    appends: known
      .filter((field: any) => field.target === 'chinaRegions' && field.type === 'belongsToMany')
      .map((field: any) => field.name),
  };
  try {
    const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, {
      resourceName: 'members',
      actionName: 'view',
      params: asked,
    });
    return {
      fields: (mergedParams.fields ?? asked.fields).filter((field: string) => asked.fields.includes(field)),
      appends: (mergedParams.appends ?? asked.appends).filter((field: string) => asked.appends.includes(field)),
    };
  } catch {
    throw new Refusal(language.t('You may not view members, so you cannot match them'), {
      field: 'members',
      status: 403,
    });
  }
}

/** The candidates' introduction-safe fields (as narrowed for the caller), read straight from the tables: no appends machinery. */
export async function candidateCards(ctx: any, ids: number[], { fields, appends }: CardShape) {
  if (!ids.length) return new Map<number, any>();
  const rows: any[] = await ctx.db
    .getModel('members')
    .findAll({ attributes: [...new Set(['id', ...fields])], where: { id: ids } });
  const cards = new Map<number, any>(rows.map((row) => [Number(row.get('id')), row.get({ plain: true })]));
  // The titles of its belongsTo and the names of its regions, asked together (neither needs the other).
  await Promise.all([
    nameBelongsTo(ctx, cards, fields),
    ...appends.map((association) => nameRegions(ctx, cards, ids, association)),
  ]);
  return cards;
}

/** Sets each card's `association` (a belongsToMany to chinaRegions) to [{ code, name }], the broadest place first. */
async function nameRegions(ctx: any, cards: Map<number, any>, ids: number[], association: string) {
  const through = ctx.db.getModel(ctx.db.getCollection('members').getField(association).options.through);
  const links: any[] = await through.findAll({
    attributes: ['memberId', 'regionCode'],
    where: { memberId: ids },
    raw: true,
  });
  const names = new Map<string, string>(
    (
      await ctx.db.getModel('chinaRegions').findAll({
        attributes: ['code', 'name'],
        where: { code: [...new Set(links.map((link) => link.regionCode))] },
        raw: true,
      })
    ).map((region: any) => [String(region.code), region.name]),
  );
  for (const card of cards.values()) card[association] = [];
  for (const link of links.sort((a, b) => String(a.regionCode).length - String(b.regionCode).length)) {
    cards
      .get(Number(link.memberId))
      ?.[association].push({ code: String(link.regionCode), name: names.get(String(link.regionCode)) });
  }
}

/**
 * Each belongsTo the cards carry by key (matchmakerId) also as its record's title ({ id, nickname } for the matchmaker,
 * by the target collection's titleField), so a card names whose member the candidate is. Mutates the cards.
 */
async function nameBelongsTo(ctx: any, cards: Map<number, any>, fields: string[]) {
  const members = ctx.db.getCollection('members');
  for (const field of members.getFields() as any[]) {
    if (field.type !== 'belongsTo' || !fields.includes(field.foreignKey)) continue;
    const target = ctx.db.getCollection(field.target);
    const title = target?.options?.titleField;
    if (!title) continue;
    const keys = [...new Set([...cards.values()].map((card) => card[field.foreignKey]).filter((key) => key != null))];
    const records: any[] = keys.length
      ? await target.model.findAll({ attributes: ['id', title], where: { id: keys }, raw: true })
      : [];
    const byKey = new Map(records.map((record) => [String(record.id), record]));
    for (const card of cards.values()) {
      const record = byKey.get(String(card[field.foreignKey]));
      card[field.name] = record ? { id: record.id, [title]: record[title] } : null;
    }
  }
}
