// Every number on screen traces to its source in one hover or tap: the figures in each
// chart's takeaway are links whose title names the source, and a tap opens the chart's table
// at the figure's row, which shows the outlet, the grade and the original quote.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, PHONE } from './harness.mjs';

const env = serverAndBrowser();
const dataset = readWwwJson('data/capex-dataset.json');
const factById = new Map([...dataset.facts, ...dataset.reference].map((f) => [f.id, f]));
const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));

for (const lang of ['en', 'zh-Hans']) {
  test(`(${lang}) every figure in a takeaway is a link to its source; no number stands alone`, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...PHONE });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const takeaways = await p.page.locator('.takeaway').evaluateAll((els) =>
        els.map((el) => {
          const links = [...el.querySelectorAll('a.fact-ref')];
          const clone = el.cloneNode(true);
          clone.querySelectorAll('a.fact-ref').forEach((a) => a.remove());
          return {
            chart: el.closest('section[data-chart]')?.dataset.chart,
            rest: clone.textContent,
            links: links.map((a) => ({ href: a.getAttribute('href'), title: a.title, text: a.textContent })),
          };
        }),
      );
      assert.equal(takeaways.length, dataset.charts.length, 'one takeaway per chart');
      for (const { chart, rest, links } of takeaways) {
        // Years and months (2025年2月) name periods, not figures; any other digit would be a
        // number without a source.
        assert.doesNotMatch(rest.replace(/(19|20)\d\d/g, '').replace(/\d{1,2}月/g, ''), /\d/, `${chart}: a number outside a source link: “${rest}”`);
        for (const link of links) {
          const factId = link.href.slice(`#chart-${chart}--`.length);
          const fact = factById.get(factId);
          assert.ok(fact && link.href.startsWith(`#chart-${chart}--`), `${chart}: link ${link.href} names a fact of this chart`);
          // A derived figure is credited to the sources of the records it is computed from.
          const credited = fact.derived_from?.length ? fact.derived_from.map((id) => factById.get(id).source) : [fact.source];
          for (const source of credited) {
            const outlet = sourceById.get(source).outlet[lang];
            assert.ok(link.title.includes(outlet), `${chart}: the link's title names the source (${outlet}): “${link.title}”`);
          }
        }
      }
      assert.deepEqual(p.consoleErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('tapping a takeaway figure opens the table at its row, with the source and the quote', async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...PHONE, hasTouch: true, isMobile: true });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // Start from a closed table, as a phone reader scrolling past it would.
    await p.page.locator('#chart-us-capex details.table-details').evaluate((d) => {
      d.open = false;
    });
    const link = p.page.locator('#chart-us-capex .takeaway a.fact-ref').first();
    const factId = (await link.getAttribute('href')).slice('#chart-us-capex--'.length);
    await link.tap();
    await p.page.waitForFunction((id) => document.activeElement?.id === id, `chart-us-capex--${factId}`, { timeout: 5_000 });
    assert.equal(await p.page.locator('#chart-us-capex details.table-details').evaluate((d) => d.open), true, 'the table opened');
    const row = await p.page.locator(`[id="chart-us-capex--${factId}"]`).textContent();
    const fact = factById.get(factId);
    assert.ok(row.includes(sourceById.get(fact.source).outlet.en), `the row names the source: ${row}`);
    assert.ok(row.includes(fact.quote), `the row quotes the article: ${row}`);
    assert.equal(new URL(p.page.url()).hash, '', 'the address keeps no fragment');
  } finally {
    await p.close();
  }
});
