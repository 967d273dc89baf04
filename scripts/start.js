#!/usr/bin/env node
// `npm start`: install if needed, check the configuration, build our plugins, then install-or-upgrade and serve NocoBase.
const { ensureInstalled } = require('./lib/install');

async function main() {
  ensureInstalled();
  const { loadConfig, ConfigError } = require('./lib/config');
  const { ensureDatabase } = require('./lib/database');
  const { build } = require('./build');
  const { applyAppEnvironment, runApp } = require('./lib/nocobase');
  const { waitUntilServing } = require('./lib/wait-until-serving');

  let config;
  try {
    config = loadConfig();
    if (config.envFileCreated)
      console.log(`[hongniang] created ${config.envFile} from .env.example with a new APP_KEY`);
    console.log(`[hongniang] using ${await ensureDatabase(config.database)}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[hongniang] configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  // The browser tests' early start (scripts/lib/e2e-head-start.js) comes right after npm test's own build.
  if (process.env.HONGNIANG_SKIP_BUILD !== '1') build();
  const entry = applyAppEnvironment(config);
  const app = runApp(entry);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  // A first installation applies every page blueprint: minutes on two quiet cores, many more on a loaded machine. The
  // wait lasts while the app is alive (HONGNIANG_START_TIMEOUT_MINUTES, 45 by default) and says every minute that it is
  // still going; if it gives up, the app is stopped with it rather than left installing behind a failed start.
  const minutes = Number(process.env.HONGNIANG_START_TIMEOUT_MINUTES || 45);
  const began = Date.now();
  const progress = setInterval(
    () =>
      console.log(
        `[hongniang] still starting (installing or upgrading): ${Math.round((Date.now() - began) / 60000)} min`,
      ),
    60000,
  );
  try {
    await waitUntilServing({ url: `http://127.0.0.1:${config.port}`, child: app, timeoutMs: minutes * 60000 });
  } catch (error) {
    app.kill('SIGTERM');
    throw error;
  } finally {
    clearInterval(progress);
  }
  const env = process.env;
  console.log(
    [
      '',
      `[hongniang] Hongniang is running at http://localhost:${config.port}/`,
      `[hongniang] admin account: ${env.INIT_ROOT_EMAIL || 'admin@nocobase.com'} / ${env.INIT_ROOT_PASSWORD || 'admin123'} (as set at installation)`,
      ...demoStaffLines(env),
      '[hongniang] press Ctrl+C to stop',
      '',
    ].join('\n'),
  );
}

/** The demo agency's staff accounts, one per line with role and password, when the installation has demo members. */
function demoStaffLines(env) {
  if (!(Number(env.HONGNIANG_DEMO_MEMBERS || 0) > 0)) return [];
  // The built plugin's public entry: main() has built it by now (a fresh clone has no dist before that).
  const { DEMO_STAFF, demoPassword } = require('@hongniang/plugin-core');
  const roles = {
    manager: '主管 manager',
    matchmaker: '红娘 matchmaker',
    intake: '前台 intake',
    finance: '财务 finance',
  };
  return [
    `[hongniang] demo staff (created with a new installation; password ${demoPassword()}):`,
    ...DEMO_STAFF.map(
      (person) => `[hongniang]   ${person.username.padEnd(9)} ${person.nickname}  ${roles[person.role] || person.role}`,
    ),
  ];
}

main().catch((error) => {
  console.error(`[hongniang] start failed: ${error.message}`);
  process.exit(1);
});
