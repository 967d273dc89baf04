// Match suggestions hold what matching computed. On every path that writes them (create, update, firstOrCreate,
// updateOrCreate, association routes, updates by filter, imports) a caller only moves the status along its steps and
// writes a note; everything else is matching's own (authored-by-matching.ts). Option values are checked on every write.
import { fieldTitle, localeOf } from '@hongniang/plugin-core';
import { byMatchingProcess } from './authored-by-matching';
import { MatchingRefusal } from './refusal';
import { Labelled, SUGGESTION_ORIGINS, SUGGESTION_STATUSES } from './vocabulary';

/** What a caller may change on a suggestion, besides what NocoBase keeps itself (when, by whom). */
const CALLER_WRITABLE = new Set(['status', 'note', 'updatedAt', 'updatedById', 'updatedBy']);

/** The steps a status may take. Declined is final: matching never suggests a declined pair again, and relies on it. */
export const STATUS_STEPS: Record<string, string[]> = {
  open: ['accepted', 'dismissed', 'declined'],
  accepted: ['declined', 'dismissed'],
  dismissed: ['open', 'accepted', 'declined'],
  declined: [],
};

const OPTIONS: Record<string, Labelled[]> = { status: SUGGESTION_STATUSES, origin: SUGGESTION_ORIGINS };

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
  db.on('matchSuggestions.beforeBulkUpdate', (options: any) => {
    options.individualHooks = true;
  });
}

function refuseAuthoring(suggestion: any, options: any): never {
  throw new MatchingRefusal(400, 'matchSuggestions', {
    'zh-CN': '推荐记录由匹配计算生成：请在「找对象」中保存，或用 matchSuggestions:create 只指明会员和推荐对象，请求未保存',
    'en-US': 'Match suggestions are computed by matching: save one from Find matches, or name only the member and the candidate to matchSuggestions:create; nothing was saved',
  }, localeOf(options));
}

/** A caller's update: only status and note change, and the status only by an allowed step. */
function checkCallerChange(suggestion: any, options: any) {
  const collection = suggestion.constructor.collection;
  const locale = localeOf(options);
  for (const key of (suggestion.changed() || []) as string[]) {
    if (CALLER_WRITABLE.has(key)) continue;
    const field = fieldNameOf(collection, key);
    const title = (lang: string) => fieldTitle(collection, field, lang);
    throw new MatchingRefusal(400, field, {
      'zh-CN': `「${title('zh-CN')}」由匹配计算得出，不能修改；可修改的只有状态和备注，请求未保存`,
      'en-US': `“${title('en-US')}” is computed by matching and cannot be changed (only the status and the note can); nothing was saved`,
    }, locale);
  }
  if (!suggestion.changed('status')) return;
  const from = suggestion.previous('status');
  const to = suggestion.get('status');
  if (from === to || !OPTIONS.status.some((option) => option.value === to) || STATUS_STEPS[from]?.includes(to)) return;
  const label = (value: string, lang: 'zh' | 'en') => OPTIONS.status.find((option) => option.value === value)?.[lang] ?? value;
  const title = (lang: string) => fieldTitle(collection, 'status', lang);
  const next = STATUS_STEPS[from] || [];
  throw new MatchingRefusal(400, 'status', {
    'zh-CN': `「${title('zh-CN')}」不能从「${label(from, 'zh')}」改为「${label(to, 'zh')}」${next.length ? `，可改为：${next.map((value) => label(value, 'zh')).join('、')}` : '（一方拒绝后不再变更）'}`,
    'en-US': `“${title('en-US')}” cannot go from “${label(from, 'en')}” to “${label(to, 'en')}”${next.length ? `; it can go to: ${next.map((value) => label(value, 'en')).join(', ')}` : ' (a declined pair stays declined)'}`,
  }, locale);
}

/** Status and origin are one of their options, on every write (the batch run's and the engine's included). */
function checkOptions(suggestion: any, options: any) {
  const collection = suggestion.constructor.collection;
  for (const [field, choices] of Object.entries(OPTIONS)) {
    if (!suggestion.isNewRecord && !suggestion.changed(field)) continue;
    const value = suggestion.get(field);
    if (value == null || choices.some((option) => option.value === value)) continue;
    const title = (lang: string) => fieldTitle(collection, field, lang);
    throw new MatchingRefusal(400, field, {
      'zh-CN': `「${title('zh-CN')}」不能是「${value}」，可选：${choices.map((option) => option.zh).join('、')}`,
      'en-US': `“${title('en-US')}” cannot be “${value}”; choose one of: ${choices.map((option) => `${option.value} (${option.en})`).join(', ')}`,
    }, localeOf(options));
  }
}

/** A stored attribute's field: a belongsTo's foreign key (memberId) is its association (member). */
function fieldNameOf(collection: any, key: string): string {
  for (const field of collection.fields.values()) if (field.type === 'belongsTo' && field.foreignKey === key) return field.name;
  return key;
}
