// Bad input in the address: every refused parameter gets a visible message in the reader's
// language that names the parameter, the value given and what is allowed; the default is
// used; the page still becomes "ready" and nothing reaches the console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, templatePattern, DESKTOP, WWW_ROOT } from './harness.mjs';

const messages = { en: readWwwJson('i18n/en.json'), 'zh-Hans': readWwwJson('i18n/zh-Hans.json') };
const LOCALE = { en: 'en-US', 'zh-Hans': 'zh-CN' };
const DEFAULT_CURRENCY = { en: 'USD', 'zh-Hans': 'CNY' };

const env = serverAndBrowser();
const reference = {}; // lang → what the page shows without parameters

/** The reader-visible state that a bad parameter must leave at its default. */
async function visibleState(page) {
  return page.evaluate(() => ({
    htmlLang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme ?? null,
    headline: document.getElementById('headline').textContent,
    currency: [...document.querySelectorAll('#currency-switch button[aria-pressed="true"]')].map((b) => b.dataset.currency),
    presets: [...document.querySelectorAll('button[data-preset]')].map((b) => `${b.dataset.preset}=${b.getAttribute('aria-pressed')}`),
    agiYear: (document.getElementById('in-agi_year') || {}).value,
    agiRange: [(document.getElementById('in-agi_year') || {}).min, (document.getElementById('in-agi_year') || {}).max],
    sentence: (document.querySelector('.calc-sentence') || {}).textContent,
  }));
}

async function referenceFor(lang) {
  if (!reference[lang]) {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      reference[lang] = await visibleState(p.page);
    } finally {
      await p.close();
    }
  }
  return reference[lang];
}

/** The visible status message about `param`, or a failed assertion. */
async function messageAbout(page, param) {
  const loc = page.locator(`#status [data-message^="param-${param}"]`);
  const count = await loc.count();
  const all = await page.locator('#status').innerText().catch(() => '');
  assert.equal(count, 1, `expected one message about “${param}”, found ${count}; the status area says: ${JSON.stringify(all)}`);
  assert.ok(await loc.isVisible(), `the message about “${param}” is not visible`);
  return (await loc.innerText()).trim();
}

function assertMessage(text, lang, { param, value, allowed }) {
  const template = messages[lang].status.param_problem;
  assert.match(text, templatePattern(template), `the message about “${param}” is not the ${lang} wording (${template}): “${text}”`);
  const other = lang === 'en' ? 'zh-Hans' : 'en';
  assert.doesNotMatch(text, templatePattern(messages[other].status.param_problem), `the message about “${param}” is in ${other}, not ${lang}`);
  assert.ok(text.includes(param), `the message does not name the parameter “${param}”: “${text}”`);
  assert.ok(text.includes(value), `the message does not repeat the value given (“${value}”): “${text}”`);
  for (const a of allowed) assert.ok(text.includes(a), `the message about “${param}” does not say that “${a}” is allowed: “${text}”`);
}

for (const lang of ['en', 'zh-Hans']) {
  test(`bad lang, cur, theme, preset and out-of-range agi_year (${lang} reader): messages, defaults, still ready`, { timeout: 60_000 }, async () => {
    const ref = await referenceFor(lang);
    // lang=xx: the reader's language then comes from the browser (en-US → en, zh-CN → zh-Hans).
    const url = `${env.server.url}?lang=xx&cur=EUR&theme=neon&preset=nope&agi_year=2100`;
    const p = await openPage(env.browser, url, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready', 'data-state');
      const state = await visibleState(p.page);
      const presetIds = state.presets.map((s) => s.split('=')[0]);

      assertMessage(await messageAbout(p.page, 'lang'), lang, { param: 'lang', value: 'xx', allowed: ['en', 'zh-Hans', 'zh-Hant'] });
      assertMessage(await messageAbout(p.page, 'cur'), lang, { param: 'cur', value: 'EUR', allowed: ['USD', 'CNY'] });
      assertMessage(await messageAbout(p.page, 'theme'), lang, { param: 'theme', value: 'neon', allowed: ['light', 'dark'] });
      assertMessage(await messageAbout(p.page, 'preset'), lang, { param: 'preset', value: 'nope', allowed: presetIds });
      assertMessage(await messageAbout(p.page, 'agi_year'), lang, { param: 'agi_year', value: '2100', allowed: state.agiRange });

      assert.equal(state.htmlLang, lang, 'the page falls back to the browser language');
      assert.equal(state.headline, ref.headline);
      assert.deepEqual(state.currency, [DEFAULT_CURRENCY[lang]], 'the default currency is used');
      assert.equal(state.theme, null, 'no theme forced');
      assert.equal(state.agiYear, ref.agiYear, 'the AGI-year slider is at its default');
      assert.deepEqual(state.presets, ref.presets, 'preset buttons as with no preset');
      assert.equal(state.sentence, ref.sentence, 'the result sentence is the default one');
      assert.deepEqual(p.consoleErrors, [], 'console errors');
      assert.deepEqual(p.pageErrors, [], 'page errors');
    } finally {
      await p.close();
    }
  });

  test(`agi_year=abc (${lang}): a message names the parameter and its range, the default is used`, { timeout: 60_000 }, async () => {
    const ref = await referenceFor(lang);
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}&agi_year=abc`, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready', 'data-state');
      const state = await visibleState(p.page);
      assertMessage(await messageAbout(p.page, 'agi_year'), lang, { param: 'agi_year', value: 'abc', allowed: state.agiRange });
      assert.equal(state.htmlLang, lang);
      assert.equal(state.agiYear, ref.agiYear, 'the AGI-year slider is at its default');
      assert.equal(state.sentence, ref.sentence, 'the result sentence is the default one');
      assert.deepEqual(p.consoleErrors, [], 'console errors');
      assert.deepEqual(p.pageErrors, [], 'page errors');
    } finally {
      await p.close();
    }
  });
}

test('a year between the slider steps (agi_year=2027.5) is refused with a message, not silently rounded', { timeout: 60_000 }, async () => {
  const ref = await referenceFor('en');
  const p = await openPage(env.browser, `${env.server.url}?lang=en&agi_year=2027.5`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready', 'data-state');
    const state = await visibleState(p.page);
    const shown = await p.page.locator('#out-agi_year').textContent();
    const what = `the link says agi_year=2027.5; the slider shows ${state.agiYear}, its read-out “${shown}”, the sentence “${state.sentence}”`;
    const count = await p.page.locator('#status [data-message^="param-agi_year"]').count();
    assert.equal(count, 1, `no message about agi_year: ${what}`);
    assertMessage(await messageAbout(p.page, 'agi_year'), 'en', { param: 'agi_year', value: '2027.5', allowed: state.agiRange });
    assert.equal(state.agiYear, ref.agiYear, `the default should be used: ${what}`);
  } finally {
    await p.close();
  }
});

// Issue 9, finding 2: on a host that serves this page for any path (an SPA-style fallback), the
// last path segment must never become a link: "javascript:…" would be script, "https:evil…" an
// open redirect.
for (const segment of ['javascript:alert(document.domain)%2F%2F', 'https:evil.example', '%2F%2Fevil.example']) {
  test(`a page served at the path “${segment}” links only to itself (language links, address)`, { timeout: 60_000 }, async () => {
    const html = fs.readFileSync(path.join(WWW_ROOT, 'index.html'));
    const p = await openPage(env.browser, `${env.server.url}${segment}?lang=zh-Hans`, {
      ...DESKTOP,
      route: (context) => context.route((url) => url.pathname === `/${segment}`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })),
    });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const links = await p.page.locator('#lang-switch a[hreflang]').evaluateAll((as) => as.map((a) => a.href));
      assert.ok(links.length >= 2, 'no language links');
      for (const href of links) {
        const url = new URL(href);
        assert.equal(url.origin, env.server.origin, `the language link ${href} leaves the page's origin`);
        assert.match(url.search, /[?&]lang=/, `the language link ${href} does not choose a language`);
      }
      // Moving a slider writes the address: still this page, still this origin.
      await p.page.locator('#in-agi_year').focus();
      await p.page.keyboard.press('ArrowRight');
      await p.page.waitForFunction(() => new URLSearchParams(location.search).has('agi_year'), null, { timeout: 5_000 });
      assert.equal(new URL(p.page.url()).origin, env.server.origin);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  });
}
