// Shared helpers for the page tests (tests/e2e/*.test.mjs) and the benches (tests/e2e/bench.mjs,
// tests/e2e/soak.mjs).
//
// Drives Debian's Chromium (/usr/bin/chromium, override with CHROMIUM_PATH) through
// playwright-core; never downloads a browser. Serves www/ in-process with tools/serve.mjs,
// which sends the strict Content-Security-Policy, so every page test runs under it.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startServer as startStaticServer, SUBPATH, CSP } from '../../tools/serve.mjs';
import { launchChromium } from '../../tools/chromium.mjs';

export { SUBPATH, CSP };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The baked site (./dev build), and each language page's folder in it. */
export const DIST = path.join(REPO_ROOT, 'dist');
export { LANG_DIRS as BAKED_PAGES } from '../../tools/bake.mjs';
// E2E_ROOT serves another tree instead of www/ (e.g. a packaged copy, or a scratch page).
export const WWW_ROOT = process.env.E2E_ROOT ? path.resolve(process.env.E2E_ROOT) : path.join(REPO_ROOT, 'www');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'output');
export const READY_TIMEOUT_MS = 20_000;

/** Phone and desktop viewports used across tests. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 };

/**
 * Serve www/ (or `root`) in-process on a free port; `cors` for tests that frame the explainer
 * sandboxed without allow-same-origin (tools/serve.mjs --cors).
 * Resolves to { url, subpathUrl, origin, port, close() }.
 */
export async function startServer({ root = WWW_ROOT, port = 0, cors = false } = {}) {
  const s = await startStaticServer({ root, port, cors });
  return { ...s, origin: new URL(s.url).origin };
}

/** Launch headless Chromium with a fresh profile (tools/chromium.mjs). */
export async function launchBrowser({ args = [] } = {}) {
  return launchChromium({ args });
}

/**
 * Open `url` in a new browser context and page.
 *
 * options: viewport, deviceScaleFactor, locale, colorScheme, reducedMotion, javaScriptEnabled,
 * hasTouch, isMobile (phone-like touch context), waitUntil (default 'load'), initScript
 * (function or string run before any page script), route (async (context) => void, called
 * before navigation, e.g. to context.route() a file), goto (default true; false = create the
 * page but do not navigate).
 *
 * Returns { context, page, consoleErrors, pageErrors, requests, failedRequests, badResponses,
 * consoleMessages, foreignRequests(origin?), problems(), close() }. Every request URL made by
 * any page or worker of the context is recorded in `requests`.
 */
export async function openPage(browser, url, options = {}) {
  const {
    viewport = PHONE.viewport,
    deviceScaleFactor = PHONE.deviceScaleFactor,
    locale = 'en-US',
    colorScheme = 'light',
    reducedMotion,
    javaScriptEnabled = true,
    hasTouch = false,
    isMobile = false,
    waitUntil = 'load',
    initScript,
    route,
    goto = true,
  } = options;

  const context = await browser.newContext({
    viewport,
    deviceScaleFactor,
    locale,
    colorScheme,
    reducedMotion,
    javaScriptEnabled,
    hasTouch,
    isMobile,
    serviceWorkers: 'block',
  });
  if (route) await route(context);
  const consoleErrors = [];
  const consoleMessages = [];
  const pageErrors = [];
  const requests = [];
  const failedRequests = [];
  const badResponses = [];

  context.on('request', (req) => requests.push(req.url()));
  context.on('requestfailed', (req) => failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));
  context.on('response', (res) => {
    if (res.status() >= 400) badResponses.push(`${res.status()} ${res.url()}`);
  });
  context.on('weberror', (e) => pageErrors.push(String(e.error()?.stack || e.error())));

  const page = await context.newPage();
  page.on('console', (msg) => {
    const loc = msg.location();
    const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    const text = `${msg.type()}: ${msg.text()}${where}`;
    consoleMessages.push(text);
    if (msg.type() === 'error') consoleErrors.push(text);
  });
  page.on('websocket', (ws) => requests.push(ws.url()));
  if (initScript) await page.addInitScript(initScript);

  const handle = {
    context,
    page,
    url,
    consoleErrors,
    consoleMessages,
    pageErrors,
    requests,
    failedRequests,
    badResponses,
    /** Request URLs that left `origin` (defaults to the origin of `url`). data:/blob: of the same origin are fine. */
    foreignRequests(origin = new URL(url).origin) {
      return requests.filter((u) => !isSameOrigin(u, origin));
    },
    /** Everything that went wrong, as readable lines (empty array = clean). */
    problems(origin) {
      return [
        ...consoleErrors.map((e) => `console ${e}`),
        ...pageErrors.map((e) => `pageerror: ${e}`),
        ...failedRequests.map((e) => `request failed: ${e}`),
        ...badResponses.map((e) => `bad response: ${e}`),
        ...handle.foreignRequests(origin).map((u) => `request to another origin: ${u}`),
      ];
    },
    close: () => context.close(),
  };

  if (goto) {
    const response = await page.goto(url, { waitUntil, timeout: 30_000 });
    handle.response = response;
  }
  return handle;
}

export function isSameOrigin(u, origin) {
  if (u.startsWith('data:') || u === 'about:blank' || u.startsWith('about:srcdoc')) return true;
  if (u.startsWith('blob:')) return isSameOrigin(u.slice(5), origin);
  try {
    return new URL(u).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Wait until <html data-state> is "ready" or "error" (default 20 s) and return it.
 * On timeout, throws with the state seen last.
 */
/**
 * Open every table and conflicts block of the article and wait until they are built (the page
 * builds each one the first time it opens).
 */
export async function openTables(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#charts details.table-details, #charts details.conflicts')) d.open = true;
  });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#charts details.table-details, #charts details.conflicts')].every((d) => d.querySelector('table, ul, .empty')),
  );
}

export async function waitForReady(page, { timeout = READY_TIMEOUT_MS } = {}) {
  try {
    const handle = await page.waitForFunction(
      () => {
        const s = document.documentElement.dataset.state;
        return s === 'ready' || s === 'error' ? s : false;
      },
      null,
      { timeout, polling: 50 },
    );
    return await handle.jsonValue();
  } catch (err) {
    let state = '(unreadable)';
    try {
      state = await page.evaluate(() => document.documentElement.dataset.state ?? '(unset)');
    } catch {
      /* page gone */
    }
    const e = new Error(`page did not reach data-state="ready"|"error" within ${timeout} ms (data-state=${state}): ${err.message.split('\n')[0]}`);
    e.state = state;
    throw e;
  }
}

/**
 * Inspect every canvas inside `section[data-chart]`: returns an array of
 * { chart, index, drawn, width, height, colours, error } where `colours` is the number of
 * distinct RGBA values over the whole canvas (counting stops at `maxColours`).
 */
export async function inspectCharts(page, { maxColours = 64 } = {}) {
  return page.evaluate((maxColours) => {
    const out = [];
    document.querySelectorAll('section[data-chart] canvas').forEach((canvas, index) => {
      const section = canvas.closest('section[data-chart]');
      const info = {
        chart: section.dataset.chart || section.id || `#${index}`,
        index,
        drawn: canvas.dataset.drawn ?? null,
        width: canvas.width,
        height: canvas.height,
        colours: 0,
        error: null,
      };
      try {
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        if (canvas.width === 0 || canvas.height === 0) throw new Error('zero-size canvas');
        const data = new Uint32Array(ctx.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
        const seen = new Set();
        for (let i = 0; i < data.length && seen.size < maxColours; i++) seen.add(data[i]);
        info.colours = seen.size;
      } catch (e) {
        info.error = String(e && e.message ? e.message : e);
      }
      out.push(info);
    });
    return out;
  }, maxColours);
}

/** Full-page screenshot into tests/e2e/output/<name>.png; returns the path. */
export async function screenshot(page, name) {
  await fsp.mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name.replace(/[^\w.@-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 30_000 });
  return file;
}

// ---- for the benches (bench.mjs, soak.mjs) ----------------------------------------------------

/** A positive integer from the environment variable `name`, else `dflt`. */
export function intEnv(name, dflt) {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : dflt;
}

/** `x` with `digits` decimals, or '-' when it is not a number. */
export const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** Nearest-rank percentile of an array of numbers (p in 0..100). */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * v.length));
  return v[Math.min(rank, v.length) - 1];
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// ---- small helpers shared by the page tests --------------------------------------------------

/** A JSON file of the served tree, e.g. readWwwJson('data/capex-dataset.json'). */
export function readWwwJson(relPath) {
  return JSON.parse(fs.readFileSync(path.join(WWW_ROOT, relPath), 'utf8'));
}

/** Look up a dotted key ("status.param_problem") in a language file's object. */
export function messageAt(messages, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages);
}

/**
 * A RegExp matching a whole message template ("With AGI in {agi_year}, …"): the literal
 * parts must appear as they are, each {placeholder} matches any text.
 */
export function templatePattern(template) {
  const parts = String(template).split(/\{[\w.:-]+\}/g);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
}

/** The literal (non-placeholder) parts of a message template, without blanks. */
export function templateLiterals(template) {
  return String(template)
    .split(/\{[\w.:-]+\}/g)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The colour on screen at the point (x, y) of `locator`'s element (CSS pixels from its top left),
 * as [r, g, b]: read from a one-pixel screenshot, for drawings a script cannot read (an SVG image).
 */
export async function screenPixel(locator, x, y) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const png = await locator.page().screenshot({ clip: { x: box.x + x, y: box.y + y, width: 1, height: 1 }, scale: 'css', animations: 'disabled' });
  // One row of one pixel: every PNG filter leaves its bytes as they are (no left or upper neighbour).
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  return [...zlib.inflateSync(Buffer.concat(chunks)).subarray(1, 4)];
}

/**
 * For `page.locator(…).evaluateAll`: each canvas drawn by the core (data-drawn) as the reader
 * sees it: { chart, shown, opaque, ink }. `shown` is its top-left corner (2, 2) — its pixel over
 * the canvas's CSS background, which the core leaves to the page to paint (js/page/page.js
 * viewOptions) — and `opaque` false where what is behind the canvas shows through. `ink` counts
 * its pixels in each scheme's ink (src/charts/style.rs ChartStyle::ink: { light, dark }), so a
 * test can tell which scheme the drawing itself is in.
 */
export function shownCorners(canvases) {
  const parse = (css) => (css.match(/[\d.]+/g) || []).map(Number);
  const INK = { light: [28, 28, 28], dark: [232, 232, 232] };
  return canvases
    .filter((c) => c.dataset.drawn === '1')
    .map((c) => {
      const context = c.getContext('2d');
      const pixel = [...context.getImageData(2, 2, 1, 1).data];
      const behind = parse(getComputedStyle(c).backgroundColor);
      const alpha = pixel[3] / 255;
      const all = context.getImageData(0, 0, c.width, c.height).data;
      const ink = { light: 0, dark: 0 };
      for (let i = 0; i < all.length; i += 4) {
        if (all[i + 3] !== 255) continue;
        for (const [scheme, [r, g, b]] of Object.entries(INK)) if (all[i] === r && all[i + 1] === g && all[i + 2] === b) ink[scheme] += 1;
      }
      return {
        chart: c.closest('[data-chart]')?.dataset.chart ?? c.closest('[id]')?.id,
        shown: [0, 1, 2].map((i) => Math.round(pixel[i] * alpha + (behind[i] ?? 0) * (1 - alpha))),
        opaque: pixel[3] === 255 || behind.length === 3 || behind[3] === 1,
        ink,
      };
    });
}

/**
 * A digest of the pixels of the first canvas matching `selector` (FNV-1a over the backing
 * store), to tell whether two drawings differ. Returns { width, height, digest }.
 */
export async function canvasDigest(page, selector) {
  return page.evaluate(digestInPage, { selector, previous: null });
}

/**
 * Wait until the first canvas matching `selector` shows pixels whose digest differs from
 * `previous` (a canvasDigest().digest); returns the new { width, height, digest }.
 */
export async function waitForCanvasChange(page, selector, previous, { timeout = 5_000 } = {}) {
  try {
    const handle = await page.waitForFunction(digestInPage, { selector, previous }, { timeout, polling: 50 });
    return await handle.jsonValue();
  } catch (err) {
    throw new Error(`the pixels of ${selector} did not change within ${timeout} ms: ${err.message.split('\n')[0]}`);
  }
}

// Runs in the page: the digest of a canvas, or false while it equals `previous`.
function digestInPage({ selector, previous }) {
  const canvas = document.querySelector(selector);
  if (!canvas || !canvas.width || !canvas.height) return previous === null ? { width: 0, height: 0, digest: '' } : false;
  const data = new Uint32Array(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) {
    h ^= data[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const digest = h.toString(16);
  if (previous !== null && digest === previous) return false;
  return { width: canvas.width, height: canvas.height, digest };
}

/**
 * Wait until the page's address has every parameter of `expected` ({name: value}, or null
 * for "absent"); returns the address as a URL. The page writes its state with a debounced
 * history.replaceState, so this waits for a DOM-visible condition, not a fixed time.
 */
export async function waitForParams(page, expected, { timeout = 5_000 } = {}) {
  try {
    await page.waitForFunction(
      (want) => {
        const q = new URLSearchParams(location.search);
        return Object.entries(want).every(([k, v]) => q.get(k) === v);
      },
      expected,
      { timeout, polling: 50 },
    );
  } catch (err) {
    const href = await page.evaluate(() => location.href).catch(() => '(unreadable)');
    throw new Error(`the address never had ${JSON.stringify(expected)} within ${timeout} ms (it is ${href}): ${err.message.split('\n')[0]}`);
  }
  return new URL(await page.evaluate(() => location.href));
}

let gb18030Table = null;
/**
 * `text` in GB18030 (what Excel saves as "CSV" on a Chinese Windows), for the editor-tool tests:
 * Node can decode it but not encode it, so the table is read back from the decoder (two-byte
 * GBK codes, then the four-byte codes of the rest of the BMP, e.g. ¥ and −).
 */
export function encodeGb18030(text) {
  if (!gb18030Table) {
    gb18030Table = new Map();
    const decoder = new TextDecoder('gb18030');
    const learn = (...bytes) => {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if (ch.length === 1 && ch !== '\uFFFD' && !gb18030Table.has(ch)) gb18030Table.set(ch, bytes);
    };
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) learn(lead, trail);
    for (let b1 = 0x81; b1 <= 0x84; b1++) for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) learn(b1, b2, b3, b4);
  }
  return Uint8Array.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = gb18030Table.get(ch);
      if (!bytes) throw new Error(`no GB18030 code for ${ch} in the table`);
      return bytes;
    }),
  );
}
