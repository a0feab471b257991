// Currency: the reader picks US$ or CN¥ with the switch or `?cur=`; the tables then give every
// money figure also in that currency (at the stated rate), the charts are redrawn, and the
// choice is written into the address.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, canvasDigest, waitForCanvasChange, waitForParams, DESKTOP, openTables } from './harness.mjs';

const dataset = readWwwJson('data/capex-dataset.json');
const facts = new Map([...dataset.facts, ...(dataset.reference || [])].map((f) => [f.id, f]));
const usCapex = dataset.charts.find((c) => c.id === 'us-capex');
// The table lists the drawn figures and the table-only context figures.
const usCapexIds = [...usCapex.facts, ...(usCapex.context || [])];
const zh = readWwwJson('i18n/zh-Hans.json');

const env = serverAndBrowser();

/** The dataset's reference rate for figures of `year`: that year's, else the nearest (the later on a tie). */
function nearestRate(year) {
  return [...dataset.reference_rates].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year)[0];
}

/** Per fact row of chart `id`: { fact, value, converted } as the reader sees them. */
async function tableValues(page, id) {
  await openTables(page);
  return page.locator(`#chart-${id} tr.fact-row`).evaluateAll((rows) =>
    rows.map((row) => ({
      fact: row.dataset.fact,
      value: (row.querySelector('.value') || { textContent: '' }).textContent.trim(),
      converted: row.querySelector('.converted') ? row.querySelector('.converted').textContent.trim() : null,
    })),
  );
}

const pressed = (page, cur) => page.locator(`#currency-switch button[data-currency="${cur}"]`).getAttribute('aria-pressed');

test('switching to CNY with the currency control shows yuan in the tables, redraws and updates the URL', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans&cur=USD`, { ...DESKTOP, locale: 'zh-CN' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.equal(await pressed(p.page, 'USD'), 'true');
    const before = await tableValues(p.page, 'us-capex');
    assert.equal(before.length, usCapexIds.length, 'us-capex table rows');
    assert.deepEqual(before.filter((r) => r.converted), [], 'in US$, the dollar figures of us-capex should not carry a conversion');
    for (const r of before) assert.match(r.value, /美元/, `${r.fact}: a US dollar figure should read 美元: ${r.value}`);
    const canvasBefore = await canvasDigest(p.page, '#chart-us-capex canvas');

    const cny = p.page.locator('#currency-switch button[data-currency="CNY"]');
    assert.equal((await cny.textContent()).trim(), zh.page.currency_names.CNY);
    await cny.click();
    await p.page.waitForFunction(() => document.querySelectorAll('#chart-us-capex tr.fact-row .converted').length > 0, null, { timeout: 5_000 });
    assert.equal(await pressed(p.page, 'CNY'), 'true', 'CNY button pressed');
    assert.equal(await pressed(p.page, 'USD'), 'false', 'USD button released');

    const after = await tableValues(p.page, 'us-capex');
    for (const r of after) {
      assert.ok(r.converted, `${r.fact}: no yuan figure after switching to CNY (${r.value})`);
      assert.match(r.converted, /元/, `${r.fact}: the converted figure is not in 元: ${r.converted}`);
      assert.doesNotMatch(r.converted.split(/[（(]/)[0], /美元/, `${r.fact}: the converted figure is still in 美元: ${r.converted}`);
    }
    // China's figures are in yuan already: no conversion any more.
    const china = await tableValues(p.page, 'china-capex');
    assert.ok(china.length > 0);
    for (const r of china) {
      const f = facts.get(r.fact);
      if (f.unit.startsWith('cny')) assert.equal(r.converted, null, `${r.fact}: a yuan figure converted to yuan: ${r.converted}`);
    }

    const url = await waitForParams(p.page, { cur: 'CNY', lang: 'zh-Hans' });
    assert.equal(url.searchParams.getAll('cur').length, 1, `cur appears twice in ${url}`);
    const canvasAfter = await waitForCanvasChange(p.page, '#chart-us-capex canvas', canvasBefore.digest).catch(() => null);
    assert.ok(canvasAfter, 'the us-capex chart was not redrawn after switching to CNY');

    // The same link, opened fresh, shows exactly the same table.
    const q = await openPage(env.browser, url.href, { ...DESKTOP, locale: 'zh-CN' });
    try {
      assert.equal(await waitForReady(q.page), 'ready');
      assert.equal(await pressed(q.page, 'CNY'), 'true');
      assert.deepEqual(await tableValues(q.page, 'us-capex'), after, 'the link with cur=CNY shows different figures from the switch');
    } finally {
      await q.close();
    }

    // And back to dollars.
    await p.page.locator('#currency-switch button[data-currency="USD"]').click();
    await waitForParams(p.page, { cur: 'USD' });
    assert.deepEqual(await tableValues(p.page, 'us-capex'), before, 'switching back to USD does not restore the dollar table');
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('?cur=CNY (English) converts every US dollar figure at the reference rate of its year, qualifier kept', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&cur=CNY`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.equal(await pressed(p.page, 'CNY'), 'true');
    const rows = await tableValues(p.page, 'us-capex');
    assert.equal(rows.length, usCapexIds.length);
    for (const r of rows) {
      const f = facts.get(r.fact);
      assert.ok(r.converted, `${r.fact}: no CN¥ figure with cur=CNY`);
      // "≈ CN¥…" for an exact figure; "about CN¥…", "over CN¥…" keep the source's qualifier.
      const m = /(≈ |about |over |at least |up to )CN¥([\d,.]+)(?:[–-]([\d,.]+))?\s*(bn|tn).*?CN¥([\d.]+) per US\$, the reference rate for (\d{4})/.exec(r.converted);
      assert.ok(m, `${r.fact}: cannot read the conversion "${r.converted}"`);
      const word = { exact: '≈ ', range: '≈ ', about: 'about ', over: 'over ', at_least: 'at least ', up_to: 'up to ' }[f.qualifier];
      assert.equal(m[1], word, `${r.fact}: the qualifier "${f.qualifier}" did not survive the conversion`);
      const year = Number(m[6]);
      const reference = nearestRate(f.period.end);
      assert.equal(year, reference.year, `${r.fact}: converted at ${year}'s rate, not ${reference.year}'s`);
      const rate = Number(m[5]);
      assert.ok(Math.abs(rate - reference.cny_per_usd) < 0.00051, `${r.fact}: converted at ${rate}, the dataset says ${reference.cny_per_usd}`);
      const shown = Number(m[2].replace(/,/g, '')) * (m[4] === 'tn' ? 1000 : 1);
      const want = f.value * reference.cny_per_usd;
      assert.ok(Math.abs(shown - want) <= want * 0.006, `${r.fact}: ${f.value} bn US$ × ${reference.cny_per_usd} = ${want.toFixed(1)} bn CN¥, the table says ${shown}`);
      if (typeof f.cny_per_usd === 'number') {
        assert.match(r.converted, /The article itself gives/, `${r.fact}: the article's own conversion is not shown`);
      }
    }
    assert.deepEqual(p.consoleErrors, [], 'console errors');
  } finally {
    await p.close();
  }
});

test('a switch answers with what is on screen at once, and every chart and the calculator follow; the last of quick switches stands', { timeout: 60_000 }, async () => {
  // The charts whose tables hold US dollar figures (converted when the reader picks CN¥).
  const dollarCharts = dataset.charts.filter((c) => [...c.facts, ...(c.context || [])].some((id) => facts.get(id)?.unit.startsWith('usd'))).map((c) => c.id);
  assert.ok(dollarCharts.length >= 3 && dollarCharts.includes('us-capex'), `charts with dollar figures: ${dollarCharts}`);
  const dollarFacts = [...facts.values()].filter((f) => f.unit.startsWith('usd')).map((f) => f.id);
  // Per chart, how many of its dollar figures are also given in yuan.
  const converted = (page) =>
    page.evaluate(
      ([ids, dollars]) =>
        Object.fromEntries(ids.map((id) => [id, [...document.querySelectorAll(`#chart-${id} tr.fact-row`)].filter((row) => dollars.includes(row.dataset.fact) && row.querySelector('.converted')).length])),
      [dollarCharts, dollarFacts],
    );
  // The calculator's amounts (its payback panel) in the reader's currency.
  const paybackIn = (page, symbol) => page.evaluate((s) => (document.querySelector('#calculator .calc-payback')?.textContent || '').includes(s), symbol);
  const p = await openPage(env.browser, `${env.server.url}?lang=en`);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await openTables(p.page);
    assert.equal(await paybackIn(p.page, 'US$'), true, 'the payback panel gives no US$ amount');
    // The first chart on screen, the calculator far below; the switch pressed where it is.
    await p.page.evaluate(() => document.querySelector('#chart-us-capex canvas').scrollIntoView({ block: 'start' }));
    await p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const atOnce = await p.page.evaluate(([dollars, far]) => {
      document.querySelector('#currency-switch button[data-currency="CNY"]').click();
      // Still in the click's task: what the reader sees has answered, a chart far below not yet.
      const rows = (id) => [...document.querySelectorAll(`#chart-${id} tr.fact-row`)].filter((row) => dollars.includes(row.dataset.fact));
      const converted = (id) => rows(id).filter((row) => row.querySelector('.converted')).length;
      return { shown: converted('us-capex'), far: converted(far), farRows: rows(far).length };
    }, [dollarFacts, dollarCharts.at(-1)]);
    assert.ok(atOnce.shown > 0, 'the chart on screen did not follow the switch in its own task');
    assert.ok(atOnce.farRows > 0 && atOnce.far === 0, `${dollarCharts.at(-1)}, far below, was rewritten in the click's task (${atOnce.far} of ${atOnce.farRows})`);
    await p.page.waitForFunction(
      ([ids, dollars]) => ids.every((id) => [...document.querySelectorAll(`#chart-${id} tr.fact-row`)].some((row) => dollars.includes(row.dataset.fact) && row.querySelector('.converted'))),
      [dollarCharts, dollarFacts],
      { timeout: 5_000 },
    );
    await p.page.waitForFunction(() => (document.querySelector('#calculator .calc-payback')?.textContent || '').includes('CN¥'), null, { timeout: 5_000 });
    // Three switches in quick succession: the last one's currency everywhere. (The calculator's
    // rebuilt parts go on the page a few a frame: a switch during another's swap takes over.)
    const calculatorParts = () =>
      p.page.evaluate(() => {
        const calc = document.getElementById('calculator');
        const ids = [...calc.querySelectorAll('[id]')].map((el) => el.id);
        const count = (selector) => calc.querySelectorAll(selector).length;
        return {
          parts: calc.children.length,
          repeated: ids.filter((id, i) => ids.indexOf(id) !== i),
          // Every chart with its one canvas, every sentence once (none left in a part replaced).
          framesWithOneCanvas: [...calc.querySelectorAll('.model-chart .chart-frame')].every((frame) => frame.querySelectorAll('canvas').length === 1),
          sentences: ['.calc-mc-sentence', '.calc-risk-sentences', '.calc-no-effect'].map(count),
        };
      });
    const partsBefore = await calculatorParts();
    assert.deepEqual(partsBefore.repeated, []);
    for (const cur of ['USD', 'CNY', 'USD']) await p.page.locator(`#currency-switch button[data-currency="${cur}"]`).click();
    await waitForParams(p.page, { cur: 'USD' });
    // Settled: every chart and the calculator in US$ (an earlier switch's rest, run late, would
    // leave some in CN¥).
    const settled = () =>
      p.page.evaluate(
        ([ids, dollars]) =>
          ids.every((id) => ![...document.querySelectorAll(`#chart-${id} tr.fact-row`)].some((row) => dollars.includes(row.dataset.fact) && row.querySelector('.converted'))) &&
          !(document.querySelector('#calculator .calc-payback')?.textContent || '').includes('CN¥'),
        [dollarCharts, dollarFacts],
      );
    for (let i = 0; i < 50 && !(await settled()); i++) await p.page.waitForTimeout(100);
    assert.deepEqual(Object.values(await converted(p.page)), dollarCharts.map(() => 0), 'a dollar figure is still converted after switching back to US$');
    assert.equal(await paybackIn(p.page, 'CN¥'), false, 'the payback panel still gives CN¥ amounts');
    assert.equal(await paybackIn(p.page, 'US$'), true, 'the payback panel gives no US$ amount');
    // And it stays so: nothing of an earlier switch is still to come.
    await p.page.waitForTimeout(500);
    assert.equal(await settled(), true, 'an earlier switch rewrote words after the last one');
    assert.deepEqual(await calculatorParts(), partsBefore, 'the calculator is not whole, or has parts twice, after the switches');
    assert.equal(partsBefore.framesWithOneCanvas, true);
    assert.deepEqual(partsBefore.sentences, [1, 1, 1]);
    // Its amounts in US$ again (the note on the rate names both currencies in either).
    const yuanLeft = await p.page.evaluate(() => [...document.querySelectorAll('#calculator :not(.calc-note)')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.data.includes('CN¥'))).map((el) => el.className));
    assert.deepEqual(yuanLeft, [], 'the calculator still gives CN¥ amounts');
    assert.deepEqual(p.consoleErrors, []);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('during the calculator\'s rebuild after a switch, the parts still on the page stay whole frame by frame', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.evaluate(() => document.getElementById('calculator').scrollIntoView({ block: 'start' }));
    // Every frame from the click until the rebuild is on the page (its parts go on a group a
    // frame): a chart frame without its drawing, or a sentence gone or twice, is noted.
    const seen = await p.page.evaluate(async () => {
      const calc = document.getElementById('calculator');
      const sentences = ['.calc-result', '.calc-payback-main', '.calc-payback-compare', '.calc-risk-sentences', '.calc-mc-sentence', '.calc-no-effect', '.calc-business-sentence'];
      const before = [...calc.children];
      const problems = [];
      let replaced = 0;
      document.querySelector('#currency-switch button[data-currency="CNY"]').click();
      for (let frame = 0; frame < 60; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const empty = [...calc.querySelectorAll('.model-chart .chart-frame')].filter((f) => !f.querySelector('canvas, .chart-svg')).map((f) => f.closest('.model-chart').id);
        const counts = sentences.map((selector) => calc.querySelectorAll(selector).length);
        if (empty.length) problems.push(`frame ${frame}: no drawing in ${empty}`);
        if (counts.some((n) => n !== 1)) problems.push(`frame ${frame}: sentences ${counts}`);
        replaced = before.filter((part) => !part.isConnected).length;
        if (replaced && (calc.querySelector('.calc-payback')?.textContent || '').includes('CN¥')) break;
      }
      return { problems, replaced };
    });
    assert.ok(seen.replaced > 0, 'the calculator was not rebuilt after the switch');
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(p.consoleErrors, []);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
