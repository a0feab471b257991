// The switch between "what the articles said" and "what was reported": on every comparison
// chart, in every language, by mouse, keyboard and tap. The chosen set is drawn as bars and
// the other as markers (the canvas changes, the pressed state follows); charts with one set
// have no switch; multi-year totals sit in their own strip, not among the yearly bars, and a
// twelve-month figure ("the four quarters to September") is not among them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, canvasDigest, waitForCanvasChange, DESKTOP, PHONE } from './harness.mjs';

const dataset = readWwwJson('data/capex-dataset.json');
const reference = new Set((dataset.reference || []).map((f) => f.id));
const facts = new Map([...dataset.facts, ...(dataset.reference || [])].map((f) => [f.id, f]));
const isPledge = (f) => f.period.kind === 'multi_year' || f.period.kind === 'cumulative';
/** Charts whose drawn figures include both sets: these, and only these, get the switch. */
const COMPARISONS = dataset.charts
  .filter((c) => {
    const drawn = c.facts.map((id) => facts.get(id)).filter((f) => !isPledge(f));
    return drawn.some((f) => reference.has(f.id)) && drawn.some((f) => !reference.has(f.id));
  })
  .map((c) => c.id);
const PLEDGES = dataset.charts.flatMap((c) => c.facts.filter((id) => isPledge(facts.get(id))).map((id) => [c.id, id]));
const TRAILING = dataset.charts.flatMap((c) => c.facts.filter((id) => facts.get(id).period.kind === 'trailing_12_months').map((id) => [c.id, id]));

const env = serverAndBrowser();

/** The pressed state of chart `id`'s switch: 'reported' | 'articles'. */
const pressed = (page, id) =>
  page.locator(`#chart-${id} .figures-switch button[aria-pressed="true"]`).getAttribute('data-figures');

for (const [lang, how] of [
  ['en', 'mouse'],
  ['zh-Hans', 'keyboard'],
  ['zh-Hant', 'tap'],
]) {
  test(`${lang}: every comparison chart switches between the two sets by ${how}`, { timeout: 90_000 }, async () => {
    const words = readWwwJson(`i18n/${lang}.json`).figures;
    const touch = how === 'tap' ? { ...PHONE, hasTouch: true, isMobile: true } : { ...DESKTOP };
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}&cur=USD`, touch);
    try {
      await waitForReady(p.page);
      assert.ok(COMPARISONS.includes('us-capex') && COMPARISONS.includes('cloud-growth'), `${COMPARISONS}`);
      for (const chart of dataset.charts) {
        const count = await p.page.locator(`#chart-${chart.id} .figures-switch`).count();
        assert.equal(count, COMPARISONS.includes(chart.id) ? 1 : 0, `${chart.id}: a switch exactly on comparison charts`);
      }
      for (const id of COMPARISONS) {
        const canvas = `#chart-${id} canvas`;
        const articles = p.page.locator(`#chart-${id} .figures-switch button[data-figures="articles"]`);
        const reported = p.page.locator(`#chart-${id} .figures-switch button[data-figures="reported"]`);
        assert.equal((await articles.textContent()).trim(), words.articles);
        assert.equal((await reported.textContent()).trim(), words.reported);
        assert.equal(await pressed(p.page, id), 'reported', `${id}: public records are drawn first`);
        await articles.scrollIntoViewIfNeeded();
        const before = await canvasDigest(p.page, canvas);
        const press = async (button) => {
          if (how === 'mouse') await button.click();
          else if (how === 'tap') await button.tap();
          else {
            await button.focus();
            await p.page.keyboard.press('Enter');
          }
        };
        await press(articles);
        assert.equal(await pressed(p.page, id), 'articles', `${id}: ${how} switches to the articles`);
        const switched = await waitForCanvasChange(p.page, canvas, before.digest);
        await press(reported);
        assert.equal(await pressed(p.page, id), 'reported', `${id}: ${how} switches back`);
        await waitForCanvasChange(p.page, canvas, switched.digest);
      }
      if (how === 'keyboard') {
        // The switch comes next in the tab order after the takeaway's figure links.
        await p.page.locator('#chart-us-capex .takeaway a.fact-ref').last().focus();
        await p.page.keyboard.press('Tab');
        const reached = await p.page.evaluate(() => Boolean(document.activeElement && document.activeElement.closest('#chart-us-capex .figures-switch')));
        assert.ok(reached, 'Tab reaches the us-capex switch');
      }
      for (const [chart, id] of PLEDGES) {
        const item = p.page.locator(`#chart-${chart} .pledges li[data-fact="${id}"]`);
        assert.equal(await item.count(), 1, `${id}: listed in ${chart}'s pledge strip`);
        const text = await item.textContent();
        assert.doesNotMatch(text, /\d\.\d{3}/, `${id}: a per-year figure is rounded: “${text}”`);
        const perYear = words.pledge_span.split('{per_year}')[1]?.trim();
        if (facts.get(id).period.kind !== 'multi_year' && perYear) {
          assert.ok(!text.includes(perYear), `${id}: a running total is not put per year: “${text}”`);
        }
      }
      if (PLEDGES.length) {
        assert.equal((await p.page.locator('#chart-china-capex .pledges-heading').textContent()).trim(), words.pledges_heading);
      }
      const format = readWwwJson(`i18n/${lang}.json`).format;
      assert.ok(TRAILING.some(([chart]) => chart === 'china-capex'), 'Alibaba\'s twelve months to Sep 2025 are drawn in china-capex');
      for (const [chart, id] of TRAILING) {
        assert.equal(await p.page.locator(`#chart-${chart} .pledges li[data-fact="${id}"]`).count(), 0, `${id}: twelve months are no pledge`);
        const { end, end_month: month } = facts.get(id).period;
        const label = format.period.trailing_12_months.replace('{month}', format.month[String(Number(month))]).replace('{year}', String(end));
        await p.page.locator(`#chart-${chart} details.table-details > summary`).click();
        const row = await p.page.locator(`#chart-${chart} tr[data-fact="${id}"]`).textContent();
        assert.ok(row.includes(label), `${id}: its row names “${label}”: “${row}”`);
        await p.page.locator(`#chart-${chart} details.table-details > summary`).click();
      }
      assert.deepEqual([...p.consoleErrors, ...p.pageErrors], [], `${lang}: page errors`);
    } finally {
      await p.close();
    }
  });
}
