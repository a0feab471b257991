// Language: the `lang` URL parameter, else the browser's language, picks English, Simplified
// or Traditional Chinese for the words in the page and on the canvases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, canvasDigest, waitForParams, DESKTOP, openTables } from './harness.mjs';

const messages = {
  en: readWwwJson('i18n/en.json'),
  'zh-Hans': readWwwJson('i18n/zh-Hans.json'),
  'zh-Hant': readWwwJson('i18n/zh-Hant.json'),
};

const env = serverAndBrowser();

/** What a reader of `page` sees of its language: html lang, headline, table headers, … */
async function languageView(page) {
  await openTables(page);
  return page.evaluate(() => ({
    htmlLang: document.documentElement.lang,
    headline: document.getElementById('headline').textContent.trim(),
    title: document.title,
    tableHeads: [...document.querySelectorAll('#chart-us-capex table.facts thead th')].map((th) => th.textContent.trim()),
    calculatorHeading: (document.getElementById('calculator-heading') || { textContent: '' }).textContent.trim(),
    currentLangLink: (document.querySelector('#lang-switch a[aria-current="true"]') || { getAttribute: () => null }).getAttribute('hreflang'),
    missing: window.__explainer && typeof window.__explainer.missingText === 'function' ? window.__explainer.missingText() : [],
  }));
}

const cases = [
  { name: '?lang=en gives the English page', query: '?lang=en', locale: 'zh-CN', lang: 'en' },
  { name: 'a zh-CN browser with no lang parameter gets Simplified Chinese', query: '', locale: 'zh-CN', lang: 'zh-Hans' },
  { name: 'an en-US browser with no lang parameter gets English', query: '', locale: 'en-US', lang: 'en' },
  { name: '?lang=zh-Hant gives Traditional Chinese', query: '?lang=zh-Hant', locale: 'en-US', lang: 'zh-Hant' },
  { name: '?lang=zh-TW (a region tag) gives Traditional Chinese', query: '?lang=zh-TW', locale: 'en-US', lang: 'zh-Hant' },
];

for (const c of cases) {
  test(c.name, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}${c.query}`, { ...DESKTOP, locale: c.locale });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const m = messages[c.lang];
      const v = await languageView(p.page);
      assert.equal(v.htmlLang, c.lang, '<html lang>');
      assert.equal(v.headline, m.page.headline, 'headline');
      assert.equal(v.title, m.meta.title, 'document title');
      assert.deepEqual(v.tableHeads, ['entity', 'period', 'value', 'source'].map((k) => m.table.col[k]), 'us-capex table column headers');
      assert.equal(v.calculatorHeading, m.calculator.title, 'calculator heading');
      assert.equal(v.currentLangLink, c.lang, 'the language switch marks the current language');
      assert.deepEqual(v.missing, [], `text keys missing from i18n/${c.lang}.json`);
      assert.deepEqual(p.consoleErrors, [], 'console errors');
      assert.deepEqual(p.pageErrors, [], 'page errors');
    } finally {
      await p.close();
    }
  });
}

test('canvas labels are drawn in the chosen language', { timeout: 90_000 }, async () => {
  // Same size, pixel ratio and currency: only the language differs, so the pixels must too.
  const digests = {};
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}&cur=USD`, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(p.page), 'ready', lang);
      digests[lang] = {
        'us-capex': await canvasDigest(p.page, '#chart-us-capex canvas'),
        'model-position': await canvasDigest(p.page, '#model-position canvas'),
      };
    } finally {
      await p.close();
    }
  }
  for (const chart of ['us-capex', 'model-position']) {
    const [en, hans, hant] = ['en', 'zh-Hans', 'zh-Hant'].map((l) => digests[l][chart]);
    assert.deepEqual([en.width, en.height], [hans.width, hans.height], `${chart}: canvas sizes differ between languages`);
    assert.notEqual(en.digest, hans.digest, `${chart}: the English and Simplified Chinese canvases are pixel-identical (labels not translated)`);
    assert.notEqual(en.digest, hant.digest, `${chart}: the English and Traditional Chinese canvases are pixel-identical (labels not translated)`);
  }
  // us-capex's words differ between 简体 and 繁體 (e.g. the legend's 计划/計畫).
  assert.notEqual(digests['zh-Hans']['us-capex'].digest, digests['zh-Hant']['us-capex'].digest, 'us-capex: the Simplified and Traditional canvases are pixel-identical');
});

test('the language switch opens the page in another language and keeps the state', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans&cur=USD&agi_year=2033`, { ...DESKTOP, locale: 'zh-CN' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const link = p.page.locator('#lang-switch a[hreflang="en"]');
    assert.equal((await link.textContent()).trim(), messages['zh-Hans'].page.lang_names.en, 'the link to English is named in the page language');
    await Promise.all([p.page.waitForURL(/[?&]lang=en\b/), link.click()]);
    assert.equal(await waitForReady(p.page), 'ready');
    const url = await waitForParams(p.page, { lang: 'en', cur: 'USD', agi_year: '2033' });
    const v = await languageView(p.page);
    assert.equal(v.htmlLang, 'en');
    assert.equal(v.headline, messages.en.page.headline);
    assert.equal(await p.page.locator('#in-agi_year').inputValue(), '2033', `the scenario was lost on the way (${url})`);
    assert.deepEqual(p.consoleErrors, [], 'console errors');
  } finally {
    await p.close();
  }
});
