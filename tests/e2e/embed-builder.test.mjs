// The editors' embed builder (dist/embed-builder.html): the choices become the snippet's
// address; the previews show them at phone and desktop width in frames the host script fits
// to their content; the snippet is copied (or, where the clipboard is refused, selected); and
// pasted into a host article — on another origin, or on the explainer's own with the other
// sandbox — it works as chosen. The reader's pages never load the builder's code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, DESKTOP } from './harness.mjs';
import { startHosts, article, frameOf, waitFitted, DIST } from './embed-hosts.mjs';

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
    const snippet = parts(await snippetOf(page));
    assert.equal(snippet.src, `${env.explainer.url}${QUERY}`);
    assert.equal(snippet.sandbox, 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads');
    assert.equal(snippet.script, `${env.explainer.url}js/embed-host.js`);
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

test("the builder's snippet pasted into an article on another origin works as chosen", { timeout: 120_000 }, async () => {
  const p = await openBuilder();
  let snippet;
  try {
    await p.page.waitForFunction((query) => document.getElementById('builder-snippet').value.replaceAll('&amp;', '&').includes(query), QUERY);
    snippet = await snippetOf(p.page);
  } finally {
    await p.close();
  }
  env.stories.set('/pasted.html', article(snippet));
  await assertPastedWorks(`${env.newsUrl}pasted.html`);
});

test("for an article on the explainer's own site: addresses from the root, no allow-same-origin, and pasted it works", { timeout: 120_000 }, async () => {
  const p = await openBuilder();
  let snippet;
  try {
    await p.page.locator('input[name="same-origin"]').check();
    await p.page.waitForFunction(() => document.getElementById('builder-snippet').value.includes('src="/?'));
    snippet = await snippetOf(p.page);
  } finally {
    await p.close();
  }
  const { src, sandbox, script } = parts(snippet);
  assert.equal(src, `/${QUERY}`);
  assert.equal(sandbox, 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads');
  assert.equal(script, '/js/embed-host.js');
  const url = `${env.explainer.url}story.html`;
  await assertPastedWorks(url, (context) => context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article(snippet) })));
});

test('an address that is not http(s) gives no snippet and says why', { timeout: 60_000 }, async () => {
  const p = await openBuilder();
  try {
    await p.page.locator('#builder-base').fill('javascript:alert(1)');
    await p.page.waitForFunction(() => !document.getElementById('builder-problem').hidden);
    assert.equal(await snippetOf(p.page), '');
    assert.match(await p.page.locator('#builder-problem').textContent(), /https:\/\//);
  } finally {
    await p.close();
  }
});

test("the reader's pages never load the builder's code", () => {
  const readerFiles = ['index.html', 'en/index.html', 'zh-Hant/index.html', ...fs.readdirSync(path.join(DIST, 'js')).filter((f) => /^(head|main)\./.test(f)).map((f) => `js/${f}`)];
  for (const file of readerFiles) {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    assert.doesNotMatch(text, /embed-builder|embed-snippet|builder-snippet/, `${file} refers to the builder`);
  }
});
