#!/usr/bin/env node
// `npm run eval:matching -- --data <file.csv> [--out scores.csv] [--no-build]`: how well random, stated-only and learned
// scoring rank the partners met in a speed-dating file (the columns of ../shared/datasets/speed-dating/dev.csv) by mutual
// match. Each wave is replayed in meeting order: before the meetings of one `order`, the engine's learned signals hold the
// decisions (`dec`) of that wave's meetings with a lower `order`, never those of the pair being scored; `match` only
// grades. Mapping, method and figures: docs/matching-quality.md. --no-build uses the engine as last built (its dist).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { readCsv, CsvError } = require('./lib/csv');
const { auc, precisionAt, ndcgAt, meanWithError } = require('./lib/ranking-metrics');
const { seeded } = require('./lib/seeded-random');

const root = path.resolve(__dirname, '..');

class UsageError extends Error {}

// Same for every file and run, so the random baseline is reproducible.
const RANDOM_SEED = 20061;
const INTERESTS = [
  'sports',
  'tvsports',
  'exercise',
  'dining',
  'museums',
  'art',
  'hiking',
  'gaming',
  'clubbing',
  'reading',
  'tv',
  'theater',
  'movies',
  'concerts',
  'music',
  'shopping',
  'yoga',
];
// Stated points (of 100) per attribute, and self-ratings (1–10) of the same attributes, as personality tags.
const ATTRIBUTES = [
  ['attractive', 'attr1_1', 'attr3_1'],
  ['sincere', 'sinc1_1', 'sinc3_1'],
  ['intelligent', 'intel1_1', 'intel3_1'],
  ['fun', 'fun1_1', 'fun3_1'],
  ['ambitious', 'amb1_1', 'amb3_1'],
];
// An interest or a trait counts as one's own from this rating (1–10) on: about the top third of the ratings.
const OWN_FROM = 8;
// An attribute is wished for when it gets at least this many of the 100 points (an even split gives 16.7).
const WISHED_FROM = 20;
const LABELS = ['dec', 'match'];
const REQUIRED = [
  'iid',
  'pid',
  'wave',
  'gender',
  'round',
  'order',
  ...LABELS,
  'age',
  'race',
  'imprace',
  'shar1_1',
  ...INTERESTS,
  ...ATTRIBUTES.flatMap(([, wish, own]) => [wish, own]),
];
const METHODS = ['random', 'stated-only', 'learned'];
const METRICS = [
  ['AUC (mutual match)', (items) => auc(items)],
  ['P@3', (items) => precisionAt(items, 3)],
  ['NDCG@5', (items) => ndcgAt(items, 5)],
];

function parseArguments(argv) {
  const options = { data: null, out: null, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data' || arg === '--out') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a file name`);
      options[arg.slice(2)] = value;
    } else if (arg === '--no-build') options.build = false;
    else throw new UsageError(`unknown argument "${arg}"; use --data <file.csv> [--out scores.csv] [--no-build]`);
  }
  if (!options.data)
    throw new UsageError('--data <file.csv> is required (e.g. ../shared/datasets/speed-dating/dev.csv)');
  return options;
}

// The engine alone (the plugins are not needed here), as scripts/build.js compiles it.
function buildEngine() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const project = path.join(root, 'packages', 'matching-engine', 'tsconfig.build.json');
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new UsageError('the matching engine did not build (TypeScript errors above)');
}

function loadEngine() {
  try {
    return require('@hongniang/matching-engine');
  } catch {
    throw new UsageError('the matching engine is not built: run `node scripts/build.js` first (or drop --no-build)');
  }
}

/** Meetings of the file, checked: every required column, whole numbers where the replay needs them. */
function readMeetings(file) {
  const { header, rows } = readCsv(file);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length)
    throw new UsageError(`${file} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (rows.length === 0) throw new UsageError(`${file} has a header but no rows`);
  const whole = (row, column, allowed) => {
    const text = row.values[column].trim();
    const value = Number(text);
    if (text === '' || !Number.isInteger(value) || (allowed && !allowed.includes(value)))
      throw new UsageError(
        `${file}, line ${row.line}: ${column} is "${text}", expected ${allowed ? allowed.join(' or ') : 'a whole number'}`,
      );
    return value;
  };
  const seen = new Set();
  return rows.map((row, index) => {
    const meeting = {
      index,
      iid: whole(row, 'iid'),
      pid: whole(row, 'pid'),
      wave: whole(row, 'wave'),
      round: whole(row, 'round'),
      order: whole(row, 'order'),
      dec: whole(row, 'dec', [0, 1]),
      match: whole(row, 'match', [0, 1]),
      gender: whole(row, 'gender', [0, 1]),
      values: row.values,
    };
    const key = `${meeting.iid}:${meeting.pid}`;
    if (meeting.iid === meeting.pid)
      throw new UsageError(`${file}, line ${row.line}: iid and pid are both ${meeting.iid}`);
    if (seen.has(key))
      throw new UsageError(`${file}, line ${row.line}: a second row for iid ${meeting.iid}, pid ${meeting.pid}`);
    seen.add(key);
    return meeting;
  });
}

const numberOrNull = (text) => (text === undefined || text.trim() === '' ? null : Number(text.replace(/,/g, '')));

/**
 * A participant as the engine takes her, from her own row's sign-up columns (docs/matching-quality.md, "Mapping"): age;
 * interests rated 8+ as hobbies; self-ratings 8+ as personality tags; race as the "region" she lives in. Her wishes:
 * hobbies she rates 8+ (shared interests), attributes given 20+ of her 100 points, her own race; their weights her
 * points ÷ 10 (shar1_1 for hobbies, the five attributes' sum for personality) and imprace ÷ 2 for race; criteria
 * without data weigh nothing.
 */
function personOf({ iid, gender, values }) {
  const own = (columns) => columns.filter(([, column]) => (numberOrNull(values[column]) ?? 0) >= OWN_FROM);
  const hobbies = own(INTERESTS.map((name) => [name, name])).map(([name]) => name);
  const race = numberOrNull(values.race);
  const points = (column) => numberOrNull(values[column]) ?? 0;
  const personalityPoints = ATTRIBUTES.reduce((sum, [, wish]) => sum + points(wish), 0);
  const indifferent = { age: 0, height: 0, education: 0, maritalStatus: 0, children: 0, income: 0, smoking: 0 };
  return {
    profile: {
      id: iid,
      gender: gender === 1 ? 'male' : 'female',
      age: numberOrNull(values.age),
      heightCm: null,
      educationRank: null,
      incomeRank: null,
      maritalStatus: null,
      hasChildren: false,
      smokes: false,
      hobbies,
      personality: own(ATTRIBUTES.map(([name, , self]) => [name, self])).map(([name]) => name),
      province: race === null ? null : `race-${race}`,
      city: null,
      recommendable: true,
    },
    preferences: {
      ageMin: null,
      ageMax: null,
      heightMin: null,
      heightMax: null,
      minEducationRank: null,
      minIncomeRank: null,
      maritalStatuses: [],
      childrenAcceptable: true,
      smokingAcceptable: true,
      regions: race === null ? [] : [`race-${race}`],
      wantedHobbies: hobbies,
      wantedPersonality: ATTRIBUTES.filter(([, wish]) => points(wish) >= WISHED_FROM).map(([name]) => name),
      importance: {},
      weights: {
        ...indifferent,
        hobbies: points('shar1_1') / 10,
        personality: personalityPoints / 10,
        region: (numberOrNull(values.imprace) ?? 0) / 2,
      },
    },
  };
}

/** The partner of a meeting as its row repeats her (age_o, race_o when present), with no wishes of her own. */
function partnerOf(meeting) {
  const { values } = meeting;
  const partner = personOf({ iid: meeting.pid, gender: 1 - meeting.gender, values: {} });
  const race = numberOrNull(values.race_o);
  partner.profile.age = numberOrNull(values.age_o);
  partner.profile.province = race === null ? null : `race-${race}`;
  return partner;
}

/**
 * Every meeting scored when it happens, by the three methods: { random, 'stated-only', learned } per meeting, in file
 * order. Each wave starts with no history; the signals are fed through the engine's own LearnedSignals, as the plugin does.
 */
function replay(engine, meetings) {
  const { DEFAULT_SETTINGS, LearnedSignals, applyLearned, evaluatePair, fitOf } = engine;
  const settings = DEFAULT_SETTINGS;
  const random = seeded(RANDOM_SEED);
  const scores = meetings.map(() => ({ random: random() }));
  const people = new Map();
  for (const meeting of meetings) if (!people.has(meeting.iid)) people.set(meeting.iid, personOf(meeting));
  // A partner without rows of her own (a file cut from a larger one) is known by what her partner's row repeats.
  const personAt = (meeting, id) => people.get(id) ?? partnerOf(meeting);

  const waves = groupBy(meetings, (meeting) => meeting.wave);
  for (const wave of waves.values()) {
    const signals = new LearnedSignals();
    const byOrder = [...groupBy(wave, (meeting) => meeting.order).entries()].sort(([a], [b]) => a - b);
    for (const [, now] of byOrder) {
      for (const meeting of now) {
        const member = personAt(meeting, meeting.iid);
        const candidate = personAt(meeting, meeting.pid);
        // The pair's own decisions (its other row may be earlier in `order`) are taken out while it is scored.
        const own = [signals.outcome(meeting.iid, meeting.pid), signals.outcome(meeting.pid, meeting.iid)].filter(
          Boolean,
        );
        for (const outcome of own) signals.forget(outcome.memberId, outcome.candidateId);
        const stated = evaluatePair(member, candidate, settings, { hardFilters: false });
        scores[meeting.index]['stated-only'] = stated.score;
        scores[meeting.index].learned = applyLearned(meeting.iid, stated, signals, settings).score;
        for (const outcome of own) signals.record(outcome);
      }
      for (const meeting of now)
        signals.record({
          memberId: meeting.iid,
          candidateId: meeting.pid,
          answer: meeting.dec === 1 ? 'yes' : 'no',
          fit: fitOf(personAt(meeting, meeting.iid), personAt(meeting, meeting.pid)),
        });
    }
  }
  return scores;
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

/** Per method, metric and half: the mean over people with its standard error, and the per-person values. */
function grade(meetings, scores) {
  const halves = [
    ['all meetings', () => true],
    // The second half of her evening: meetings after half of her `round` partners.
    ['second half', (meeting) => meeting.order > meeting.round / 2],
  ];
  const byPerson = [...groupBy(meetings, (meeting) => meeting.iid).values()];
  const table = [];
  for (const [half, inHalf] of halves)
    for (const [metric, measure] of METRICS) {
      const perPerson = Object.fromEntries(
        METHODS.map((method) => [
          method,
          byPerson.map((own) =>
            measure(
              own.filter(inHalf).map((meeting) => ({ score: scores[meeting.index][method], label: meeting.match })),
            ),
          ),
        ]),
      );
      table.push({ half, metric, perPerson });
    }
  return table;
}

/** Learned minus stated-only, person by person (people with both values): mean and standard error. */
function pairedDifference({ perPerson }) {
  return meanWithError(
    perPerson.learned.map((value, i) =>
      value === null || perPerson['stated-only'][i] === null ? null : value - perPerson['stated-only'][i],
    ),
  );
}

function report(file, meetings, table) {
  const waves = new Set(meetings.map((meeting) => meeting.wave)).size;
  const people = new Set(meetings.map((meeting) => meeting.iid)).size;
  console.log(`eval:matching on ${file}: ${meetings.length} meetings, ${people} people, ${waves} waves`);
  console.log('mean over people ± standard error (people counted: n); ties count at their expected value');
  const rows = table.map((row) => {
    const line = { half: row.half, metric: row.metric };
    for (const method of METHODS) {
      const { mean, se } = meanWithError(row.perPerson[method]);
      line[method] = `${mean.toFixed(3)} ± ${se.toFixed(3)}`;
    }
    const difference = pairedDifference(row);
    line.n = meanWithError(row.perPerson.learned).n;
    line['learned − stated (paired)'] = `${signed(difference.mean)} ± ${difference.se.toFixed(3)}`;
    return line;
  });
  console.table(rows);
  const secondHalfAuc = table.find((row) => row.half === 'second half' && row.metric.startsWith('AUC'));
  console.log(`learned AUC (second half): ${meanWithError(secondHalfAuc.perPerson.learned).mean.toFixed(3)}`);
}

const signed = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;

function writeScores(file, meetings, scores) {
  const lines = meetings.map((meeting) => `${meeting.iid},${meeting.pid},${scores[meeting.index].learned.toFixed(2)}`);
  try {
    fs.writeFileSync(file, ['iid,pid,score', ...lines].join('\n') + '\n');
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${error.message}`);
  }
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const meetings = readMeetings(options.data);
  if (options.build) buildEngine();
  const engine = loadEngine();
  const scores = replay(engine, meetings);
  if (options.out) writeScores(options.out, meetings, scores);
  report(options.data, meetings, grade(meetings, scores));
}

try {
  main();
} catch (error) {
  const known = error instanceof UsageError || error instanceof CsvError;
  console.error(`[eval:matching] ${known ? error.message : error.stack || error.message}`);
  process.exit(known ? 2 : 1);
}
