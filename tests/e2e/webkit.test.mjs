// WebKit smoke test: the baked page (dist/) in WebKitGTK's MiniBrowser, driven over plain W3C
// WebDriver (WebKitWebDriver) with Node's global fetch — no client library.
//
// For the zh-Hans page and en/: the page comes to life (<html data-state="ready">), draws its
// charts on canvas, shows the headline and no error message; on en/ the calculator responds to
// its first slider (the result, headline chart and address follow). Embedded: case A comes to life
// and is sized; in a frame sandboxed as case B, a source link opens a tab that renders, and a
// page of the article's origin opened from the frame cannot reach the article.
//
// Needs WebKitWebDriver, Xvfb and MiniBrowser (Debian: webkit2gtk-driver, xvfb); skips with a
// message when one is missing. Starts its own Xvfb on a free display, WebKitWebDriver on a free
// port and tools/serve.mjs (strict CSP) on a free port; tears all of it down in `after`.
//
// Env: E2E_ROOT (tree to serve, default dist/), MINIBROWSER (browser binary),
//      WEBKIT_SCALE (device pixel ratio, a whole number, passed as GDK_SCALE; default 1: at 2,
//      Xvfb's software compositing makes frames several times slower),
//      WEBKIT_SUBPATH=1 (open the pages under /news/graphics/ai-capex/),
//      WEBKIT_READY_TIMEOUT_MS (default 60000), WEBKIT_DEBUG=1 (driver and browser output on stderr).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webkitSession, SKIP, delay } from './webkit-driver.mjs';
import { readmeSnippet, sandboxOf } from './embed-hosts.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const ROOT = process.env.E2E_ROOT ? path.resolve(process.env.E2E_ROOT) : path.join(REPO_ROOT, 'dist');
const OUTPUT_DIR = path.join(HERE, 'output');
const READY_TIMEOUT_MS = Number(process.env.WEBKIT_READY_TIMEOUT_MS) || 60_000;
const PAGES = { 'zh-Hans': '', en: 'en/' };
const MIN_DRAWN_CANVASES = 6;

const env = webkitSession(ROOT);

// ---- page helpers ----------------------------------------------------------------------------

function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
}

/** Poll `fn` (async, returns a truthy value when done) every `every` ms until `timeout`. */
async function poll(fn, { timeout, every = 200, what }) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last.done) return last.value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeout} ms (last seen: ${JSON.stringify(last.value)})`);
    await delay(every);
  }
}

async function waitForState(session) {
  return poll(
    async () => {
      const s = await session.exec('return document.documentElement.dataset.state || "(unset)";');
      return { done: s === 'ready' || s === 'error', value: s };
    },
    { timeout: READY_TIMEOUT_MS, what: 'the page did not reach data-state="ready"|"error"' },
  );
}

// Runs in the page: everything the smoke test looks at, in one round trip.
const READ_PAGE = `
  const visible = (el) => el.getClientRects().length > 0 && !el.closest('[hidden]') && getComputedStyle(el).visibility !== 'hidden';
  const canvases = [...document.querySelectorAll('canvas')];
  const text = (sel) => { const el = document.querySelector(sel); return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null; };
  const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
  return {
    state: document.documentElement.dataset.state,
    lang: document.documentElement.lang,
    headline: text('#headline'),
    canvases: canvases.length,
    drawn: canvases.filter((c) => c.dataset.drawn === '1').length,
    notDrawn: canvases.filter((c) => c.dataset.drawn !== '1').map((c) => (c.closest('[data-chart]') || {}).dataset?.chart || '?'),
    chartErrors: [...document.querySelectorAll('.chart-error')].filter(visible).map((e) => e.textContent.trim()),
    statusErrors: [...document.querySelectorAll('#status .message-error')].filter(visible).map((e) => e.textContent.replace(/\\s+/g, ' ').trim()),
    status: text('#status'),
    bootError: (() => { const b = document.getElementById('boot-error'); return b && !b.hidden ? b.textContent.trim() : null; })(),
    wasm: performance.getEntriesByType('resource').filter((r) => /\\.wasm$/.test(new URL(r.name).pathname)).length,
    marks,
    viewport: [innerWidth, innerHeight, devicePixelRatio],
  };
`;

/** Save a screenshot into tests/e2e/output/ (best effort) and return its path. */
async function screenshot(session, name) {
  try {
    const png = await session.screenshot();
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = path.join(OUTPUT_DIR, `webkit-${name.replace(/[^\w.@-]+/g, '_')}.png`);
    fs.writeFileSync(file, Buffer.from(png, 'base64'));
    return file;
  } catch (e) {
    return `(no screenshot: ${e.message})`;
  }
}

/** Run `fn`; on failure add a screenshot path and the page's status text to the error. */
async function withEvidence(name, fn) {
  try {
    return await fn();
  } catch (e) {
    const shot = env.session ? await screenshot(env.session, name) : '(no session)';
    const status = env.session ? await env.session.exec('const s = document.getElementById("status"); return s ? s.innerText : null;').catch(() => null) : null;
    e.message += `\n  screenshot: ${shot}${status ? `\n  #status: ${status}` : ''}`;
    throw e;
  }
}

/**
 * Bring each chart near the screen in turn, as a reader scrolling down would: on a baked page a
 * chart away from the screen keeps its baked image until it comes near (js/page/page.js).
 */
async function bringChartsNear(session, { endAt = null } = {}) {
  const count = await session.exec('return document.querySelectorAll("[data-chart]").length;');
  for (let i = 0; i < count; i++) await showChart(session, `document.querySelectorAll("[data-chart]")[${i}]`);
  if (endAt) await showChart(session, `document.querySelector(${JSON.stringify(endAt)})`);
  else await session.exec('window.scrollTo(0, 0);');
}

/** Scroll the chart section `expression` names to the middle of the screen; wait (≤ 5 s) for it drawn live. */
async function showChart(session, expression) {
  await session.exec(`${expression}.scrollIntoView({ block: "center" });`);
  await poll(
    async () => {
      const drawn = await session.exec(`const c = ${expression}.querySelector("canvas"); return !c || c.dataset.drawn === "1";`);
      return { done: drawn, value: drawn };
    },
    { timeout: 5_000, every: 100, what: `${expression}: not drawn once near` },
  ).catch(() => {}); // the test's own checks say what is missing
}

async function open(session, dir) {
  const url = `${process.env.WEBKIT_SUBPATH === '1' ? env.server.subpathUrl : env.server.url}${dir}`;
  const t0 = Date.now();
  await session.navigate(url);
  const at = await session.exec('return location.href;');
  assert.equal(at, url, 'the browser is at the page asked for');
  const loadedMs = Date.now() - t0;
  const state = await waitForState(session);
  return { url, state, loadedMs, readyMs: Date.now() - t0 };
}

// ---- the tests -------------------------------------------------------------------------------

for (const [lang, dir] of Object.entries(PAGES)) {
  test(`WebKit ${lang}: the page comes to life, draws its charts, shows the headline and no error`, { skip: SKIP, timeout: 120_000 }, async (t) => {
    await withEvidence(`${lang}-ready`, async () => {
      const words = readJson(`i18n/${lang}.json`);
      const { state, loadedMs, readyMs } = await open(env.session, dir);
      if (state === 'ready') await bringChartsNear(env.session);
      const shown = await env.session.exec(READ_PAGE);
      t.diagnostic(`${lang}: navigation ${loadedMs} ms, data-state=${state} after ${readyMs} ms (page marks ${JSON.stringify(shown.marks)}), viewport ${shown.viewport.join('×')}`);
      assert.equal(state, 'ready', `data-state="${state}"; boot error: ${shown.bootError}; status: ${shown.status}`);
      assert.equal(shown.lang, lang, 'the page says its language');
      // Once: WebKit fetched it twice when the page also preloaded it (a preload it does not
      // hand to fetch()).
      assert.equal(shown.wasm, 1, 'the wasm core was fetched once');
      assert.ok(shown.drawn >= MIN_DRAWN_CANVASES, `${shown.drawn} of ${shown.canvases} canvases drawn (want ≥ ${MIN_DRAWN_CANVASES}); not drawn: ${shown.notDrawn.join(', ')}`);
      assert.equal(shown.headline, words.page.headline, 'the headline is the language file’s');
      assert.deepEqual(shown.statusErrors, [], 'no error message in #status');
      assert.deepEqual(shown.chartErrors, [], 'no chart shows an error');
      t.diagnostic(`${lang}: ${shown.drawn}/${shown.canvases} canvases drawn; headline “${shown.headline}”`);
    });
  });
}

test('WebKit en: the calculator responds to its first slider (verdict, headline chart, address)', { skip: SKIP, timeout: 120_000 }, async (t) => {
  await withEvidence('en-calculator', async () => {
    const words = readJson('i18n/en.json').calculator.scenario;
    const { state } = await open(env.session, 'en/');
    assert.equal(state, 'ready');
    // The reader moving the slider has the headline chart beside it.
    await bringChartsNear(env.session, { endAt: '#model-breakeven' });

    // From now on, record what the page reports (WebDriver classic in WebKitGTK has no console
    // log; and MiniBrowser --automation is an ephemeral session, which never prints console
    // messages to stdout). Errors before this point surface in #status (main.js catches them).
    await env.session.exec(`
      const seen = (window.__webkitProbe = []);
      for (const level of ['error', 'warn']) {
        const original = console[level].bind(console);
        console[level] = (...a) => { seen.push(level + ': ' + a.map(String).join(' ')); original(...a); };
      }
      addEventListener('error', (e) => seen.push('error event: ' + (e.message || e.error)), true);
      addEventListener('unhandledrejection', (e) => seen.push('unhandledrejection: ' + e.reason));
      addEventListener('securitypolicyviolation', (e) => seen.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
    `);

    const READ_CALC = `
      const q = (s) => document.querySelector(s);
      const slider = q('#calculator input[type="range"]');
      const field = slider.id.replace(/^in-/, '');
      const canvas = q('#model-breakeven canvas');
      let digest = '';
      if (canvas && canvas.width && canvas.height) {
        const data = new Uint32Array(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.buffer);
        let h = 0x811c9dc5;
        for (let i = 0; i < data.length; i++) { h ^= data[i]; h = Math.imul(h, 0x01000193) >>> 0; }
        digest = h.toString(16);
      }
      const text = (s) => (q(s) ? q(s).textContent.replace(/\\s+/g, ' ').trim() : null);
      return {
        field, value: slider.value, min: slider.min, max: slider.max, step: slider.step,
        output: text('#out-' + field), scenario: text('.calc-scenario'), sentence: text('.calc-sentence'),
        verdict: [text('.calc-headline'), text('.calc-sentence'), text('.calc-notes')].join(' | '),
        digest, search: location.search, state: document.documentElement.dataset.state,
        statusErrors: [...document.querySelectorAll('#status .message-error')].filter((e) => e.getClientRects().length > 0).map((e) => e.textContent.trim()),
        probe: window.__webkitProbe || null,
      };
    `;
    const before = await env.session.exec(READ_CALC);
    assert.equal(before.scenario, words.defaults, 'the verdict starts at the default assumptions');
    assert.ok(before.sentence, 'the verdict has a sentence');
    assert.ok(before.digest, 'the headline chart has pixels');

    const step = Number(before.step) || 1;
    const down = Number(before.value) - step;
    const next = String(down >= Number(before.min) ? down : Number(before.value) + step);
    const t0 = Date.now();
    // As a drag does: `input` while moving (headline chart and verdict), then `change` (all charts).
    await env.session.exec(
      `const el = document.querySelector('#calculator input[type="range"]');
       el.value = arguments[0];
       el.dispatchEvent(new Event('input', { bubbles: true }));`,
      [next],
    );
    const moved = await poll(
      async () => {
        const now = await env.session.exec(READ_CALC);
        // Any slider makes the scenario the reader's own; each changes the verdict or the chart.
        const changed = now.verdict !== before.verdict || now.digest !== before.digest;
        const both = now.verdict !== before.verdict && now.digest !== before.digest;
        return { done: now.scenario === words.own && (before.field === 'agi_year' ? both : changed), value: now };
      },
      { timeout: 10_000, what: `moving ${before.field} ${before.value} → ${next} did not update the scenario line and the verdict / headline chart` },
    );
    t.diagnostic(
      `${before.field} ${before.value} → ${next}: updated in ≤ ${Date.now() - t0} ms (verdict ${moved.verdict !== before.verdict ? 'changed' : 'same'}, headline chart ${moved.digest !== before.digest ? 'changed' : 'same'})`,
    );
    assert.equal(moved.value, next, 'the slider kept the value');
    assert.notEqual(moved.output, before.output, `the read-out of ${before.field} follows`);

    await env.session.exec(`document.querySelector('#calculator input[type="range"]').dispatchEvent(new Event('change', { bubbles: true }));`);
    const settled = await poll(
      async () => {
        const now = await env.session.exec(READ_CALC);
        return { done: new URLSearchParams(now.search).get(now.field) === next, value: now };
      },
      { timeout: 10_000, what: `the address never got ${before.field}=${next}` },
    );
    assert.equal(settled.state, 'ready', 'the page stays ready');
    assert.deepEqual(settled.statusErrors, [], 'no error message in #status');
    assert.deepEqual(settled.probe, [], 'no console error or warning, page error or CSP violation while the calculator ran');
    if (before.field === 'agi_year') assert.ok(settled.sentence.includes(next), `the verdict names AGI in ${next}: “${settled.sentence}”`);
    t.diagnostic(`verdict now: “${settled.sentence}”`);
  });
});

test('WebKit zh-Hant: the strategy blocks come to life — how sure, the four pairs with their marks, business quality, the map and steadier', { skip: SKIP, timeout: 120_000 }, async (t) => {
  await withEvidence('zh-Hant-strategy', async () => {
    const words = readJson('i18n/zh-Hant.json').calculator;
    const { state } = await open(env.session, 'zh-Hant/');
    assert.equal(state, 'ready');
    await bringChartsNear(env.session);
    const READ_BLOCKS = `
      const text = (s) => { const el = document.querySelector(s); return el ? el.textContent.replace(/\\s+/g, ' ').trim() : ''; };
      const drawn = (id) => { const c = document.querySelector('#' + id + ' canvas'); return Boolean(c && c.dataset.drawn === '1'); };
      return {
        certainty: text('.calc-certainty'),
        cells: document.querySelectorAll('#calc-game td.game-cell').length,
        marks: [...document.querySelectorAll('#calc-game .game-mark, #calc-game .game-eq-mark')].map((m) => m.textContent.trim()),
        reading: text('#calc-game .game-reading'),
        business: text('.calc-business-sentence'),
        risk: [...document.querySelectorAll('.calc-risk-sentences p')].map((p) => p.textContent.trim()),
        drawn: ['model-business', 'model-map', 'model-risk'].filter(drawn),
      };
    `;
    const shown = await poll(
      async () => {
        const now = await env.session.exec(READ_BLOCKS);
        return { done: now.risk.length === 2 && now.drawn.length === 3 && now.certainty !== '', value: now };
      },
      { timeout: 20_000, what: 'the Monte Carlo blocks and the three strategy charts never appeared' },
    );
    assert.equal(shown.cells, 4, 'the four pairs');
    assert.ok(shown.marks.some((m) => m.startsWith('✓')) && shown.marks.some((m) => m.startsWith('◆')), `best replies and an equilibrium marked: ${shown.marks}`);
    assert.ok(shown.reading, 'the table has its reading');
    const lead = (template) => template.split('{')[0];
    assert.ok(shown.certainty.startsWith(lead(words.game.certainty.sentence)), `how sure: “${shown.certainty}”`);
    assert.ok(Object.values(words.business).some((tpl) => shown.business.startsWith(lead(tpl))), `business quality: “${shown.business}”`);
    t.diagnostic(`how sure: “${shown.certainty}”`);
  });
});

/** Open `url` (a host article with one explainer frame) and wait for the frame to grow and settle. */
async function embeddedFrameHeight(url) {
  await env.session.navigate(url);
  const FRAME_HEIGHT = `const f = document.querySelector('iframe[data-ai-capex]'); return f ? Math.round(f.getBoundingClientRect().height) : 0;`;
  // The frame starts at the host script's floor and grows to its content (the first chart and
  // the calculator): well past a screen, then steady.
  let previous = -1;
  const height = await poll(
    async () => {
      const now = await env.session.exec(FRAME_HEIGHT);
      const steady = now === previous && now > 1_500;
      previous = now;
      return { done: steady, value: now };
    },
    { timeout: READY_TIMEOUT_MS, every: 1_000, what: 'the embedded frame never grew to its content and settled' },
  );
  assert.equal(await env.session.exec(`return document.querySelector('iframe[data-ai-capex]').getAttribute('scrolling');`), 'no', 'the host script took the frame on');
  return height;
}

test('WebKit: the README embed on its own origin (case A) comes to life and is sized by the host script', { skip: SKIP, timeout: 120_000 }, async () => {
  await withEvidence('embed-own-origin', async () => {
    // The article on an origin of its own (a server of its own, with no policy of ours), the
    // explainer on env.server's, as case A says.
    const frame = `${env.server.url}?lang=en&section=us-capex,calculator&chrome=none`;
    const html =
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Article</title><p>Article text.</p>` +
      `<iframe data-ai-capex src="${frame}" title="AI capex race" width="100%" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>` +
      `<script src="${env.server.url}js/embed-host.js" defer></script><p>After the graphic.</p>`;
    const article = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    await new Promise((resolve) => article.listen(0, '127.0.0.1', resolve));
    try {
      const height = await embeddedFrameHeight(`http://127.0.0.1:${article.address().port}/`);
      assert.ok(height < 50_000, `a sane height: ${height}`);
    } finally {
      await new Promise((resolve) => article.close(resolve));
    }
  });
});

// WebKit resolves CSP 'self' against a sandboxed frame's opaque origin, which matches nothing,
// so case B's scripts and styles are refused (WebKit bug 316847, fixed in June 2026, not yet in
// every Safari): the frame shows unstyled text and never comes to life. The README says so.
test("WebKit: the README embed on the article's origin (case B)", { skip: SKIP, todo: 'WebKit bug 316847: CSP self in an opaque origin', timeout: 120_000 }, async () => {
  await withEvidence('embed-same-origin', async () => {
    await embeddedFrameHeight(`${env.server.url}embed.html`);
  });
});

/** A stand-in for a source's site: a page whose script runs and says what it could use. */
const SOURCE_PAGE = `<!doctype html><meta charset="utf-8"><title>The source</title><p id="text">The source's report.</p>
<script>
  document.getElementById('text').dataset.scripted = 'yes';
  try { localStorage.setItem('k', 'v'); document.body.dataset.storage = 'yes'; } catch (e) { document.body.dataset.storage = 'refused'; }
</script>`;

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

test("WebKit: a source link from a frame sandboxed as case B opens the source in a tab that renders (sandboxed: no storage)", { skip: SKIP, timeout: 120_000 }, async () => {
  await withEvidence('embed-source-link', async () => {
    const session = env.session;
    // The explainer's page of every figure and source (the article's first view links there
    // for the full source list) in a frame with case B's sandbox, on an article of its own
    // server; the source, on the article's server too (the test has no network), stands in
    // for the web.
    const frame = `${env.server.url}en/tables.html`;
    const html =
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Article</title><p>Article text.</p>` +
      `<iframe src="${frame}" title="AI capex race" width="100%" height="800" sandbox="${sandboxOf(readmeSnippet('same-origin'))}"></iframe>`;
    const article = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(req.url === '/source.html' ? SOURCE_PAGE : html));
    await new Promise((resolve) => article.listen(0, '127.0.0.1', resolve));
    const sourceUrl = `http://127.0.0.1:${article.address().port}/source.html`;
    const articleWindow = await session.call('GET', '/window');
    try {
      await session.navigate(`http://127.0.0.1:${article.address().port}/`);
      const iframe = await session.call('POST', '/element', { using: 'css selector', value: 'iframe' });
      await session.call('POST', '/frame', { id: iframe });
      // The first source link, as the page makes it, pointed at the stand-in.
      const link = await poll(
        async () => {
          const found = await session.call('POST', '/elements', { using: 'css selector', value: 'a.source-link' });
          return { done: found.length > 0, value: found[0] };
        },
        { timeout: READY_TIMEOUT_MS, what: 'the framed explainer shows no source link' },
      );
      const made = await session.exec('const a = arguments[0]; a.href = arguments[1]; a.scrollIntoView(); return [a.target, a.rel];', [link, sourceUrl]);
      assert.deepEqual(made, ['_blank', 'noopener noreferrer']);
      await session.call('POST', `/element/${link[ELEMENT]}/click`, {});
      const opened = await poll(
        async () => {
          const handles = await session.call('GET', '/window/handles');
          return { done: handles.length > 1, value: handles.find((h) => h !== articleWindow) };
        },
        { timeout: 10_000, what: 'the source link opened no tab' },
      );
      await session.call('POST', '/window', { handle: opened });
      const seen = await poll(
        async () => {
          const now = await session.exec(`const t = document.getElementById('text'); return t && { text: t.textContent, scripted: t.dataset.scripted, shown: t.getBoundingClientRect().height > 0, origin: window.origin, storage: document.body.dataset.storage };`);
          return { done: now?.scripted === 'yes', value: now };
        },
        { timeout: 10_000, what: 'the source page did not render and run its script' },
      );
      assert.deepEqual(seen, { text: "The source's report.", scripted: 'yes', shown: true, origin: 'null', storage: 'refused' });
      await session.call('DELETE', '/window');
    } finally {
      await session.call('POST', '/window', { handle: articleWindow }).catch(() => {});
      await new Promise((resolve) => article.close(resolve));
    }
  });
});

test("WebKit: case B's sandbox — a page of the article's origin opened from the frame cannot reach the article through opener.parent", { skip: SKIP, timeout: 120_000 }, async () => {
  await withEvidence('embed-popup', async () => {
    const session = env.session;
    // All on the article's origin: the article, a hostile page in its frame (sandboxed as the
    // README's case B), and the page that one opens, which reaches for the article.
    const pages = {
      '/': `<!doctype html><meta charset="utf-8"><title>Article</title><h1 id="headline">The real headline</h1><iframe src="/frame.html" sandbox="${sandboxOf(readmeSnippet('same-origin'))}"></iframe>`,
      // window.open keeps the opener (a target="_blank" link would not, in WebKit).
      '/frame.html': `<!doctype html><meta charset="utf-8"><button id="open" onclick="window.open('/popup.html')">open</button>`,
      '/popup.html': `<!doctype html><meta charset="utf-8"><p id="reach"></p><script>
        let reach; try { reach = opener.parent.document.getElementById('headline').textContent; } catch (e) { reach = 'blocked'; }
        document.getElementById('reach').textContent = reach;</script>`,
    };
    const site = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[req.url] || ''));
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    const articleWindow = await session.call('GET', '/window');
    try {
      await session.navigate(`http://127.0.0.1:${site.address().port}/`);
      await session.call('POST', '/frame', { id: await session.call('POST', '/element', { using: 'css selector', value: 'iframe' }) });
      const link = await session.call('POST', '/element', { using: 'css selector', value: '#open' });
      await session.call('POST', `/element/${link[ELEMENT]}/click`, {});
      const opened = await poll(
        async () => {
          const handles = await session.call('GET', '/window/handles');
          return { done: handles.length > 1, value: handles.find((h) => h !== articleWindow) };
        },
        { timeout: 10_000, what: 'the button opened no tab' },
      );
      await session.call('POST', '/window', { handle: opened });
      const reach = await poll(
        async () => {
          const now = await session.exec(`const r = document.getElementById('reach'); return r ? r.textContent : '';`);
          return { done: now !== '', value: now };
        },
        { timeout: 10_000, what: 'the opened page did not run' },
      );
      assert.equal(reach, 'blocked', 'the opened page reached the article');
      await session.call('DELETE', '/window');
    } finally {
      await session.call('POST', '/window', { handle: articleWindow }).catch(() => {});
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
