// The baseline of the HTTP benchmark: a member's hard wishes written as a NocoBase filter for a plain members:list.

/** plugin-members' choice lists, through its public entry (so as last built); loaded on first use. */
const choices = () => require('@hongniang/plugin-members').vocabulary;

/** The values of a ranked choice list from `minimum` upwards; null if `minimum` is not in the list. */
const atLeast = (list, minimum) => {
  const rank = list.findIndex((choice) => choice.value === minimum);
  return rank < 0 ? null : list.slice(rank).map((choice) => choice.value);
};
const range = (field, min, max) => [
  ...(min === null || min === undefined ? [] : [{ [field]: { $gte: min } }]),
  ...(max === null || max === undefined ? [] : [{ [field]: { $lte: max } }]),
];
const notOneOf = (field, values) => ({ $or: [{ [field]: { $notIn: values } }, { [field]: { $empty: true } }] });
/** Deepest codes only (a cascader path is stored whole), as the plugin's profiles read them. */
const deepest = (codes) =>
  codes
    .filter((code) => !codes.some((other) => other !== code && other.startsWith(code)))
    .filter((code) => code.length <= 4);

/**
 * What members:list needs to ask for the same member's candidates: opposite gender, recommendable (in service, consented,
 * not "do not recommend"), and each criterion she marked "required" (必须) that a filter can express. Her own wishes only:
 * the candidates' required criteria (the reciprocal half) have no filter form, so the baseline does less than the match.
 *
 * `member` is a members:get answer's data with `partnerPreferences` and `partnerPreferences.preferredRegions` appended.
 * Returns { filter, used }: the filter ({ $and: [...] }) and the names of the criteria it expresses (e.g. ['age', 'region']).
 */
function hardFilter(member) {
  const and = [
    { id: { $ne: member.id } },
    { gender: { $in: ['male', 'female'].filter((gender) => gender !== member.gender) } },
    { status: { $eq: 'inService' } },
    { recommendConsent: { $isTruly: true } },
    { doNotRecommend: { $isFalsy: true } },
  ];
  const used = [];
  const wish = member.partnerPreferences;
  if (!wish) return { filter: { $and: and }, used };
  const words = choices();
  const required = (criterion) => wish[`${criterion}Importance`] === 'required';
  const list = (value) => (Array.isArray(value) ? value : []);
  const add = (criterion, ...conditions) => {
    if (!conditions.length) return;
    and.push(...conditions);
    used.push(criterion);
  };
  if (required('age')) add('age', ...range('age', wish.ageMin, wish.ageMax));
  if (required('height')) add('height', ...range('heightCm', wish.heightMin, wish.heightMax));
  if (required('education') && wish.minEducation)
    add('education', { education: { $in: atLeast(words.education, wish.minEducation) } });
  if (required('income') && wish.minIncomeBand)
    add('income', { incomeBand: { $in: atLeast(words.incomeBand, wish.minIncomeBand) } });
  if (required('maritalStatus') && list(wish.maritalStatuses).length)
    add('maritalStatus', { maritalStatus: { $in: wish.maritalStatuses } });
  if (required('children') && wish.childrenAcceptable === false)
    add('children', notOneOf('childrenStatus', ['livesWithMember', 'livesWithOther']));
  if (required('smoking') && wish.smokingAcceptable === false)
    add('smoking', notOneOf('smoking', ['sometimes', 'often']));
  if (required('hobbies') && list(wish.wantedHobbies).length)
    add('hobbies', { hobbies: { $anyOf: wish.wantedHobbies } });
  if (required('personality') && list(wish.wantedPersonality).length)
    add('personality', { personality: { $anyOf: wish.wantedPersonality } });
  const regions = deepest((wish.preferredRegions || []).map((region) => String(region.code)));
  if (required('region') && regions.length) add('region', { 'currentCity.code': { $in: regions } });
  return { filter: { $and: and }, used };
}

module.exports = { hardFilter };
