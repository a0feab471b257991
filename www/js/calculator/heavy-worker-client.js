// The calculator's side of js/core/heavy-worker.js: starts the worker with the core the page
// compiled, sends it each scenario whose heavy results are wanted and hands each result over as
// it comes. Where no worker can start — the single file (its core is in the page, and a page
// from file:// starts none), a sandboxed frame with an opaque origin, a host policy without
// workers — or the worker fails, or gives no answer within the load time, there is none: the
// calculator then makes the results itself, in slices on the main thread (src/web/slices.rs).

import { assetUrl, LOAD_TIMEOUT_MS } from '../assets.js';
import { inlineText } from '../lib/inline.js';

const WORKER_FILE = 'js/core/heavy-worker.js';

/**
 * A worker for `module` (the page's compiled core), or null where none can start. Returns
 * { make(scenario, monteCarlo, onResult), usable }: `usable` turns false for good once the
 * worker has failed.
 */
export function startHeavyWorker(module) {
  if (!(module instanceof WebAssembly.Module) || typeof Worker !== 'function' || inlineText('wasm') !== null) return null;
  let worker;
  try {
    worker = new Worker(assetUrl(WORKER_FILE), { type: 'module' });
    worker.postMessage({ module });
  } catch {
    return null; // an opaque origin, or a policy that forbids it
  }
  let usable = true;
  let jobs = 0;
  let current = null; // { job, onResult, resolve, timer }
  let startedOrNot;
  const ready = new Promise((resolve) => (startedOrNot = resolve));
  const startTimer = setTimeout(stop, LOAD_TIMEOUT_MS);

  function finish(made) {
    if (!current) return;
    clearTimeout(current.timer);
    current.resolve(made);
    current = null;
  }

  /** The worker is of no more use: its script did not load or threw, its core failed, or it stopped answering. */
  function stop() {
    usable = false;
    clearTimeout(startTimer);
    worker.terminate();
    startedOrNot(false);
    finish(false);
  }

  worker.onmessage = ({ data }) => {
    if (data.ready) {
      clearTimeout(startTimer);
      startedOrNot(true);
    } else if (data.failed !== undefined) stop();
    else if (current && data.job === current.job) {
      if (data.done) finish(true);
      else current.onResult(data.name, data.result);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault(); // said here, by the slices taking over, not in the console as uncaught
    stop();
  };
  worker.onmessageerror = stop;

  return {
    /**
     * The heavy results of `scenario` (with the Monte Carlo when `monteCarlo` gives its
     * {median, spread, runs, seed}): `onResult(name, result)` for each as it is made. Resolves
     * to true once all are made, false if the worker stopped first: for a newer job (this one
     * gives up at once) or for good.
     */
    async make(scenario, monteCarlo, onResult) {
      finish(false);
      const job = ++jobs;
      if (!(await ready) || job !== jobs) return false;
      return new Promise((resolve) => {
        current = { job, onResult, resolve, timer: setTimeout(stop, LOAD_TIMEOUT_MS) };
        worker.postMessage({ job, scenario, monteCarlo });
      });
    },
    get usable() {
      return usable;
    },
  };
}
