// Run as a child process by throwaway-apps.js: `node scripts/bench/prepare-app.js <out.json>` does what scripts/start.js
// does before serving (check the settings, make the database's folder, set NocoBase's environment) in this process's
// environment, and writes { entry, env } to <out.json>: the app's entry file and the environment to serve it with.
const fs = require('fs');
const { loadConfig } = require('../lib/config');
const { ensureDatabase } = require('../lib/database');
const { applyAppEnvironment } = require('../lib/nocobase');

async function main(outFile) {
  const config = loadConfig();
  await ensureDatabase(config.database);
  const entry = applyAppEnvironment(config);
  fs.writeFileSync(outFile, JSON.stringify({ entry, env: process.env }));
}

main(process.argv[2]).catch((error) => {
  console.error(`[bench:http] ${error.message}`);
  process.exit(1);
});
