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
      assert.ok(charts.length > 0, 'no chart drawn');
      for (const { chart, shown, opaque, ink } of charts) {
        assert.ok(opaque, `${chart}: the page shows through the chart's corner`);
        if (c.dark) assert.ok(luma(shown) < 70, `${chart}: the chart background is not dark: rgb(${shown})`);
        else assert.ok(luma(shown) > 200, `${chart}: the chart background is not light: rgb(${shown})`);
        // The drawing itself is in the same scheme: its words in that scheme's ink.
        const [own, other] = c.dark ? [ink.dark, ink.light] : [ink.light, ink.dark];
        assert.ok(own > 20 && other === 0, `${chart}: ink pixels ${JSON.stringify(ink)}`);
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

test('the system scheme switched: each chart shows the background its drawing was made for, until it is drawn again', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...PHONE, colorScheme: 'light' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // Ink and background in one scheme: dark ink on light, light ink on dark.
    const inOneScheme = ({ shown, ink }) => (luma(shown) < 70) === ink.dark > ink.light;
    await p.page.locator('section[data-chart] canvas').first().scrollIntoViewIfNeeded();
    await p.page.emulateMedia({ colorScheme: 'dark' });
    const atOnce = await p.page.locator('section[data-chart] canvas').evaluateAll(shownCorners);
    assert.ok(atOnce.length > 0 && atOnce.every(inOneScheme), `at once: ${JSON.stringify(atOnce)}`);
    // The first chart is on screen: redrawn dark in the coming frames.
    await p.page.waitForFunction(() => document.querySelector('section[data-chart] canvas').dataset.scheme === 'dark');
    const redrawn = await p.page.locator('section[data-chart] canvas').evaluateAll(shownCorners);
    assert.ok(redrawn.every(inOneScheme), `redrawn: ${JSON.stringify(redrawn)}`);
    assert.ok(luma(redrawn[0].shown) < 70 && redrawn[0].ink.dark > 20, 'the chart on screen is dark');
    assert.deepEqual(p.consoleErrors, [], 'console errors');
  } finally {
    await p.close();
  }
});

test('in forced colours the charts keep their own background, which their ink was drawn for', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...PHONE, colorScheme: 'dark', goto: false });
  try {
    await p.page.emulateMedia({ forcedColors: 'active' });
    await p.page.goto(`${env.server.url}?lang=en`);
    assert.equal(await waitForReady(p.page), 'ready');
    const charts = await p.page.locator('section[data-chart] canvas').evaluateAll(shownCorners);
    assert.ok(charts.length > 0, 'no chart drawn');
    for (const { chart, shown, ink } of charts) {
      // src/charts/style.rs ChartStyle::background in the dark scheme, not the system's Canvas.
      assert.deepEqual(shown, [24, 26, 30], `${chart}: the background shown`);
      assert.ok(ink.dark > 20, `${chart}: ink pixels ${JSON.stringify(ink)}`);
    }
  } finally {
    await p.close();
  }
});
