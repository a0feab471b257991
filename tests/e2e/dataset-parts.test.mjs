// The baked site's dataset in two parts (js/core/dataset-parts.js, cut by tools/bake.mjs): the
// page starts from the figures and loads their words — quotes, notes, the sources in full —
// only when a reader asks; joined again, the parts are the file editors keep, in the page's
// language.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, readWwwJson, waitForReady, DIST, DESKTOP, PHONE } from './harness.mjs';
import { splitDataset, joinWords, figuresDigest, WORD_FIELDS } from '../../www/js/core/dataset-parts.js';
import { localized } from '../../www/js/core/data.js';
import { inLanguage } from '../../tools/dataset-parts.mjs';

const env = bakedSiteAndBrowser();
const dataset = readWwwJson('data/capex-dataset.json');
const words = { en: readWwwJson('i18n/en.json') };
const wordsRequests = (p) => p.requests.filter((url) => /\/data\/capex-words\.(en|zh-Hans|zh-Hant)\.[0-9a-f]{10}\.json$/.test(url));

test('cut in two and joined again, the parts are the whole file; words are joined only to the figures they were cut with', () => {
  const cited = dataset.facts.find((f) => !dataset.charts.some((c) => c.facts.includes(f.id)));
  const { figures, words: part } = splitDataset(dataset, new Set([cited.id]));
  assert.equal(figures.split.part, 'figures');
  assert.equal(figures.split.of, figuresDigest(figures));
  assert.equal(figures.changelog, undefined);
  const drawn = new Set(dataset.charts.flatMap((c) => c.facts));
  for (const [list, fields] of Object.entries(WORD_FIELDS)) {
    for (const record of figures[list]) {
      const whole = dataset[list].find((r) => r.id === record.id);
      for (const field of fields) {
        const kept = drawn.has(record.id) || record.id === cited.id;
        assert.equal(field in record, kept && field in whole, `${list} ${record.id}: ${field} ${kept ? 'left out of' : 'left in'} the figures`);
      }
    }
  }
  const edited = structuredClone(figures);
  edited.facts[0].value += 1;
  assert.match(joinWords(edited, part), /other figures/, 'words joined to edited figures');
  assert.equal(edited.facts.find((f) => f.id === cited.id).quote, cited.quote);
  const refused = structuredClone(figures);
  assert.match(joinWords(refused, { ...part, split: { part: 'words', of: 'cyrb53:0' } }), /other figures/);
  assert.deepEqual(refused, figures, 'a refused join changed the figures');
  assert.match(joinWords(structuredClone(figures), figures), /not the words/);
  assert.equal(joinWords(figures, part), null);
  assert.deepEqual(figures, dataset);
});

test('the baked pages ship both parts per language beside the whole file: the parts are the whole file in that language, its texts and no other', (t) => {
  const dir = path.join(DIST, 'data');
  if (!fs.existsSync(dir)) return t.skip('dist/ is not baked: run ./dev build');
  const read = (prefix) => {
    const name = fs.readdirSync(dir).find((f) => f.startsWith(`${prefix}.`) && /\.[0-9a-f]{10}\.json$/.test(f));
    assert.ok(name, `no ${prefix} in dist/data`);
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  };
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    const figures = read(`capex-figures.${lang}`);
    assert.equal(figures.split.lang, lang);
    assert.equal(joinWords(figures, read(`capex-words.${lang}`)), null, lang);
    assert.deepEqual(figures, inLanguage(dataset, lang), lang);
    // Each text in the page's language alone: an entity's name, a source's outlet.
    assert.deepEqual(Object.keys(figures.entities[0].name), [lang]);
    assert.equal(figures.entities[0].name[lang], localized(dataset.entities[0].name, lang));
  }
});

test("a page reads the figures in the language it speaks: another asked by ?lang=, and English where its words failed", { timeout: 90_000 }, async () => {
  const english = localized(dataset.entities.find((e) => e.id === 'amazon').name, 'en');
  // Beside the English parts: the page's own figures where the head script asked for them (not
  // when the address already asked for another language).
  for (const [label, url, route, others] of [
    ['the Simplified Chinese page asked for English', `${env.server.url}?lang=en`, null, []],
    ['the Simplified Chinese page without its words', env.server.url, (context) => context.route('**/i18n/zh-Hans.*.json', (r) => r.fulfill({ status: 404, body: '' })), ['figures zh-Hans']],
  ]) {
    const p = await openPage(env.browser, url, { ...DESKTOP, ...(route ? { route } : {}) });
    try {
      assert.equal(await waitForReady(p.page), 'ready', label);
      assert.equal(await p.page.evaluate(() => document.documentElement.lang), 'en', label);
      const table = p.page.locator('#chart-us-capex details.table-details');
      await table.locator(':scope > summary').click();
      await table.locator('.words-status').waitFor({ state: 'detached', timeout: 10_000 });
      assert.ok((await table.locator('tbody').innerText()).includes(english), `${label}: the table does not name ${english}`);
      const parts = p.requests.filter((url) => /\/data\/capex-(figures|words)\./.test(url)).map((url) => url.match(/capex-(figures|words)\.([\w-]+)\./).slice(1).join(' '));
      assert.deepEqual(parts.filter((part) => !part.endsWith(' en')), others, `${label}: ${parts}`);
      if (!others.length) assert.deepEqual(p.requests.filter((url) => /\/i18n\/zh-Hans\./.test(url)), [], `${label}: the page's own words were fetched`);
      assert.ok(parts.includes('figures en') && parts.includes('words en'), `${label}: ${parts}`);
      assert.deepEqual(p.pageErrors, [], label);
    } finally {
      await p.close();
    }
  }
});

test("the head script asks for a page's own figures and words unless ?lang= names another of the three: other spellings and unknown values read as this page's", { timeout: 60_000 }, async () => {
  for (const [query, prefetched] of [['?lang=en-US', true], ['?lang=fr', true], ['?lang=EN', true], ['?lang=zh-Hant', false]]) {
    // The head script's requests are its low-priority ones (js/assets.js takes them over).
    const initScript = () => {
      const fetch = window.fetch;
      window.__lowFetches = [];
      window.fetch = function (url, options) {
        if (options && options.priority === 'low') window.__lowFetches.push(String(url));
        return fetch.apply(this, arguments);
      };
    };
    const p = await openPage(env.browser, `${env.server.url}en/${query}`, { ...DESKTOP, initScript });
    try {
      assert.equal(await waitForReady(p.page), 'ready', query);
      const asked = await p.page.evaluate(() => window.__lowFetches.map((url) => url.split('/').pop()));
      assert.equal(asked.some((file) => /^capex-figures\.en\./.test(file)), prefetched, `${query}: the head script asked for ${asked}`);
      assert.equal(asked.some((file) => /^en\.[0-9a-f]+\.json$/.test(file)), prefetched, `${query}: the head script asked for ${asked}`);
      assert.equal(p.requests.filter((url) => /\/data\/capex-figures\./.test(url)).length, 1, `${query}: the figures were fetched more than once`);
    } finally {
      await p.close();
    }
  }
});

test('the page starts from the figures; a table asks for the words once, shows its figures at once and the quotes when they come', { timeout: 60_000 }, async () => {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const p = await openPage(env.browser, `${env.server.url}en/`, {
    ...PHONE,
    route: (context) =>
      context.route('**/data/capex-words*.json', async (route) => {
        await held;
        await route.continue();
      }),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const data = p.requests.filter((url) => /\/data\//.test(url));
    assert.equal(data.length, 1, `data files loaded with the page: ${data}`);
    assert.match(data[0], /\/data\/capex-figures\.en\.[0-9a-f]{10}\.json$/);
    await p.page.waitForTimeout(300);
    assert.deepEqual(wordsRequests(p), [], 'the words were loaded unasked');

    // The figures the chart draws carry their words; the table's other figures get theirs later.
    const chart = dataset.charts.find((c) => c.id === 'us-capex');
    const all = [...dataset.facts, ...dataset.reference];
    const defined = (ids) => ids.filter((id) => all.find((f) => f.id === id)?.definition).length;
    const table = p.page.locator('#chart-us-capex details.table-details');
    await table.locator(':scope > summary').click();
    assert.equal((await table.locator('.words-status').innerText({ timeout: 5_000 })).trim(), words.en.table.words_loading);
    assert.ok((await table.locator('tbody tr').count()) > 0, 'no figures while the words come');
    assert.equal(await table.locator('p.definition').count(), defined(chart.facts));
    release();
    await table.locator('.words-status').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await table.locator('p.definition').count(), defined([...chart.facts, ...(chart.context || [])]), 'every definition of the table');
    assert.ok(defined(chart.context || []) > 0, 'the test needs context figures with words');

    // Another table, the conflicts and the CSV: the words are here already.
    await p.page.locator('#chart-china-capex details.table-details summary').click();
    await p.page.locator('#chart-china-capex blockquote.quote').first().waitFor({ timeout: 5_000 });
    const conflicts = p.page.locator('details.conflicts').first();
    await conflicts.locator('summary').click();
    const conflict = dataset.conflicts.find((c) => c.explanation && (c.facts || []).some((id) => chart.facts.includes(id)));
    // An opened block is built in the toggle event's task, after the click: waited for.
    if (conflict) await conflicts.getByText(conflict.title.en).first().waitFor({ timeout: 5_000 });
    assert.equal(wordsRequests(p).length, 1, 'the words were asked for more than once');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('words cut from other figures are not joined: the table says so in the reader\'s words, keeps its figures, and tries again when opened again', { timeout: 60_000 }, async () => {
  let served = 0;
  const p = await openPage(env.browser, `${env.server.url}en/`, {
    ...DESKTOP,
    route: (context) =>
      context.route('**/data/capex-words*.json', async (route) => {
        const response = await route.fetch();
        const part = await response.json();
        if (served++ === 0) {
          part.split.of = 'cyrb53:00000000000000';
          part.facts[dataset.facts[1].id] = { quote: 'not from this file' };
        }
        await route.fulfill({ response, body: JSON.stringify(part) });
      }),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const table = p.page.locator('#chart-us-capex details.table-details');
    await table.locator(':scope > summary').click();
    const status = table.locator('.words-status');
    await p.page.waitForFunction((el) => el.dataset.state === 'failed', await status.elementHandle(), { timeout: 10_000 });
    assert.ok((await status.innerText()).startsWith(words.en.table.words_failed), await status.innerText());
    assert.match(await status.locator('.dev-detail').textContent(), /other figures/);
    assert.equal(await status.locator('a[href="tables.html"]').count(), 1, 'no way to every figure with its sources');
    assert.ok((await table.locator('tbody tr').count()) > 0);
    assert.equal(await p.page.getByText('not from this file').count(), 0);
    // Opened again, it asks again, and gets the right words.
    await table.locator(':scope > summary').click();
    await table.locator(':scope > summary').click();
    await table.locator('.words-status').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(served, 2);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('hovering the charts needs no words: every drawn figure carries its notes; a takeaway link reaches its row at once while the words come', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-words*.json', () => {}), // held
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const canvas = p.page.locator('#chart-us-capex canvas');
    await canvas.focus();
    const amazon = dataset.facts.find((f) => f.id === 's004-amazon-capex-2024');
    let note = '';
    for (let i = 0; i < 40 && !note.includes(amazon.note.en.slice(0, 30)); i++) {
      await p.page.keyboard.press('ArrowRight');
      note = await p.page.locator('#chart-us-capex .tooltip').innerText().catch(() => '');
    }
    assert.ok(note.includes(amazon.note.en.slice(0, 30)), `the correction note of ${amazon.id} is not in its tooltip`);
    assert.deepEqual(wordsRequests(p), [], 'a tooltip asked for the words');
    const link = p.page.locator('#chart-us-capex .takeaway a.fact-ref').first();
    const rowId = (await link.getAttribute('href')).slice(1);
    await link.click();
    await p.page.waitForFunction((id) => document.activeElement?.id === id, rowId, { timeout: 3_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a page in another language whose words cannot be had lists the sources without them and says so', { timeout: 60_000 }, async () => {
  const zh = readWwwJson('i18n/zh-Hans.json');
  const p = await openPage(env.browser, `${env.server.url}en/?lang=zh-Hans`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-words*.json', (r) => r.fulfill({ status: 404, body: '' })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.locator('#status [data-message="words"]').waitFor({ timeout: 10_000 });
    assert.ok((await p.page.locator('#status [data-message="words"]').innerText()).startsWith(zh.status.words_failed));
    assert.equal(await p.page.locator('#sources .source-list > li').count(), dataset.sources.length);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a takeaway figure leads to its row, quote included, though the words were not there yet', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const link = p.page.locator('#chart-us-capex .takeaway a.fact-ref').first();
    const rowId = (await link.getAttribute('href')).slice(1);
    await link.click();
    await p.page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, rowId, { timeout: 10_000 });
    const row = p.page.locator(`[id="${rowId}"]`);
    const fact = [...dataset.facts, ...dataset.reference].find((f) => rowId.endsWith(f.id));
    if (fact?.quote) assert.ok((await row.innerText()).includes(fact.quote), 'the row has no quote');
    assert.equal(wordsRequests(p).length, 1);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a page in another language than the one baked lists every source, in full once the words are here', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const sources = p.page.locator('#sources .source-list > li');
    await p.page.waitForFunction((n) => document.querySelectorAll('#sources .source-list > li cite').length === n, dataset.sources.length, { timeout: 10_000 });
    assert.equal(await sources.count(), dataset.sources.length);
    const first = dataset.sources[0];
    assert.ok((await p.page.locator(`#source-${first.id}`).innerText()).includes(first.grade_reason.en));
    assert.ok((await p.page.locator('#updates li').count()) > 0, 'no list of changes');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('a reader who stays gets the words unasked after a while (a later print has them); an embed of the calculator alone does not', { timeout: 60_000 }, async () => {
  for (const [query, expected] of [['', 1], ['?section=calculator', 0]]) {
    const p = await openPage(env.browser, `${env.server.url}en/${query}`, { ...DESKTOP, goto: false });
    try {
      await p.page.clock.install();
      await p.page.goto(p.url);
      assert.equal(await waitForReady(p.page), 'ready');
      assert.equal(wordsRequests(p).length, 0, `${query}: the words came at once`);
      await p.page.clock.fastForward(11_000);
      await p.page.waitForTimeout(500);
      assert.equal(wordsRequests(p).length, expected, `${query}: words requests after 11 s of reading`);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  }
});
