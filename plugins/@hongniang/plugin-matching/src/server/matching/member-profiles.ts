// Adapts member records to the matching engine: choice values to ranks, region links to codes, flags to booleans.
import { CRITERIA, Criterion, Importance, Person } from '@hongniang/matching-engine';
import { ageOn, vocabulary } from '@hongniang/plugin-members';
import { Op } from '@nocobase/database';
import { weightField } from '../language/vocabulary';

const rankIn = (list: { value: string }[], value: string | null) => {
  const rank = value ? list.findIndex((choice) => choice.value === value) : -1;
  return rank < 0 ? null : rank;
};

/** Why a member is not offered to others; the first that applies, in this order. */
export type NotRecommendable = 'doNotRecommend' | 'notInService' | 'notConsented';

export function notRecommendableBecause(member: {
  doNotRecommend?: boolean;
  status?: string;
  recommendConsent?: boolean;
}): NotRecommendable | null {
  if (member.doNotRecommend) return 'doNotRecommend';
  if (member.status !== 'inService') return 'notInService';
  if (!member.recommendConsent) return 'notConsented';
  return null;
}

export const MEMBER_ATTRIBUTES = [
  'id',
  'gender',
  'birthDate',
  'heightCm',
  'education',
  'incomeBand',
  'maritalStatus',
  'childrenStatus',
  'smoking',
  'hobbies',
  'personality',
  'status',
  'recommendConsent',
  'doNotRecommend',
];

const PREFERENCE_ATTRIBUTES = [
  'id',
  'memberId',
  'ageMin',
  'ageMax',
  'heightMin',
  'heightMax',
  'minEducation',
  'maritalStatuses',
  'childrenAcceptable',
  'minIncomeBand',
  'wantedHobbies',
  'wantedPersonality',
  'smokingAcceptable',
  ...CRITERIA.flatMap((criterion) => [`${criterion}Importance`, weightField(criterion)]),
];

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value : typeof value === 'string' && value.startsWith('[') ? JSON.parse(value) : [];

/** A path picked in the region cascader is stored whole (province, city): keep the deepest codes only. */
export function deepestCodes(codes: string[]): string[] {
  return codes.filter((code) => !codes.some((other) => other !== code && other.startsWith(code)));
}

export interface LoadedMember {
  person: Person;
  notRecommendable: NotRecommendable | null;
  /** False when she has no partner preferences yet: the agency's defaults stand in. */
  hasPreferences: boolean;
}

export function toPerson(
  member: any,
  preferences: any | undefined,
  cityCodes: string[],
  wishedRegions: string[],
  today: Date,
): LoadedMember {
  const notRecommendable = notRecommendableBecause(member);
  const importance: Partial<Record<Criterion, Importance>> = {};
  const weights: Partial<Record<Criterion, number>> = {};
  for (const criterion of CRITERIA) {
    const value = preferences?.[`${criterion}Importance`];
    if (value) importance[criterion] = value;
    const weight = preferences?.[weightField(criterion)];
    if (weight !== null && weight !== undefined) weights[criterion] = Number(weight);
  }
  const province = cityCodes.find((code) => code.length === 2) ?? null;
  const city = cityCodes.find((code) => code.length === 4) ?? null;
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    notRecommendable,
    hasPreferences: !!preferences,
    person: {
      profile: {
        id: Number(member.id),
        gender: member.gender === 'male' || member.gender === 'female' ? member.gender : null,
        age: member.birthDate ? ageOn(String(member.birthDate).slice(0, 10), today) : null,
        heightCm: number(member.heightCm),
        educationRank: rankIn(vocabulary.education, member.education),
        incomeRank: rankIn(vocabulary.incomeBand, member.incomeBand),
        maritalStatus: member.maritalStatus || null,
        hasChildren: member.childrenStatus === 'livesWithMember' || member.childrenStatus === 'livesWithOther',
        smokes: member.smoking === 'sometimes' || member.smoking === 'often',
        hobbies: list(member.hobbies),
        personality: list(member.personality),
        province: province ?? (city ? city.slice(0, 2) : null),
        city,
        recommendable: notRecommendable === null,
      },
      preferences: {
        ageMin: number(preferences?.ageMin),
        ageMax: number(preferences?.ageMax),
        heightMin: number(preferences?.heightMin),
        heightMax: number(preferences?.heightMax),
        minEducationRank: rankIn(vocabulary.education, preferences?.minEducation ?? null),
        minIncomeRank: rankIn(vocabulary.incomeBand, preferences?.minIncomeBand ?? null),
        maritalStatuses: list(preferences?.maritalStatuses),
        childrenAcceptable: preferences
          ? preferences.childrenAcceptable !== false && preferences.childrenAcceptable !== 0
          : true,
        smokingAcceptable: preferences
          ? preferences.smokingAcceptable !== false && preferences.smokingAcceptable !== 0
          : true,
        regions: deepestCodes(wishedRegions).filter((code) => code.length <= 4),
        wantedHobbies: list(preferences?.wantedHobbies),
        wantedPersonality: list(preferences?.wantedPersonality),
        importance,
        weights: Object.keys(weights).length ? weights : undefined,
      },
    },
  };
}

const PAGE = 5000;

/** Reads members (all, or the given ids) with their preferences and regions, page by page, with bound parameters only. */
export async function* loadMembers(db: any, ids: number[] | null, today = new Date()): AsyncGenerator<LoadedMember[]> {
  const Member = db.getModel('members');
  const Preferences = db.getModel('partnerPreferences');
  const cityLinks = db.getModel(db.getCollection('members').getField('currentCity').options.through);
  const regionLinks = db.getModel(db.getCollection('partnerPreferences').getField('preferredRegions').options.through);
  let lastId = 0;
  let offset = 0;
  for (;;) {
    let members: any[];
    if (ids) {
      if (offset >= ids.length) return;
      members = await Member.findAll({
        attributes: MEMBER_ATTRIBUTES,
        where: { id: ids.slice(offset, offset + PAGE) },
        raw: true,
      });
      offset += PAGE;
    } else {
      members = await Member.findAll({
        attributes: MEMBER_ATTRIBUTES,
        where: { id: { [Op.gt]: lastId } },
        order: [['id', 'ASC']],
        limit: PAGE,
        raw: true,
      });
      if (!members.length) return;
      lastId = members[members.length - 1].id;
    }
    const memberIds = members.map((member) => member.id);
    const preferences: any[] = memberIds.length
      ? await Preferences.findAll({ attributes: PREFERENCE_ATTRIBUTES, where: { memberId: memberIds }, raw: true })
      : [];
    const cities: any[] = memberIds.length
      ? await cityLinks.findAll({ attributes: ['memberId', 'regionCode'], where: { memberId: memberIds }, raw: true })
      : [];
    const preferenceIds = preferences.map((row) => row.id);
    const wished: any[] = preferenceIds.length
      ? await regionLinks.findAll({
          attributes: ['partnerPreferencesId', 'regionCode'],
          where: { partnerPreferencesId: preferenceIds },
          raw: true,
        })
      : [];
    const group = (rows: any[], key: string) => {
      const map = new Map<number, string[]>();
      for (const row of rows) map.set(Number(row[key]), [...(map.get(Number(row[key])) || []), String(row.regionCode)]);
      return map;
    };
    const citiesOf = group(cities, 'memberId');
    const wishedOf = group(wished, 'partnerPreferencesId');
    const preferencesOf = new Map(preferences.map((row) => [Number(row.memberId), row]));
    yield members.map((member) => {
      const own = preferencesOf.get(Number(member.id));
      return toPerson(
        member,
        own,
        citiesOf.get(Number(member.id)) || [],
        own ? wishedOf.get(Number(own.id)) || [] : [],
        today,
      );
    });
  }
}
