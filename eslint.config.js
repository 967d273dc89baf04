// `npm run lint`: TypeScript's recommended rules over our code; the layout of the code is prettier's (.prettierrc.json).
const { defineConfig } = require('eslint/config');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const prettier = require('eslint-config-prettier');

module.exports = defineConfig(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      'storage/',
      'coverage/',
      // RunJS snippets: function bodies NocoBase evaluates (top-level await and return, `ctx` given), not modules.
      'plugins/@hongniang/*/src/blueprints/code/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // About 180 values come from NocoBase APIs that have no types yet: shown, not refused.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `const { tookMs, ...meta } = answer` leaves a key out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Scripts, jest's configuration and the plugins' entry files are CommonJS run by Node as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
