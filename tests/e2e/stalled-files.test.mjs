// A file the page waits for that never arrives (issue 17, finding 5): after LOAD_TIMEOUT_MS the
// baked page stops waiting, keeps its published charts, says so in the reader's language, and
// no control is left moving without effect. The browser's clock is run forward instead of
// waiting the 15 s.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, readWwwJson, DESKTOP, BAKED_PAGES } from './harness.mjs';
import { LOAD_TIMEOUT_MS } from '../../www/js/assets.js';

const env = bakedSiteAndBrowser();
const messages = Object.fromEntries(Object.keys(BAKED_PAGES).map((lang) => [lang, readWwwJson(`i18n/${lang}.json`)]));

/** Open the baked page in `lang` with every request matching `pattern` left unanswered. */
async function openStalled(lang, pattern) {
  const p = await openPage(env.browser, new URL(BAKED_PAGES[lang], env.server.url).href, {
    ...DESKTOP,
    goto: false,
    route: (context) => context.route(pattern, () => {}), // never answered
  });
  await p.page.clock.install();
  await p.page.goto(p.url, { waitUntil: 'domcontentloaded' });
  return p;
}

/** Run the page's clock once past the one load timeout and return the state it settles in. */
async function outwait(page) {
  await page.waitForTimeout(300);
  await page.clock.fastForward(LOAD_TIMEOUT_MS + 1_000);
  await page.waitForFunction(() => document.documentElement.dataset.state !== 'loading', null, { timeout: 3_000 }).catch(() => {});
  return page.evaluate(() => document.documentElement.dataset.state ?? 'none');
}

/** The page's controls that are enabled (none should be, once it has said it cannot work). */
const enabledControls = (page) =>
  page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled).map((c) => c.id || c.outerHTML.slice(0, 80)));

const bakedCharts = (page) => page.locator('#charts [data-chart] .chart-svg').count();

/** What a page that gave up keeps: its `charts` baked charts, no control that cannot work left enabled, no error. */
async function assertGaveUpSafely(p, charts) {
  assert.equal(await bakedCharts(p.page), charts, 'the baked charts of the data were removed');
  assert.deepEqual(await enabledControls(p.page), [], 'controls that cannot work are still enabled');
  assert.deepEqual(p.pageErrors, []);
}

for (const lang of Object.keys(BAKED_PAGES)) {
  test(`${lang}: a wasm file that never arrives — after the timeout the page says so in its language, keeps its baked charts, and disables its controls`, { timeout: 60_000 }, async () => {
    const p = await openStalled(lang, '**/pkg/*.wasm');
    try {
      const charts = await bakedCharts(p.page);
      assert.ok(charts > 0, 'the baked page has no charts');
      assert.equal(await outwait(p.page), 'error', 'data-state after the timeout');
      const m = messages[lang].status;
      const shown = (await p.page.locator('#status [data-message="core"]').innerText()).split('\n')[0].trim();
      assert.equal(shown, m.wasm_failed, 'the message');
      assert.match(await p.page.locator('#status [data-message="core"] details').textContent(), /no answer within 15 s/);
      assert.equal(await p.page.locator('#calculator .chart-error').innerText(), m.calculator_unavailable);
      await assertGaveUpSafely(p, charts);
    } finally {
      await p.close();
    }
  });
}

// One timeout: no English fallback after the reader's words timed out, and never the same file again.
for (const lang of ['zh-Hant', 'en']) {
  test(`${lang}: the words never arrive: after one timeout the three-language line shows, baked charts stay, and the controls are disabled`, { timeout: 60_000 }, async () => {
    const p = await openStalled(lang, '**/i18n/*.json');
    try {
      const charts = await bakedCharts(p.page);
      assert.equal(await outwait(p.page), 'error', 'data-state after the timeout');
      const line = await p.page.locator('#boot-error').innerText();
      assert.ok(await p.page.locator('#boot-error').isVisible(), 'the boot error line is not visible');
      for (const words of ['could not load', '未能加载', '未能載入']) assert.ok(line.includes(words), `the line lacks “${words}”: ${line}`);
      await assertGaveUpSafely(p, charts);
    } finally {
      await p.close();
    }
  });
}

test('the page\'s script never arrives: after the timeout the three-language line shows, baked charts stay, and the controls are disabled', { timeout: 60_000 }, async () => {
  const p = await openStalled('en', '**/js/main.*.js');
  try {
    const charts = await bakedCharts(p.page);
    assert.equal(await outwait(p.page), 'error', 'data-state after the timeout');
    assert.ok(await p.page.locator('#boot-error').isVisible(), 'the boot error line is not visible');
    await assertGaveUpSafely(p, charts);
  } finally {
    await p.close();
  }
});

test('the data file never arrives: after the timeout the page says so, keeps its baked charts, and the calculator works', { timeout: 60_000 }, async () => {
  const p = await openStalled('en', '**/data/capex-figures*.json');
  try {
    const charts = await bakedCharts(p.page);
    await p.page.waitForTimeout(300);
    await p.page.clock.fastForward(LOAD_TIMEOUT_MS + 1_000);
    await p.page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 10_000 });
    const st = messages.en.status;
    assert.equal((await p.page.locator('#status [data-message="dataset"]').innerText()).split('\n')[0].trim(), st.dataset_unreadable);
    assert.match(await p.page.locator('#status [data-message="dataset"] details').textContent(), /no answer within 15 s/);
    assert.equal(await bakedCharts(p.page), charts, 'the baked charts of the data were removed');
    const slider = p.page.locator('#in-agi_year');
    assert.equal(await slider.isEnabled(), true, 'the calculator is disabled though it works');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('the words of the figures never arrive: an open table shows its figures, and after the timeout says what is missing; the page goes on working', { timeout: 60_000 }, async () => {
  const p = await openStalled('en', '**/data/capex-words*.json');
  try {
    await p.page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 20_000 });
    const table = p.page.locator('#chart-us-capex details.table-details');
    await table.locator('summary').click();
    const status = table.locator('.words-status');
    assert.equal((await status.innerText()).trim(), messages.en.table.words_loading);
    const rows = await table.locator('tbody tr').count();
    assert.ok(rows > 0, 'no figures while the words are on their way');
    await p.page.waitForTimeout(300);
    await p.page.clock.fastForward(LOAD_TIMEOUT_MS + 1_000);
    await p.page.waitForFunction((el) => !el.textContent.includes('…'), await status.elementHandle(), { timeout: 3_000 });
    assert.ok((await status.innerText()).trim().startsWith(messages.en.table.words_failed));
    assert.match(await status.locator('.dev-detail').textContent(), /no answer within 15 s/);
    assert.equal(await table.locator('tbody tr').count(), rows, 'the figures went');
    const slider = p.page.locator('#in-agi_year');
    assert.equal(await slider.isEnabled(), true);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

for (const lang of Object.keys(BAKED_PAGES)) {
  test(`${lang}: download code that never arrives — after the timeout the download says so in the page's language`, { timeout: 60_000 }, async () => {
    const p = await openStalled(lang, /\/js\/share-files\.[0-9a-f]{10}\.js$/);
    try {
      await p.page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 20_000 });
      const csv = p.page.locator('.share-bar .share-button').nth(2);
      await csv.click();
      await p.page.waitForTimeout(300);
      await p.page.clock.fastForward(LOAD_TIMEOUT_MS + 1_000);
      const said = csv.locator('xpath=ancestor::div[contains(@class,"share-ui")]//p[contains(@class,"share-message")]');
      await p.page.waitForFunction((el) => el.textContent !== '', await said.elementHandle(), { timeout: 3_000 }).catch(() => {});
      assert.equal((await said.textContent()).trim(), messages[lang].share.unavailable);
    } finally {
      await p.close();
    }
  });
}
