// Loading the Rust core (wasm-bindgen, --target web) from ../pkg/.
// Failure is a value, never an exception: the page then shows a message in words and keeps
// the tables it rendered from the dataset JSON.
//
// The single-file build (tools/dist.mjs) bundles the glue module into the page and carries
// the .wasm inline (inline.js); then the bytes come from the page instead of a fetch.

import { inlineBytes } from './inline.js';
import { createResilientCore } from './core.js';
import { fetchAsset } from './assets.js';

/**
 * Import and initialise the module. Resolves to { ok: true, Explainer, memory, ms } or
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
    // The .wasm by its own address (the glue's default would resolve against the bundle).
    const exports = await mod.default({ module_or_path: bytes || fetchAsset('pkg/ai_capex_explainer_bg.wasm') });
    if (typeof mod.Explainer !== 'function') throw new Error('the module has no Explainer export');
    return { ok: true, Explainer: mod.Explainer, lastPanic: mod.last_panic, pageSections: mod.page_sections(), memory: exports.memory, ms: performance.now() - started };
  } catch (e) {
    return { ok: false, reason: 'load', detail: e && e.message ? e.message : String(e) };
  }
}

/**
 * A new core (js/core.js: it restarts itself after a trap, calling `onRestart`), handed the
 * dataset file's text when there is one. Returns { ok: true, ex, errors } or { ok: false,
 * detail }: `errors` are the problems that made the core refuse the file ([] when it accepted
 * it); the calculator works either way.
 */
export function createExplainer(wasm, datasetText, onRestart) {
  try {
    const ex = createResilientCore(wasm.Explainer, { lastPanic: wasm.lastPanic, onRestart });
    const problems = typeof datasetText === 'string' ? ex.set_dataset(datasetText) : [];
    return { ok: true, ex, errors: Array.isArray(problems) ? problems : [] };
  } catch (e) {
    return { ok: false, detail: e && e.message ? e.message : String(e) };
  }
}
