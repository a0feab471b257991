// The single-file build (tools/dist.mjs, `./dev dist`): dist/ai-capex-explainer.html opened
// straight from disk (file://) works as the served page does — every chart drawn, tooltips,
// all three languages, the calculator — with no console error and no request at all but the
// file itself (file:) and data:/blob: URLs. The page still writes its state into its own
// address (history.replaceState, which file:// allows for the same file).
//
// `before` rebuilds the file with `node tools/dist.mjs` when it is missing or older than
// anything under www/ (needs www/pkg/ from ./dev build) or the builder itself.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchBrowser,
  openPage,
  waitForReady,
  waitForParams,
  inspectCharts,
  readWwwJson,
  screenshot,
  REPO_ROOT,
  WWW_ROOT,
  DESKTOP,
  PHONE,
  CSP,
} from './harness.mjs';

const DIST_FILE = path.join(REPO_ROOT, 'dist', 'ai-capex-explainer.html');
const FILE_URL = pathToFileURL(DIST_FILE).href;
const BUILDER = path.join(REPO_ROOT, 'tools', 'dist.mjs');

const messages = {
  en: readWwwJson('i18n/en.json'),
  'zh-Hans': readWwwJson('i18n/zh-Hans.json'),
  'zh-Hant': readWwwJson('i18n/zh-Hant.json'),
};

/** "Entity · Metric" (English) of every fact of the us-capex chart: the possible tooltip titles. */
const usCapexTitles = (() => {
  const ds = readWwwJson('data/capex-dataset.json');
  const facts = new Map([...ds.facts, ...(ds.reference || [])].map((f) => [f.id, f]));
  const name = (list, id) => list.find((x) => x.id === id).name.en;
  const chart = ds.charts.find((c) => c.id === 'us-capex');
  return new Set(chart.facts.map((id) => facts.get(id)).map((f) => `${name(ds.entities, f.entity)} · ${name(ds.metrics, f.metric)}`));
})();

let browser;

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, d.name);
    if (d.isDirectory()) newest = Math.max(newest, newestMtime(abs));
    else if (d.isFile()) newest = Math.max(newest, fs.statSync(abs).mtimeMs);
  }
  return newest;
}

function distIsStale() {
  if (!fs.existsSync(DIST_FILE)) return true;
  const built = fs.statSync(DIST_FILE).mtimeMs;
  return Math.max(newestMtime(WWW_ROOT), fs.statSync(BUILDER).mtimeMs) > built;
}

before(async () => {
  if (distIsStale()) {
    try {
      execFileSync(process.execPath, [BUILDER], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`node tools/dist.mjs failed (run ./dev build first?):\n${e.stderr || e.message}`);
    }
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Requests that were neither the file itself (file:) nor data:/blob:. */
const networkRequests = (p) => p.requests.filter((u) => !/^(file|data|blob):/.test(u));

/** Everything that must be empty after any visit: errors and requests. */
function assertClean(p, what) {
  const context = `\n${what}\nall requests:\n  ${p.requests.join('\n  ')}`;
  assert.deepEqual(p.consoleErrors, [], `console errors${context}`);
  assert.deepEqual(p.pageErrors, [], `uncaught page errors${context}`);
  assert.deepEqual(p.failedRequests, [], `failed requests${context}`);
  assert.deepEqual(networkRequests(p), [], `requests other than file:, data: and blob:${context}`);
}

/** What a reader sees of the language: html lang, headline, calculator heading, missing keys. */
function languageView(page) {
  return page.evaluate(() => ({
    htmlLang: document.documentElement.lang,
    headline: document.getElementById('headline').textContent.trim(),
    calculatorHeading: (document.getElementById('calculator-heading') || { textContent: '' }).textContent.trim(),
    currentLangLink: (document.querySelector('#lang-switch a[aria-current="true"]') || { getAttribute: () => null }).getAttribute('hreflang'),
    missing: window.__explainer.missingText(),
  }));
}

async function assertAllChartsDrawn(page, what) {
  const charts = await inspectCharts(page);
  const canvases = await page.locator('canvas').count();
  assert.ok(charts.length > 0, `${what}: no chart canvas`);
  assert.equal(charts.length, canvases, `${what}: a <canvas> outside section[data-chart]`);
  for (const c of charts) {
    const label = `${what}: chart "${c.chart}" canvas #${c.index} (${c.width}x${c.height})`;
    assert.equal(c.error, null, `${label}: cannot read pixels: ${c.error}`);
    assert.equal(c.drawn, '1', `${label}: data-drawn is ${JSON.stringify(c.drawn)}`);
    assert.ok(c.colours > 1, `${label}: blank (${c.colours} distinct colour)`);
  }
}

test('dist/ai-capex-explainer.html is one file: no external script, style, preload or fetchable URL', () => {
  const html = fs.readFileSync(DIST_FILE, 'utf8');
  assert.doesNotMatch(html, /<script\b[^>]*\bsrc\s*=/i, 'a <script src>');
  assert.doesNotMatch(html, /<link\b[^>]*\brel\s*=\s*["']?(stylesheet|preload|modulepreload)/i, 'a stylesheet or preload <link>');
  for (const id of ['dataset', 'i18n-en', 'i18n-zh-Hans', 'i18n-zh-Hant', 'wasm']) {
    assert.match(html, new RegExp(`<script type="application/json" id="inline-${id}">`), `the inline-${id} block`);
  }
});

test('opened from disk (no lang parameter, zh-CN browser): ready, every chart drawn, Simplified Chinese, no request', { timeout: 60_000 }, async () => {
  const p = await openPage(browser, FILE_URL, { ...PHONE, locale: 'zh-CN' });
  try {
    const state = await waitForReady(p.page);
    if (state !== 'ready') await screenshot(p.page, 'single-file-zh-Hans').catch(() => {});
    assert.equal(state, 'ready', `data-state; problems:\n  ${p.consoleMessages.join('\n  ')}`);
    await assertAllChartsDrawn(p.page, 'zh-CN phone');
    // Its core is in the page and a page from file:// starts no worker: the calculator's heavy
    // results are made in slices, and none is tried.
    assert.deepEqual(p.page.workers().map((worker) => worker.url()), []);
    const v = await languageView(p.page);
    assert.equal(v.htmlLang, 'zh-Hans');
    assert.equal(v.headline, messages['zh-Hans'].page.headline);
    assert.deepEqual(v.missing, [], 'text keys missing from the language file');
    assertClean(p, FILE_URL);
  } finally {
    await p.close();
  }
});

test('?lang=en on the file URL: English, a tooltip on a us-capex bar, a slider changes the sentence, the language links work', { timeout: 90_000 }, async () => {
  const url = `${FILE_URL}?lang=en`;
  const p = await openPage(browser, url, { ...DESKTOP, locale: 'zh-CN' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await assertAllChartsDrawn(p.page, '?lang=en desktop');
    const v = await languageView(p.page);
    assert.equal(v.htmlLang, 'en', '<html lang>');
    assert.equal(v.headline, messages.en.page.headline, 'headline');
    assert.equal(v.calculatorHeading, messages.en.calculator.title, 'calculator heading');
    assert.equal(v.currentLangLink, 'en', 'the language switch marks English');
    assert.deepEqual(v.missing, [], 'text keys missing from en.json');

    // Tooltip: sweep the mouse along the bottom of the us-capex bars until one shows.
    const canvas = p.page.locator('#chart-us-capex canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 0, 'the us-capex canvas has no size');
    const tooltip = p.page.locator('section[data-chart="us-capex"] .tooltip');
    const readTip = () =>
      tooltip.evaluate((el) =>
        el.hidden || el.getClientRects().length === 0
          ? null
          : Object.fromEntries([...el.children].map((line) => [[...line.classList].find((c) => c !== 'tooltip-line') || 'line', line.textContent.trim()])),
      );
    let tip = null;
    for (const fy of [0.93, 0.8, 0.6]) {
      for (let x = 2; x < box.width - 1 && !tip; x += 6) {
        await p.page.mouse.move(box.x + x, box.y + box.height * fy);
        tip = await readTip();
      }
      if (tip) break;
    }
    assert.ok(tip, 'no tooltip appeared while hovering over the us-capex chart');
    assert.ok(usCapexTitles.has(tip['tooltip-title']), `the tooltip title is not an entity · metric of a us-capex fact: ${JSON.stringify(tip)}`);
    assert.match(tip['tooltip-source'] || '', /grade [A-D]/, `the tooltip has no source line: ${JSON.stringify(tip)}`);

    // Calculator: one step of the AGI-year slider changes the result sentence.
    const sentence = () => p.page.locator('.calc-sentence').evaluate((el) => el.textContent.trim());
    const before = await sentence();
    assert.ok(before, 'the calculator has no result sentence');
    const slider = p.page.locator('#in-agi_year');
    const [value, min] = [Number(await slider.inputValue()), Number(await slider.getAttribute('min'))];
    await slider.focus();
    await p.page.keyboard.press(value > min ? 'ArrowLeft' : 'ArrowRight');
    await p.page.waitForFunction((prev) => document.querySelector('.calc-sentence').textContent.trim() !== prev, before, { timeout: 5_000, polling: 50 });
    assert.notEqual(await sentence(), before);
    // …and is written into the address of the file, as on the served page.
    const written = await waitForParams(p.page, { lang: 'en', agi_year: await slider.inputValue() });
    assert.equal(written.protocol, 'file:');

    // The language links point at the same file with another `lang`: follow Traditional Chinese.
    const href = await p.page.locator('#lang-switch a[hreflang="zh-Hant"]').evaluate((a) => a.href);
    assert.ok(href.startsWith(`${FILE_URL}?`), `the zh-Hant link leaves the file: ${href}`);
    await Promise.all([p.page.waitForURL((u) => u.searchParams.get('lang') === 'zh-Hant'), p.page.locator('#lang-switch a[hreflang="zh-Hant"]').click()]);
    assert.equal(await waitForReady(p.page), 'ready');
    await assertAllChartsDrawn(p.page, 'after switching to zh-Hant');
    const hant = await languageView(p.page);
    assert.equal(hant.htmlLang, 'zh-Hant');
    assert.equal(hant.headline, messages['zh-Hant'].page.headline);
    assert.deepEqual(hant.missing, [], 'text keys missing from zh-Hant.json');

    assertClean(p, url);
  } finally {
    await p.close();
  }
});

test('the single file carries its own strict Content-Security-Policy: hashes for its inline module and styles, no unsafe-inline, nothing fetched — and it holds from disk', { timeout: 60_000 }, async () => {
  // Issue 9, finding 6.
  const html = fs.readFileSync(DIST_FILE, 'utf8');
  const policy = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html) || [])[1];
  assert.ok(policy, 'no Content-Security-Policy <meta>');
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\s\*/, policy);
  assert.match(policy, /default-src 'none'/, policy);
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/, policy);
  const p = await openPage(browser, pathToFileURL(DIST_FILE).href, { ...PHONE });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // An injected inline script is refused: the policy is in force, not just written down.
    const ran = await p.page.evaluate(async () => {
      const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      return { injected: window.__injected === true, directive: await refused };
    });
    assert.deepEqual(ran, { injected: false, directive: 'script-src-elem' });
  } finally {
    await p.close();
  }
});

test("served by a site that sends its own Content-Security-Policy header, the single file cannot start and says so in three languages; sent with its own policy as the header, or none, it works", { timeout: 60_000 }, async () => {
  // Issue 17, finding 12: as the README's "Hosting" says.
  const html = fs.readFileSync(DIST_FILE, 'utf8');
  const ownPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  const policies = { '/site-policy.html': CSP, '/own-policy.html': ownPolicy, '/no-policy.html': null };
  const server = http.createServer((req, res) => {
    const policy = policies[req.url];
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(policy && { 'Content-Security-Policy': policy }) }).end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const at = (file) => `http://127.0.0.1:${server.address().port}${file}`;
  // Violations are noted from before the page's first script (init scripts are not under its policy).
  const noteViolations = () => {
    window.__violations = [];
    addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective), true);
  };
  const notice = (page) => page.locator('#single-file-blocked').evaluate((el) => ({ shown: el.getBoundingClientRect().height > 0, text: el.textContent }));
  try {
    const blocked = await openPage(browser, at('/site-policy.html'), { ...DESKTOP, initScript: noteViolations });
    try {
      await blocked.page.waitForFunction(() => window.__violations.includes('script-src-elem'));
      const seen = await notice(blocked.page);
      assert.equal(seen.shown, true, 'the page is blank: no notice');
      for (const words of ['Content-Security-Policy header', '请改为从本地磁盘打开此文件', '請改為從本機磁碟開啟此檔案']) assert.ok(seen.text.includes(words), `the notice lacks “${words}”: ${seen.text}`);
      assert.notEqual(await blocked.page.evaluate(() => document.documentElement.dataset.state), 'ready');
    } finally {
      await blocked.close();
    }
    for (const file of ['/own-policy.html', '/no-policy.html']) {
      const works = await openPage(browser, at(file), { ...DESKTOP, initScript: noteViolations });
      try {
        assert.equal(await waitForReady(works.page), 'ready', file);
        assert.deepEqual(await works.page.evaluate(() => window.__violations), [], file);
        assert.equal((await notice(works.page)).shown, false, `${file}: the notice shows on a working page`);
      } finally {
        await works.close();
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
