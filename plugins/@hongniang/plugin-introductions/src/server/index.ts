export { default } from './plugin';
// What other Hongniang plugins use of introductions: the field groups their pages need to show dates and introductions.
export { withDateDefaults, withIntroductionDefaults } from './pages/date-defaults';
