// The map (issue 19, item 4): the US firms' call over every AGI year × the prize, drawn by the
// Rust chart code — baked as SVG for the first response (JavaScript off), live on a canvas —
// with a table behind it as its accessible equivalent: one row per value of the prize, the
// reader's cell marked in words (aria-current), moving when the reader changes the AGI year,
// reachable by keyboard. In all three languages at 390 px and 1280 px, on the baked site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForReady, readWwwJson, DESKTOP, PHONE, BAKED_PAGES } from './harness.mjs';
import { bakedSiteAndBrowser } from './shared.mjs';

const env = bakedSiteAndBrowser();
const SIZES = { phone: PHONE, desktop: DESKTOP };
/** The map's values of the prize (src/model/strategy_map.rs MAP_STEPS). */
const MAP_STEPS = 11;
/** The AGI years 2026–2060 and "no AGI by 2060". */
const MAP_COLUMNS = 36;

/** The map's table as the reader's assistive technology meets it. */
function readTable() {
  const table = document.querySelector('#model-map table');
  if (!table) return null;
  const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  const rows = [...table.querySelectorAll('tbody tr')];
  const current = [...table.querySelectorAll('[aria-current="true"]')].map((td) => {
    const tr = td.closest('tr');
    return { text: td.textContent, column: head[[...tr.children].indexOf(td)], row: tr.querySelector('th').textContent };
  });
  return { head, rows: rows.length, cells: rows.map((r) => r.children.length), current };
}

for (const [lang, dir] of Object.entries(BAKED_PAGES)) {
  const words = readWwwJson(`i18n/${lang}.json`);
  const yours = words.calculator.map.yours;

  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`${lang}, ${size}: the map is drawn; its table has a row per prize, reached by keyboard, the reader's cell marked and moving with the AGI year`, { timeout: 90_000 }, async () => {
      const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...viewport });
      try {
        assert.equal(await waitForReady(p.page), 'ready');
        const section = p.page.locator('#model-map');
        assert.equal(await section.locator('h3').innerText(), words.calculator.map.title);
        await section.scrollIntoViewIfNeeded();
        await p.page.waitForFunction(() => document.querySelector('#model-map canvas')?.dataset.drawn === '1', null, { timeout: 20_000 });

        // The chart's marks step by keyboard; the first is the top-left cell: 2026, the largest prize.
        await section.locator('canvas').focus();
        await p.page.keyboard.press('ArrowRight');
        const tip = section.locator('.tooltip');
        await tip.waitFor({ state: 'visible', timeout: 5_000 });
        const tipText = await tip.innerText();
        assert.match(tipText, /2026/, `the first cell's tooltip: ${tipText}`);
        assert.ok(Object.values(words.calculator.calls).some((w) => tipText.includes(w)), `the tooltip names no call: ${tipText}`);

        // Tab from the chart reaches the table's toggle; Enter opens it.
        let onToggle = false;
        for (let i = 0; i < 8 && !onToggle; i++) {
          await p.page.keyboard.press('Tab');
          onToggle = await p.page.evaluate(() => document.activeElement === document.querySelector('#model-map details.table-details > summary'));
        }
        assert.ok(onToggle, 'Tab from the map never reached its table toggle');
        await p.page.keyboard.press('Enter');
        await p.page.waitForFunction(() => document.querySelector('#model-map table'), null, { timeout: 10_000 });
        await p.page.keyboard.press('Tab');
        assert.ok(await p.page.evaluate(() => document.activeElement?.matches('#model-map .table-scroll[role="region"]')), 'the table region is not the next Tab stop');

        const table = await p.page.evaluate(readTable);
        assert.equal(table.rows, MAP_STEPS, 'one row per value of the prize');
        assert.ok(table.cells.every((n) => n === MAP_COLUMNS + 1), `each row: its value and ${MAP_COLUMNS} calls (${table.cells})`);
        assert.equal(table.current.length, 1, `one cell is the reader's: ${JSON.stringify(table.current)}`);
        const [before] = table.current;
        assert.ok(before.text.includes(yours), `the reader's cell says so: ${before.text}`);
        assert.match(before.column, /2030/, 'the default AGI year');

        // The reader moves the AGI year (keyboard, a slider let go): the marked cell follows.
        await p.page.locator('#in-agi_year').focus();
        await p.page.keyboard.press('ArrowRight');
        await p.page.waitForFunction(() => {
          const td = document.querySelector('#model-map [aria-current="true"]');
          const column = td && [...td.closest('tr').children].indexOf(td);
          return td && /2031/.test(td.closest('table').querySelectorAll('thead th')[column].textContent);
        }, null, { timeout: 10_000 });
        const after = await p.page.evaluate(readTable);
        assert.equal(after.current.length, 1);
        assert.equal(after.current[0].row, before.row, 'the prize did not change');
        assert.match(after.current[0].column, /2031/);
        assert.deepEqual(p.problems(), []);
      } finally {
        await p.close();
      }
    });
  }

  test(`${lang}: without JavaScript the map is the baked SVG image, at phone and desktop width`, { timeout: 60_000 }, async () => {
    for (const viewport of Object.values(SIZES)) {
      const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...viewport, javaScriptEnabled: false });
      try {
        // The map is below the first screen: a picture of an SVG file, read here as the file.
        const svg = await p.page.evaluate(async () => {
          const shown = [...document.querySelectorAll('#model-map .chart-svg')].filter((el) => el.getClientRects().length > 0);
          return Promise.all(
            shown.map(async (el) => {
              const img = el.querySelector('img');
              const drawing = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml');
              return {
                label: img.alt,
                width: el.getBoundingClientRect().width,
                // Pacing pays in most of the default scenario's map (drawn as blocks), and in the legend.
                paceFills: drawing.querySelectorAll('rect[fill="#56B4E9" i]').length,
                // Too close to call in its first years: hatched.
                hatches: drawing.querySelectorAll('polyline[stroke="#787878" i]').length,
                // The reader's cell: an outline in ink.
                outlines: drawing.querySelectorAll('rect[fill="none"][stroke="#1C1C1C" i]').length,
              };
            }),
          );
        });
        assert.equal(svg.length, 1, `one baked map shown: ${JSON.stringify(svg)}`);
        assert.equal(svg[0].label, words.calculator.map.caption, "the image's text alternative");
        assert.ok(svg[0].width > 200, `the map is ${svg[0].width} px wide`);
        assert.ok(svg[0].paceFills >= 2, `${svg[0].paceFills} rectangles where pacing pays: the cells are not drawn`);
        assert.ok(svg[0].hatches > MAP_STEPS, `${svg[0].hatches} hatch lines: too close to call is not hatched`);
        assert.equal(svg[0].outlines, 1, "the reader's cell is outlined once");
      } finally {
        await p.close();
      }
    }
  });
}
