// Loading the Rust core (wasm-bindgen, --target web) from ../../pkg/.
// Failure is a value, never an exception: the page then shows a message in words and keeps
// the tables it rendered from the dataset JSON.
//
// The single-file build (tools/dist.mjs) bundles the glue module into the page and carries
// the .wasm inline (js/lib/inline.js); then the bytes come from the page instead of a fetch.

import { inlineBytes } from '../lib/inline.js';
import { createResilientCore } from './core.js';
import { fetchAsset, withinLoadTime, shipped, canCheckDigests, LoadTimeout } from '../assets.js';

const WASM_FILE = 'pkg/ai_capex_explainer_bg.wasm';
/**
 * The same core built without the dataset's rules and the SVG writer (Cargo.toml, features
 * "rules" and "svg"), about 15 KB gzip smaller, started by the same glue (./dev build checks
 * that its own glue is that one less shims it does not use): it reads only figures the build
 * has checked. The baked site ships it beside the other.
 */
const CHECKED_CORE_FILE = 'pkg/ai_capex_explainer_checked_bg.wasm';
/** The page's one load of the module (loadWasm). */
let loading = null;

/**
 * Whether the page may take the core without the rules: the site ships it and the page can
 * tell a file the build checked by its digest (js/core/data.js). js/head.js asks for it then.
 */
const checkedCoreUsable = () => shipped(CHECKED_CORE_FILE) && canCheckDigests();

/**
 * Import and initialise the module. `figuresChecked`, where given, resolves to whether the
 * figures the page reads are the very file the build checked: then the core without the rules
 * is taken (its download started at once), else the whole one. Resolves to { ok: true,
 * Explainer, lastPanic, pageSections, memory, renew, module, ms, checkedOnly } or { ok: false, reason,
 * detail } where reason is one of:
 *   "unsupported"  the browser has no WebAssembly
 *   "load"         the module or the .wasm file could not be fetched or compiled, or took
 *                  longer than LOAD_TIMEOUT_MS (js/assets.js)
 * One module per page: the glue initialises once, so every caller (the preview checks a file
 * before the page boots) shares the first load.
 */
export function loadWasm({ figuresChecked = null } = {}) {
  loading ??= load(figuresChecked);
  return loading;
}

async function load(figuresChecked) {
  const started = performance.now();
  if (typeof WebAssembly !== 'object') return { ok: false, reason: 'unsupported', detail: 'WebAssembly is not available' };
  try {
    // A literal specifier (resolved against this module, as before), so a bundler can follow it.
    // Each file within the load time from when it is asked for: the whole core may be asked for
    // only once the figures are in.
    const [glue, { module, checkedOnly }] = await Promise.all([withinLoadTime(import('../../pkg/ai_capex_explainer.js'), 'pkg/ai_capex_explainer.js'), compileCore(figuresChecked)]);
    if (typeof glue.Explainer !== 'function') throw new Error('the module has no Explainer export');
    const core = instantiateRenewable(glue, module);
    return {
      ok: true,
      Explainer: instanceBound(glue.Explainer, core),
      lastPanic: glue.last_panic,
      pageSections: glue.page_sections(),
      get memory() {
        return core.exports.memory;
      },
      renew: core.renew,
      /** The compiled core, for a worker of the page's to instantiate (js/core/heavy-worker.js). */
      module,
      ms: performance.now() - started,
      checkedOnly,
    };
  } catch (e) {
    return { ok: false, reason: 'load', detail: e && e.message ? e.message : String(e) };
  }
}

/**
 * The compiled .wasm as { module, checkedOnly }: from the page (single file), else fetched by
 * its own address; the core without the rules when `figuresChecked` resolves to true.
 */
async function compileCore(figuresChecked) {
  const bytes = await inlineBytes('wasm');
  if (bytes) return { module: await WebAssembly.compile(bytes), checkedOnly: false };
  if (figuresChecked && checkedCoreUsable()) {
    // Compiled while it downloads; taken only if the figures turn out to be the build's.
    const checkedCore = compileFile(CHECKED_CORE_FILE);
    checkedCore.catch(() => {}); // a failure is reported if it is taken
    if (await figuresChecked) {
      try {
        return { module: await checkedCore, checkedOnly: true };
      } catch (error) {
        // Missing or broken on the host: the whole core will do (not after a timeout, though:
        // the reader has waited the one load time already).
        if (error instanceof LoadTimeout) throw error;
      }
    }
  }
  return { module: await compileFile(WASM_FILE), checkedOnly: false };
}

/** The .wasm `file`, compiled, within the load time. */
function compileFile(file) {
  return withinLoadTime(
    (async () => {
      const response = await fetchAsset(file);
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      // Compiled while it downloads, when the server says what it is.
      const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
      return type === 'application/wasm' ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
    })(),
    file,
  );
}

/**
 * The core's instance, renewable: renew() replaces it with a fresh one (fresh memory) from the
 * same compiled module, so what a trap leaves behind (an object still marked as borrowed, which
 * can never be freed) goes with the old memory instead of piling up. The glue keeps the exports
 * it was first given for ever, so it is given an object that reads the current instance's.
 */
function instantiateRenewable(glue, module) {
  const Instance = WebAssembly.Instance;
  const exports = {};
  let imports;
  let current;
  // initSync builds the glue's imports and instantiates with them, synchronously: take both.
  WebAssembly.Instance = function capture(compiled, given) {
    imports = given;
    current = new Instance(compiled, given);
    for (const name of Object.getOwnPropertyNames(current.exports)) Object.defineProperty(exports, name, { get: () => current.exports[name] });
    return { exports };
  };
  try {
    glue.initSync({ module });
  } finally {
    WebAssembly.Instance = Instance;
  }
  // The glue initialises once: started elsewhere, it would never take this instance.
  if (!current) throw new Error('the core was initialised outside js/core/wasm.js');
  const renewed = [];
  return {
    exports,
    /** The instance in use (objects made in an earlier one must not reach it). */
    get instance() {
      return current;
    },
    /** `then()` is called after each renewal. */
    onRenew(then) {
      renewed.push(then);
    },
    renew() {
      const old = current.exports.memory;
      current = new Instance(module, imports);
      // Detach the old buffer: the glue's cached views of it then read the new memory.
      old.grow(0);
      current.exports.__wbindgen_start();
      for (const then of renewed) then();
    },
  };
}

/**
 * The glue's Explainer, each object tied to the instance it was made in. The glue frees an
 * object (free(), or its FinalizationRegistry once the object is garbage) by its address in
 * whatever instance is current: after a renewal that address is another object's, or nothing,
 * in the new memory. So each object leaves the glue's registry for one that knows its
 * instance, and a renewal empties every object made before it: a later call on one fails
 * ("null pointer passed to rust") without touching the new memory, and free() does nothing.
 */
function instanceBound(Explainer, core) {
  let made = new Set(); // WeakRefs to the objects of the instance in use
  const garbage = new FinalizationRegistry(({ ptr, instance, ref }) => {
    made.delete(ref);
    if (instance === core.instance) core.exports.__wbg_explainer_free(ptr, 1);
  });
  const forget = (object) => {
    garbage.unregister(object);
    object.__destroy_into_raw();
  };
  core.onRenew(() => {
    for (const ref of made) {
      const object = ref.deref();
      if (object) forget(object);
    }
    made = new Set();
  });
  return class InstanceBoundExplainer extends Explainer {
    #ref = new WeakRef(this);
    constructor() {
      super();
      const ptr = this.__destroy_into_raw(); // out of the glue's registry
      this.__wbg_ptr = ptr;
      made.add(this.#ref);
      garbage.register(this, { ptr, instance: core.instance, ref: this.#ref }, this);
    }
    free() {
      made.delete(this.#ref);
      garbage.unregister(this);
      if (this.__wbg_ptr !== 0) super.free();
    }
  };
}

/**
 * A new core (js/core/core.js: it restarts itself after a trap, calling `onRestart`), handed the
 * dataset file's JSON text, when there is one. Returns { ok: true, ex, errors } or { ok: false,
 * detail }: `errors` are the problems that made the core refuse the file ([] when it accepted
 * it); the calculator works either way. `checkedByBuild`: the text is the very file the build
 * checked (js/core/data.js compared its digest), so the core reads it without running the rules
 * again.
 */
export function createExplainer(wasm, datasetText, onRestart, { checkedByBuild = false } = {}) {
  try {
    const ex = createResilientCore(wasm.Explainer, { lastPanic: wasm.lastPanic, renew: wasm.renew, onRestart });
    const read = (text) => (checkedByBuild ? ex.set_checked_dataset(text) : ex.set_dataset(text));
    const problems = datasetText !== undefined ? read(datasetText) : [];
    return { ok: true, ex, errors: Array.isArray(problems) ? problems : [] };
  } catch (e) {
    return { ok: false, detail: e && e.message ? e.message : String(e) };
  }
}
