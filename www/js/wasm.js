// Loading the Rust core (wasm-bindgen, --target web) from ../pkg/.
// Failure is a value, never an exception: the page then shows a message in words and keeps
// the tables it rendered from the dataset JSON.
//
// The single-file build (tools/dist.mjs) bundles the glue module into the page and carries
// the .wasm inline (inline.js); then the bytes come from the page instead of a fetch.

import { inlineBytes } from './inline.js';

/**
 * Import and initialise the module. Resolves to { ok: true, Explainer, ms } or
 * { ok: false, reason, detail } where reason is one of:
 *   "unsupported"  the browser has no WebAssembly
 *   "load"         the module or the .wasm file could not be fetched or compiled
 */
export async function loadWasm() {
  const started = performance.now();
  if (typeof WebAssembly !== 'object') return { ok: false, reason: 'unsupported', detail: 'WebAssembly is not available' };
  try {
    // A literal specifier (resolved against this module, as before), so a bundler can follow it.
    const [mod, bytes] = await Promise.all([import('../pkg/ai_capex_explainer.js'), inlineBytes('wasm')]);
    // The .wasm by an address relative to this module, which is js/ both as a file and inside
    // the baked page's bundle (the glue's own default would resolve against the bundle).
    await mod.default({ module_or_path: bytes || new URL('../pkg/ai_capex_explainer_bg.wasm', import.meta.url) });
    if (typeof mod.Explainer !== 'function') throw new Error('the module has no Explainer export');
    return { ok: true, Explainer: mod.Explainer, ms: performance.now() - started };
  } catch (e) {
    return { ok: false, reason: 'load', detail: e && e.message ? e.message : String(e) };
  }
}

/**
 * Explainer.load(text) with the dataset file's text (undefined = the built-in dataset).
 * Returns { ok: true, ex, errors, datasetText } or { ok: false, detail }.
 * `errors` are the problems found in the supplied file ([] when it was valid); when there are
 * any, the core fell back to its built-in dataset and `datasetText` is that dataset.
 */
export function createExplainer(Explainer, datasetText) {
  try {
    const ex = Explainer.load(typeof datasetText === 'string' ? datasetText : undefined);
    let errors = [];
    try {
      const parsed = JSON.parse(ex.dataset_errors());
      errors = Array.isArray(parsed) ? parsed : [];
    } catch {
      errors = [];
    }
    let text = null;
    if (errors.length || typeof datasetText !== 'string') {
      try {
        text = ex.dataset_json();
      } catch {
        text = null;
      }
    }
    return { ok: true, ex, errors, datasetText: text };
  } catch (e) {
    return { ok: false, detail: e && e.message ? e.message : String(e) };
  }
}
