// Does the phone profile's CPU throttling (CDP Emulation.setCPUThrottlingRate, set on the page's
// session) slow a dedicated Web Worker as it slows the page's main thread? The same fixed busy
// loop is timed on the main thread and in a worker, without throttling and with it; the ratios
// say whether work moved to a worker is measured at phone speed or must be scaled.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, openPage, median, fmt, DESKTOP } from '../harness.mjs';

/** About 50 ms unthrottled on the bench machine: long enough to time, short under ×4. */
const ITERATIONS = 5e7;
const REPEATS = 5;

// The fixed amount of work: runs in the page and, as source, in the worker. Returns its ms.
function spin(iterations) {
  const t0 = performance.now();
  let x = 1;
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  if (x === 0.5) console.log(x); // keeps the loop from being optimised away
  return performance.now() - t0;
}

const WORKER = `${spin};\nonmessage = (e) => postMessage(spin(e.data));\n`;

/** The medians { main, worker } in ms at CPU throttling `rate`. */
async function timeAt(page, cdp, rate) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const runs = await page.evaluate(
    async ([spinSource, iterations, repeats]) => {
      const spinHere = new Function(`return ${spinSource}`)();
      const worker = new Worker('worker.js');
      const inWorker = () => new Promise((resolve) => ((worker.onmessage = (e) => resolve(e.data)), worker.postMessage(iterations)));
      await inWorker(); // warm up both: the first run pays for compiling
      spinHere(iterations);
      const out = { main: [], worker: [] };
      for (let i = 0; i < repeats; i++) {
        out.main.push(spinHere(iterations));
        out.worker.push(await inWorker());
      }
      worker.terminate();
      return out;
    },
    [spin.toString(), ITERATIONS, REPEATS],
  );
  return { main: median(runs.main), worker: median(runs.worker) };
}

/** Time the loop at rate 1 and `rate`; resolves to the lines to print. */
export async function workerThrottleLines(browser, rate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-worker-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>worker throttling</title>\n');
  fs.writeFileSync(path.join(dir, 'worker.js'), WORKER);
  const server = await startServer({ root: dir });
  const p = await openPage(browser, server.url, DESKTOP);
  try {
    const cdp = await p.context.newCDPSession(p.page);
    const free = await timeAt(p.page, cdp, 1);
    const slow = await timeAt(p.page, cdp, rate);
    const ratio = (k) => slow[k] / free[k];
    const line = (label, k) => `  ${label.padEnd(12)}${fmt(free[k]).padStart(6)} → ${fmt(slow[k])} ms (×${fmt(ratio(k), 1)})`;
    // Compared with the main thread's measured slowdown, which is the phone profile's.
    const verdict =
      ratio('worker') > (ratio('main') * 2) / 3
        ? '  the throttling slows a worker too: work moved to a worker is measured at phone speed'
        : `  the throttling does NOT slow a worker as it slows the page: work done in a worker reads about ×${fmt(ratio('main') / ratio('worker'), 1)} too fast under the phone profile; multiply it by that`;
    return [`CPU ×${rate} throttling, the same busy loop (median of ${REPEATS}, unthrottled → throttled)`, line('main thread', 'main'), line('Web Worker', 'worker'), verdict];
  } finally {
    await p.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
