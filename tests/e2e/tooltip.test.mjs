// Tooltips: every number on a chart can be traced to its source in one hover, tap or key
// press. The tests move a real mouse over the `us-capex` canvas until the tooltip appears,
// step through marks with the arrow keys, and tap on a touch phone; what the tooltip says is
// checked against www/data/capex-dataset.json (value, period, source outlet, grade).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, screenPixel, DESKTOP, PHONE } from './harness.mjs';
import { MONEY_SIGNIFICANT_FIGURES, displayPercent, isMoneyUnit } from '../../www/js/lib/format.js';

const dataset = readWwwJson('data/capex-dataset.json');
const facts = new Map([...dataset.facts, ...(dataset.reference || [])].map((f) => [f.id, f]));
const sources = new Map(dataset.sources.map((s) => [s.id, s]));
const entities = new Map(dataset.entities.map((e) => [e.id, e]));
const metrics = new Map(dataset.metrics.map((m) => [m.id, m]));
const chartFacts = (id) => dataset.charts.find((c) => c.id === id).facts.map((f) => facts.get(f));

const UNIT_FACTOR = { usd_bn: 1e9, cny_bn: 1e9, usd_m: 1e6, cny_m: 1e6 };
/** A dataset value as the page's display rule shows it (www/js/lib/format.js). */
const displayed = (v, unit) => (isMoneyUnit(unit) ? Number(v.toPrecision(MONEY_SIGNIFICANT_FIGURES)) : unit === 'percent' ? displayPercent(v) : v);
const WORD_FACTOR = { bn: 1e9, m: 1e6 };

const env = serverAndBrowser();

/** The tooltip of chart `id` as { className: text } plus `all`, or null while hidden. */
async function readTooltip(page, id) {
  return page.locator(`section[data-chart="${id}"] .tooltip`).evaluate((el) => {
    if (el.hidden || el.getClientRects().length === 0) return null;
    const out = { all: el.textContent };
    for (const line of el.children) {
      const cls = [...line.classList].find((c) => c.startsWith('tooltip-') && c !== 'tooltip-line') || 'line';
      out[cls] = line.textContent;
    }
    return out;
  });
}

/** Amounts (in currency units) written in an English money text: "US$60–65 bn" → [60e9, 65e9]. */
function amountsIn(text) {
  const word = /\b(bn|m)\b/.exec(text);
  const factor = word ? WORD_FACTOR[word[1]] : 1;
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')) * factor);
}

/**
 * The dataset facts of `chartId` that an English tooltip describes: same entity and metric
 * in the title, the fact's year in the period line, its source outlet and grade in the source
 * line, and its value (both ends of a range, as the display rule rounds it) in the value line.
 * Returns { candidates, matches }.
 */
function factsDescribedBy(tip, chartId) {
  const candidates = chartFacts(chartId).filter((f) => {
    const title = `${entities.get(f.entity).name.en} · ${metrics.get(f.metric).name.en}`;
    const source = sources.get(f.source);
    return (
      tip['tooltip-title'] === title &&
      tip['tooltip-period'].includes(String(f.period.end)) &&
      tip['tooltip-source'].includes(source.outlet.en) &&
      tip['tooltip-source'].includes(`grade ${f.grade || source.grade}`)
    );
  });
  const matches = candidates.filter((f) => {
    const shown = amountsIn(tip['tooltip-value']);
    const want = [f.value, ...(f.qualifier === 'range' ? [f.value_high] : [])].map((v) => displayed(v, f.unit) * (UNIT_FACTOR[f.unit] ?? 1));
    return shown.length === want.length && want.every((w, i) => Math.abs(shown[i] - w) <= Math.abs(w) * 1e-6 + 1e-9);
  });
  return { candidates, matches };
}

function assertTooltipMatchesDataset(tip, chartId, how) {
  for (const cls of ['tooltip-title', 'tooltip-period', 'tooltip-value', 'tooltip-source']) {
    assert.ok(tip[cls] && tip[cls].trim(), `${how}: the tooltip has no ${cls} line: ${JSON.stringify(tip)}`);
  }
  const { candidates, matches } = factsDescribedBy(tip, chartId);
  assert.ok(
    candidates.length > 0,
    `${how}: no fact of chart "${chartId}" has this entity/metric, period year, source outlet and grade: ${JSON.stringify(tip)}`,
  );
  assert.ok(
    matches.length > 0,
    `${how}: the value "${tip['tooltip-value']}" matches none of the dataset facts it could be (${candidates
      .map((f) => `${f.id}=${f.value}${f.value_high ? `–${f.value_high}` : ''} ${f.unit}`)
      .join(', ')}): ${JSON.stringify(tip)}`,
  );
  return matches[0];
}

/** Horizontal sweeps over the canvas at `rows` (fractions of its height); calls `at(x, y)`. */
async function sweep(page, selector, rows, step, at) {
  const canvas = page.locator(selector);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${selector} has no size on screen`);
  for (const fy of rows) {
    for (let x = 2; x < box.width - 1; x += step) {
      if ((await at(box.x + x, box.y + box.height * fy)) === false) return box;
    }
  }
  return box;
}

test('hovering the us-capex bars shows tooltips with the source outlet, period and the dataset value', { timeout: 90_000 }, async (t) => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&cur=USD`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const seen = new Map(); // tooltip text → fact id
    const wanted = Math.ceil(chartFacts('us-capex').length / 2);
    await sweep(p.page, '#chart-us-capex canvas', [0.9, 0.85, 0.8, 0.7, 0.6, 0.5], 6, async (x, y) => {
      await p.page.mouse.move(x, y);
      const tip = await readTooltip(p.page, 'us-capex');
      if (tip && !seen.has(tip.all)) {
        const fact = assertTooltipMatchesDataset(tip, 'us-capex', `hover at (${Math.round(x)}, ${Math.round(y)})`);
        seen.set(tip.all, fact.id);
      }
      return seen.size < chartFacts('us-capex').length;
    });
    assert.ok(seen.size > 0, 'no tooltip appeared anywhere while the mouse swept across the us-capex chart');
    assert.ok(
      seen.size >= wanted,
      `only ${seen.size} of the chart's ${chartFacts('us-capex').length} figures showed a tooltip while sweeping the bars (expected at least ${wanted}): ${[...seen.values()].join(', ')}`,
    );

    t.diagnostic(`${seen.size} of ${chartFacts('us-capex').length} us-capex figures hovered and checked against the dataset`);

    // Moving off the chart hides the tooltip again.
    await p.page.mouse.move(1, 1);
    await p.page.locator('section[data-chart="us-capex"] .tooltip').waitFor({ state: 'hidden', timeout: 2_000 });
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('keyboard: focusing each chart canvas and pressing ArrowRight shows a tooltip', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&cur=USD`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const charts = await p.page.locator('section[data-chart]').evaluateAll((els) => els.map((e) => e.dataset.chart));
    assert.ok(charts.includes('us-capex'), `the page has no us-capex chart: ${charts}`);
    const datasetCharts = new Set(dataset.charts.map((c) => c.id));
    for (const id of charts) {
      const canvas = p.page.locator(`section[data-chart="${id}"] canvas`).first();
      await canvas.focus();
      assert.equal(await canvas.evaluate((c) => document.activeElement === c), true, `${id}: the canvas cannot take keyboard focus`);
      await p.page.keyboard.press('ArrowRight');
      const tipEl = p.page.locator(`section[data-chart="${id}"] .tooltip`);
      await tipEl.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
      const first = await readTooltip(p.page, id);
      assert.ok(first && first.all.trim(), `${id}: ArrowRight on the focused canvas showed no tooltip`);
      assert.equal(await p.page.locator(`section[data-chart="${id}"] .mark-ring`).isVisible(), true, `${id}: no focus ring around the chosen mark`);
      if (datasetCharts.has(id)) {
        assert.ok(first['tooltip-source'], `${id}: the keyboard tooltip does not name a source: ${first.all}`);
        if (id === 'us-capex') assertTooltipMatchesDataset(first, id, `${id} ArrowRight`);
      }
      // The next mark gets the focus ring and a tooltip (a tornado bar's two halves share
      // one description, so either the ring or the text moves), and Escape closes it.
      const ring = p.page.locator(`section[data-chart="${id}"] .mark-ring`);
      const ringBefore = await ring.boundingBox();
      await p.page.keyboard.press('ArrowRight');
      const second = await readTooltip(p.page, id);
      const ringAfter = await ring.boundingBox();
      assert.ok(second && second.all.trim(), `${id}: a second ArrowRight hid the tooltip`);
      assert.ok(
        second.all !== first.all || JSON.stringify(ringBefore) !== JSON.stringify(ringAfter),
        `${id}: a second ArrowRight did not move to another mark (ring ${JSON.stringify(ringAfter)}, tooltip ${JSON.stringify(second.all)})`,
      );
      if (id === 'us-capex') assertTooltipMatchesDataset(second, id, `${id} second ArrowRight`);
      await p.page.keyboard.press('Escape');
      await tipEl.waitFor({ state: 'hidden', timeout: 2_000 });
    }
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('tapping a bar on a phone-sized touch screen shows its tooltip; a second tap hides it', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&cur=USD`, { ...PHONE, hasTouch: true, isMobile: true });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    let hit = null;
    await sweep(p.page, '#chart-us-capex canvas', [0.9, 0.75, 0.55], 5, async (x, y) => {
      await p.page.touchscreen.tap(x, y);
      const tip = await readTooltip(p.page, 'us-capex');
      if (tip) {
        hit = { x, y, tip };
        return false;
      }
      return true;
    });
    assert.ok(hit, 'no tap anywhere on the us-capex bars showed a tooltip');
    assertTooltipMatchesDataset(hit.tip, 'us-capex', `tap at (${Math.round(hit.x)}, ${Math.round(hit.y)})`);

    // The tooltip stays inside the phone's width.
    const box = await p.page.locator('section[data-chart="us-capex"] .tooltip').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.viewport.width + 0.5, `the tooltip sticks out of the ${PHONE.viewport.width}px screen: ${JSON.stringify(box)}`);

    await p.page.touchscreen.tap(hit.x, hit.y);
    await p.page.locator('section[data-chart="us-capex"] .tooltip').waitFor({ state: 'hidden', timeout: 2_000 });
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('on a narrow phone a tooltip taller than its chart is shown whole, and keyboard focus on a chart is seen', { timeout: 90_000 }, async () => {
  // The tooltip lives beside the chart's frame, in its figure, over what follows the chart; the
  // focus ring is drawn inside the canvas.
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { viewport: { width: 320, height: 700 }, deviceScaleFactor: 1 });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const canvas = p.page.locator('section[data-chart="capex-intensity"] canvas');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    const ring = await screenPixel(canvas, 1, 1);
    const focus = await canvas.evaluate((c) => getComputedStyle(c).outlineColor.match(/\d+/g).slice(0, 3).map(Number));
    assert.ok(ring.every((v, i) => Math.abs(v - focus[i]) <= 24), `the focus ring is not seen: ${ring} at the canvas's corner, the ring is ${focus}`);
    let tallest = null;
    const marks = await p.page.evaluate(() => window.__explainer.marks('capex-intensity').length);
    for (let i = 0; i < marks; i++) {
      await p.page.keyboard.press('ArrowRight');
      const seen = await canvas.evaluate((c) => {
        const tip = c.closest('figure').querySelector('.tooltip');
        const frame = c.parentElement;
        if (tip.hidden) return null;
        tip.scrollIntoView({ block: 'end' });
        const box = tip.getBoundingClientRect();
        tip.style.pointerEvents = 'auto'; // seen by hit testing, which clips as painting does
        const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 4);
        tip.style.pointerEvents = '';
        return { over: box.height - frame.clientHeight, shown: Boolean(hit && hit.closest('.tooltip') === tip) };
      });
      if (seen && (!tallest || seen.over > tallest.over)) tallest = seen;
      await canvas.scrollIntoViewIfNeeded();
    }
    assert.ok(tallest, 'no tooltip was shown');
    assert.equal(tallest.shown, true, `the bottom of the tallest tooltip (${tallest.over} px taller than its chart) is cut off`);
  } finally {
    await p.close();
  }
});
