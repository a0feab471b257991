// The calculator's heavy results (the Monte Carlo run, the tornado, the map) are made in a Web
// Worker (js/core/heavy-worker.js), or where none runs a slice at a time between the reader's
// inputs (src/web/slices.rs; js/calculator/calculator.js makeHeavy): each chart is dimmed and
// marked busy while its result is made, a newer change stops a run under way, and what the page
// ends on is what a page opened at that scenario shows. How long they take is the bench's
// business (tests/e2e/bench.mjs), not a test's; tests/e2e/heavy-worker.test.mjs holds the worker
// to the slices.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, DESKTOP } from './harness.mjs';
import { settled, heavyState, HEAVY_CHARTS, NO_WORKER, withoutRefusedWorker } from './heavy-state.mjs';

const env = bakedSiteAndBrowser();

// Each test of a run as the reader meets it: in the worker, and in slices where none can start.
for (const [how, options, worker] of [['in the worker', {}, true], ['in slices (no worker)', NO_WORKER, false]]) {
test(`${how}: a slider let go three times in a row: the runs under way stop, each heavy chart is busy until made, and the page ends where a page opened at that scenario starts`, { timeout: 120_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP, ...options });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await settled(p.page);
    // Nothing waits for the worker to start: here it has, before the reader's first input.
    if (worker) await p.page.waitForFunction(() => window.__explainer.heavyWorkerReady(), null, { timeout: 15_000 });
    const before = await heavyState(p.page);
    const madeBefore = await p.page.evaluate(() => window.__explainer.heavyMadeBy());
    // Every class and aria-busy change of the heavy charts from here on.
    await p.page.evaluate((ids) => {
      window.__busy = [];
      const observer = new MutationObserver((records) => {
        for (const r of records) window.__busy.push([r.target.id, r.attributeName, r.target.getAttribute(r.attributeName)]);
      });
      for (const id of ids) {
        observer.observe(document.getElementById(id), { attributes: true, attributeFilter: ['class', 'aria-busy'] });
      }
    }, HEAVY_CHARTS);
    // Demand growth moves the tornado (and the reader's row of the map); the likely AGI year
    // moves the Monte Carlo.
    await p.page.locator('#in-demand_growth').focus();
    await p.page.keyboard.press('ArrowRight');
    await p.page.keyboard.press('ArrowRight');
    await p.page.locator('#in-agi_median_year').focus();
    await p.page.keyboard.press('ArrowRight');
    await settled(p.page);
    const after = await heavyState(p.page);
    const busy = await p.page.evaluate(() => window.__busy);
    const madeAfter = await p.page.evaluate(() => window.__explainer.heavyMadeBy());
    const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (worker) {
      assert.equal(total(madeAfter.page), total(madeBefore.page), 'the page made heavy results itself beside the worker');
      assert.ok(total(madeAfter.worker) > total(madeBefore.worker), 'the worker made no heavy result');
    } else assert.equal(total(madeAfter.worker), 0, 'a worker made heavy results');

    for (const id of HEAVY_CHARTS) {
      const seen = busy.filter(([el]) => el === id);
      assert.ok(
        seen.some(([, name, value]) => name === 'aria-busy' && value === 'true'),
        `${id} was never marked busy while its result was made`,
      );
      assert.ok(seen.some(([, name, value]) => name === 'class' && value.includes('is-updating')), `${id} was never dimmed`);
    }
    assert.notDeepEqual(after.monteCarlo, before.monteCarlo, 'the Monte Carlo did not follow the likely AGI year');
    assert.notDeepEqual(after.sensitivity, before.sensitivity, 'the tornado did not follow demand growth');

    // The same scenario, opened afresh: nothing of the stopped runs is left in the result.
    // The address is written a moment after the last change (js/page/url-state.js).
    await p.page.waitForURL((address) => /demand_growth=/.test(address) && /agi_median_year=/.test(address));
    const url = p.page.url();
    const fresh = await openPage(env.browser, url, { ...DESKTOP, ...options });
    try {
      assert.equal(await waitForReady(fresh.page), 'ready');
      await settled(fresh.page);
      assert.deepEqual(await heavyState(fresh.page), after);
      assert.deepEqual(withoutRefusedWorker(fresh.problems()), []);
    } finally {
      await fresh.close();
    }
    assert.deepEqual(withoutRefusedWorker(p.problems()), []);
  } finally {
    await p.close();
  }
});
}

test('a slider let go dims the heavy charts in its own task: no frame shows the last scenario\'s results as this one\'s', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await settled(p.page);
    await p.page.locator('#in-demand_growth').focus();
    // Read as the change event leaves the page (after the slider's own handler and its
    // microtasks), in the input's task: before any frame.
    await p.page.evaluate((ids) =>
      document.addEventListener('change', () => {
        window.__notBusy = ids.filter((id) => !document.getElementById(id).classList.contains('is-updating'));
      }),
    HEAVY_CHARTS);
    await p.page.keyboard.press('ArrowRight');
    assert.deepEqual(await p.page.evaluate(() => window.__notBusy), []);
    await settled(p.page);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a currency switch redraws the heavy charts from the results already made, in the new currency', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await settled(p.page);
    const before = await heavyState(p.page);
    await p.page.locator('.currency-switch button[aria-pressed="false"]').first().click();
    await settled(p.page);
    const after = await heavyState(p.page);
    assert.deepEqual(after.monteCarlo, before.monteCarlo, 'the Monte Carlo ran again for a currency switch');
    assert.deepEqual(after.sensitivity, before.sensitivity);
    assert.notEqual(after.risk, before.risk, 'the risk sentences did not change currency');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a slider moved without being let go (a drag that ends where it began sends no change): the heavy results are made once it is still, and nothing stays dimmed', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await settled(p.page);
    const before = await heavyState(p.page);
    // Let go once (a run starts), then move the same slider and back without letting go.
    await p.page.locator('#in-demand_growth').evaluate((el) => {
      const set = (value, release) => {
        el.value = String(value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        if (release) el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const start = Number(el.value);
      set(start + Number(el.step), true);
      set(start + 2 * Number(el.step), false);
      set(start + Number(el.step), false);
    });
    await settled(p.page);
    const after = await heavyState(p.page);
    assert.notDeepEqual(after.sensitivity, before.sensitivity, 'the tornado never followed');
    // The address is written a moment after the last change (js/page/url-state.js).
    await p.page.waitForURL(/demand_growth=/);
    const fresh = await openPage(env.browser, p.page.url(), { ...DESKTOP });
    try {
      assert.equal(await waitForReady(fresh.page), 'ready');
      await settled(fresh.page);
      assert.deepEqual(await heavyState(fresh.page), after);
    } finally {
      await fresh.close();
    }
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});
