import { Op } from '@nocobase/database';
import { Application } from '@nocobase/server';
import { AgeBand, DEFAULT_AGE_BANDS, ageBandOf, ageGroupOf, ageOn, loadAgeBands } from './age';
import { normaliseValues } from '../validation/field-values';
import { fieldTitle, Refusal } from '@hongniang/plugin-core';
import { membersLanguage } from '../language/members-language';
import { checkRanges } from '../validation/ranges';

const PAGE = 5000;

/**
 * Brings every member's derived age, age group and five-year band up to date (birthdays pass; an admin may move the bands).
 * Reads members page by page and writes only the ones that changed, grouped by their new values. Returns that count.
 */
export async function refreshAges(db: any, options: { today?: Date; transaction?: any } = {}): Promise<number> {
  const { today = new Date(), transaction } = options;
  const Member = db.getModel('members');
  const bands = await loadAgeBands(db, transaction);
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows: any[] = await Member.findAll({
      attributes: ['id', 'birthDate', 'age', 'ageGroup', 'ageBand'],
      where: { id: { [Op.gt]: lastId } },
      order: [['id', 'ASC']],
      limit: PAGE,
      raw: true,
      transaction,
    });
    if (!rows.length) return changed;
    lastId = rows[rows.length - 1].id;
    const updates = new Map<string, number[]>();
    for (const row of rows) {
      const age = row.birthDate ? ageOn(String(row.birthDate), today) : null;
      const ageGroup = age === null ? null : ageGroupOf(age, bands);
      const ageBand = age === null ? null : ageBandOf(age);
      if (age === row.age && ageGroup === row.ageGroup && ageBand === row.ageBand) continue;
      const key = JSON.stringify([age, ageGroup, ageBand]);
      updates.set(key, [...(updates.get(key) || []), row.id]);
    }
    for (const [key, ids] of updates) {
      const [age, ageGroup, ageBand] = JSON.parse(key);
      await Member.update({ age, ageGroup, ageBand }, { where: { id: ids }, hooks: false, transaction });
      changed += ids.length;
    }
  }
}

/** Bands hold whole ages within bounds, may not be reversed nor overlap another band. */
export async function validateAgeBand(model: any, options: any) {
  const language = membersLanguage(options);
  normaliseValues(model, language);
  checkRanges(model, language);
  const band: AgeBand = {
    group: model.get('group'),
    minAge: Number(model.get('minAge')),
    maxAge: Number(model.get('maxAge')),
  };
  const title = (field: string) => fieldTitle(model.constructor.collection, field, language);
  if (!(band.minAge <= band.maxAge)) {
    const values = { field: title('minAge'), low: band.minAge, other: title('maxAge'), high: band.maxAge };
    throw new Refusal(language.t('{{field}} {{low}} is greater than {{other}} {{high}}', values), { field: 'minAge' });
  }
  const others: AgeBand[] = await model.constructor.findAll({ raw: true, transaction: options.transaction });
  const overlap = others.find(
    (other: any) => other.id !== model.get('id') && other.minAge <= band.maxAge && band.minAge <= other.maxAge,
  );
  if (overlap) {
    const values = { min: band.minAge, max: band.maxAge, otherMin: overlap.minAge, otherMax: overlap.maxAge };
    throw new Refusal(language.t('Ages {{min}}–{{max}} overlap the existing band {{otherMin}}–{{otherMax}}', values), {
      field: 'minAge',
    });
  }
}

/** A new agency starts with 青年 18–35, 中年 36–55, 老年 56+. */
export async function seedAgeBands(app: Application) {
  const bands = app.db.getRepository('ageGroupBands');
  if (await bands.count()) return;
  await bands.createMany({ records: DEFAULT_AGE_BANDS });
}

/** Every day just after midnight, and at start (a day missed while the server was down is caught up). */
export function scheduleAgeRefresh(app: Application) {
  const run = () =>
    refreshAges(app.db).then(
      (count) => count && app.log.info(`[hongniang] ages refreshed: ${count} members changed`),
      (error) => app.log.error(`[hongniang] age refresh failed: ${error.message}`),
    );
  app.cronJobManager.addJob({ cronTime: '0 5 0 * * *', onTick: run });
  app.on('afterStart', run);
}
