// The wasm core, kept alive. The page holds one object whose methods call the current
// Explainer. A trap in the core (a Rust panic: the release build aborts and the browser throws a
// RuntimeError) leaves that Explainer unusable — every later call would fail with "recursive use
// of an object" — so a trap here makes a new Explainer, hands it the last good state (dataset,
// view, each chart's set of figures, the scenario), tries the call once more and tells the page
// (onRestart), which says so in the reader's words and redraws. The new Explainer lives in a
// fresh instance of the module (`renew`): the old one cannot be freed, and would stay in memory.

/** Whether `error` is the core failing (a trap, or its aftermath), not a refusal of bad input. */
export function isCoreFailure(error) {
  if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) return true;
  return /recursive use of an object|attempted to take ownership|null pointer passed to rust/i.test(String(error && error.message));
}

/**
 * A core that restarts itself after a trap. `Explainer` is the wasm class, `lastPanic()` the
 * core's own account of the failure (or null), `renew()` replaces the module's instance with a
 * fresh one, `onRestart({ method, message })` is called after each restart. Returns an object
 * with the Explainer's methods.
 */
export function createResilientCore(Explainer, { lastPanic = () => null, renew = () => {}, onRestart = () => {} } = {}) {
  let raw = new Explainer();
  // The last good state, kept as the calls that made it (no extra call into the core on the
  // slider's hot path): the dataset as the call that took it (a core built without the rules
  // takes only set_checked_dataset), the scenario as its preset plus the inputs set since.
  const state = { dataset: null, view: null, figures: new Map(), preset: null, inputs: new Map() };

  function record(method, args, result) {
    const accepted = !(result && result.ok === false);
    if ((method === 'set_dataset' || method === 'set_checked_dataset') && Array.isArray(result) && result.length === 0) state.dataset = { method, text: args[0] };
    else if (method === 'set_view') state.view = args[0];
    else if (method === 'set_figures') state.figures.set(args[0], args[1]);
    else if (method === 'reset' || (method === 'apply_preset' && accepted)) {
      state.preset = method === 'reset' ? null : args[0];
      state.inputs.clear();
    } else if (method === 'set_input' && accepted) {
      state.inputs.delete(args[0]);
      state.inputs.set(args[0], args[1]);
    }
  }

  /** A new Explainer, in a fresh instance, with the last good state. */
  function restart() {
    try {
      // Still marked as borrowed by the call that trapped, so this refuses to free it; it does
      // let go of the JS side (its finalizer would otherwise free its address in the new instance).
      raw.free();
    } catch {
      /* expected */
    }
    renew();
    raw = new Explainer();
    if (state.dataset !== null) {
      const refused = raw[state.dataset.method](state.dataset.text);
      // The very text this core took before: a refusal now is the core failing, not the data.
      if (!Array.isArray(refused) || refused.length) throw new Error(`the restarted core refused the dataset it had taken: ${JSON.stringify(refused)}`);
    }
    if (state.view !== null) raw.set_view(state.view);
    for (const [id, which] of state.figures) raw.set_figures(id, which);
    if (state.preset !== null) raw.apply_preset(state.preset);
    for (const [field, text] of state.inputs) raw.set_input(field, text);
  }

  function call(method, args) {
    try {
      const result = raw[method](...args);
      record(method, args, result);
      return result;
    } catch (error) {
      if (!isCoreFailure(error)) throw error;
      let message = String(error && error.message);
      try {
        message = lastPanic() || message;
      } catch {
        /* the core cannot even say */
      }
      restart();
      onRestart({ method, message });
      const result = raw[method](...args);
      record(method, args, result);
      return result;
    }
  }

  return new Proxy(
    {},
    {
      get(_, method) {
        if (typeof method !== 'string' || typeof raw[method] !== 'function') return undefined;
        return (...args) => call(method, args);
      },
    },
  );
}
