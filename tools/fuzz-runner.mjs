// What the node fuzzers that run their cases in a worker share (tools/fuzz-url-state.mjs,
// fuzz-sections.mjs, fuzz-data-file.mjs): reading --cases/--seconds/--seed/--replay, a watchdog
// on the main thread that names a case running past its limit (a hang), the case loop in the
// worker, one summary line, and the command that replays a failing case alone.

import { Worker, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { random } from './fuzz-random.mjs';

/**
 * The options from `args` over `defaults` (names without "--", whole numbers), or null after
 * saying what was expected.
 */
export function readFuzzOptions(name, args, defaults) {
  const options = { seed: 0x5eed, replay: null, ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const option = args[i].replace(/^--/, '');
    const value = Number(args[i + 1]);
    if (!(option in options) || !Number.isSafeInteger(value) || value < 0) {
      const expected = Object.keys(options).map((key) => `--${key} ${key === 'replay' ? 'CASE' : 'N'}`);
      console.error(`fuzz-${name}: ${args[i]} ${args[i + 1] ?? ''}: expected ${expected.join(', ')} (whole numbers)`);
      return null;
    }
    options[option] = value;
  }
  return options;
}

/**
 * Run the worker at `moduleUrl` (the fuzzer's own file) with `options`; resolves to the exit
 * code. The worker reports { cases, count } through fuzzCases; `countLabel` names the count in
 * the summary line.
 */
export function runFuzzWorker({ name, moduleUrl, options, caseLimitMs, countLabel }) {
  // [cases started, case running now]: the worker writes, the watchdog reads.
  const beat = new Int32Array(new SharedArrayBuffer(8));
  const started = performance.now();
  const worker = new Worker(fileURLToPath(moduleUrl), { workerData: { ...options, beat } });
  const replayHint = (index) => `replay: node tools/fuzz-${name}.mjs --replay ${index} --seed ${options.seed}`;
  return new Promise((resolve) => {
    let last = -1;
    let since = performance.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(beat, 0);
      if (now !== last) {
        last = now;
        since = performance.now();
      } else if (now > 0 && performance.now() - since > caseLimitMs) {
        clearInterval(watchdog);
        const index = Atomics.load(beat, 1);
        console.error(`\nFAILED: ${name} case ${index} (seed ${options.seed}) ran past its ${caseLimitMs / 1000} s limit (a hang)\n${replayHint(index)}`);
        worker.terminate().then(() => resolve(1));
      }
    }, 100);
    worker.on('message', ({ cases, count }) => {
      clearInterval(watchdog);
      const secs = (performance.now() - started) / 1000;
      console.log(
        `  ${name.padEnd(9)} ${String(cases).padStart(9)} cases in ${secs.toFixed(1).padStart(5)} s  ${String(Math.round(cases / secs)).padStart(7)} cases/s  ${String(count).padStart(9)} ${countLabel}   no failures`,
      );
      resolve(0);
    });
    worker.on('error', (e) => {
      clearInterval(watchdog);
      const index = Atomics.load(beat, 1);
      console.error(`\nFAILED: ${name} case ${index} (seed ${options.seed}): ${e && e.stack ? e.stack : e}\n${replayHint(index)}`);
      resolve(1);
    });
  });
}

/**
 * In the worker: run `runCase(rng)` (it returns what it adds to the count) for each case until
 * the cases or the seconds are used up — or the one case to replay — then report to the watchdog.
 */
export function fuzzCases({ cases, seconds = Infinity, seed, replay, beat }, runCase) {
  const first = replay ?? 0;
  const last = replay ?? cases - 1;
  const until = performance.now() + seconds * 1000;
  let count = 0;
  let index = first;
  for (; index <= last && (replay !== null || performance.now() < until); index++) {
    Atomics.store(beat, 1, index);
    Atomics.add(beat, 0, 1);
    count += runCase(random(seed, index));
  }
  parentPort.postMessage({ cases: index - first, count });
}
