// The dataset file: fetch it (or take it from the page, in the single-file build: inline.js),
// parse it, and index it for the tables and tooltips.
//
// The page renders its tables from the JSON with plain JS before the wasm is ready, so
// nothing here may throw on a malformed file: missing arrays become empty, records that are
// not objects are skipped. The wasm core does the real validation (ex.dataset_errors()).

import { inlineText } from './inline.js';
import { fetchAsset } from './assets.js';

/**
 * Fetch the dataset file as text. Resolves to { text } or { error }. A page that carries the
 * file inline (the single-file build) answers from it without fetching.
 */
export async function fetchDatasetText() {
  const inlined = inlineText('dataset');
  if (inlined !== null) return { text: inlined };
  try {
    const response = await fetchAsset('data/capex-dataset.json');
    if (!response.ok) return { error: `HTTP ${response.status}` };
    return { text: await response.text() };
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

/** Whether the record has text in exactly this language (used to mark fallbacks). */
export function hasOwnLang(text, lang) {
  return isObject(text) && typeof text[lang] === 'string' && text[lang].trim() !== '';
}

/**
 * Index a parsed dataset. Never throws. Returns
 * { raw, version, schema, rateFor(year), sources, entities, metrics, facts (Map id → fact),
 *   isReference(id), grade(fact), source(fact), entity(fact), charts: [{id, drawn, facts}]
 *   (`drawn`: the chart's figures; `facts`: those and the table-only context figures),
 *   conflictsFor(factIds) }.
 */
export function indexDataset(raw) {
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
  const conflicts = list(ds.conflicts).map((c) => ({ ...c, facts: Array.isArray(c.facts) ? c.facts : [] }));
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

  const source = (fact) => (fact ? sources.get(fact.source) : undefined);
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
    /** Published changes, newest first: [{date, text}]. */
    changelog: list(ds.changelog).filter((c) => typeof c.date === 'string'),
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
      return conflicts.filter((c) => c.facts.some((id) => wanted.has(id)));
    },
  };
}
