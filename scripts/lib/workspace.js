// Paths and package lists of the workspace; Node built-ins only, so it works before `npm install`.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const pluginsDir = path.join(root, 'plugins', '@hongniang');
const packagesDir = path.join(root, 'packages');

function readPackage(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

function listPackageDirs(parent) {
  if (!fs.existsSync(parent)) return [];
  return fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(parent, entry.name, 'package.json')))
    .map((entry) => path.join(parent, entry.name))
    .sort();
}

/** Our NocoBase plugins, as { dir, name }, each after the plugins of ours it depends on (build and load order). */
function listPlugins() {
  const plugins = listPackageDirs(pluginsDir).map((dir) => {
    const pkg = readPackage(dir);
    const needs = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((name) =>
      name.startsWith('@hongniang/plugin-'),
    );
    return { dir, name: pkg.name, needs };
  });
  const ordered = [];
  const visit = (plugin, path = []) => {
    if (ordered.includes(plugin)) return;
    if (path.includes(plugin.name))
      throw new Error(`plugins depend on each other in a circle: ${[...path, plugin.name].join(' → ')}`);
    for (const name of plugin.needs) {
      const needed = plugins.find((candidate) => candidate.name === name);
      if (needed) visit(needed, [...path, plugin.name]);
    }
    ordered.push(plugin);
  };
  plugins.forEach((plugin) => visit(plugin));
  return ordered.map(({ dir, name, needs }) => ({ dir, name, needs }));
}

/** Framework-free libraries under packages/, as { dir, name }. */
function listLibraries() {
  return listPackageDirs(packagesDir).map((dir) => ({ dir, name: readPackage(dir).name }));
}

/**
 * NocoBase plugins ours need (package.json "hongniang.nocobasePlugins"): those outside the preset's built-in list, and
 * built-in ones a test app must enable (a mock server enables only what it is given). Of every plugin of ours, or of
 * those named (package names).
 */
function requiredNocoBasePlugins(ours) {
  const names = listPackageDirs(pluginsDir)
    .map(readPackage)
    .filter((pkg) => !ours || ours.includes(pkg.name))
    .flatMap((pkg) => pkg.hongniang?.nocobasePlugins || []);
  return [...new Set(names)];
}

module.exports = { root, pluginsDir, packagesDir, listPlugins, listLibraries, readPackage, requiredNocoBasePlugins };
