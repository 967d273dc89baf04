// A folder's server suites run as one jest test file (CI and `npm test`): each of its `*.test.ts` files inside a
// `describe` named after it, in one module registry. Jest loads every module afresh for each test file; a suite's own
// app starts in about 2 s from its installed template (./installed-template.ts), but loading NocoBase and our plugins
// into a new registry took longer than that in every suite (measured in session 23: 11 s of a suite on a loaded
// machine). Each suite still boots its own app, with its own database, in its own `beforeAll` and `afterAll`: only the
// loaded modules are shared. A suite run alone (`npx jest <file> --selectProjects server`) runs as before.
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** The name a group file must have in every folder of server suites (checked by test/scripts/suite-groups.test.ts). */
export const GROUP_FILE = 'suites.group.ts';

/** The server suites of a folder, by file name: its `*.test.ts` files, in name order. */
export function suiteFilesOf(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * Declares every suite of `folder` in the calling test file, each in a `describe` named after its path from the
 * repository's root. HONGNIANG_SKIP_SUITES (a regular expression over that path, set by scripts/test.js) leaves some
 * out: the suites that run on SQLite only.
 */
export function runSuitesOf(folder: string): void {
  const skip = process.env.HONGNIANG_SKIP_SUITES ? new RegExp(process.env.HONGNIANG_SKIP_SUITES) : null;
  for (const file of suiteFilesOf(folder)) {
    const name = path.relative(root, file);
    if (skip?.test(name)) continue;
    describe(name, () => {
      // Loaded inside its describe, at this point of the file: an import would load every suite first, outside it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(file);
    });
  }
}
