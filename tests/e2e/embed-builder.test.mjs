// The editors' embed builder (dist/embed-builder.html): the choices become the snippet's
// address; the previews show them at phone and desktop width in frames the host script fits
// to their content; the snippet is copied (or, where the clipboard is refused, selected); and
// pasted into a host article — on the explainer's own site (the default, case B), or on another
// origin once the editor gives the article's address (case A) — it works as chosen. Plain http
// is refused but on this computer, in the chosen language. The reader's pages never load the
// builder's code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, readWwwJson, DESKTOP } from './harness.mjs';
import { startHosts, article, frameOf, waitFitted, DIST } from './embed-hosts.mjs';
import { articlePlace } from '../../www/js/embed/embed-snippet.js';

let env;
before(async () => {
  env = await startHosts();
});
after(async () => {
  await env?.close();
});

const CHOICES = { lang: 'en', preset: 'agi_10y', theme: 'dark', cur: 'CNY' };
const QUERY = '?lang=en&section=us-capex,calculator&preset=agi_10y&theme=dark&cur=CNY&chrome=none';

/** Open the builder (`initScript` runs first) and make the choices above. */
async function openBuilder({ initScript, permissions } = {}) {
  const p = await openPage(env.browser, `${env.explainer.url}embed-builder.html`, { ...DESKTOP, initScript, route: permissions && ((context) => context.grantPermissions(permissions)) });
  const { page } = p;
  await page.waitForFunction(() => document.getElementById('builder-snippet').value !== '');
  await page.locator('input[name="section"][value="us-capex"]').check();
  await page.locator('input[name="section"][value="calculator"]').check();
  for (const [name, value] of Object.entries(CHOICES)) await page.selectOption(`select[name="${name}"]`, value);
  return p;
}

const snippetOf = (page) => page.locator('#builder-snippet').inputValue();
const SANDBOX_A = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
const SANDBOX_B = 'allow-scripts allow-popups allow-downloads';

/** Type `value` into the builder's field `name`; wait for the snippet (or the problem) to follow. */
async function typeInto(page, name, value) {
  const before = await snippetOf(page);
  await page.locator(`input[name="${name}"]`).fill(value);
  await page.waitForFunction((old) => document.getElementById('builder-snippet').value !== old || !document.getElementById('builder-problem').hidden, before);
}

/** The snippet as HTML means it: its iframe's src and sandbox, its script's src. */
function parts(snippet) {
  const attr = (name) => new RegExp(`<iframe[^>]*\\s${name}="([^"]*)"`).exec(snippet)?.[1].replaceAll('&amp;', '&');
  return { src: attr('src'), sandbox: attr('sandbox'), script: /<script src="([^"]*)"/.exec(snippet)?.[1] };
}

test('the choices become the snippet; the previews show them at 375 px and 1024 px, fitted by the host script', { timeout: 120_000 }, async () => {
  const p = await openBuilder();
  try {
    const { page } = p;
    await page.waitForFunction((query) => document.getElementById('builder-snippet').value.replaceAll('&amp;', '&').includes(query), QUERY);
    // No article address: the article is taken to be on the explainer's site (case B).
    assert.deepEqual(parts(await snippetOf(page)), { src: `/${QUERY}`, sandbox: SANDBOX_B, script: '/js/embed-host.js' });
    // The section names follow the chosen language.
    assert.equal(await page.locator('input[value="us-capex"] + span').getAttribute('lang'), 'en');
    const fitted = {};
    for (const [name, width] of [['phone', 375], ['desktop', 1024]]) {
      const selector = `#builder-frame-${name}`;
      fitted[name] = await waitFitted(page, selector, { where: (m) => m.href.endsWith(QUERY) });
      assert.equal(await (await frameOf(page, selector)).evaluate(() => window.innerWidth), width, `the ${name} preview's width`);
    }
    assert.ok(fitted.phone.content > fitted.desktop.content, `the phone preview (${fitted.phone.content} px) is not taller than the desktop one (${fitted.desktop.content} px)`);
    // (Requests of a preview replaced by the next choice are aborted: not a problem.)
    assert.deepEqual([...p.pageErrors, ...p.consoleErrors], []);
  } finally {
    await p.close();
  }
});

test('copy puts the snippet on the clipboard; where the clipboard is refused, the snippet is selected to copy by hand', { timeout: 60_000 }, async () => {
  const allowed = await openBuilder({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await allowed.page.locator('#builder-copy').click();
    await allowed.page.waitForFunction(() => document.getElementById('builder-copied').textContent !== '');
    assert.equal(await allowed.page.evaluate(() => navigator.clipboard.readText()), await snippetOf(allowed.page));
  } finally {
    await allowed.close();
  }
  // As in-app browsers do: writeText refuses.
  const refuse = () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
  };
  const blocked = await openBuilder({ initScript: refuse });
  try {
    await blocked.page.locator('#builder-copy').click();
    await blocked.page.waitForFunction(() => document.getElementById('builder-copied').textContent !== '');
    const selection = await blocked.page.evaluate(() => {
      const box = document.getElementById('builder-snippet');
      return { focused: document.activeElement === box, start: box.selectionStart, end: box.selectionEnd, length: box.value.length };
    });
    assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
    assert.match(await blocked.page.locator('#builder-copied').textContent(), /Ctrl\+C/);
  } finally {
    await blocked.close();
  }
});

/** The frame of the pasted snippet: fitted, and showing what the builder chose. */
async function assertPastedWorks(url, route) {
  const p = await openPage(env.browser, url, { ...DESKTOP, route });
  try {
    const fitted = await waitFitted(p.page, 'iframe[data-ai-capex]');
    const frame = await frameOf(p.page, 'iframe[data-ai-capex]');
    const shown = await frame.evaluate(() => ({
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      masthead: getComputedStyle(document.querySelector('.masthead')).display,
      charts: [...document.querySelectorAll('#charts [data-chart]')].filter((el) => el.offsetParent).map((el) => el.dataset.chart),
      calculator: Boolean(document.getElementById('calculator').offsetParent),
      preset: document.querySelector('button[data-preset][aria-pressed="true"]')?.dataset.preset,
      currency: document.querySelector('#currency-switch button[aria-pressed="true"]')?.dataset.currency,
      status: document.getElementById('status').innerText.trim(),
    }));
    assert.deepEqual(shown, { lang: 'en', theme: 'dark', masthead: 'none', charts: ['us-capex'], calculator: true, preset: 'agi_10y', currency: 'CNY', status: '' });
    assert.ok(fitted.content > 1000, `the frame is ${fitted.content} px tall`);
    assert.deepEqual(p.pageErrors, []);
    return fitted;
  } finally {
    await p.close();
  }
}

test("given an article on another origin, the snippet is case A, and pasted there it works as chosen", { timeout: 120_000 }, async () => {
  // localhost and 127.0.0.1: two hosts that share no domain, as a news site and a graphics domain.
  const articleUrl = `${env.newsUrl.replace('127.0.0.1', 'localhost')}pasted.html`;
  const p = await openBuilder();
  let snippet;
  try {
    await typeInto(p.page, 'article', articleUrl);
    await p.page.waitForFunction((query) => document.getElementById('builder-snippet').value.replaceAll('&amp;', '&').includes(query), QUERY);
    snippet = await snippetOf(p.page);
    assert.equal(await p.page.locator('#builder-warning').isHidden(), true, 'a warning about a shared domain');
  } finally {
    await p.close();
  }
  assert.deepEqual(parts(snippet), { src: `${env.explainer.url}${QUERY}`, sandbox: SANDBOX_A, script: `${env.explainer.url}js/embed-host.js` });
  env.stories.set('/pasted.html', article(snippet));
  await assertPastedWorks(articleUrl);
});

test("for an article on the explainer's own site (no address, or one on its origin): addresses from the root, no allow-same-origin, and pasted it works", { timeout: 120_000 }, async () => {
  const url = `${env.explainer.url}story.html`;
  const p = await openBuilder();
  let snippet;
  try {
    assert.equal(parts(await snippetOf(p.page)).sandbox, SANDBOX_B, 'with no article address');
    await typeInto(p.page, 'article', 'https://news.example.net/story.html');
    assert.equal(parts(await snippetOf(p.page)).sandbox, SANDBOX_A, 'with an article on another site');
    await typeInto(p.page, 'article', url);
    snippet = await snippetOf(p.page);
  } finally {
    await p.close();
  }
  assert.deepEqual(parts(snippet), { src: `/${QUERY}`, sandbox: SANDBOX_B, script: '/js/embed-host.js' });
  await assertPastedWorks(url, (context) => context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article(snippet) })));
});

test('an article on a sibling subdomain gets case A with a warning, in the chosen language, to give the explainer a domain of its own', { timeout: 60_000 }, async () => {
  const p = await openBuilder();
  try {
    await typeInto(p.page, 'base', 'https://graphics.example.org/ai-capex/');
    await typeInto(p.page, 'article', 'https://news.example.org/2026/story.html');
    await p.page.waitForFunction(() => !document.getElementById('builder-warning').hidden);
    assert.equal(parts(await snippetOf(p.page)).sandbox, SANDBOX_A);
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      await p.page.selectOption('select[name="lang"]', lang);
      const expected = readWwwJson(`i18n/${lang}.json`).builder.shared_domain.replace('{domain}', 'example.org');
      await p.page.waitForFunction((text) => document.getElementById('builder-warning').textContent === text, expected);
      assert.equal(await p.page.locator('#builder-warning').getAttribute('lang'), lang);
    }
    // A domain of its own: no warning.
    await typeInto(p.page, 'base', 'https://example-graphics.net/ai-capex/');
    await p.page.waitForFunction(() => document.getElementById('builder-warning').hidden);
    assert.ok(parts(await snippetOf(p.page)).src.startsWith('https://example-graphics.net/ai-capex/?'));
  } finally {
    await p.close();
  }
});

test('an address that is not https (plain http only on this computer) gives no snippet and says why, in the chosen language', { timeout: 60_000 }, async () => {
  const p = await openBuilder();
  try {
    const typos = [
      ['base', 'javascript:alert(1)', 'not_https'],
      ['base', 'http://graphics.example.org/ai-capex/', 'not_https'],
      ['article', 'http://news.example.org/story.html', 'not_https'],
      ['article', 'https://[news.example.org]/', 'not_address'],
    ];
    for (const [field, typed, problem] of typos) {
      await typeInto(p.page, field, typed);
      for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
        await p.page.selectOption('select[name="lang"]', lang);
        const expected = readWwwJson(`i18n/${lang}.json`).builder[problem].replace('{typed}', typed);
        await p.page.waitForFunction((text) => document.getElementById('builder-problem').textContent === text, expected);
        assert.equal(await snippetOf(p.page), '', `a snippet for ${field} ${typed}`);
      }
      await typeInto(p.page, field, '');
    }
    // This computer may use http: the builder's own address, and localhost.
    await typeInto(p.page, 'base', 'http://localhost:8080/ai-capex/');
    await p.page.waitForFunction(() => document.getElementById('builder-problem').hidden && document.getElementById('builder-snippet').value.includes('/ai-capex/'));
  } finally {
    await p.close();
  }
});

test("the reader's pages never load the builder's code", () => {
  const readerFiles = ['index.html', 'en/index.html', 'zh-Hant/index.html', ...fs.readdirSync(path.join(DIST, 'js')).filter((f) => /^(head|main)\..*\.js$/.test(f)).map((f) => `js/${f}`)];
  for (const file of readerFiles) {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    assert.doesNotMatch(text, /embed-builder|embed-snippet|builder-snippet/, `${file} refers to the builder`);
  }
});

test("the builder offers every section a link may name — each chart, the calculator and the sources — with the page's own names", { timeout: 60_000 }, async () => {
  const p = await openBuilder();
  try {
    const offered = await p.page.$$eval('input[name="section"]', (boxes) => boxes.map((box) => box.value));
    const dataset = readWwwJson('data/capex-dataset.json');
    assert.deepEqual(offered, [...dataset.charts.map((chart) => chart.id), 'calculator', 'sources']);
    // The names follow the language chosen (English), once its words have arrived.
    const { heading } = readWwwJson('i18n/en.json').sources;
    const named = await p.page
      .waitForFunction((text) => document.querySelector('input[name="section"][value="sources"]').parentElement.textContent.includes(text), heading, { timeout: 10_000 })
      .then(() => true, () => false);
    assert.ok(named, `the sources box is not named "${heading}"`);
  } finally {
    await p.close();
  }
});

test("a host written with a trailing dot or in capitals is the same host: the same site stays case B, a sibling still gets the warning", async () => {
  const base = 'https://news.example.org/news/graphics/ai/';
  assert.deepEqual(articlePlace('https://news.example.org./2026/x.html', base, 'https://builder.example.net'), { otherOrigin: false });
  assert.deepEqual(articlePlace('https://NEWS.Example.ORG../2026/x.html', base, 'https://builder.example.net'), { otherOrigin: false });
  assert.deepEqual(articlePlace('https://www.example.org./2026/x.html', base, 'https://builder.example.net'), { otherOrigin: true, sharedDomain: 'example.org' });
});

test("an article on the builder's own origin is case B whatever explainer address was typed, and an explainer elsewhere gets full addresses", { timeout: 60_000 }, async () => {
  const p = await openBuilder();
  try {
    await typeInto(p.page, 'base', 'https://graphics.example.com/ai/');
    // No article address: the snippet must still point at the explainer typed, not at a path on the article's site.
    assert.ok(parts(await snippetOf(p.page)).src.startsWith('https://graphics.example.com/ai/?'), 'with no article address');
    assert.equal(parts(await snippetOf(p.page)).script, 'https://graphics.example.com/ai/js/embed-host.js');
    await typeInto(p.page, 'article', 'https://news.example.net/story.html');
    assert.equal(parts(await snippetOf(p.page)).sandbox, SANDBOX_A, 'with an article on another site');
    await typeInto(p.page, 'article', `${env.explainer.url}story.html`);
    const snippet = parts(await snippetOf(p.page));
    assert.equal(snippet.sandbox, SANDBOX_B, "an article on the builder's own origin");
    assert.ok(snippet.src.startsWith('https://graphics.example.com/ai/?'), snippet.src);
  } finally {
    await p.close();
  }
});
