#!/usr/bin/env node
// `npm run seed:demo -- --members N [--seed S]`: installs the app if its database is empty, then adds N demo members.
const { ensureInstalled } = require('./lib/install');

function parseArguments(argv) {
  const options = { members: '1000', seed: '1' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in options) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option "${argv[i]}"; use --members N [--seed S]`);
    }
    options[name] = argv[++i];
  }
  if (!/^\d+$/.test(options.members) || Number(options.members) < 1)
    throw new Error(`--members must be a positive whole number; got "${options.members}"`);
  if (!/^\d+$/.test(options.seed)) throw new Error(`--seed must be a whole number; got "${options.seed}"`);
  return options;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`[hongniang] ${error.message}`);
    process.exit(2);
  }
  ensureInstalled();
  const { loadConfig } = require('./lib/config');
  const { ensureDatabase } = require('./lib/database');
  const { build } = require('./build');
  const { applyAppEnvironment, runAppCommand } = require('./lib/nocobase');
  const path = require('path');

  const config = loadConfig();
  console.log(`[hongniang] using ${await ensureDatabase(config.database)}`);
  build();
  applyAppEnvironment(config);
  // Installs when the database is empty (a no-op otherwise), then seeds, in the configuration `npm start` uses.
  const appCommand = path.join(__dirname, 'lib', 'app-command.js');
  await runAppCommand(appCommand, ['install', '--silent']);
  await runAppCommand(appCommand, ['seed-demo', '--members', options.members, '--seed', options.seed]);
}

main().catch((error) => {
  console.error(`[hongniang] seeding failed: ${error.message}`);
  process.exit(1);
});
