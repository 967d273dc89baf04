// `npm run eval:matching` (scripts/eval-matching.js) on files cut at test time from the speed-dating development file,
// read from the shared folder in place (never copied into the repository; test/support/shared-files.ts finds it beside
// this checkout or on this machine): no leak, the scores file, and refusals of bad input.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readCsv } from '../../scripts/lib/csv';
import { seeded } from '../../scripts/lib/seeded-random';
import { sharedDir } from '../support/shared-files';

const root = path.resolve(__dirname, '..', '..');
const devFile = path.join(sharedDir(), 'datasets', 'speed-dating', 'dev.csv');
// The four largest evenings of the development file: 2 944 meetings, enough people for a per-person mean.
const SAMPLE_WAVES = ['2', '4', '14', '21'];
// A chance AUC over ~120 people moves by about ±0.03 (its standard error); 0.06 is two of them.
const CHANCE_TOLERANCE = 0.06;

type Row = Record<string, string>;

let dir: string;
let header: string[];
let sample: Row[];

function run(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'eval-matching.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function write(name: string, rows: Row[], columns = header) {
  const file = path.join(dir, name);
  const lines = rows.map((row) => columns.map((column) => quoted(row[column] ?? '')).join(','));
  fs.writeFileSync(file, [columns.join(','), ...lines].join('\n') + '\n');
  return file;
}

/**
 * The decisions permuted within each wave, dec_o and match rewritten to agree with them (the partner's row's dec, both
 * yes): a consistent file in which earlier decisions say nothing about later ones.
 */
function shuffledLabels(rows: Row[], seed: number): Row[] {
  const random = seeded(seed);
  const copy = rows.map((row) => ({ ...row }));
  for (const wave of new Set(copy.map((row) => row.wave))) {
    const inWave = copy.filter((row) => row.wave === wave);
    const decisions = inWave.map((row) => row.dec);
    for (let i = decisions.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [decisions[i], decisions[j]] = [decisions[j], decisions[i]];
    }
    inWave.forEach((row, i) => (row.dec = decisions[i]));
  }
  const decOf = new Map(copy.map((row) => [`${row.iid}:${row.pid}`, row.dec]));
  for (const row of copy) {
    row.dec_o = decOf.get(`${row.pid}:${row.iid}`) ?? row.dec_o;
    row.match = row.dec === '1' && row.dec_o === '1' ? '1' : '0';
  }
  return copy;
}

/** The printed table's row for a half and metric: per method { mean, se }. */
function figures(stdout: string, half: string, metric: string) {
  const line = stdout.split('\n').find((text) => text.includes(`'${half}'`) && text.includes(metric));
  if (!line) throw new Error(`no row for ${half} ${metric} in:\n${stdout}`);
  const cells = [...line.matchAll(/'(\d\.\d{3}) ± (\d\.\d{3})'/g)].map(([, mean, se]) => ({
    mean: Number(mean),
    se: Number(se),
  }));
  const [random, stated, learned] = cells;
  return { random, stated, learned };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongniang-eval-'));
  const dev = readCsv(devFile);
  header = dev.header;
  sample = dev.rows.map((row: { values: Row }) => row.values).filter((row: Row) => SAMPLE_WAVES.includes(row.wave));
  // Builds the engine once (dist); the runs below use it as built.
  const first = run(['--data', write('true-labels.csv', sample)]);
  if (first.status !== 0) throw new Error(`eval:matching failed on the sample: ${first.stderr}`);
}, 180000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('eval:matching', () => {
  it('with shuffled labels the learned score falls to chance; with the true ones it does not', () => {
    const shuffled = run(['--no-build', '--data', write('shuffled.csv', shuffledLabels(sample, 7))]);
    expect(shuffled.status).toBe(0);
    for (const half of ['all meetings', 'second half']) {
      const { learned } = figures(shuffled.stdout, half, 'AUC');
      expect(Math.abs(learned.mean - 0.5)).toBeLessThan(CHANCE_TOLERANCE);
    }
    const lastLine = shuffled.stdout.trim().split('\n').pop()!;
    expect(lastLine).toMatch(/^learned AUC \(second half\): 0\.\d{3}$/);
    expect(Math.abs(Number(lastLine.split(': ')[1]) - 0.5)).toBeLessThan(CHANCE_TOLERANCE);

    const genuine = run(['--no-build', '--data', path.join(dir, 'true-labels.csv')]);
    const { learned, stated } = figures(genuine.stdout, 'second half', 'AUC');
    expect(learned.mean).toBeGreaterThan(0.65);
    expect(learned.mean - stated.mean).toBeGreaterThan(2 * learned.se);
  });

  it('writes iid,pid,score, one line per input row in its order, the same on every run', () => {
    const out = path.join(dir, 'scores.csv');
    const first = run(['--no-build', '--data', path.join(dir, 'true-labels.csv'), '--out', out]);
    expect(first.status).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('iid,pid,score');
    expect(lines.length - 1).toBe(sample.length);
    lines.slice(1).forEach((line, i) => {
      const [iid, pid, score] = line.split(',');
      expect([iid, pid]).toEqual([sample[i].iid, sample[i].pid]);
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(Number(score)).toBeLessThanOrEqual(100);
    });
    const again = run(['--no-build', '--data', path.join(dir, 'true-labels.csv')]);
    expect(again.stdout).toBe(first.stdout); // random scoring is seeded
  });

  it('the scores of a meeting do not depend on its own two rows', () => {
    // Flipping the decisions of a pair whose rows disagree on `order` (one row is fed before the other is scored)
    // changes nothing in that pair's own scores.
    const orderOf = new Map(sample.map((row) => [`${row.iid}:${row.pid}`, row.order]));
    const pair = sample.find(
      (row) => row.match === '1' && Number(orderOf.get(`${row.pid}:${row.iid}`)) < Number(row.order),
    )!;
    const flipped = sample.map((row) =>
      (row.iid === pair.iid && row.pid === pair.pid) || (row.iid === pair.pid && row.pid === pair.iid)
        ? { ...row, dec: '0', dec_o: '0', match: '0' }
        : row,
    );
    const scoresOf = (file: string) => {
      const out = `${file}.scores`;
      expect(run(['--no-build', '--data', file, '--out', out]).status).toBe(0);
      return fs.readFileSync(out, 'utf8').trim().split('\n');
    };
    const before = scoresOf(path.join(dir, 'true-labels.csv'));
    const after = scoresOf(write('flipped.csv', flipped));
    const pairLines = (lines: string[]) =>
      lines.filter(
        (line) => line.startsWith(`${pair.iid},${pair.pid},`) || line.startsWith(`${pair.pid},${pair.iid},`),
      );
    expect(pairLines(after)).toEqual(pairLines(before));
    expect(after).not.toEqual(before); // the pair's decisions do inform later meetings of others
  });

  it.each([
    ['a missing file', () => ['--data', path.join(dir, 'no-such.csv')], /cannot read .*no-such\.csv: no such file/],
    [
      'a file without the column order',
      () => [
        '--data',
        write(
          'no-order.csv',
          sample.slice(0, 20),
          header.filter((column) => column !== 'order'),
        ),
      ],
      /no-order\.csv lacks the column order/,
    ],
    [
      'a decision that is not 0 or 1',
      () => ['--data', write('bad-dec.csv', [{ ...sample[0], dec: 'yes' }, ...sample.slice(1, 5)])],
      /bad-dec\.csv, line 2: dec is "yes", expected 0 or 1/,
    ],
    ['no --data', () => [], /--data <file\.csv> is required/],
  ])('refuses %s with a message naming it, no stack trace', (_what, args, message) => {
    const { status, stdout, stderr } = run(['--no-build', ...args()]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  });
});
