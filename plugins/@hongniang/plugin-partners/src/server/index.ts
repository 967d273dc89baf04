export { default } from './plugin';
// For other plugins and tests: the agency's words for partner organisations (codes with zh-CN and en-US labels).
export { INDUSTRIES, INTERACTION_KINDS, ORGANISATION_TYPES, RELATIONSHIPS, SIZES, sizeOf } from './language/vocabulary';
