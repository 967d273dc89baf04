// Reads .env (creating it from .env.example on first run) and checks every setting before NocoBase sees it.
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const { root } = require('./workspace');

const DIALECTS = ['sqlite', 'postgres', 'mariadb', 'mysql'];
const DEFAULT_PORTS = { postgres: 5432, mariadb: 3306, mysql: 3306 };
// Values that are public (NocoBase's CLI default and ours in docs) and so sign nothing.
const PUBLIC_KEYS = ['', 'test-jwt-secret', 'change-me'];

class ConfigError extends Error {}

function envFilePath() {
  return path.resolve(root, process.env.APP_ENV_PATH || '.env');
}

/** Creates .env from .env.example with a fresh APP_KEY, unless one exists. */
function ensureEnvFile() {
  const file = envFilePath();
  if (fs.existsSync(file)) return false;
  const template = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, template.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`));
  return true;
}

/** Loads the env file into process.env (the shell wins) and returns the checked settings. */
function loadConfig() {
  const created = ensureEnvFile();
  require('dotenv').config({ path: envFilePath() });
  return { ...checkConfig(process.env), envFile: envFilePath(), envFileCreated: created };
}

function checkConfig(env) {
  const appEnv = env.APP_ENV || 'development';
  if (!['development', 'production', 'test'].includes(appEnv)) {
    throw new ConfigError(`APP_ENV="${appEnv}" is not valid. Set APP_ENV to development or production.`);
  }
  if (appEnv === 'production' && PUBLIC_KEYS.includes((env.APP_KEY || '').trim())) {
    throw new ConfigError(
      'APP_KEY is missing (or a public default) while APP_ENV=production. Set APP_KEY in .env to a long random secret, ' +
        "e.g. the output of: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"",
    );
  }
  const dialect = (env.DB_DIALECT || 'sqlite').trim();
  if (!DIALECTS.includes(dialect)) {
    throw new ConfigError(
      `DB_DIALECT="${dialect}" is not supported. Set DB_DIALECT in .env to one of: ${DIALECTS.join(', ')}.`,
    );
  }
  const port = Number(env.APP_PORT || 13000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(
      `APP_PORT="${env.APP_PORT}" is not a port number. Set APP_PORT to a number between 1 and 65535.`,
    );
  }
  const database = { dialect };
  if (dialect === 'sqlite') {
    database.storage = path.resolve(
      root,
      env.DB_STORAGE || path.join(env.STORAGE_PATH || 'storage', 'db', 'nocobase.sqlite'),
    );
  } else {
    const dbPort = Number(env.DB_PORT || DEFAULT_PORTS[dialect]);
    if (!Number.isInteger(dbPort) || dbPort < 1 || dbPort > 65535) {
      throw new ConfigError(`DB_PORT="${env.DB_PORT}" is not a port number.`);
    }
    const name = env.DB_DATABASE || 'hongniang';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
      throw new ConfigError(`DB_DATABASE="${name}" is not a plain database name (letters, digits and _ only).`);
    }
    Object.assign(database, {
      host: env.DB_HOST || '127.0.0.1',
      port: dbPort,
      database: name,
      user: env.DB_USER || (dialect === 'postgres' ? 'postgres' : 'root'),
      password: env.DB_PASSWORD || '',
    });
  }
  return { appEnv, port, database };
}

module.exports = { loadConfig, checkConfig, ConfigError, DIALECTS };
