// What a caller may learn from matching. A criterion compares member fields; when she may not view such a field on
// every member, the criterion is left out of her answers altogether: it weighs nothing, excludes no one and shows no
// line, so no score, ranking, exclusion or breakdown she gets depends on the hidden value.
import { CRITERIA, Criterion } from '@hongniang/matching-engine';

/** The member field each criterion compares, on the one whose fit to the other's wish is measured. */
export const CRITERION_FIELDS: Record<Criterion, string> = {
  age: 'age',
  height: 'heightCm',
  education: 'education',
  maritalStatus: 'maritalStatus',
  children: 'childrenStatus',
  income: 'incomeBand',
  region: 'currentCity',
  hobbies: 'hobbies',
  personality: 'personality',
  smoking: 'smoking',
};

/** The fields behind a member not being recommendable (勿推荐, 服务状态, 同意被推荐): its reasons tell them. */
export const RECOMMENDABLE_FIELDS = ['doNotRecommend', 'status', 'recommendConsent'];

/** The member fields this caller may view on every member; null when she may view all of them. */
export type FieldsSeenOnEveryMember = (ctx: any) => Promise<string[] | null>;

/**
 * Without an access plugin: her roles' field list for viewing members; a role whose view is limited to some members
 * (a data scope) sees no field on every member.
 */
export const seenByRoleFieldList: FieldsSeenOnEveryMember = async (ctx) => {
  try {
    const { mergedParams } = await ctx.app.acl.resolveActionParams(ctx, {
      resourceName: 'members',
      actionName: 'view',
      params: {},
    });
    if (mergedParams?.filter && Object.keys(mergedParams.filter).length) return [];
    // Associations (the region a member lives in) come as appends.
    return mergedParams?.fields ? [...mergedParams.fields, ...(mergedParams.appends ?? [])] : null;
  } catch {
    return [];
  }
};

export interface CallerView {
  /** Criteria left out of her answers. */
  withheld: Set<Criterion>;
  /** Whether she may be told why a member is not recommendable (otherwise one reason, `notRecommendable`, stands for all). */
  seesRecommendability: boolean;
}

/** Everything, for callers who see every member field (managers, the administrator). */
export const FULL_VIEW: CallerView = { withheld: new Set(), seesRecommendability: true };

/** The view of the caller behind a request. */
export async function callerView(ctx: any, seen: FieldsSeenOnEveryMember): Promise<CallerView> {
  const fields = await seen(ctx);
  if (fields === null) return FULL_VIEW;
  const visible = new Set(fields);
  return {
    withheld: new Set(CRITERIA.filter((criterion) => !visible.has(CRITERION_FIELDS[criterion]))),
    seesRecommendability: RECOMMENDABLE_FIELDS.every((field) => visible.has(field)),
  };
}

/** The withheld criteria in their fixed order, as answers list them. */
export const withheldList = (view: CallerView) => CRITERIA.filter((criterion) => view.withheld.has(criterion));
