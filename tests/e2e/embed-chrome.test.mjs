// ?chrome=none, for a page framed by an article with its own masthead and footer: neither
// shows — on the baked page from the very first painted frame (js/head.js, css/base.css), on
// the plain page once it is live — and the skip link goes when the calculator it leads to is
// not shown. A bad value is reported in the reader's language and changes nothing; in a
// chrome=none page that report lies over the content, so nothing shifts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForReady, readWwwJson, templatePattern, PHONE, DESKTOP } from './harness.mjs';
import { DIST } from './embed-hosts.mjs';

let baked;
let plain;
let browser;
before(async () => {
  baked = await startServer({ root: DIST });
  plain = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await baked?.close();
  await plain?.close();
});

/**
 * Runs in the page before its scripts: records, on every animation frame (just before each
 * paint) until the page is ready, which of `selectors` are displayed.
 */
function recordDisplayed(selectors) {
  window.__displayed = new Set();
  const look = () => {
    for (const selector of selectors) {
      const el = document.querySelector(selector);
      if (el && getComputedStyle(el).display !== 'none') window.__displayed.add(selector);
    }
    if (document.documentElement.dataset.state !== 'ready') requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const PAGE_CHROME = ['.masthead', '#footer'];

async function displayedWhileLoading(url, selectors) {
  const p = await openPage(browser, url, { ...DESKTOP, initScript: `(${recordDisplayed})(${JSON.stringify(selectors)})` });
  assert.equal(await waitForReady(p.page), 'ready');
  const displayed = await p.page.evaluate(() => [...window.__displayed]);
  return { p, displayed };
}

test('chrome=none on the baked page: no masthead or footer in any frame painted, from the first', { timeout: 60_000 }, async () => {
  const { p, displayed } = await displayedWhileLoading(`${baked.url}en/?chrome=none`, PAGE_CHROME);
  try {
    assert.deepEqual(displayed, []);
    assert.equal(await p.page.locator('#status').innerText(), '', 'a message about a good value');
    assert.ok(await p.page.locator('#charts').isVisible(), 'the charts went with the chrome');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('chrome=none on the plain page: no masthead or footer once live', { timeout: 60_000 }, async () => {
  const p = await openPage(browser, `${plain.url}?chrome=none&lang=en`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    for (const selector of PAGE_CHROME) assert.equal(await p.page.locator(selector).isVisible(), false, `${selector} is shown`);
    assert.ok(await p.page.locator('#calculator').isVisible(), 'the calculator went with the chrome');
  } finally {
    await p.close();
  }
});

test('the baked page without the calculator hides the skip link to it from the first paint', { timeout: 60_000 }, async () => {
  const { p, displayed } = await displayedWhileLoading(`${baked.url}?section=us-capex`, ['#skip-link', '.masthead']);
  try {
    assert.deepEqual(displayed, ['.masthead'], 'the skip link to a hidden calculator was displayed (or the masthead was not)');
  } finally {
    await p.close();
  }
});

test('a link to a removed chart (section=capex-split) shows every section once the page is live, not an empty frame', { timeout: 60_000 }, async () => {
  const p = await openPage(browser, `${baked.url}en/?section=capex-split`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    for (const selector of ['#chart-us-capex', '#chart-china-capex', '#calculator', '#sources']) {
      assert.ok(await p.page.locator(selector).isVisible(), `${selector} is hidden`);
    }
    assert.ok(await p.page.locator('#status [data-message^="param-section"]').isVisible(), 'the reader is not told the link named an unknown section');
  } finally {
    await p.close();
  }
});

test('a bad chrome value: a message in the reader\'s language, the masthead and footer stay', { timeout: 60_000 }, async () => {
  const zhHant = readWwwJson('i18n/zh-Hant.json');
  const p = await openPage(browser, `${baked.url}zh-Hant/?chrome=bare`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const message = (await p.page.locator('#status [data-message^="param-chrome"]').innerText()).trim();
    assert.match(message, templatePattern(zhHant.status.param_problem));
    for (const part of ['chrome', 'bare', 'full, none']) assert.ok(message.includes(part), `the message lacks “${part}”: ${message}`);
    for (const selector of PAGE_CHROME) assert.ok(await p.page.locator(selector).isVisible(), `${selector} is hidden`);
  } finally {
    await p.close();
  }
});

/** Runs in the page before its scripts: adds up its unexpected layout shifts (the CLS score). */
function recordLayoutShift() {
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

test('bad parameters in a chrome=none page: the messages lie over the content, nothing shifts, and the reader can hide them', { timeout: 60_000 }, async () => {
  const p = await openPage(browser, `${baked.url}en/?chrome=none&cur=bogus&theme=x`, { ...PHONE, initScript: `(${recordLayoutShift})()` });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.locator('#status [data-message^="param-theme"]').waitFor();
    // The shifts, if any, land with the next frames.
    await p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shift = await p.page.evaluate(() => window.__layoutShift);
    assert.ok(shift < 0.01, `the messages shifted the page: layout shift ${shift.toFixed(3)}`);
    const headingCovered = () =>
      p.page.locator('#charts h2').first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return !el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      });
    assert.ok(await headingCovered(), 'the messages do not lie over the first heading: they took space of their own');
    await p.page.locator('#status .status-dismiss').click();
    assert.equal(await p.page.locator('#status').isVisible(), false, 'the messages stay after the reader hid them');
    assert.equal(await headingCovered(), false, 'the first heading is still covered');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
