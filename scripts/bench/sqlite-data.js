// What the benchmarks' data writers share: a seeded random source and a promise-shaped SQLite handle.
const { seeded } = require('../lib/seeded-random');

/** The same seed, the same data (a seed of 0 is taken as 1). */
const random = (seed) => seeded(seed >>> 0 || 1);

function open(file) {
  const sqlite3 = require('sqlite3');
  const db = new sqlite3.Database(file);
  const run = (sql, params = []) =>
    new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const all = (sql, params = []) =>
    new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  const close = () => new Promise((resolve) => db.close(resolve));
  return { db, run, all, close };
}

module.exports = { open, random };
