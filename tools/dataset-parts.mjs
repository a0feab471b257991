// The baked site's dataset in two parts (www/js/core/dataset-parts.js): the figures, which the
// page loads with the core, and their words, loaded when a reader asks for them — one pair per
// reader language, each text in that language only (a page loads no other language's words:
// 33.7 → 20.0 KB gzip of figures for the English page). Cut here from the one file editors
// keep, after the shipped core has checked it whole; each figures part is checked again, as the
// page will read it.

import { splitDataset } from '../www/js/core/dataset-parts.js';
import { localized } from '../www/js/core/data.js';
import { LANGS } from '../www/js/lib/i18n.js';

/**
 * The ids of the figures the page shows words of before anything is asked for, beside those the
 * charts draw: each calculator input's and constant's source line quotes its figure
 * (js/calculator/calculator-text.js).
 */
function citedFacts(ex) {
  const cited = new Set();
  for (const spec of ex.input_specs() || []) if (spec.origin && spec.origin.type === 'fact') cited.add(spec.origin.ref);
  for (const constant of ex.constants() || []) for (const id of constant.fact_ids || []) cited.add(id);
  return cited;
}

/** The core's problems with `value`, as lines ([] when `ex` accepts it, and now holds it). */
function refusals(ex, value) {
  return (ex.set_dataset(JSON.stringify(value)) || []).map((e) => (typeof e === 'string' ? e : e.message || JSON.stringify(e)));
}

/** A localized text: an object of strings keyed by language, English among them. */
const isLocalized = (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && 'en' in x && Object.entries(x).every(([k, v]) => LANGS.includes(k) && typeof v === 'string');

/**
 * `value` with every localized text cut to the words a reader of `lang` sees (Traditional
 * Chinese, where a text has none, the Simplified), as the page picks them (js/core/data.js
 * `localized`; src/data/lang.rs falls back alike).
 */
export function inLanguage(value, lang) {
  if (isLocalized(value)) return { [lang]: localized(value, lang) };
  if (Array.isArray(value)) return value.map((x) => inLanguage(x, lang));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLanguage(v, lang)]));
  return value;
}

/**
 * `bytes`, the whole dataset file, cut with the core `core` (tools/core.mjs) in two parts per
 * language of `langs`: resolves to { [lang]: { figures, words } } as JSON text. Throws when the
 * core refuses the file or a figures part.
 */
export function cutDataset(core, bytes, langs = LANGS) {
  const whole = JSON.parse(bytes.toString('utf8'));
  const ex = new core.Explainer();
  try {
    const problems = refusals(ex, whole);
    if (problems.length) throw new Error(`the core refuses www/data/capex-dataset.json:\n${problems.join('\n')}`);
    const cited = citedFacts(ex);
    const parts = {};
    for (const lang of langs) {
      const { figures, words } = splitDataset(inLanguage(whole, lang), cited);
      // Beside the digest, which leaves `split` out.
      figures.split.lang = lang;
      words.split.lang = lang;
      const left = refusals(ex, figures);
      if (left.length) throw new Error(`the core refuses the ${lang} figures part cut from www/data/capex-dataset.json:\n${left.join('\n')}`);
      parts[lang] = { figures: JSON.stringify(figures), words: JSON.stringify(words) };
    }
    return parts;
  } finally {
    ex.free();
  }
}
