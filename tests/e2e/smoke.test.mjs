// Smoke test: the page loads and draws its charts, at the root and on a subpath, on a phone,
// under the strict CSP, without console errors and without any request to another origin.
//
// Run: node --test tests/e2e/   (after ./dev build), or as part of ./dev test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, inspectCharts, screenshot, readWwwJson, SUBPATH, PHONE } from './harness.mjs';

const env = serverAndBrowser();
/** Every dataset chart and the nine calculator charts. */
const CHART_COUNT = readWwwJson('data/capex-dataset.json').charts.length + 9;

for (const [name, pathname] of [
  ['root', '/'],
  ['subpath', SUBPATH],
]) {
  test(`page loads and draws every chart at ${pathname} (390x844 @2x)`, { timeout: 90_000 }, async () => {
    const url = new URL(pathname, env.server.url).href;
    const p = await openPage(env.browser, url, { ...PHONE, locale: 'en-US' });
    try {
      let state;
      let readyError;
      try {
        state = await waitForReady(p.page);
      } catch (e) {
        readyError = e;
      }
      // Screenshot first, so there is something to look at when an assertion fails.
      const shot = await screenshot(p.page, `smoke-${name}-390x844@2x`).catch((e) => `(screenshot failed: ${e.message})`);
      const pageText =
        state === 'ready'
          ? ''
          : await p.page
              .evaluate(() => (document.body ? document.body.innerText : '').replace(/\s+/g, ' ').trim().slice(0, 400))
              .catch(() => '(unreadable)');
      const context = () =>
        `\nurl: ${url}\nscreenshot: ${shot}` +
        (pageText ? `\npage text: ${pageText}` : '') +
        `\nproblems:\n  ${p.problems(env.server.origin).join('\n  ') || '(none)'}`;

      assert.ok(!readyError, `${readyError?.message}${context()}`);
      assert.equal(state, 'ready', `data-state is "${state}", expected "ready"${context()}`);
      assert.deepEqual(p.consoleErrors, [], `console errors${context()}`);
      assert.deepEqual(p.pageErrors, [], `uncaught page errors${context()}`);
      assert.deepEqual(p.foreignRequests(env.server.origin), [], `requests left the server's origin${context()}`);
      assert.deepEqual(p.failedRequests, [], `failed requests${context()}`);
      assert.deepEqual(p.badResponses, [], `HTTP error responses${context()}`);

      const charts = await inspectCharts(p.page);
      assert.ok(charts.length > 0, `no <canvas> inside any section[data-chart]${context()}`);
      for (const c of charts) {
        const label = `chart "${c.chart}" canvas #${c.index} (${c.width}x${c.height})`;
        assert.equal(c.error, null, `${label}: cannot read pixels: ${c.error}${context()}`);
        assert.equal(c.drawn, '1', `${label}: data-drawn is ${JSON.stringify(c.drawn)}, expected "1"${context()}`);
        assert.ok(c.colours > 1, `${label}: blank (${c.colours} distinct colour)${context()}`);
      }
    } finally {
      await p.close();
    }
  });
}

test('"ready" means every chart is drawn; the controls answer before that, from the "interactive" mark', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, env.server.url, {
    ...PHONE,
    // Before any page script: what the page holds when it marks "interactive" and turns "ready".
    initScript: () => {
      const undrawn = () => [...document.querySelectorAll('section[data-chart] canvas')].filter((c) => c.dataset.drawn !== '1').length;
      window.__seen = {};
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'explainer:interactive') window.__seen.interactive = { slider: Boolean(document.getElementById('in-agi_year')), headlineDrawn: document.querySelector('#model-breakeven canvas')?.dataset.drawn === '1' };
        return mark(name, ...rest);
      };
      new MutationObserver(() => {
        if (document.documentElement.dataset.state === 'ready' && !window.__seen.ready) window.__seen.ready = { undrawn: undrawn(), canvases: document.querySelectorAll('section[data-chart] canvas').length };
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
    },
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const seen = await p.page.evaluate(() => window.__seen);
    assert.deepEqual(seen.interactive, { slider: true, headlineDrawn: true }, 'at the "interactive" mark the calculator is built and its headline chart drawn');
    assert.ok(seen.ready.canvases >= CHART_COUNT, `only ${seen.ready.canvases} of ${CHART_COUNT} chart canvases at "ready"`);
    assert.equal(seen.ready.undrawn, 0, 'charts still undrawn when the page said "ready"');
    const [interactive, ready] = await p.page.evaluate(() => [performance.getEntriesByName('explainer:interactive')[0]?.startTime, window.__explainer.timings.readyMs]);
    assert.ok(interactive > 0 && interactive <= ready, `interactive at ${interactive} ms, ready at ${ready} ms`);
  } finally {
    await p.close();
  }
});
