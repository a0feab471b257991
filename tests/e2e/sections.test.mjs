// ?section= on the baked page never leaves an empty frame (issue 17, finding 1): js/head.js
// keeps only the ids the bake wrote on it (the dataset's charts and the page's own sections, in
// any case, comma- or space-separated) and shows everything when none is known; the live page
// then shows the same sections, keeps data-sections equal to what is shown, and reports the
// unknown ids. Each address is checked at the first paint (the live page blocked), live, and
// without JavaScript, in a full page and in a chrome=none embed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForReady, readWwwJson, DIST, DESKTOP } from './harness.mjs';

let server;
let plain;
let browser;
before(async () => {
  server = await startServer({ root: DIST });
  plain = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await plain?.close();
});

const EVERY_SECTION = null;
const MODES = {
  // What js/head.js alone paints: the module that brings the page to life never arrives.
  'first paint': { route: (context) => context.route(/\/js\/main(\.[0-9a-f]+)?\.js$/, (route) => route.abort()) },
  live: {},
  'no JavaScript': { javaScriptEnabled: false },
};

/** The sections displayed, the data-sections attribute and the section message, in `mode`. */
async function look(query, mode) {
  const p = await openPage(browser, `${server.url}en/${query}`, { ...DESKTOP, ...MODES[mode] });
  try {
    if (mode === 'live') assert.equal(await waitForReady(p.page), 'ready');
    const seen = await p.page.evaluate(() => {
      const displayed = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      const message = document.querySelector('#status [data-message^="param-section"]');
      return {
        sections: [...document.querySelectorAll('#charts > section[data-chart], #calculator, #sources')].filter(displayed).map((s) => s.dataset.chart || s.id),
        attribute: document.documentElement.getAttribute('data-sections'),
        message: message ? message.innerText.trim() : null,
        masthead: [...document.querySelectorAll('.masthead')].some(displayed),
      };
    });
    assert.deepEqual(p.pageErrors, [], `${query} (${mode}): page errors`);
    return seen;
  } finally {
    await p.close();
  }
}

/** What the same page shows with no ?section at all, per mode. */
const everything = {};
async function everySection(mode, embed) {
  const key = `${mode} ${embed}`;
  everything[key] ??= (await look(embed ? '?chrome=none' : '', mode)).sections;
  return everything[key];
}

// `embed`: also checked in a chrome=none frame.
const CASES = [
  { section: 'bogus', shows: EVERY_SECTION, refused: 'bogus', embed: true },
  { section: 'US-CAPEX', shows: ['us-capex'], embed: true },
  { section: 'sources', shows: ['sources'] },
  { section: 'us-capex calculator', shows: ['us-capex', 'calculator'] },
  { section: 'capex-split', shows: EVERY_SECTION, refused: 'capex-split', embed: true },
  { section: ' Cloud-Growth ,, bogus,cloud-growth', shows: ['cloud-growth'], refused: 'bogus' },
];
const words = readWwwJson('i18n/en.json');

for (const embed of [false, true]) {
  for (const { section, shows, refused } of CASES.filter((c) => c.embed || !embed)) {
    const query = `?${embed ? 'chrome=none&' : ''}section=${encodeURIComponent(section)}`;
    test(`${query}: ${shows ? shows.join(' + ') : 'every section'} at the first paint, live and without JavaScript${refused ? `, "${refused}" reported` : ''}`, { timeout: 90_000 }, async () => {
      for (const mode of Object.keys(MODES)) {
        const seen = await look(query, mode);
        const expected = mode === 'no JavaScript' || !shows ? await everySection(mode, embed) : shows;
        assert.deepEqual(seen.sections.toSorted(), expected.toSorted(), `${query} (${mode}): sections shown`);
        assert.ok(seen.sections.length > 0, `${query} (${mode}): an empty page`);
        if (mode !== 'no JavaScript') {
          assert.equal(seen.attribute, shows ? shows.join(' ') : null, `${query} (${mode}): data-sections is not what is shown`);
          assert.equal(seen.masthead, !embed, `${query} (${mode}): the masthead`);
        }
        if (mode !== 'live') continue;
        if (!refused) {
          assert.equal(seen.message, null, `${query}: a message about a good address`);
          continue;
        }
        assert.ok(seen.message?.includes(refused), `${query}: the message does not name "${refused}": ${seen.message}`);
        const fallback = shows ? shows.join(', ') : words.status.section_all;
        assert.ok(seen.message.includes(fallback), `${query}: the message does not say it shows "${fallback}": ${seen.message}`);
        assert.ok(seen.message.includes('sources'), `${query}: the message does not offer "sources": ${seen.message}`);
      }
    });
  }
}

test('the plain page (www/, no head.js) takes the same list from the dataset and the core: sources is a section, Bogus is reported', { timeout: 60_000 }, async () => {
  const p = await openPage(browser, `${plain.url}?lang=en&section=SOURCES+Bogus`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.equal(await p.page.evaluate(() => document.documentElement.getAttribute('data-sections')), 'sources');
    assert.ok(await p.page.locator('#sources').isVisible(), 'the sources are hidden');
    assert.equal(await p.page.locator('#calculator').isVisible(), false, 'the calculator shows');
    assert.equal(await p.page.locator('#charts > section[data-chart]').count(), 0, 'charts show');
    const message = (await p.page.locator('#status [data-message^="param-section"]').innerText()).trim();
    assert.ok(message.includes('Bogus') && !message.includes('SOURCES'), `the message names the wrong ids: ${message}`);
  } finally {
    await p.close();
  }
});
