// The dataset file: fetch it (or take it from the page, in the single-file build:
// js/lib/inline.js), parse it, and index it for the tables and tooltips. The baked site ships
// it in two parts (js/core/dataset-parts.js): the figures come first, their words when asked.
//
// The page shows only figures the wasm core has checked (ex.set_dataset). Without the core it
// shows a file only if it passes the shape check below, and says so. Nothing here throws on a
// malformed file: missing arrays become empty, records that are not objects are skipped.

import { inlineText } from '../lib/inline.js';
import { datasetInParts, contentHash, fetchAsset, withinLoadTime, canCheckDigests } from '../assets.js';
import { MAX_DATASET_BYTES, readWithinLimit, tooLargeMessage } from '../data-file/size-limit.js';
import { joinWords } from './dataset-parts.js';

const WHOLE_FILE = 'data/capex-dataset.json';

/**
 * Fetch what the page starts from: the figures part in `lang` where the site ships one, else
 * the whole file. Resolves to { text } or { error } — never waits longer than LOAD_TIMEOUT_MS
 * (js/assets.js) nor reads more than MAX_DATASET_BYTES. A page that carries the file inline
 * (the single-file build) answers from it without fetching.
 */
export function fetchDatasetText(lang) {
  return datasetInParts(lang) && inlineText('dataset') === null ? readDataFile(`data/capex-figures.${lang}.json`, { digest: true }) : fetchWholeDatasetText();
}

/** The whole file, as editors keep it (a download of the data), as { text } or { error }. */
export function fetchWholeDatasetText() {
  const inlined = inlineText('dataset');
  return inlined !== null ? Promise.resolve({ text: inlined }) : readDataFile(WHOLE_FILE);
}

/** The words part in `lang` (its figures part's), parsed: { value } or { error }. */
async function fetchWords(lang) {
  const file = await readDataFile(`data/capex-words.${lang}.json`);
  return file.text !== undefined ? parseJson(file.text) : file;
}

/**
 * Whether `bytes` are the very file the build checked with the core's rules and named by its
 * digest (tools/bake.mjs): then the core need not run the rules again (a quarter of its work
 * before the first chart on a phone). False where the site uses plain names, where the bytes
 * differ (a file changed on the host), or where no digest can be taken (crypto.subtle wants a
 * secure context).
 */
async function isBuildChecked(name, bytes) {
  const expected = contentHash(name);
  if (!expected || !canCheckDigests()) return false;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return [...digest.slice(0, 5)].map((b) => b.toString(16).padStart(2, '0')).join('') === expected;
  } catch {
    return false;
  }
}

/**
 * `name`'s text, as { text } or { error }; with `digest`, also whether it is the very file the
 * build checked (`checkedByBuild`).
 */
async function readDataFile(name, { digest = false } = {}) {
  try {
    return await withinLoadTime(
      (async () => {
        const response = await fetchAsset(name);
        if (!response.ok) return { error: `${name}: HTTP ${response.status}` };
        const { bytes, size } = await readWithinLimit(response);
        if (size > MAX_DATASET_BYTES) return { error: tooLargeMessage(size) };
        const text = new TextDecoder().decode(bytes);
        return digest ? { text, checkedByBuild: await isBuildChecked(name, bytes) } : { text };
      })(),
      name,
    );
  } catch (e) {
    return { error: e && e.message ? e.message : String(e) };
  }
}

/** JSON.parse that returns { value } or { error } instead of throwing. */
export function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: e && e.message ? e.message : String(e) };
  }
}

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x) => (Array.isArray(x) ? x.filter(isObject) : []);

/**
 * The page's own check of a dataset's shape, for when the core cannot check it: every field the
 * page reads has the type it reads it as. Returns the problems in English ([] when none), at
 * most `max`. A file that passes may still break the core's rules; the page says so.
 */
export function shapeProblems(raw, max = 20) {
  const problems = [];
  const report = (where, what) => problems.length < max && problems.push(`${where}: ${what}`);
  const isText = (x) => typeof x === 'string' || (isObject(x) && Object.values(x).every((v) => typeof v === 'string'));
  const optional = (test) => (x) => x === undefined || x === null || test(x);
  const isId = (x) => typeof x === 'string' && x.trim() !== '';
  const isIdList = (x) => Array.isArray(x) && x.every(isId);
  const isNumber = (x) => typeof x === 'number' && Number.isFinite(x);
  const isPeriod = (x) => isObject(x) && Number.isInteger(x.start) && Number.isInteger(x.end) && typeof x.kind === 'string';
  const RECORDS = {
    sources: { id: isId, outlet: isText, title: optional(isText), date: optional((x) => typeof x === 'string'), url: optional((x) => typeof x === 'string'), grade: optional((x) => typeof x === 'string') },
    entities: { id: isId, name: isText },
    metrics: { id: isId, name: isText },
    facts: { id: isId, entity: isId, metric: isId, source: isId, unit: isId, value: isNumber, value_high: optional(isNumber), period: isPeriod, quote: optional((x) => typeof x === 'string'), note: optional(isText), definition: optional(isText) },
    reference: { id: isId, entity: isId, metric: isId, source: isId, unit: isId, value: isNumber, value_high: optional(isNumber), period: isPeriod, note: optional(isText), definition: optional(isText) },
    charts: { id: isId, facts: isIdList, context: optional(isIdList) },
    conflicts: { id: isId, facts: isIdList, title: optional(isText), explanation: optional(isText) },
    changelog: { date: isId, text: isText },
  };
  if (!isObject(raw)) return ['the file is not a JSON object'];
  for (const [name, fields] of Object.entries(RECORDS)) {
    const records = raw[name];
    if (records === undefined && name === 'changelog') continue;
    if (!Array.isArray(records)) {
      report(name, 'is not a list');
      continue;
    }
    records.forEach((record, i) => {
      if (!isObject(record)) return report(`${name}[${i}]`, 'is not an object');
      for (const [field, test] of Object.entries(fields)) if (!test(record[field])) report(`${name}[${i}].${field}`, 'is missing or of the wrong type');
    });
  }
  return problems;
}

/**
 * Text of a localized record {en, zh-Hans, zh-Hant?} in `lang`. Traditional Chinese falls
 * back to Simplified (as in the Rust core), then English. Plain strings pass through.
 */
export function localized(text, lang) {
  if (typeof text === 'string') return text;
  if (!isObject(text)) return '';
  const pick = (k) => (typeof text[k] === 'string' && text[k].trim() !== '' ? text[k] : null);
  if (lang === 'en') return pick('en') ?? pick('zh-Hans') ?? '';
  if (lang === 'zh-Hant') return pick('zh-Hant') ?? pick('zh-Hans') ?? pick('en') ?? '';
  return pick('zh-Hans') ?? pick('en') ?? '';
}

/**
 * Index a parsed dataset (the whole file or its figures part). Never throws. Returns
 * { raw, version, schema, rateFor(year), cutoff, sources, entities, metrics, facts (Map id → fact),
 *   isReference(id), grade(fact), source(fact), entity(fact), charts: [{id, drawn, facts}]
 *   (`drawn`: the chart's figures; `facts`: those and the table-only context figures),
 *   conflictsFor(factIds), complete, whenComplete(), wordsProblem }. A figures part's words are
 * fetched in its language (`split.lang`), else in `lang`.
 */
export function indexDataset(raw, lang = 'en') {
  const ds = isObject(raw) ? raw : {};
  const sources = new Map(list(ds.sources).map((s) => [s.id, s]));
  const entities = new Map(list(ds.entities).map((e) => [e.id, e]));
  const metrics = new Map(list(ds.metrics).map((m) => [m.id, m]));
  const facts = new Map();
  const referenceIds = new Set();
  for (const f of list(ds.facts)) facts.set(f.id, f);
  for (const f of list(ds.reference)) {
    if (!facts.has(f.id)) facts.set(f.id, f);
    referenceIds.add(f.id);
  }
  // The records themselves, not copies: the words of a figures part are added to them in place.
  const conflicts = list(ds.conflicts);
  const conflictFacts = (c) => (Array.isArray(c.facts) ? c.facts : []);
  const charts = list(ds.charts)
    .filter((c) => typeof c.id === 'string')
    .map((c) => {
      const ids = (x) => (Array.isArray(x) ? x.filter((id) => typeof id === 'string') : []);
      return { id: c.id, drawn: ids(c.facts), facts: [...ids(c.facts), ...ids(c.context)] };
    });
  // One official rate per year; a year without one takes the nearest year's (the later on a
  // tie), as in the Rust core.
  const rates = list(ds.reference_rates).filter((r) => Number.isInteger(r.year) && Number.isFinite(r.cny_per_usd) && r.cny_per_usd > 0);
  const rateFor = (year) =>
    rates.reduce((best, r) => {
      if (!best) return r;
      const d = Math.abs(r.year - year) - Math.abs(best.year - year);
      return d < 0 || (d === 0 && r.year > best.year) ? r : best;
    }, null);

  // The data cut-off: the month of the latest source, so the page says how current the
  // figures are beside the date it was last edited ("Updated" can be months later).
  const cutoff = [...sources.values()]
    .map((s) => (typeof s.date === 'string' && /^\d{4}(-\d{2})?/.test(s.date) ? s.date.slice(0, 7) : ''))
    .reduce((latest, d) => (d > latest ? d : latest), '');

  const source = (fact) => (fact ? sources.get(fact.source) : undefined);
  let adding = null; // the words of a figures part, while they are being fetched
  let wordsProblem = '';
  const GRADES = ['A', 'B', 'C', 'D'];
  /** The grade of a figure: its own, else its source's; unknown counts as D (as in Rust). */
  const grade = (fact) => {
    if (fact && GRADES.includes(fact.grade)) return fact.grade;
    const s = source(fact);
    return s && GRADES.includes(s.grade) ? s.grade : 'D';
  };

  return {
    raw: ds,
    version: typeof ds.dataset_version === 'string' ? ds.dataset_version : '',
    schema: ds.schema_version,
    /** The reference rate record {year, cny_per_usd, source, basis} for figures of `year`, or null. */
    rateFor,
    /** The month of the latest source (YYYY-MM, or YYYY), '' when no source is dated. */
    cutoff,
    /** Published changes, newest first: [{date, text}] ([] until a figures part has its words). */
    get changelog() {
      return list(ds.changelog).filter((c) => typeof c.date === 'string');
    },
    sources,
    entities,
    metrics,
    facts,
    charts,
    conflicts,
    isReference: (id) => referenceIds.has(id),
    fact: (id) => facts.get(id),
    source,
    entity: (fact) => (fact ? entities.get(fact.entity) : undefined),
    metric: (fact) => (fact ? metrics.get(fact.metric) : undefined),
    grade,
    /** Conflicts that involve any of `factIds`, in file order. */
    conflictsFor(factIds) {
      const wanted = new Set(factIds);
      return conflicts.filter((c) => conflictFacts(c).some((id) => wanted.has(id)));
    },
    /** Whether the words are here: a whole file, or a figures part whose words have been added. */
    get complete() {
      return !isObject(ds.split);
    },
    /**
     * Resolves once the words are here: true, or false when they could not be had. The first
     * call of a figures part fetches its words and adds them; after a failure, a call asks again
     * only with `retry` (a reader's deliberate act, not a hover).
     */
    whenComplete({ retry = true } = {}) {
      if (!isObject(ds.split)) return Promise.resolve(true);
      if (!retry && wordsProblem && !adding) return Promise.resolve(false);
      adding ??= fetchWords(ds.split.lang ?? lang).then((part) => {
        const problem = part.error ?? joinWords(ds, part.value);
        adding = null;
        if (problem) {
          wordsProblem = String(problem);
          return false;
        }
        return true;
      });
      return adding;
    },
    /** Why the words could not be had the last time they were asked for, or ''. */
    get wordsProblem() {
      return this.complete ? '' : wordsProblem;
    },
  };
}
