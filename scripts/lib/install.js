// Installs dependencies when they are missing or older than the lockfile; Node built-ins only.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { root, listPlugins } = require('./workspace');

function installedStateFile() {
  return path.join(root, 'node_modules', '.package-lock.json');
}

function needsInstall() {
  const state = installedStateFile();
  if (!fs.existsSync(state)) return true;
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(state).mtimeMs) return true;
  // A plugin added since the last install is not linked into node_modules yet.
  return listPlugins().some(({ name }) => !fs.existsSync(path.join(root, 'node_modules', name)));
}

function ensureInstalled() {
  if (!needsInstall()) return;
  // `npm install` follows package-lock.json; `npm ci` refuses this lockfile because it omits platform binaries the registry lacks.
  // --prefer-offline: a package already in npm's cache is not asked of the registry again (the lockfile fixes its
  // version); no audit or funding report. Session 30: 153 s → 134 s on this machine with a warm cache.
  const args = ['install', '--prefer-offline', '--no-audit', '--no-fund'];
  console.log(`[hongniang] installing dependencies (npm ${args.join(' ')}); the first time takes a few minutes…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `[hongniang] npm ${args.join(' ')} failed (exit ${result.status}). Fix the error above and run the command again.`,
    );
    process.exit(result.status || 1);
  }
}

module.exports = { ensureInstalled };
