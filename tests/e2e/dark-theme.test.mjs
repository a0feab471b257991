// Dark theme: `?theme=dark` or a dark system colour scheme paints the charts on a dark
// background matching the page; `?theme=light` wins over a dark system.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, shownCorners, PHONE } from './harness.mjs';

const env = serverAndBrowser();

/** Relative luminance 0–255 of an [r, g, b] colour (simple Rec. 709 weights). */
const luma = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** The page's background colour, and each article chart's corner as the reader sees it. */
const corners = async (page) => ({
  pageBg: await page.evaluate(() => {
    const parse = (css) => (css.match(/[\d.]+/g) || []).map(Number);
    const bodyBg = parse(getComputedStyle(document.body).backgroundColor);
    const htmlBg = parse(getComputedStyle(document.documentElement).backgroundColor);
    return bodyBg.length === 4 && bodyBg[3] === 0 ? htmlBg : bodyBg;
  }),
  charts: await page.locator('section[data-chart] canvas').evaluateAll(shownCorners),
});

const cases = [
  { name: '?theme=dark on a light system', query: '?theme=dark', colorScheme: 'light', dark: true },
  { name: 'a dark system colour scheme', query: '', colorScheme: 'dark', dark: true },
  { name: 'a light system colour scheme', query: '', colorScheme: 'light', dark: false },
  { name: '?theme=light on a dark system', query: '?theme=light', colorScheme: 'dark', dark: false },
];

for (const c of cases) {
  test(`${c.name}: chart backgrounds are ${c.dark ? 'dark' : 'light'}`, { timeout: 60_000 }, async () => {
    const sep = c.query ? '&' : '?';
    const p = await openPage(env.browser, `${env.server.url}${c.query}${sep}lang=en`, { ...PHONE, colorScheme: c.colorScheme });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const { pageBg, charts } = await corners(p.page);
      assert.ok(charts.length > 0, 'no chart canvases');
      for (const { chart, shown, opaque } of charts) {
        assert.ok(opaque, `${chart}: the page shows through the chart's corner`);
        if (c.dark) assert.ok(luma(shown) < 70, `${chart}: the chart background is not dark: rgb(${shown})`);
        else assert.ok(luma(shown) > 200, `${chart}: the chart background is not light: rgb(${shown})`);
      }
      // The page around the charts follows the same scheme (no white page round dark charts).
      assert.ok(pageBg.length >= 3 && (pageBg.length < 4 || pageBg[3] > 0), `the page has no background colour (${pageBg})`);
      if (c.dark) assert.ok(luma(pageBg) < 70, `the page background is not dark: ${pageBg}`);
      else assert.ok(luma(pageBg) > 200, `the page background is not light: ${pageBg}`);
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}
