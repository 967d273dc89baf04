// Weight proposals on every write path: only matching makes them; a caller moves the status (accept, decline, revert)
// and writes a note. Accepting applies the weight to her 择偶标准, reverting puts back what was there — in the same
// transaction, so a refused step changes nothing.
import { fieldTitle, Refusal, rowByRow } from '@hongniang/plugin-core';
import { labelIn, matchingLanguage } from '../language/matching-language';
import { CRITERION_LABELS, PROPOSAL_STATUSES, weightField } from '../language/vocabulary';
import { BY_MATCHING } from './propose-weights';

const CALLER_WRITABLE = new Set(['status', 'note', 'updatedAt']);

/** The steps a proposal's status may take; declined and reverted are final (matching may propose again, as a new one). */
export const PROPOSAL_STEPS: Record<string, string[]> = {
  proposed: ['accepted', 'declined'],
  accepted: ['reverted'],
  declined: [],
  reverted: [],
};

export function enforceWeightProposalRules(db: any) {
  db.on('weightProposals.beforeCreate', (proposal: any, options: any) => {
    if (!options?.[BY_MATCHING]) refuseAuthoring(options);
  });
  db.on('weightProposals.beforeBulkCreate', (_: unknown, options: any) => {
    if (!options?.[BY_MATCHING]) refuseAuthoring(options);
  });
  db.on('weightProposals.beforeUpdate', (proposal: any, options: any) => followStep(db, proposal, options));
  rowByRow(db, 'weightProposals', ['update']);
}

function refuseAuthoring(options: any): never {
  const { t } = matchingLanguage(options);
  throw new Refusal(t('Weight proposals are made by matching from members’ decisions; nothing was saved'), {
    field: 'weightProposals',
  });
}

async function followStep(db: any, proposal: any, options: any) {
  const collection = proposal.constructor.collection;
  const language = matchingLanguage(options);
  for (const key of (proposal.changed() || []) as string[]) {
    if (CALLER_WRITABLE.has(key)) continue;
    const field = collection.getField(key)?.name ?? key;
    throw new Refusal(
      language.t(
        '“{{field}}” of a weight proposal cannot be changed (only the status and the note can); nothing was saved',
        {
          field: fieldTitle(collection, field, language),
        },
      ),
      { field },
    );
  }
  if (!proposal.changed('status')) return;
  const from = proposal.previous('status');
  const to = proposal.get('status');
  const status = (value: string) => {
    const option = PROPOSAL_STATUSES.find((known) => known.value === value);
    return option ? labelIn(language, option) : value;
  };
  if (!PROPOSAL_STEPS[from]?.includes(to)) {
    const next = PROPOSAL_STEPS[from] || [];
    throw new Refusal(
      language.t(
        next.length
          ? '“{{field}}” cannot go from “{{from}}” to “{{to}}”; it can go to: {{next}}'
          : '“{{field}}” cannot go from “{{from}}” to “{{to}}”',
        {
          field: fieldTitle(collection, 'status', language),
          from: status(from),
          to: status(to),
          next: language.list(next.map(status)),
        },
      ),
      { field: 'status' },
    );
  }
  if (to === 'accepted') await apply(db, proposal, options, 'toWeight', 'toImportance');
  if (to === 'reverted') await revert(db, proposal, options);
  proposal.set({ decidedAt: new Date(), decidedById: callerOf(options) });
}

const callerOf = (options: any) => {
  const id = options?.context?.state?.currentUser?.id;
  return id == null ? null : Number(id);
};

/** Her 择偶标准, which must exist to be adjusted. */
async function preferencesOf(db: any, proposal: any, options: any) {
  const preferences = await db
    .getRepository('partnerPreferences')
    .findOne({ filter: { memberId: proposal.get('memberId') }, transaction: options.transaction });
  if (!preferences) {
    const { t } = matchingLanguage(options);
    throw new Refusal(t('The member has no partner preferences to adjust; fill them in first'), { field: 'member' });
  }
  return preferences;
}

/** Writes the proposal's weight (and importance, when it changes one) to her 择偶标准. */
async function apply(db: any, proposal: any, options: any, weight: 'toWeight' | 'fromWeight', importance: string) {
  const preferences = await preferencesOf(db, proposal, options);
  const criterion = proposal.get('criterion');
  const values: Record<string, unknown> = { [weightField(criterion)]: proposal.get(weight) };
  if (proposal.get('toImportance')) values[`${criterion}Importance`] = proposal.get(importance);
  await db.getRepository('partnerPreferences').update({
    filterByTk: preferences.get('id'),
    values,
    transaction: options.transaction,
    context: options.context,
  });
}

/** Puts back what the proposal replaced — only if nobody changed the weight since (else: refused, set it by hand). */
async function revert(db: any, proposal: any, options: any) {
  const preferences = await preferencesOf(db, proposal, options);
  const criterion = proposal.get('criterion');
  const weightNow = preferences.get(weightField(criterion));
  const importanceChanged =
    proposal.get('toImportance') && preferences.get(`${criterion}Importance`) !== proposal.get('toImportance');
  if (Number(weightNow) !== Number(proposal.get('toWeight')) || weightNow == null || importanceChanged) {
    const language = matchingLanguage(options);
    throw new Refusal(
      language.t(
        '“{{criterion}}” was changed in her partner preferences after the proposal was accepted: set it there instead; nothing was saved',
        { criterion: labelIn(language, CRITERION_LABELS[criterion as keyof typeof CRITERION_LABELS]) },
      ),
      { field: 'status' },
    );
  }
  await apply(db, proposal, options, 'fromWeight', 'fromImportance');
}
