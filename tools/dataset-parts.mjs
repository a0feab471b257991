// The baked site's dataset in two parts (www/js/core/dataset-parts.js): the figures, which the
// page loads with the core, and their words, loaded when a reader asks for them. Cut here from
// the one file editors keep, after the shipped core has checked it whole; the figures part is
// checked again, as the page will read it.

import { splitDataset } from '../www/js/core/dataset-parts.js';

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

/**
 * `bytes`, the whole dataset file, cut in two with the core `core` (tools/core.mjs): resolves to
 * { figures, words } as JSON text. Throws when the core refuses the file or the figures part.
 */
export function cutDataset(core, bytes) {
  const whole = JSON.parse(bytes.toString('utf8'));
  const ex = new core.Explainer();
  try {
    const problems = refusals(ex, whole);
    if (problems.length) throw new Error(`the core refuses www/data/capex-dataset.json:\n${problems.join('\n')}`);
    const { figures, words } = splitDataset(whole, citedFacts(ex));
    const left = refusals(ex, figures);
    if (left.length) throw new Error(`the core refuses the figures part cut from www/data/capex-dataset.json:\n${left.join('\n')}`);
    return { figures: JSON.stringify(figures), words: JSON.stringify(words) };
  } finally {
    ex.free();
  }
}
