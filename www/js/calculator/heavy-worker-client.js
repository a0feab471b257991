// The calculator's side of js/core/heavy-worker.js: starts the worker with the core the page
// compiled, sends it each scenario whose heavy results are wanted and hands each result over as
// it comes. Where no worker can start — the single file (its core is in the page, and a page
// from file:// starts none), a sandboxed frame with an opaque origin, a host policy without
// workers — or the worker fails, or falls silent for the load time, there is none: the
// calculator then makes the results itself, in slices on the main thread (src/web/slices.rs),
// as it does while the worker is still starting (nothing waits for it).

import { assetUrl, LOAD_TIMEOUT_MS } from '../assets.js';
import { inlineText } from '../lib/inline.js';

const WORKER_FILE = 'js/core/heavy-worker.js';

/**
 * A worker for `module` (the page's compiled core), or null where none can start. Returns
 * { make(scenario, monteCarlo, onResult), usable }: `usable` is true once the worker has
 * started, and false for good once it has failed.
 */
export function startHeavyWorker(module) {
  if (!(module instanceof WebAssembly.Module) || typeof Worker !== 'function' || inlineText('wasm') !== null) return null;
  let worker;
  try {
    worker = new Worker(assetUrl(WORKER_FILE), { type: 'module' });
    worker.postMessage({ module });
  } catch {
    worker?.terminate();
    return null; // an opaque origin, or a policy that forbids it
  }
  let started = false;
  let failed = false;
  let jobs = 0;
  let current = null; // { job, onResult, resolve }
  // Silent for the load time while it starts, or while a job is under way: of no more use.
  let silence = setTimeout(stop, LOAD_TIMEOUT_MS);

  function finish() {
    clearTimeout(silence);
    current?.resolve();
    current = null;
  }

  /** The worker is of no more use: its script did not load or threw, its core failed, or it fell silent. */
  function stop() {
    failed = true;
    worker.terminate();
    finish();
  }

  worker.onmessage = ({ data }) => {
    const ofCurrent = current && data.job === current.job;
    if (data.ready) {
      clearTimeout(silence);
      started = true;
    } else if (data.failed !== undefined) {
      // A failure of a job given up says nothing the next job will not.
      if (!('job' in data) || ofCurrent) stop();
    } else if (ofCurrent) {
      clearTimeout(silence);
      if (data.done) finish();
      else {
        silence = setTimeout(stop, LOAD_TIMEOUT_MS);
        current.onResult(data.name, data.result);
      }
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
     * {median, spread, runs, seed}): `onResult(name, result)` for each as it is made (a result
     * the worker's core refuses is not sent). Resolves once the worker has done, or has
     * stopped: for a newer job (this one is given up at once) or for good.
     */
    make(scenario, monteCarlo, onResult) {
      finish();
      return new Promise((resolve) => {
        current = { job: ++jobs, onResult, resolve };
        silence = setTimeout(stop, LOAD_TIMEOUT_MS);
        worker.postMessage({ job: current.job, scenario, monteCarlo });
      });
    },
    get usable() {
      return started && !failed;
    },
  };
}
