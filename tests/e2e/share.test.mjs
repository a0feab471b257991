// Share and reuse (js/share/share.js, js/share/share-files.js): "Copy link" copies an address that
// opens the same view (language, currency, sections, scenario), and shows the link to copy by hand
// when the browser refuses; each chart downloads as a PNG twice its size on screen; the figures
// download as the dataset file itself and as a CSV with one row per figure (with a BOM, for
// Excel); the calculator's results as a CSV with every projection year and every input. The
// baked site loads the download code only on the click, under its hashed name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, waitForParams, readWwwJson, startServer, REPO_ROOT, DESKTOP } from './harness.mjs';
import { parseDelimited } from '../../www/js/data-file/delimited.js';

const dataset = readWwwJson('data/capex-dataset.json');
const datasetText = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
const words = { en: readWwwJson('i18n/en.json'), 'zh-Hans': readWwwJson('i18n/zh-Hans.json') };
const BOM = '\uFEFF';

const env = serverAndBrowser({ cors: true }); // embed.html frames the page sandboxed (case B)

/** Click `button` and resolve to the file it downloads: { name, bytes }. */
async function downloadOf(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A downloaded CSV's records as arrays of cells, after checking its BOM. */
function csvRecords(bytes) {
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith(BOM), 'the CSV starts with a UTF-8 BOM (Excel reads it as UTF-8)');
  const { records, problems } = parseDelimited(text.slice(1));
  assert.deepEqual(problems, [], 'the CSV parses');
  return records.map((r) => r.cells);
}

test('Copy link copies an address that opens the same language, currency, sections and scenario', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hant&section=us-capex,calculator`, { ...DESKTOP, locale: 'en-US' });
  try {
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.locator('#currency-switch button[data-currency="USD"]').click();
    await p.page.locator('.presets button[data-preset="agi_10y"]').click();
    await p.page.locator('#in-agi_year').fill('2031');
    await waitForParams(p.page, { preset: 'agi_10y', agi_year: '2031' });
    const scenario = await p.page.evaluate(() => [...document.querySelectorAll('#calculator input[type="range"]')].map((i) => [i.id, i.value]));

    await p.page.locator('.share-bar .share-button').first().click();
    await p.page.waitForFunction(() => document.querySelector('.share-bar .share-message').textContent.trim() !== '');
    assert.equal((await p.page.locator('.share-bar .share-message').textContent()).trim(), readWwwJson('i18n/zh-Hant.json').share.link_copied);
    const copied = await p.page.evaluate(() => navigator.clipboard.readText());
    const link = new URL(copied);
    assert.equal(link.searchParams.get('lang'), 'zh-Hant');
    assert.equal(link.searchParams.get('cur'), 'USD');
    assert.equal(link.searchParams.get('section'), 'us-capex,calculator');

    // Opened in another browser (English, no state of its own), the link shows the same view.
    const q = await openPage(env.browser, copied, { ...DESKTOP, locale: 'en-US' });
    try {
      assert.equal(await waitForReady(q.page), 'ready');
      assert.equal(await q.page.evaluate(() => document.documentElement.lang), 'zh-Hant');
      assert.equal(await q.page.locator('#currency-switch button[data-currency="USD"]').getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await q.page.evaluate(() => [...document.querySelectorAll('#charts section[data-chart]')].map((s) => s.dataset.chart)), ['us-capex']);
      assert.equal(await q.page.locator('#calculator').isVisible(), true);
      assert.deepEqual(await q.page.evaluate(() => [...document.querySelectorAll('#calculator input[type="range"]')].map((i) => [i.id, i.value])), scenario);
      assert.equal(await q.page.locator('.presets button[data-preset="agi_10y"]').getAttribute('aria-pressed'), 'false', 'agi_year moved off the preset');
      assert.deepEqual(q.problems(), []);
    } finally {
      await q.close();
    }
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('when the browser refuses to copy, the link is shown selected in a field, with words saying so', { timeout: 60_000 }, async () => {
  const refuse = () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
  };
  const p = await openPage(env.browser, `${env.server.url}?lang=en&cur=CNY`, { ...DESKTOP, initScript: refuse });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.locator('.share-bar .share-button').first().click();
    const field = p.page.locator('.share-bar input.share-link-field');
    await field.waitFor({ timeout: 5_000 });
    const link = new URL(await field.inputValue());
    assert.equal(link.searchParams.get('lang'), 'en');
    assert.equal(link.searchParams.get('cur'), 'CNY');
    assert.ok((await p.page.locator('.share-bar .share-message').textContent()).includes(words.en.share.copy_blocked));
    const selected = await p.page.evaluate(() => {
      const input = document.querySelector('.share-bar input.share-link-field');
      return document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length;
    });
    assert.ok(selected, 'the field has focus and its whole link is selected');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('in a sandboxed frame that may not copy (the README embed), Copy link shows the link to copy, and logs no error', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}embed.html`, DESKTOP);
  try {
    const frame = p.page.frameLocator('iframe[data-ai-capex]').first();
    // Once live, as a reader finds it: this is of the copy fallback, not of a tap made before the
    // page is live (kept and applied then: js/page/early-input.js).
    await frame.locator('html[data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    await frame.locator('.share-bar .share-button').first().click({ timeout: 20_000 });
    const field = frame.locator('.share-bar input.share-link-field');
    await field.waitFor({ timeout: 5_000 });
    assert.equal(new URL(await field.inputValue()).searchParams.get('lang'), 'en');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('in the README embed (sandboxed, allow-downloads), a chart still downloads as a PNG', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}embed.html`, DESKTOP);
  try {
    const frame = p.page.frameLocator('iframe[data-ai-capex]').first();
    const button = frame.locator('[data-chart] .share-chart .share-button').first();
    await button.waitFor({ timeout: 20_000 });
    const { name, bytes } = await downloadOf(p.page, button);
    assert.match(name, /^ai-capex-[a-z0-9-]+-[a-zA-Z-]+\.png$/);
    assert.ok(pngSize(bytes).width > 0, 'not a PNG');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('each chart downloads as a PNG twice its size on screen, titled, with the scenario on calculator charts', { timeout: 120_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&agi_year=2029`, { ...DESKTOP, deviceScaleFactor: 1 });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const ids = await p.page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((s) => s.dataset.chart));
    assert.equal(ids.length, dataset.charts.length + 9, `every dataset chart and the nine calculator charts: ${ids}`);
    for (const id of ids) {
      const section = p.page.locator(`[data-chart="${id}"]`);
      const canvas = section.locator('canvas.chart-canvas');
      const css = await canvas.evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
      const button = section.locator('.share-chart .share-button');
      assert.equal((await button.textContent()).trim(), words.en.share.chart_png, id);
      const before = await canvas.evaluate((c) => c.toDataURL());
      const { name, bytes } = await downloadOf(p.page, button);
      assert.equal(name, `ai-capex-${id}-en.png`);
      const size = pngSize(bytes);
      assert.equal(size.width, 2 * css.width, `${id}: image width is 2 × the chart's ${css.width} CSS px`);
      assert.ok(size.height > 2 * css.height, `${id}: image height ${size.height} holds the chart's 2 × ${css.height} px and the lines around it`);
      // The image is decoded by the browser as any reader's would be, at the size in its header.
      const decoded = await p.page.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        return { width: bitmap.width, height: bitmap.height };
      }, bytes.toString('base64'));
      assert.deepEqual(decoded, size, `${id}: the PNG decodes`);
      // Drawing the image leaves the chart on screen as it was (the same pixels, hover intact).
      assert.equal(await canvas.evaluate((c) => c.toDataURL()), before, `${id}: the chart on screen is unchanged`);
      assert.equal(await section.locator('.share-chart .share-message').textContent(), '', `${id}: no failure message`);
    }
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the image of a calculator chart carries its scenario, a dataset chart its sources (text drawn on it)', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&agi_year=2029&price_cut=10`, { ...DESKTOP, deviceScaleFactor: 1 });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // What is written on the image, as the page passes it to the canvas.
    await p.page.evaluate(() => {
      window.__written = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        window.__written.push(String(text));
        return fillText.call(this, text, ...rest);
      };
    });
    await downloadOf(p.page, p.page.locator('[data-chart="model-breakeven"] .share-chart .share-button'));
    const model = (await p.page.evaluate(() => window.__written)).join(' ');
    assert.match(model, new RegExp(words.en.calculator.charts['model-breakeven'].title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(model, /Scenario: .*2029/, `the scenario is written on the image: ${model}`);
    assert.match(model, /10%/, `the changed price war is written on the image: ${model}`);
    assert.match(model, /Interactive version: http/);

    await p.page.evaluate(() => (window.__written = []));
    await downloadOf(p.page, p.page.locator('[data-chart="us-capex"] .share-chart .share-button'));
    const chart = (await p.page.evaluate(() => window.__written)).join(' ');
    assert.ok(chart.includes(words.en.charts['us-capex'].question.slice(0, 12)), `the title is written on the image: ${chart}`);
    assert.match(chart, /Sources: /);
    assert.ok(chart.includes(words.en.chart['credit.dataset'].slice(0, 12)), 'the core wrote its credit line into the chart');
  } finally {
    await p.close();
  }
});

test('the data downloads: the dataset file itself as JSON, and every figure as a CSV row with what it measures, its source, quote and grade', { timeout: 60_000 }, async () => {
  for (const lang of ['en', 'zh-Hans']) {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, DESKTOP);
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const [jsonButton, csvButton] = await p.page.locator('.share-bar .share-button').all().then((all) => all.slice(1));
      const json = await downloadOf(p.page, jsonButton);
      assert.equal(json.name, `ai-capex-dataset-${dataset.dataset_version}.json`);
      assert.equal(json.bytes.toString('utf8'), datasetText, `${lang}: the JSON is the dataset file`);

      const csv = await downloadOf(p.page, csvButton);
      assert.equal(csv.name, `ai-capex-figures-${lang}.csv`);
      const [head, ...rows] = csvRecords(csv.bytes);
      const columns = words[lang].share.csv.columns;
      assert.deepEqual(head, Object.values(columns), `${lang}: the header is in the reader's language`);
      const all = [...dataset.facts, ...dataset.reference];
      assert.equal(rows.length, all.length, `${lang}: one row per figure (facts + reference)`);
      const col = (name) => head.indexOf(columns[name]);
      all.forEach((fact, i) => {
        const row = rows[i];
        assert.equal(Number(row[col('value')]), fact.value, `${fact.id}: value`);
        assert.equal(row[col('period')].includes(String(fact.period.end)), true, `${fact.id}: period`);
        assert.equal(row[col('quote')], fact.quote ?? '', `${fact.id}: quote`);
        const source = dataset.sources.find((s) => s.id === fact.source);
        assert.equal(row[col('source')], source.outlet[lang], `${fact.id}: source in the reader's language`);
        assert.equal(row[col('source_url')], source.url ?? '', `${fact.id}: source address`);
        assert.match(row[col('grade')], /^[ABCD]$/, `${fact.id}: grade`);
        // What the figure measures: a record's definition, else its measure's name.
        const measure = dataset.measures.find((m) => m.id === fact.measure);
        assert.equal(row[col('measures')], fact.definition?.[lang] ?? measure?.name[lang] ?? '', `${fact.id}: what it measures`);
        assert.equal(row[col('list')], words[lang].share.csv.lists[i < dataset.facts.length ? 'facts' : 'reference']);
      });
      assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], `${lang}: every word of the downloads is in the language file`);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  }
});

test("the calculator's results download as a CSV with every input and every projection year", { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans&cur=CNY&agi_year=2033&price_cut=10`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const button = p.page.locator('#calculator .share-results .share-button');
    assert.equal((await button.textContent()).trim(), words['zh-Hans'].share.results_csv);
    const { name, bytes } = await downloadOf(p.page, button);
    assert.equal(name, 'ai-capex-scenario-zh-Hans.csv');
    const records = csvRecords(bytes);
    const zh = words['zh-Hans'];
    assert.deepEqual(records[0], [zh.share.csv.input, zh.share.csv.input_value, zh.share.csv.input_param]);
    const params = records.map((r) => r[2]).filter((cell) => /^\w+=/.test(cell || ''));
    // Every control: sliders, and the two-way choices as radio buttons.
    const specs = await p.page.evaluate(() => document.querySelectorAll('#calculator .control[data-field]').length);
    assert.equal(params.length, specs, 'one row per input');
    assert.ok(params.includes('agi_year=2033') && params.includes('price_cut=10'), `the reader's inputs: ${params}`);
    const link = records.find((r) => r[0] === zh.share.csv.link);
    assert.ok(link && new URL(link[1]).searchParams.get('agi_year') === '2033', 'the link that restores the scenario');

    const headIndex = records.findIndex((r) => r[0] === zh.calculator.tables.year);
    assert.ok(headIndex > 0, 'the yearly table follows the inputs');
    const head = records[headIndex];
    assert.ok(head.some((c) => c.includes(zh.calculator.sides.cn_sprint) && c.includes(zh.calculator.outputs.capex) && c.includes(zh.share.csv.money.CNY)), `Chinese headers with the money unit: ${head}`);
    const years = records.slice(headIndex + 1);
    // The years of the projection, as the page's own table of a yearly chart lists them.
    const table = p.page.locator('#model-position details.table-details');
    await table.locator('summary').click();
    await table.locator('tbody th[scope="row"]').first().waitFor({ timeout: 5_000 }); // built on the toggle event
    const tableYears = await table.locator('tbody th[scope="row"]').allTextContents();
    assert.ok(tableYears.length > 10, `the page's table lists the projection years: ${tableYears}`);
    assert.deepEqual(years.map((r) => r[0]), tableYears.map((y) => y.replace(/\D/g, '')), 'every projection year');
    for (const row of years) {
      assert.equal(row.length, head.length, `${row[0]}: a cell for every column`);
      for (const cell of row) assert.ok(cell !== '' && Number.isFinite(Number(cell)), `${row[0]}: every cell a number (${cell})`);
    }
    assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], 'every word of the download is in the language file');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

/** The records after the one whose first cells are `head`: the block's head row's index. */
function blockAt(records, head) {
  const i = records.findIndex((r) => head.every((cell, k) => r[k] === cell));
  assert.ok(i >= 0, `the CSV has a block headed ${head.join(', ')}`);
  return i;
}

/** The 2×2 table as the page shows it: per pair, each side's line and whether it is an equilibrium. */
const pageGameCells = (page) =>
  page.locator('#calc-game td.game-cell').evaluateAll((cells) =>
    cells.map((td) => ({
      us: td.dataset.us,
      cn: td.dataset.cn,
      usLine: td.querySelector('.game-us').textContent,
      cnLine: td.querySelector('.game-cn').textContent,
      usMark: td.querySelector('.game-us .game-mark')?.textContent ?? null,
      cnMark: td.querySelector('.game-cn .game-mark')?.textContent ?? null,
      equilibrium: td.classList.contains('game-equilibrium'),
    })),
  );

for (const [lang, currency] of [['en', 'USD'], ['zh-Hans', 'CNY'], ['zh-Hant', 'USD']]) {
  test(`${lang}: the results CSV holds the 2×2 table's four pairs, business quality and the risk table as the page shows them, with the runs, seed and map`, { timeout: 90_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}&cur=${currency}&agi_year=2031`, DESKTOP);
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const w = lang === 'zh-Hant' ? readWwwJson('i18n/zh-Hant.json') : words[lang];
      const csv = w.share.csv;
      const risk = p.page.locator('#model-risk details.table-details');
      await risk.locator('summary').click();
      await risk.locator('tbody th[scope="row"]').first().waitFor({ timeout: 5_000 });
      const riskRows = await risk.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent)));
      const riskHead = await risk.locator('thead th').allTextContents();
      const cells = await pageGameCells(p.page);
      assert.equal(cells.length, 4);
      const records = csvRecords((await downloadOf(p.page, p.page.locator('#calculator .share-results .share-button'))).bytes);

      // The 2×2 table: four pairs, each side's NPV and value per unit as the page writes them.
      const game = blockAt(records, [csv.game.us_strategy, csv.game.cn_strategy]);
      assert.equal(records[game - 2][0], w.calculator.game.title);
      const verb = (word) => Object.keys(w.calculator.game.verb).find((k) => w.calculator.game.verb[k] === word);
      const pairs = records.slice(game + 1, game + 5);
      assert.deepEqual(pairs.map((r) => `${verb(r[0])}/${verb(r[1])}`).sort(), ['pace/pace', 'pace/sprint', 'sprint/pace', 'sprint/sprint']);
      for (const row of pairs) {
        const cell = cells.find((c) => c.us === verb(row[0]) && c.cn === verb(row[1]));
        const where = `${lang} ${cell.us}/${cell.cn}`;
        assert.equal(row.length, 9, where);
        assert.ok(cell.usLine.includes(w.calculator.game.npv.replace('{money}', row[2])), `${where}: US NPV ${row[2]} in "${cell.usLine}"`);
        assert.ok(cell.usLine.includes(w.calculator.game.per_unit.replace('{value}', row[3])), `${where}: US per unit ${row[3]} in "${cell.usLine}"`);
        assert.ok(cell.cnLine.includes(w.calculator.game.npv.replace('{money}', row[5])), `${where}: China's NPV ${row[5]} in "${cell.cnLine}"`);
        assert.ok(cell.cnLine.includes(w.calculator.game.per_unit.replace('{value}', row[6])), `${where}: China's per unit ${row[6]} in "${cell.cnLine}"`);
        assert.equal(row[4], cell.usMark ?? csv.game.no, `${where}: the US firms' best-reply mark`);
        assert.equal(row[7], cell.cnMark ?? csv.game.no, `${where}: China's best-reply mark`);
        assert.equal(row[8], cell.equilibrium ? w.calculator.game.equilibrium : csv.game.no, `${where}: the equilibrium mark`);
      }
      assert.equal(records[game + 5][0], await p.page.locator('#calc-game .game-reading').textContent(), "the table's reading");
      assert.equal(records[game + 6][0], await p.page.locator('#model-business .calc-business-sentence').textContent(), 'business quality, apart');

      // "Steadier?": the risk table's head and rows exactly, after the runs and the seed.
      const riskAt = blockAt(records, riskHead);
      assert.deepEqual(records.slice(riskAt + 1, riskAt + 1 + riskRows.length), riskRows, 'the risk figures as the page shows them');
      const runs = await p.page.evaluate(() => window.__explainer.monteCarlo().runs);
      assert.ok(records[riskAt - 1][0].includes('20250101') && records[riskAt - 1][0].replace(/\D/g, '').startsWith(String(runs)), `the runs and seed: ${records[riskAt - 1]}`);
      const sentences = await p.page.locator('#model-risk .calc-risk-sentences p').allTextContents();
      assert.deepEqual(records.slice(riskAt + 1 + riskRows.length, riskAt + 3 + riskRows.length).map((r) => r[0]), sentences, "each side's sentence");

      // The map's calls: its table's head and rows as the page's, the reader's cell in words.
      const map = p.page.locator('#model-map details.table-details');
      await map.locator('summary').click();
      await map.locator('tbody th[scope="row"]').first().waitFor({ timeout: 5_000 });
      const mapPage = await map.locator('tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.ok(mapPage[0].length > 30, `the map's AGI years across: ${mapPage[0]}`);
      const mapAt = blockAt(records, mapPage[0]);
      assert.deepEqual(records.slice(mapAt, mapAt + mapPage.length), mapPage, "the map's calls, the reader's cell marked");
      assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], 'every word of the download is in the language file');
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  });
}

test('downloaded before the scenarios are computed, the results CSV says the risk figures are not there yet', { timeout: 60_000 }, async () => {
  // Once the calculator has drawn its first chart (the task after it was made), zero-delay
  // timers wait a minute: the page stops at its next pause, before the Monte Carlo's first slice
  // (calculator.js makeHeavy).
  const initScript = () => {
    const later = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => later(fn, !ms && document.querySelector('#calculator canvas[data-drawn="1"]') ? 60_000 : ms, ...rest);
  };
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP, initScript });
  try {
    const button = p.page.locator('#calculator .share-results .share-button');
    await button.waitFor({ timeout: 20_000 });
    assert.equal(await p.page.evaluate(() => window.__explainer.monteCarlo()), null, 'the run has not happened');
    const records = csvRecords((await downloadOf(p.page, button)).bytes);
    const at = records.findIndex((r) => r[0] === words.en.calculator.game.risk.title);
    assert.ok(at > 0, 'the risk block is there');
    assert.equal(records[at + 1][0], words.en.share.csv.risk_pending);
  } finally {
    await p.close();
  }
});

test('on the baked site the download code arrives only on the click, under its hashed name', { timeout: 60_000 }, async (t) => {
  const dist = path.join(REPO_ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) return t.skip('dist/ is not baked: run ./dev build');
  const server = await startServer({ root: dist });
  try {
    const p = await openPage(env.browser, `${server.url}en/`, DESKTOP);
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const lazy = () => p.requests.filter((u) => /\/js\/share-files\.[0-9a-f]{10}\.js$/.test(u));
      assert.deepEqual(lazy(), [], 'not loaded with the page');
      const csv = await downloadOf(p.page, p.page.locator('.share-bar .share-button').nth(2));
      assert.equal(csv.name, 'ai-capex-figures-en.csv');
      const [head, ...rows] = csvRecords(csv.bytes);
      assert.equal(rows.length, dataset.facts.length + dataset.reference.length);
      // The page started from the figures part; the CSV waits for their words.
      const quotes = rows.map((row) => row[head.indexOf(words.en.share.csv.columns.quote)]);
      assert.deepEqual(quotes, [...dataset.facts, ...dataset.reference].map((f) => f.quote ?? ''), 'the CSV lacks the quotes');
      assert.equal(lazy().length, 1, 'loaded on the click');
      // The JSON is the one file editors keep, not the part the page read.
      const json = await downloadOf(p.page, p.page.locator('.share-bar .share-button').nth(1));
      assert.equal(json.bytes.toString('utf8'), datasetText, 'the JSON is not the dataset file');
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  } finally {
    await server.close();
  }
});

test('a negative figure as stated ("-20%") reaches the figures CSV as a number a spreadsheet reads, with no apostrophe in front', { timeout: 60_000 }, async () => {
  // Issue 17 review: the formula guard wrote it as '-20%, the apostrophe visible in the sheet.
  const edited = structuredClone(dataset);
  const fact = edited.facts.find((f) => f.unit === 'percent' && !/share|margin|reduction/.test(f.metric) && f.value_high === undefined && f.qualifier === 'exact');
  fact.value = -20;
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(edited) })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const csvButton = p.page.locator('.share-bar .share-button').nth(2);
    const [head, ...rows] = csvRecords((await downloadOf(p.page, csvButton)).bytes);
    const row = rows[edited.facts.indexOf(fact)];
    assert.equal(row[head.indexOf(words.en.share.csv.columns.as_stated)], '-20%', `${fact.id}: ${row}`);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a data file whose text a spreadsheet would run as a formula is refused, so its figures are never offered as CSV', { timeout: 60_000 }, async () => {
  // Before, the core accepted it and the readers' figures CSV carried =HYPERLINK(…) into
  // Excel. The CSV writer now neutralises such text too (tests/e2e/data-file.test.mjs, csvText).
  const hostile = structuredClone(dataset);
  const starts = ['=', '+', '-', '@', '\t', '\r'];
  starts.forEach((start, i) => {
    hostile.facts[i].quote = `${start}HYPERLINK("https://example.com/${i}","open")`;
  });
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const problems = await p.page.locator('#status [data-message="dataset"] li').allTextContents();
    starts.forEach((start, i) => {
      const where = `facts[${i}] (id ${hostile.facts[i].id}).quote: `;
      assert.ok(problems.some((line) => line.startsWith(where) && line.includes('starts with a character a spreadsheet reads as a formula')), `${JSON.stringify(start)}: ${problems.join('\n')}`);
    });
    assert.equal(await p.page.locator('.share-bar .share-button').count(), 0, 'no download of refused figures');
  } finally {
    await p.close();
  }
});
