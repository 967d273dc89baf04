import fs from 'fs';
import path from 'path';
import vm from 'vm';

const { listPlugins } = require('../../scripts/lib/workspace');

/** Loads a built client bundle the way the web client's AMD loader does, with a stand-in @nocobase/client. */
function loadAmd(file: string) {
  class Plugin {}
  const defined: { name?: string; deps?: string[]; exports?: any } = {};
  const define = (name: string, deps: string[], factory: (...args: any[]) => void) => {
    const exports: any = {};
    const modules: Record<string, any> = { exports, '@nocobase/client': { Plugin } };
    factory(...deps.map((dep) => (dep === 'require' ? (id: string) => modules[id] : modules[dep])));
    Object.assign(defined, { name, deps, exports });
  };
  (define as any).amd = {};
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { define });
  return { ...defined, Plugin };
}

const plugins: [string, string][] = listPlugins().map((plugin: { name: string; dir: string }) => [plugin.name, plugin.dir]);

describe.each(plugins)(
  'the built plugin %s',
  (name: string, dir: string) => {
    it('has its server entry in dist/server, as package main', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      expect(pkg.main).toBe('dist/server/index.js');
      const server = require(path.join(dir, pkg.main));
      expect(typeof server.default).toBe('function');
    });

    it('ships a client bundle: an AMD module named after the package, @nocobase/client external', () => {
      const bundle = loadAmd(path.join(dir, 'dist', 'client', 'index.js'));
      expect(bundle.name).toBe(name);
      expect(bundle.deps).toContain('@nocobase/client');
      expect(bundle.exports.default.prototype).toBeInstanceOf(bundle.Plugin);
    });
  },
);
