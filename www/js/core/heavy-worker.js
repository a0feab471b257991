// Runs in a Web Worker: the calculator's heavy results (the Monte Carlo, the tornado and the
// map) made off the page's main thread, so nothing the reader does waits behind them
// (js/calculator/heavy-worker-client.js starts it; where it cannot, the page makes them in
// slices). It takes the core the page compiled (a WebAssembly.Module, posted once: neither
// fetched nor compiled again), makes the results for the scenario it is sent as the page's core
// would (the model needs no dataset), and posts each, written flat (src/model/flat.rs), for
// the page's core to take and draw (Explainer.take_result).
//
// Messages in: {module}, then {job, scenario, monteCarlo: {median, spread, runs, seed} | null}.
// Out: {ready} or {failed}; for each job {job, name, result} per result as it is made, then
// {job, done} or {job, failed}. A result the core refuses is not posted: the page's core makes
// it (the same refusal) itself.

import { initSync, Explainer } from '../../pkg/ai_capex_explainer.js';

let ex = null;
let latest = 0;

const describe = (error) => (error && error.message ? error.message : String(error));
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

self.onmessage = ({ data }) => {
  if (data.module) start(data.module);
  else {
    latest = data.job;
    make(data);
  }
};

function start(module) {
  try {
    initSync({ module });
    ex = new Explainer();
    self.postMessage({ ready: true });
  } catch (error) {
    self.postMessage({ failed: describe(error) });
  }
}

/**
 * How long the core works between looks at the messages: a newer job stops this one at the
 * next look. Off the main thread, a long slice keeps nothing waiting but a newer job.
 */
const SLICE_MS = 50;

async function make({ job, scenario, monteCarlo }) {
  try {
    for (const [field, value] of Object.entries(scenario)) {
      const set = ex.set_input(field, String(value));
      if (!set || !set.ok) throw new Error(`the core refused ${field} = ${value}`);
    }
    // A run the core refuses is not made here: the page's core finds the same refusal.
    if (monteCarlo) ex.start_monte_carlo(monteCarlo.median, monteCarlo.spread, monteCarlo.runs, monteCarlo.seed);
    for (;;) {
      await nextTask(); // a newer job, if one was sent, is read first
      if (job !== latest) return;
      const { finished, pending } = ex.advance(SLICE_MS);
      for (const name of finished) {
        const result = ex.flat_result(name);
        if (result) self.postMessage({ job, name, result }, [result.buffer]);
      }
      if (!pending) break;
    }
    self.postMessage({ job, done: true });
  } catch (error) {
    self.postMessage({ job, failed: describe(error) });
  }
}
