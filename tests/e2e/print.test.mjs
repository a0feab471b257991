// Printing (css/print.css, js/page/print.js): the story, the charts, every table and the sources;
// no controls; nothing cut across pages; paper is white even for a reader in dark mode. The
// calculator's strategy story prints whole: the 2×2 table, the risk chart and the map (its
// 37-column table left to the map), nothing past A4's right edge.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, shownCorners, DESKTOP } from './harness.mjs';

const env = bakedSiteAndBrowser();

/**
 * Whether some charts are drawn and every drawn one is in `scheme` ('light' or 'dark'): its
 * background as a corner of it shows it, and the ink of its words.
 */
const chartsIn = async (page, scheme) => {
  const charts = await page.locator('canvas.chart-canvas').evaluateAll(shownCorners);
  const other = scheme === 'light' ? 'dark' : 'light';
  return (
    charts.length > 0 &&
    charts.every(({ shown: [r, g, b], ink }) => (scheme === 'light' ? (r + g + b) / 3 > 200 : (r + g + b) / 3 < 80) && ink[scheme] > 20 && ink[other] === 0)
  );
};

/** A4's width between Chromium's default 1 cm margins, in CSS px. */
const A4_CONTENT_PX = Math.floor((190 / 25.4) * 96);

/** The strategy story's blocks as they print: the 2×2 table, the risk chart and the map. */
const strategyBlocksOnPaper = (page) =>
  page.evaluate(() => {
    const shown = (el) => Boolean(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const table = document.querySelector('#calc-game table.game-table');
    return {
      gameCells: [...table.querySelectorAll('td.game-cell')].filter(shown).length,
      gameWhole: getComputedStyle(table).breakInside === 'avoid',
      charts: Object.fromEntries(['model-risk', 'model-map'].map((id) => [id, shown(document.querySelector(`#${id} canvas.chart-canvas`))])),
      mapTable: shown(document.querySelector('#model-map .table-details')),
      framing: shown(document.querySelector('.calc-framing')),
    };
  });

/** Elements whose right edge is past the page's: "tag#id.class right". */
const overflowing = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 1)
      .slice(0, 10)
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });

test('printed: tables open, controls gone, charts whole and light, then back as it was', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP, colorScheme: 'dark' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.ok(await chartsIn(p.page, 'dark'), 'the charts are not dark on a dark screen to start with');
    const closedBefore = await p.page.locator('details.table-details:not([open])').count();
    assert.ok(closedBefore > 0);

    await p.page.emulateMedia({ media: 'print' });
    // Built with the figures at once; filled again as the figures' words come (a print dialog
    // shows what is there by then: the page fetches the words after a while in any case).
    await p.page.waitForFunction(() => [...document.querySelectorAll('details.table-details')].every((d) => d.open && d.querySelector('table')) && !document.querySelector('.words-status'));
    const paper = await p.page.evaluate(() => {
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return {
        controls: [...document.querySelectorAll('button, input, select, .page-controls, .presets')].filter(shown).length,
        sources: shown(document.getElementById('sources')),
        tables: document.querySelectorAll('details.table-details table').length,
        unbreakable: [...document.querySelectorAll('.chart-frame')].every((f) => getComputedStyle(f).breakInside === 'avoid'),
        background: getComputedStyle(document.body).backgroundColor,
        links: getComputedStyle(document.querySelector('.source-link[href^="https:"]'), '::after').content,
      };
    });
    assert.equal(paper.controls, 0, 'controls on paper');
    assert.ok(paper.sources, 'no sources on paper');
    assert.ok(paper.tables >= closedBefore, 'not every table printed');
    assert.ok(paper.unbreakable, 'a chart may be cut across pages');
    assert.equal(paper.background, 'rgb(255, 255, 255)');
    assert.match(paper.links, /https:/, 'a source link does not print where it goes');
    assert.ok(await chartsIn(p.page, 'light'), 'a chart prints dark');
    const blocks = await strategyBlocksOnPaper(p.page);
    assert.equal(blocks.gameCells, 4, "the 2×2 table's four cells on paper");
    assert.ok(blocks.gameWhole, 'the 2×2 table may be cut across pages');
    assert.deepEqual(blocks.charts, { 'model-risk': true, 'model-map': true }, 'the risk chart and the map print');
    assert.equal(blocks.mapTable, false, "the map's 37-column table prints (the map stands for it)");
    assert.equal(blocks.framing, false, 'the race set-up controls print');
    // On A4 (190 mm between the margins) nothing runs off the right edge.
    await p.page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
    assert.deepEqual(await overflowing(p.page), [], 'cut off at the right edge of A4');
    const pdf = await p.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 50_000 && pdf.subarray(0, 5).toString() === '%PDF-', 'no PDF printed');

    await p.page.emulateMedia({ media: 'screen' });
    await p.page.waitForFunction((n) => document.querySelectorAll('details.table-details:not([open])').length === n, closedBefore);
    assert.ok(await chartsIn(p.page, 'dark'), 'the charts did not go back to dark after printing');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('printed right after a currency switch: the whole rebuilt calculator on paper, every chart with its drawing', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // The switch and the print in one task: the rebuilt calculator is still to go on the page
    // a part a frame when the page is laid out for paper.
    await p.page.evaluate(() => {
      for (const part of document.getElementById('calculator').children) part.dataset.before = '';
      document.querySelector('#currency-switch button[data-currency="CNY"]').click();
      window.dispatchEvent(new Event('beforeprint'));
    });
    await p.page.emulateMedia({ media: 'print' });
    const paper = await p.page.evaluate(() => {
      const calc = document.getElementById('calculator');
      return {
        // Parts from before the switch still on paper (but the two the rebuild keeps: the
        // presets' bar, refilled, and the live region).
        before: [...calc.children].filter((part) => 'before' in part.dataset && !part.matches('.presets, [aria-live]')).map((part) => part.id || part.className),
        frames: [...calc.querySelectorAll('.model-chart .chart-frame')].map((frame) => frame.querySelectorAll('canvas[data-drawn="1"], .chart-svg').length),
        // The words that give money: the result, the payback and the risk, in the new currency.
        money: ['.calc-result', '.calc-payback', '.calc-risk-sentences'].map((selector) => [selector, calc.querySelector(selector)?.textContent ?? null]),
      };
    });
    assert.deepEqual(paper.before, [], 'parts of the calculator from before the switch on paper');
    for (const [selector, text] of paper.money) {
      assert.ok(text, `${selector}: not on the page`);
      assert.ok(!text.includes('US$'), `${selector} prints US$ amounts after the switch to CN¥: ${text.slice(0, 200)}`);
    }
    assert.ok(paper.money.some(([, text]) => text.includes('CN¥')), 'no CN¥ amount in the calculator on paper');
    assert.ok(paper.frames.length > 0 && paper.frames.every((n) => n >= 1), `a chart frame prints empty: ${paper.frames}`);
    await p.page.emulateMedia({ media: 'screen' });
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('printed in Chinese (zh-Hant): the strategy blocks print whole and nothing runs past A4', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}zh-Hant/`, { ...DESKTOP, viewport: { width: A4_CONTENT_PX, height: 1000 } });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.emulateMedia({ media: 'print' });
    // Built with the figures at once; filled again as the figures' words come (a print dialog
    // shows what is there by then: the page fetches the words after a while in any case).
    await p.page.waitForFunction(() => [...document.querySelectorAll('details.table-details')].every((d) => d.open && d.querySelector('table')) && !document.querySelector('.words-status'));
    const blocks = await strategyBlocksOnPaper(p.page);
    assert.deepEqual(blocks, { gameCells: 4, gameWhole: true, charts: { 'model-risk': true, 'model-map': true }, mapTable: false, framing: false });
    assert.deepEqual(await overflowing(p.page), [], 'cut off at the right edge of A4');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});
