// What the benchmarks' data writers share: a seeded random source and a promise-shaped SQLite handle.

/** mulberry32: the same seed, the same data. */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
