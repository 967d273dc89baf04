// A person registered twice splits her history and may be introduced twice. Before a member is saved, one with the same
// name and birth date, or the same WeChat ID, is named (409) unless the request confirms she is someone else. The message
// names the other member by number, name and matchmaker only: the front desk does not read contact details back.
import { Op } from 'sequelize';
import { fieldTitle, Language, Refusal } from '@hongniang/plugin-core';
import { RowProblem } from '../spreadsheets/row-problems';

/** The members field (virtual: never stored) a request sets to say "checked: she is not the member named". */
export const CONFIRM_FIELD = 'confirmedNotDuplicate';

/** A save refused because the member is probably registered already: HTTP 409, nothing saved. */
export class LikelyDuplicate extends Refusal {
  constructor(message: string) {
    super(message, { field: CONFIRM_FIELD, status: 409, code: 'HONGNIANG_LIKELY_DUPLICATE' });
  }
}

interface Existing {
  memberNo: string;
  name: string;
  matchmaker: string | null;
  /** What the two have in common. */
  same: 'nameAndBirthDate' | 'wechat';
}

/** What a save may duplicate: her name and birth date, her WeChat ID (null when there is nothing to compare). */
function keysOf(model: any) {
  const name = model.get('name');
  const birthDate = model.get('birthDate');
  const wechat = model.get('wechat');
  return {
    nameAndBirthDate: name && birthDate ? `${name}|${birthDate}` : null,
    wechat: wechat ? String(wechat) : null,
  };
}

/** Whether this save is checked: a new member, or an edit of who she is, not confirmed by the request. */
const needsCheck = (model: any) =>
  !model.get(CONFIRM_FIELD) &&
  (model.isNewRecord || ['name', 'birthDate', 'wechat'].some((field) => model.changed(field)));

/** Members already in the archive that share a key with the given ones (one query), with their matchmakers' names. */
async function findExisting(
  Member: any,
  keys: { names: string[]; wechats: string[] },
  options: any,
  exceptId?: unknown,
) {
  const or: any[] = [];
  if (keys.names.length) or.push({ name: keys.names });
  if (keys.wechats.length) or.push({ wechat: keys.wechats });
  if (!or.length) return [];
  const where: any = { [Op.or]: or };
  if (exceptId != null) where.id = { [Op.ne]: exceptId };
  const rows: any[] = await Member.findAll({
    where,
    attributes: ['id', 'memberNo', 'name', 'birthDate', 'wechat', 'matchmakerId'],
    raw: true,
    transaction: options.transaction,
  });
  const matchmakerIds = [...new Set(rows.map((row) => row.matchmakerId).filter((id) => id != null))];
  const users: any[] = matchmakerIds.length
    ? await Member.database.getModel('users').findAll({
        where: { id: matchmakerIds },
        attributes: ['id', 'nickname'],
        raw: true,
        transaction: options.transaction,
      })
    : [];
  const nickname = new Map(users.map((user) => [String(user.id), user.nickname as string]));
  return rows.map((row) => ({
    ...row,
    matchmaker: row.matchmakerId == null ? null : (nickname.get(String(row.matchmakerId)) ?? null),
  }));
}

/** The refusal naming the member(s) she may be. */
function likelyDuplicate(collection: any, found: Existing[], language: Language) {
  const { t } = language;
  const who = found.map(({ memberNo, name, matchmaker, same }) => {
    const why = t(same === 'wechat' ? 'same WeChat ID' : 'same name and birth date');
    if (!matchmaker) return t('{{memberNo}} {{name}} ({{why}})', { memberNo, name, why });
    return t('{{memberNo}} {{name}} ({{why}}; matchmaker {{matchmaker}})', { memberNo, name, why, matchmaker });
  });
  const values = { members: language.list(who), confirm: fieldTitle(collection, CONFIRM_FIELD, language) };
  return new LikelyDuplicate(
    t(
      'Possibly registered already as member {{members}}. If you have checked that this is someone else, tick "{{confirm}}" and save again',
      values,
    ),
  );
}

/** What each existing row shares with a save's keys. */
function matchesOf(keys: ReturnType<typeof keysOf>, rows: any[]): Existing[] {
  const found: Existing[] = [];
  for (const row of rows) {
    if (keys.nameAndBirthDate && `${row.name}|${row.birthDate}` === keys.nameAndBirthDate)
      found.push({ ...row, same: 'nameAndBirthDate' });
    else if (keys.wechat && row.wechat === keys.wechat) found.push({ ...row, same: 'wechat' });
  }
  return found;
}

/** Refuses (409) saving a member who is probably registered already, unless the request confirms she is not. */
export async function refuseLikelyDuplicate(model: any, options: any, language: Language) {
  if (!needsCheck(model)) return;
  const keys = keysOf(model);
  const rows = await findExisting(
    model.constructor,
    { names: keys.nameAndBirthDate ? [model.get('name')] : [], wechats: keys.wechat ? [keys.wechat] : [] },
    options,
    model.isNewRecord ? undefined : model.get('id'),
  );
  const found = matchesOf(keys, rows);
  if (found.length) throw likelyDuplicate(model.constructor.collection, found, language);
}

/**
 * The rows of a bulk insert (a spreadsheet) that probably repeat a member of the archive or an earlier row, each as its
 * row's problem; rows that confirm they are someone else are not checked.
 */
export async function likelyDuplicatesInBulk(
  models: any[],
  options: any,
  language: Language,
  rowOf: (index: number) => number,
): Promise<RowProblem[]> {
  const checked = models
    .map((model, index) => ({ model, index, keys: keysOf(model) }))
    .filter(({ model }) => needsCheck(model));
  if (!checked.length) return [];
  const collection = models[0].constructor.collection;
  const rows = await findExisting(
    models[0].constructor,
    {
      names: [
        ...new Set(checked.filter(({ keys }) => keys.nameAndBirthDate).map(({ model }) => model.get('name') as string)),
      ],
      wechats: [
        ...new Set(checked.map(({ keys }) => keys.wechat).filter((wechat): wechat is string => Boolean(wechat))),
      ],
    },
    options,
  );
  const problems: RowProblem[] = [];
  const earlier = new Map<string, number>();
  for (const { index, keys } of checked) {
    const found = matchesOf(keys, rows);
    if (found.length) problems.push({ row: rowOf(index), error: likelyDuplicate(collection, found, language) });
    const repeated = [keys.nameAndBirthDate && `n:${keys.nameAndBirthDate}`, keys.wechat && `w:${keys.wechat}`].find(
      (key) => key && earlier.has(key),
    );
    if (!found.length && repeated) {
      const other = earlier.get(repeated)!;
      const why = language.t(repeated.startsWith('w:') ? 'the same WeChat ID' : 'the same name and birth date');
      problems.push({
        row: rowOf(index),
        error: new LikelyDuplicate(
          language.t('probably the same person as row {{row}} ({{why}})', { row: other, why }),
        ),
      });
    }
    for (const key of [keys.nameAndBirthDate && `n:${keys.nameAndBirthDate}`, keys.wechat && `w:${keys.wechat}`]) {
      if (key && !earlier.has(key)) earlier.set(key, rowOf(index));
    }
  }
  return problems;
}
