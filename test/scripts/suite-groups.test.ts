// npm test and CI run the server suites folder by folder (test/support/suite-groups.ts): a folder of server suites
// without its group file would never run there. Every folder the server project finds suites in has one, and a group
// declares exactly its folder's suites.
import fs from 'fs';
import path from 'path';
import { GROUP_FILE, suiteFilesOf } from '@test/support/suite-groups';

const root = path.resolve(__dirname, '..', '..');

/** Every folder holding server suites: plugins' __tests__ folders (at any depth under src) and test/integration. */
function suiteFolders(): string[] {
  const found = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      else if (entry.name.endsWith('.test.ts') && full.includes(`${path.sep}__tests__${path.sep}`)) found.add(folder);
    }
  };
  const plugins = path.join(root, 'plugins', '@hongniang');
  for (const plugin of fs.readdirSync(plugins)) {
    const source = path.join(plugins, plugin, 'src');
    if (fs.existsSync(source)) walk(source);
  }
  found.add(path.join(root, 'test', 'integration'));
  return [...found].sort();
}

describe('server suites run in groups', () => {
  it('every folder of server suites has its group file, which the server-groups project picks up', () => {
    const folders = suiteFolders();
    expect(folders.length).toBeGreaterThan(5);
    const missing = folders.filter((folder) => !fs.existsSync(path.join(folder, GROUP_FILE)));
    expect(missing.map((folder) => path.relative(root, folder))).toEqual([]);
    // jest.config.js is CommonJS outside the TypeScript project.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(root, 'jest.config.js'));
    const groups = config.projects.find((project: any) => project.displayName === 'server-groups');
    const patterns: string[] = groups.testMatch.map((pattern: string) => pattern.replace('<rootDir>', root));
    const matched = (file: string) =>
      patterns.some((pattern) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file));
    expect(folders.filter((folder) => !matched(path.join(folder, GROUP_FILE)))).toEqual([]);
  });

  it("a group declares its folder's *.test.ts files, and nothing else", () => {
    const folder = path.join(root, 'plugins', '@hongniang', 'plugin-reports', 'src', 'server', '__tests__');
    const suites = suiteFilesOf(folder).map((file) => path.basename(file));
    expect(suites).toContain('matchmaker-kpis.test.ts');
    expect(suites.every((name) => name.endsWith('.test.ts'))).toBe(true);
    expect(suites).not.toContain(GROUP_FILE);
    expect(suites).not.toContain('dated-records.ts');
  });
});
