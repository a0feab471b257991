// A tap before the page is live (issue 20): on a slow phone the baked page shows its controls
// seconds before its script has taken them over. What the reader does in that time — a button
// tapped, a slider let go, a choice made, a table opened — is kept (js/head.js) and applied once
// the page is live (js/page/early-input.js), never silently lost; a kept button shows it is
// waiting. Here the live page's script is held back until the reader has done all of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, PHONE, BAKED_PAGES } from './harness.mjs';

const env = bakedSiteAndBrowser();

/**
 * A baked page (the English one unless `address` says) with its live script held until
 * `release(answer)`: then fetched, or answered as `answer` says ({ status } for a failure).
 */
async function openHeld(address = BAKED_PAGES.en) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const p = await openPage(env.browser, new URL(address, env.server.url).href, {
    ...PHONE,
    goto: false,
    route: (context) =>
      context.route('**/js/main.*.js', async (route) => {
        const answer = await held;
        await (answer ? route.fulfill(answer) : route.continue());
      }),
  });
  await p.page.goto(p.url, { waitUntil: 'domcontentloaded' });
  return { p, release };
}

/** Let the live script come, and wait until the page is ready and has applied what it kept. */
async function goLive(page, release) {
  release();
  assert.equal(await waitForReady(page), 'ready');
  await page.waitForFunction(() => window.__explainerEarly === null, null, { timeout: 10_000 });
}

test('what the reader does before the page is live is applied once it is: a currency tapped, a slider let go, a choice made, a figures switch, a table opened', { timeout: 60_000 }, async () => {
  const { p, release } = await openHeld();
  const { page } = p;
  try {
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'baked');
    // The baked controls stand as the page will: the slider at its default, a choice made.
    assert.equal(await page.locator('#in-demand_growth').inputValue(), '25');
    assert.equal(await page.locator('#in-agi_mode-0').isChecked(), true);

    const cny = page.locator('#currency-switch button[data-currency="CNY"]');
    await cny.click();
    assert.equal(await cny.getAttribute('data-kept'), '', 'a tapped button does not show it is waiting');
    const slider = page.locator('#in-demand_growth');
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // a change per key: 28 at the end
    await page.locator('#in-agi_mode-1').check();
    await page.locator('#chart-us-capex button[data-figures="articles"]').click();
    await page.locator('#chart-china-capex details.table-details > summary').click();
    await page.locator('#calculator details.calc-more > summary').click();
    // Kept: the tap, three slider changes, the choice, the switch and two openings (a toggle
    // event comes in a task after the click: waited for).
    await page.waitForFunction(() => window.__explainerEarly.length >= 8, null, { timeout: 2_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => window.__explainerEarly.length), 8);

    await goLive(page, release);

    assert.equal(await page.locator('#currency-switch button[data-currency="CNY"]').getAttribute('aria-pressed'), 'true', 'the currency tapped');
    assert.equal(await page.locator('#in-demand_growth').inputValue(), '28', 'the slider let go');
    assert.match(await page.locator('#out-demand_growth').innerText(), /^28\s*%$/, 'the slider\'s value as the calculator shows it');
    await page.waitForFunction(() => new URL(location.href).searchParams.size > 0, null, { timeout: 5_000 });
    const params = Object.fromEntries(new URL(page.url()).searchParams);
    assert.equal(params.cur, 'CNY', `the address: ${page.url()}`);
    assert.ok(Object.values(params).includes('28'), `the slider is not in the address: ${page.url()}`);
    assert.equal(await page.locator('#in-agi_mode-1').isChecked(), true, 'the choice made');
    assert.equal(await page.locator('#chart-us-capex button[data-figures="articles"]').getAttribute('aria-pressed'), 'true', 'the figures switch');
    assert.equal(await page.locator('#chart-china-capex details.table-details').evaluate((d) => d.open), true, 'the table opened');
    // The calculator's words are rebuilt for the currency after the switch has answered (once
    // the charts' words have followed): what the reader opened stays open.
    await page.waitForFunction(() => /¥|yuan/i.test(document.getElementById('calculator').innerText), null, { timeout: 5_000 }).catch(() => {});
    assert.match(await page.locator('#calculator').innerText(), /¥|yuan/i, 'the calculator is not in the currency tapped');
    assert.equal(await page.locator('#calculator details.calc-more').evaluate((d) => d.open), true, 'the assumptions opened');
    assert.equal(await page.locator('[data-kept]').count(), 0, 'a live control still shows it is waiting');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    release();
    await p.close();
  }
});

test('a button tapped twice while the page is not live is answered once', { timeout: 60_000 }, async () => {
  const { p, release } = await openHeld();
  const { page } = p;
  try {
    const articles = page.locator('#chart-us-capex button[data-figures="articles"]');
    const reported = page.locator('#chart-us-capex button[data-figures="reported"]');
    await articles.click();
    await reported.click();
    await articles.click(); // the last word: articles
    await goLive(page, release);
    assert.equal(await articles.getAttribute('aria-pressed'), 'true');
    // A tap on the live page is the page's own: not kept, not applied twice.
    await reported.click();
    assert.equal(await reported.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => window.__explainerEarly), null);
  } finally {
    release();
    await p.close();
  }
});

test('a tap kept on the page in one language is applied when ?lang= brings it to life in another', { timeout: 60_000 }, async () => {
  const { p, release } = await openHeld(`${BAKED_PAGES['zh-Hans']}?lang=en`);
  const { page } = p;
  try {
    await page.locator('#chart-us-capex button[data-figures="articles"]').click();
    await goLive(page, release);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('#chart-us-capex button[data-figures="articles"]').getAttribute('aria-pressed'), 'true');
  } finally {
    release();
    await p.close();
  }
});

test('a page that cannot come to life shows no tap as waiting', { timeout: 60_000 }, async () => {
  const { p, release } = await openHeld();
  const { page } = p;
  try {
    await page.locator('#currency-switch button[data-currency="CNY"]').click();
    assert.equal(await page.locator('[data-kept]').count(), 1);
    release({ status: 503, body: '' });
    await page.waitForFunction(() => document.documentElement.dataset.state === 'error', null, { timeout: 10_000 });
    assert.equal(await page.locator('[data-kept]').count(), 0, 'a disabled control still shows it is waiting');
    assert.equal(await page.evaluate(() => window.__explainerEarly), null);
  } finally {
    release();
    await p.close();
  }
});

test('the article comes to life before the calculator: what was done to it is applied at once and a later choice stands; what was done to the calculator waits for it', { timeout: 60_000 }, async () => {
  let releaseCalculator;
  const calculatorHeld = new Promise((resolve) => (releaseCalculator = resolve));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const p = await openPage(env.browser, new URL(BAKED_PAGES.en, env.server.url).href, {
    ...PHONE,
    goto: false,
    route: async (context) => {
      await context.route('**/js/main.*.js', async (route) => {
        await held;
        await route.continue();
      });
      await context.route('**/js/calculator.*.js', async (route) => {
        await calculatorHeld;
        await route.continue();
      });
    },
  });
  const { page } = p;
  try {
    await page.goto(p.url, { waitUntil: 'domcontentloaded' });
    const articles = page.locator('#chart-us-capex button[data-figures="articles"]');
    const reported = page.locator('#chart-us-capex button[data-figures="reported"]');
    await articles.click(); // on the baked page
    release();
    // The article is live, the calculator not yet.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-live'), null, { timeout: 20_000 });
    assert.equal(await articles.getAttribute('aria-pressed'), 'true', 'the tap on the baked article');
    await reported.click(); // on the live article: its own answer, and the last word
    assert.equal(await reported.getAttribute('aria-pressed'), 'true');
    assert.equal(await reported.getAttribute('data-kept'), null, 'a live button shows it is waiting');
    const preset = page.locator('#calculator button[data-preset="no_agi"]');
    await preset.click(); // on the calculator, not live yet
    assert.equal(await preset.getAttribute('data-kept'), '', 'the calculator\'s button does not show it is waiting');
    releaseCalculator();
    assert.equal(await waitForReady(page), 'ready');
    await page.waitForFunction(() => window.__explainerEarly === null, null, { timeout: 10_000 });
    assert.equal(await reported.getAttribute('aria-pressed'), 'true', 'the earlier tap undid the later choice');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('preset') === 'no_agi', null, { timeout: 5_000 });
    assert.equal(await page.locator('#calculator button[data-preset="no_agi"]').getAttribute('aria-pressed'), 'true', 'the calculator\'s tap');
    assert.equal(await page.locator('[data-kept]').count(), 0, 'a live control still shows it is waiting');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    release();
    releaseCalculator();
    await p.close();
  }
});
