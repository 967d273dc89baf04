// Match suggestions hold what matching computed. On every path that writes them (create, update, firstOrCreate,
// updateOrCreate, association routes, updates by filter, imports) a caller only moves the status along its steps, says
// which side declined and writes a note; everything else is matching's own (authored-by-matching.ts). Option values are checked on every write.
import { fieldTitle, Language, Refusal, rowByRow } from '@hongniang/plugin-core';
import { byMatchingProcess } from './authored-by-matching';
import { labelIn, matchingLanguage } from '../language/matching-language';
import { DECLINING_SIDES, Labelled, SUGGESTION_ORIGINS, SUGGESTION_STATUSES } from '../language/vocabulary';

/** What a caller may change on a suggestion, besides what NocoBase keeps itself (when, by whom). */
const CALLER_WRITABLE = new Set(['status', 'declinedBy', 'note', 'updatedAt', 'updatedById', 'updatedBy']);

/** The steps a status may take. Declined is final: matching never suggests a declined pair again, and relies on it. */
export const STATUS_STEPS: Record<string, string[]> = {
  open: ['accepted', 'dismissed', 'declined'],
  accepted: ['declined', 'dismissed'],
  dismissed: ['open', 'accepted', 'declined'],
  declined: [],
};

const OPTIONS: Record<string, Labelled[]> = {
  status: SUGGESTION_STATUSES,
  origin: SUGGESTION_ORIGINS,
  declinedBy: DECLINING_SIDES,
};

/** Registers the rules as database hooks, so that they hold whichever action or route wrote. */
export function enforceSuggestionRules(db: any) {
  db.on('matchSuggestions.beforeCreate', (suggestion: any, options: any) => {
    if (!byMatchingProcess(options)) refuseAuthoring(suggestion, options);
    checkOptions(suggestion, options);
  });
  db.on('matchSuggestions.beforeBulkCreate', (suggestions: any[], options: any) => {
    if (!byMatchingProcess(options)) refuseAuthoring(suggestions[0], options);
    suggestions.forEach((suggestion) => checkOptions(suggestion, options));
  });
  db.on('matchSuggestions.beforeUpdate', (suggestion: any, options: any) => {
    if (!byMatchingProcess(options)) checkCallerChange(suggestion, options);
    checkOptions(suggestion, options);
  });
  // An update by filter (or a re-link through members/<id>/matchSuggestions) goes row by row, through the check above.
  rowByRow(db, 'matchSuggestions', ['update']);
}

function refuseAuthoring(suggestion: any, options: any): never {
  const { t } = matchingLanguage(options);
  throw new Refusal(
    t(
      'Match suggestions are computed by matching: save one from Find matches, or name only the member and the candidate to matchSuggestions:create; nothing was saved',
    ),
    { field: 'matchSuggestions' },
  );
}

/** A caller's update: only status and note change, and the status only by an allowed step. */
function checkCallerChange(suggestion: any, options: any) {
  const collection = suggestion.constructor.collection;
  const language = matchingLanguage(options);
  for (const key of (suggestion.changed() || []) as string[]) {
    if (CALLER_WRITABLE.has(key)) continue;
    const field = fieldNameOf(collection, key);
    const message = language.t(
      '“{{field}}” is computed by matching and cannot be changed (only the status, who declined and the note can); nothing was saved',
      { field: fieldTitle(collection, field, language) },
    );
    throw new Refusal(message, { field });
  }
  refuseSideWithoutDecline(suggestion, language);
  if (!suggestion.changed('status')) return;
  const from = suggestion.previous('status');
  const to = suggestion.get('status');
  if (from === to || !OPTIONS.status.some((option) => option.value === to) || STATUS_STEPS[from]?.includes(to)) return;
  const label = (value: string) => {
    const option = OPTIONS.status.find((known) => known.value === value);
    return option ? labelIn(language, option) : value;
  };
  const next = STATUS_STEPS[from] || [];
  const values = {
    field: fieldTitle(collection, 'status', language),
    from: label(from),
    to: label(to),
    next: language.list(next.map(label)),
  };
  const key = next.length
    ? '“{{field}}” cannot go from “{{from}}” to “{{to}}”; it can go to: {{next}}'
    : '“{{field}}” cannot go from “{{from}}” to “{{to}}” (a declined pair stays declined)';
  throw new Refusal(language.t(key, values), { field: 'status' });
}

/** Who declined is said of a declined suggestion only (it is her answer about the other, learned from). */
function refuseSideWithoutDecline(suggestion: any, language: Language) {
  if (suggestion.get('declinedBy') == null || suggestion.get('status') === 'declined') return;
  const collection = suggestion.constructor.collection;
  const message = language.t(
    '“{{field}}” is said only of a suggestion whose status is “{{status}}”; nothing was saved',
    {
      field: fieldTitle(collection, 'declinedBy', language),
      status: labelIn(
        language,
        SUGGESTION_STATUSES.find((option) => option.value === 'declined')!,
      ),
    },
  );
  throw new Refusal(message, { field: 'declinedBy' });
}

/** Status, origin and who declined are one of their options, on every write (the batch run's and the engine's included). */
function checkOptions(suggestion: any, options: any) {
  const collection = suggestion.constructor.collection;
  for (const [field, choices] of Object.entries(OPTIONS)) {
    if (!suggestion.isNewRecord && !suggestion.changed(field)) continue;
    const value = suggestion.get(field);
    if (value == null || choices.some((option) => option.value === value)) continue;
    const language = matchingLanguage(options);
    // Each option as its value and label in English, its label alone in Chinese.
    const listed = language.list(
      choices.map((option) =>
        language.t('{{value}} ({{label}})', { value: option.value, label: labelIn(language, option) }),
      ),
    );
    throw new Refusal(
      language.t('“{{field}}” cannot be “{{value}}”; choose one of: {{choices}}', {
        field: fieldTitle(collection, field, language),
        value,
        choices: listed,
      }),
      { field },
    );
  }
}

/** A stored attribute's field: a belongsTo's foreign key (memberId) is its association (member). */
function fieldNameOf(collection: any, key: string): string {
  for (const field of collection.fields.values())
    if (field.type === 'belongsTo' && field.foreignKey === key) return field.name;
  return key;
}
