// The calculator's heavy results made in a Web Worker (js/core/heavy-worker.js with
// js/calculator/heavy-worker-client.js): where a worker runs, it makes each result and the
// page's core takes it (written flat, src/model/flat.rs) and draws it; where none can start or
// it fails, the page makes the results itself, a slice at a time. Either way the reader sees the
// same results, marks and words, and nothing of a stopped run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, DESKTOP, CSP } from './harness.mjs';
import { settled, heavyState, NO_WORKER, withoutRefusedWorker } from './heavy-state.mjs';

const env = bakedSiteAndBrowser();

/**
 * Init script: records what each worker of the page posts to it (a result's name, else the
 * message's keys), and with `window.__spoil` set replaces each result of that name with numbers
 * that are not one, as they reach the page.
 */
function spyOnWorkers() {
  window.__fromWorkers = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    set onmessage(handler) {
      super.onmessage = (event) => {
        const { data } = event;
        window.__fromWorkers.push(data.name ?? Object.keys(data).join(','));
        if (data.name && data.name === window.__spoil) handler({ data: { ...data, result: new Float64Array([1, 2, 3]) } });
        else handler(event);
      };
    }
  };
}

/**
 * Open the English page under `options`, let its first heavy results be made (and, with
 * `worker`, its worker start: nothing waits for it), choose two presets in a row (the second
 * stops the first's run) and return what the heavy results show, what the workers posted from
 * the first choice on, and how many results the worker and the page's own core made for them.
 */
async function twoPresets({ worker = true, ...options } = {}) {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP, initScript: spyOnWorkers, ...options });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await settled(p.page);
    if (worker) await p.page.waitForFunction(() => window.__fromWorkers.includes('ready'), null, { timeout: 15_000 });
    if (options.spoil) await p.page.evaluate((name) => (window.__spoil = name), options.spoil);
    const before = await p.page.evaluate(() => ((window.__fromWorkers = []), window.__explainer.heavyMadeBy()));
    const presets = p.page.locator('#calculator .presets button.preset:not(.preset-reset)');
    await presets.nth(0).click();
    await presets.nth(1).click();
    await settled(p.page);
    const after = await p.page.evaluate(() => window.__explainer.heavyMadeBy());
    // Of each result, how many the worker and the page's core made for the two presets.
    const made = (by) => Object.fromEntries(Object.entries(after[by]).map(([name, n]) => [name, n - (before[by][name] ?? 0)]).filter(([, n]) => n > 0));
    return {
      state: await heavyState(p.page),
      posted: await p.page.evaluate(() => window.__fromWorkers),
      madeBy: { worker: made('worker'), page: made('page') },
      workers: p.page.workers().map((worker) => worker.url()),
      problems: withoutRefusedWorker(p.problems()),
    };
  } finally {
    await p.close();
  }
}

// The test server sends the README's policy with every file (tools/serve.mjs): it names no
// worker-src, so default-src 'self' lets the page start its worker.
test('where a worker runs, under the README\'s policy, it makes the heavy results and the page draws them: the same results, marks and words as a page that makes them itself, after two presets in a row', { timeout: 120_000 }, async () => {
  const inWorker = await twoPresets();
  const inSlices = await twoPresets({ worker: false, ...NO_WORKER });
  assert.equal(inWorker.workers.filter((url) => /\/js\/heavy-worker\.[0-9a-f]{10}\.js$/.test(url)).length, 1, `the page's workers: ${inWorker.workers}`);
  for (const name of ['monte_carlo', 'sensitivity', 'map']) assert.ok(inWorker.posted.includes(name), `the worker made no ${name}: ${inWorker.posted}`);
  // Every result the page drew came from the worker, none from its own core.
  assert.deepEqual(inWorker.madeBy.page, {}, 'the page made heavy results itself beside the worker');
  assert.deepEqual(Object.keys(inWorker.madeBy.worker).sort(), ['map', 'monte_carlo', 'sensitivity']);
  assert.deepEqual(inWorker.problems, []);
  // The worker's script refused: no worker left, nothing posted, the page made them all itself.
  assert.deepEqual(inSlices.workers, []);
  assert.deepEqual(inSlices.posted, []);
  assert.deepEqual(inSlices.madeBy.worker, {});
  assert.deepEqual(Object.keys(inSlices.madeBy.page).sort(), ['map', 'monte_carlo', 'sensitivity']);
  assert.deepEqual(inSlices.problems, []);
  assert.ok(inSlices.state.monteCarlo && inSlices.state.sensitivity && inSlices.state.marks['model-map'].length, 'the page made no heavy results itself');
  assert.deepEqual(inWorker.state, inSlices.state);
});

test('numbers from the worker that are not a result are refused, and the page makes that result itself', { timeout: 90_000 }, async () => {
  const spoiled = await twoPresets({ spoil: 'map' });
  const inSlices = await twoPresets({ worker: false, ...NO_WORKER });
  assert.ok(spoiled.posted.includes('map'), 'the worker made no map to spoil');
  // The worker's Monte Carlo and tornado taken, its map refused and made by the page.
  assert.deepEqual(Object.keys(spoiled.madeBy.worker).sort(), ['monte_carlo', 'sensitivity']);
  assert.deepEqual(Object.keys(spoiled.madeBy.page), ['map']);
  assert.deepEqual(spoiled.problems, []);
  assert.deepEqual(spoiled.state, inSlices.state);
});

test("a host policy without workers (worker-src 'none'): the page makes the heavy results itself, and the reader sees no message", { timeout: 90_000 }, async () => {
  const noWorkers = await twoPresets({
    worker: false,
    route: (context) =>
      context.route('**/en/', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `${CSP}; worker-src 'none'` } });
      }),
  });
  const inSlices = await twoPresets({ worker: false, ...NO_WORKER });
  assert.deepEqual(noWorkers.workers, []);
  assert.deepEqual(noWorkers.madeBy.worker, {});
  assert.deepEqual(noWorkers.posted, []);
  // The browser reports the refused worker in the console; nothing else goes wrong.
  assert.deepEqual(noWorkers.problems.filter((line) => !/worker-src/.test(line)), []);
  assert.deepEqual(noWorkers.state, inSlices.state);
});
