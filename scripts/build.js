#!/usr/bin/env node
// Builds every library and plugin: server code to dist/server (CommonJS), client entry to dist/client (UMD named after the package).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { root, listPlugins, listLibraries } = require('./lib/workspace');

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function compile(project) {
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`TypeScript build failed for ${path.relative(root, project)}`);
  }
}

function build() {
  const projects = [...listLibraries(), ...listPlugins()].flatMap(({ dir }) =>
    ['tsconfig.build.json', 'tsconfig.client.json']
      .map((file) => path.join(dir, file))
      .filter((file) => fs.existsSync(file)),
  );
  for (const { dir } of [...listLibraries(), ...listPlugins()]) {
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  }
  for (const project of projects) compile(project);
  for (const { dir } of listPlugins()) copyAssets(dir);
}

// Data the plugins read at run time: translations (also served to the web client) and page blueprints.
const ASSET_DIRS = ['locale', 'blueprints'];

function copyAssets(pluginDir) {
  for (const name of ASSET_DIRS) {
    const source = path.join(pluginDir, 'src', name);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(pluginDir, 'dist', name), { recursive: true });
  }
}

module.exports = { build };

if (require.main === module) {
  try {
    build();
    console.log('[hongniang] build done');
  } catch (error) {
    console.error(`[hongniang] ${error.message}`);
    process.exit(1);
  }
}
