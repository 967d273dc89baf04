// One jest run, five projects: framework-free libraries, server integration (real NocoBase) suite by suite and a
// folder's suites together (what npm test runs), the scripts, and the browser.
// Transpiled only, file by file (tsconfig.json's isolatedModules): npm test type-checks the whole project first
// (tsc --noEmit), so ts-jest's own type-check of every file in every worker was the same work again.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  // Our packages resolve to their TypeScript source, for the tests and for NocoBase's own require() of a plugin alike.
  moduleNameMapper: {
    '^@test/support/(.*)$': '<rootDir>/test/support/$1',
    '^@hongniang/(plugin-[a-z-]+)$': '<rootDir>/plugins/@hongniang/$1/src/server',
    '^@hongniang/matching-engine$': '<rootDir>/packages/matching-engine/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/storage/', '<rootDir>/plugins/.*/dist/', '<rootDir>/packages/.*/dist/'],
};

module.exports = {
  // Booting a whole NocoBase app takes seconds; browser tests set their own, longer limit.
  testTimeout: 180000,
  // The heaviest test files first, a group of server suites weighing what its suites weigh.
  testSequencer: '<rootDir>/test/setup/suite-sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/__tests__/**/*.test.ts'] },
    // Each server suite as its own test file: what a developer runs (`npx jest <file> --selectProjects server`).
    {
      ...common,
      displayName: 'server',
      testMatch: [
        '<rootDir>/plugins/@hongniang/*/src/**/__tests__/**/*.test.ts',
        '<rootDir>/test/integration/**/*.test.ts',
      ],
      setupFiles: ['<rootDir>/test/setup/server-env.js'],
    },
    // The same suites, a folder's in one test file (test/support/suite-groups.ts): what npm test and CI run.
    {
      ...common,
      displayName: 'server-groups',
      testMatch: [
        '<rootDir>/plugins/@hongniang/*/src/server/__tests__/suites.group.ts',
        '<rootDir>/test/integration/suites.group.ts',
      ],
      setupFiles: ['<rootDir>/test/setup/server-env.js'],
    },
    { ...common, displayName: 'scripts', testMatch: ['<rootDir>/test/scripts/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // One app for every browser suite (test/setup/e2e-app.ts).
      globalSetup: '<rootDir>/test/setup/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/e2e-global-teardown.ts',
    },
  ],
};
