// Runs one of our plugins' NocoBase commands in a process of its own: `node scripts/lib/app-command.js seed-demo --members 10`.
// NocoBase would find it in the plugin's server/commands on its own, but its command loader stops at plugin-file-manager's
// commands file (not a command), so the command is registered here before the CLI looks for it.
const { Application, runPluginStaticImports } = require('@nocobase/server');
const { getConfig } = require('@nocobase/app/lib/config');

// Registers each command on the app, through its plugin's public entry (as last built).
const COMMANDS = { 'seed-demo': (app) => require('@hongniang/plugin-core').seedDemoCommand(app) };

async function main() {
  const [name, ...args] = process.argv.slice(2);
  await runPluginStaticImports();
  const app = new Application(await getConfig());
  COMMANDS[name]?.(app);
  await app.runAsCLI([name, ...args], { from: 'user', throwError: true });
  await app.destroy();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[hongniang] ${error.message}`);
    process.exit(1);
  },
);
