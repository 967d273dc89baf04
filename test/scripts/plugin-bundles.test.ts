import fs from 'fs';
import path from 'path';
import vm from 'vm';

import { listPlugins } from '../../scripts/lib/workspace';

/**
 * Loads a built client bundle the way the web client's AMD loader does, with stand-ins for the modules the web client
 * shares with plugin bundles (a bundle asking for any other module would not load in the browser).
 */
function loadAmd(file: string) {
  class Plugin {}
  class FieldModel {
    static define() {}
  }
  const binding = { bindModelToInterface: () => undefined };
  const shared = {
    '@nocobase/client': { Plugin },
    '@nocobase/client-v2': { FieldModel },
    '@nocobase/flow-engine': { EditableItemModel: binding, DisplayItemModel: binding, useFlowContext: () => ({}) },
    antd: { Cascader: 'Cascader' },
    react: { createElement: (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children }) },
  };
  const defined: { name?: string; deps?: string[]; exports?: any } = {};
  const define = (name: string, deps: string[], factory: (...args: any[]) => void) => {
    const exports: any = {};
    const modules: Record<string, any> = { exports, ...shared };
    const unknown = deps.filter((dep) => dep !== 'require' && !(dep in modules));
    if (unknown.length)
      throw new Error(`${name} asks for modules the web client does not share: ${unknown.join(', ')}`);
    factory(...deps.map((dep) => (dep === 'require' ? (id: string) => modules[id] : modules[dep])));
    Object.assign(defined, { name, deps, exports });
  };
  (define as any).amd = {};
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { define });
  return { ...defined, Plugin };
}

const plugins: [string, string][] = listPlugins().map((plugin: { name: string; dir: string }) => [
  plugin.name,
  plugin.dir,
]);

describe.each(plugins)('the built plugin %s', (name: string, dir: string) => {
  it('has its server entry in dist/server, as package main', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/server/index.js');
    // The built bundle, found at run time: what NocoBase itself loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const server = require(path.join(dir, pkg.main));
    expect(typeof server.default).toBe('function');
  });

  it('ships a client bundle: an AMD module named after the package, @nocobase/client external', () => {
    const bundle = loadAmd(path.join(dir, 'dist', 'client', 'index.js'));
    expect(bundle.name).toBe(name);
    expect(bundle.deps).toContain('@nocobase/client');
    expect(bundle.exports.default.prototype).toBeInstanceOf(bundle.Plugin);
  });
});

describe("the member archive's field for a set of China regions (web client)", () => {
  const bundle = () =>
    loadAmd(path.join(plugins.find(([name]) => name === '@hongniang/plugin-members')![1], 'dist', 'client', 'index.js'))
      .exports;
  const region = (code: string, name: string, level: number, parentCode: string | null = null) => ({
    code,
    name,
    level,
    parentCode,
  });
  const shanghai = [region('31', '上海市', 1), region('3101', '市辖区', 2, '31')];
  const shenzhen = [region('44', '广东省', 1), region('4403', '深圳市', 2, '44')];

  it('reads a stored set as the places it means: a province with a city of it in the set is that city', () => {
    expect(bundle().pathsOf([...shenzhen, region('11', '北京市', 1)])).toEqual([['11'], ['44', '4403']]);
    expect(bundle().pathsOf([region('4403', '深圳市', 2)])).toEqual([['44', '4403']]);
    expect(bundle().pathsOf(null)).toEqual([]);
  });

  it('shows the places by name, a municipality by its own name rather than 市辖区', () => {
    expect(bundle().describeRegions([...shenzhen, ...shanghai])).toBe('上海市、广东省 / 深圳市');
    expect(bundle().describeRegions([region('44', '广东省', 1)])).toBe('广东省');
    expect(bundle().describeRegions([])).toBe('');
  });
});
