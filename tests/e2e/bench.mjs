#!/usr/bin/env node
// Page benchmark (not a test; prints figures, never pass/fail). Run by `./dev bench` after a
// build, or directly: node tests/e2e/bench.mjs
//
// Two pages — the plain page (www/, rendered by the script) and the baked page (dist/en/, the
// first response already holds the article) — under two profiles, in headless Chromium under
// the strict CSP, served gzip by tools/serve.mjs:
//   desktop  1280x900 @2x, no throttling;
//   phone    390x844 @3x, CPU x4 (Emulation.setCPUThrottlingRate), 150 ms latency, 1.6 Mbit/s
//            down, 750 kbit/s up (Network.emulateNetworkConditions).
// Per cold load (fresh context): bytes transferred and requests (resource timing); first
// contentful paint (paint timing); first chart painted; largest contentful paint; interactive
// (mark explainer:interactive); ready (data-state="ready"); DOM nodes after ready
// (document.querySelectorAll('*').length); and where the time went (the page's own timings:
// words, wasm, core, article).
//   First chart painted, not parsed: the mark explainer:first-chart is set in a
// requestAnimationFrame callback (js/head.js: once a baked svg.chart-svg exists, possibly still
// half parsed; the live page: once the first canvas is drawn), i.e. before that frame is painted.
// On the baked page the chart is an SVG with text, so Element Timing says when it was shown: an
// init script puts elementtiming on the chart's elements as the parser adds them, and the figure
// is the presentation time of the last of them (the whole first chart on screen). A canvas gets
// no paint entry: there the figure is the start of the first frame after the mark (a frame cannot
// begin before the one before it was painted: this is the marked frame's paint on the main
// thread, short of its way to the screen, tens of ms in headless Chromium), and never earlier
// than the first contentful paint (which is a presentation time).
//   Per page: what it loads by type, raw / gzip -9 / brotli (the same under both profiles).
// On the last baked page under the phone profile, once the other pages are closed: real input after
// ready — a slider released, a preset chosen, the currency switched, BENCH_INTERACTIONS times each
// — with the longest main-thread task after each and the interaction's duration by Event Timing
// (INP-like p95; bench/interactions.mjs). On the last load of each page and profile: slider→redraw
// latency (benchRedraw; under the phone's CPU ×4 too) and the full recompute a released slider asks
// for — the game over every AGI year, the Monte Carlo and the tornado (benchMonteCarlo; a third as
// many rounds under the phone profile). Then full visits on the phone profile, the reader
// scrolling at once (bench/visit.mjs: when each chart is live after it came on screen, and every
// byte the visit fetched). Then whether the CPU ×4 throttling slows a Web Worker too
// (bench/worker-throttle.mjs), and last Lighthouse on the three language pages of a bake made for
// its address (bench/lighthouse.mjs).
//
// env: BENCH_LOADS (5 desktop loads), BENCH_PHONE_LOADS (3), BENCH_REDRAWS (200), BENCH_MC (10),
// BENCH_INTERACTIONS (5 of each kind), BENCH_VISIT (3 full visits, their medians; 0 skips them), BENCH_LIGHTHOUSE
// (0 skips Lighthouse)

import path from 'node:path';
import zlib from 'node:zlib';
import { measureInteractions, interactionLines } from './bench/interactions.mjs';
import { measureVisit, visitLines } from './bench/visit.mjs';
import { workerThrottleLines } from './bench/worker-throttle.mjs';
import { lighthouseLines } from './bench/lighthouse.mjs';
import { startServer, launchBrowser, openPage, waitForReady, median, percentile, intEnv, fmt, REPO_ROOT, DESKTOP } from './harness.mjs';

const LOADS = intEnv('BENCH_LOADS', 5);
const PHONE_LOADS = intEnv('BENCH_PHONE_LOADS', 3);
const REDRAWS = intEnv('BENCH_REDRAWS', 200);
const MC = intEnv('BENCH_MC', 10);
const INTERACTIONS = intEnv('BENCH_INTERACTIONS', 5);
const VISITS = process.env.BENCH_VISIT === '0' ? 0 : intEnv('BENCH_VISIT', 3);

const PROFILES = {
  desktop: { size: DESKTOP, loads: LOADS },
  phone: {
    size: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    loads: PHONE_LOADS,
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
  },
};

/** The per-load table: [title, width, key of oneLoad's figures, divisor, decimals]. */
const COLUMNS = [
  ['KB gz', 8, 'bytes', 1024, 1],
  ['requests', 10, 'requests'],
  ['FCP', 7, 'fcp'],
  ['first chart', 13, 'firstChart'],
  ['LCP', 7, 'lcp'],
  ['interactive', 13, 'interactive'],
  ['ready', 8, 'ready'],
  ['DOM nodes', 11, 'nodes'],
];

// Runs before any page script. Notes performance.now() when data-state first turns ready/error,
// and what "first chart painted" is made of (see the header): the baked chart's SVG elements get
// an elementtiming attribute as the parser adds them (before any frame shows them), and a rAF
// watcher notes the start of the first frame after the mark explainer:first-chart.
function loadProbe() {
  const bench = (window.__bench = {});
  const ready = () => {
    const s = document.documentElement && document.documentElement.dataset.state;
    if ((s === 'ready' || s === 'error') && bench.readyAt === undefined) bench.readyAt = performance.now();
  };
  new MutationObserver(ready).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  const tagChart = new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1 && node.closest('svg.chart-svg')) node.setAttribute('elementtiming', 'baked-chart');
  });
  tagChart.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => tagChart.disconnect());
  // Registered before any page script, so in every frame this callback runs before the page's:
  // the first one to see the mark is in the frame after the one that set it. It stops there.
  const watch = () =>
    requestAnimationFrame((frameStart) => {
      if (performance.getEntriesByName('explainer:first-chart', 'mark').length) bench.frameAfterChart = frameStart;
      else if (bench.readyAt === undefined) watch();
    });
  watch();
}

/** The kind of file a response is, for the bytes-by-type table. */
function fileType(url, contentType = '') {
  const ext = path.extname(new URL(url).pathname).slice(1);
  if (['wasm', 'js', 'css', 'json', 'png'].includes(ext)) return ext;
  return contentType.includes('html') || ext === 'html' || ext === '' ? 'html' : ext || 'other';
}

/** The profile's CPU and network throttling, on page `p` before it loads. */
async function throttle(p, profile) {
  if (!profile.cpu && !profile.network) return;
  const cdp = await p.context.newCDPSession(p.page);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
}

async function oneLoad(browser, url, profile, { keepBodies = false } = {}) {
  const p = await openPage(browser, url, { ...profile.size, locale: 'en-US', initScript: loadProbe, goto: false });
  const bodies = [];
  if (keepBodies) {
    p.page.on('requestfinished', (request) =>
      bodies.push(request.response().then(async (r) => ({ type: fileType(request.url(), r?.headers()['content-type']), body: r ? await r.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0) }))),
    );
  }
  await throttle(p, profile);
  await p.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  let state;
  try {
    state = await waitForReady(p.page, { timeout: 60_000 });
  } catch (e) {
    state = `timeout (${e.state})`;
  }
  const t = await p.page.evaluate(async () => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const bytes = (nav?.transferSize ?? 0) + resources.reduce((n, r) => n + (r.transferSize || 0), 0);
    const steps = window.__explainer?.timings ?? {};
    const fcp = mark('first-contentful-paint');
    const chartText = await observed('element', (entries) => Math.max(...entries.filter((e) => e.identifier === 'baked-chart').map((e) => e.startTime)));
    return {
      fcp,
      chartMark: mark('explainer:first-chart'),
      // The baked SVG: when the last of its text was first shown. A canvas has no paint entry:
      // the start of the frame after its mark, and never before the first contentful paint.
      firstChart: chartText > 0 ? chartText : Math.max(fcp, window.__bench.frameAfterChart ?? NaN),
      lcp: await observed('largest-contentful-paint', (entries) => entries.at(-1).startTime),
      interactive: mark('explainer:interactive'),
      ready: window.__bench.readyAt,
      nodes: document.querySelectorAll('*').length,
      bytes,
      requests: resources.length + 1,
      main: resources.find((r) => /\/js\/main[.\w]*\.js$/.test(r.name))?.responseEnd ?? NaN,
      words: steps.textMs,
      wasm: steps.wasmMs,
      core: steps.coreMs,
      article: steps.articleMs,
    };
    // Element and LCP entries reach only an observer; a buffered one gets them all at once.
    function observed(type, read) {
      return new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(read(list.getEntries()));
        }).observe({ type, buffered: true });
        setTimeout(() => resolve(NaN), 500);
      });
    }
  });
  return { p, state, t, bodies: await Promise.all(bodies) };
}

/** Bytes by type: raw, gzip -9 and brotli (quality 11) of each response body. */
function bytesByType(bodies) {
  const by = new Map();
  for (const { type, body } of bodies) {
    const row = by.get(type) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
    row.files += 1;
    row.raw += body.length;
    row.gzip += zlib.gzipSync(body, { level: 9 }).length;
    row.brotli += zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    by.set(type, row);
  }
  const total = [...by.values()].reduce((t, r) => ({ files: t.files + r.files, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { files: 0, raw: 0, gzip: 0, brotli: 0 });
  const kb = (n) => fmt(n / 1024, 1).padStart(9);
  return [...[...by].sort((a, b) => b[1].gzip - a[1].gzip), ['total', total]].map(([type, r]) => `  ${type.padEnd(7)}${String(r.files).padStart(6)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
}

/**
 * On page `p` (a load kept open): slider→redraw latency and the full recompute, as one printed
 * line; the page is closed after.
 */
async function redrawLine(name, p, profileName) {
  try {
    const r = await p.page.evaluate(
      async ([redraws, mc]) => {
        const api = window.__explainer;
        const run = async (f, n) => {
          try {
            return Array.from((await f(n)) ?? [], Number);
          } catch {
            return [];
          }
        };
        return { redraw: await run(api.benchRedraw, redraws), mc: await run(api.benchMonteCarlo, mc) };
      },
      // The full recompute is heavy under the phone's CPU ×4: fewer rounds there.
      [REDRAWS, profileName === 'desktop' ? MC : Math.max(1, Math.round(MC / 3))],
    );
    const mc = r.mc.length ? `; full recompute (game scan, Monte Carlo, tornado) median ${fmt(median(r.mc), 1)} ms (n=${r.mc.length})` : '';
    return `${name.padEnd(18)}slider→redraw per frame median ${fmt(median(r.redraw), 2)} p95 ${fmt(percentile(r.redraw, 95), 2)} ms (n=${r.redraw.length})${mc}`;
  } finally {
    await p.close();
  }
}

async function main() {
  const servers = {
    plain: await startServer(),
    baked: await startServer({ root: path.join(REPO_ROOT, 'dist') }),
  };
  const pages = { plain: `${servers.plain.url}?lang=en`, baked: `${servers.baked.url}en/` };
  const browser = await launchBrowser();
  console.log(`page bench: Chromium ${browser.version()}; desktop ${LOADS} loads, phone ${PHONE_LOADS} loads per page (cold, fresh context)`);
  console.log(`${'page / profile'.padEnd(18)}${COLUMNS.map(([title, width]) => title.padStart(width)).join('')}   (medians; times in ms since navigation)`);
  const hooks = [];
  const steps = [];
  const types = [];
  try {
    for (const [name, url] of Object.entries(pages)) {
      for (const [profileName, profile] of Object.entries(PROFILES)) {
        const rows = [];
        let last = null;
        for (let i = 0; i < profile.loads; i++) {
          const run = await oneLoad(browser, url, profile, { keepBodies: i === 0 && profileName === 'desktop' });
          if (run.bodies.length) types.push([name, bytesByType(run.bodies)]);
          if (run.state === 'ready') rows.push(run.t);
          if (i === profile.loads - 1 && run.state === 'ready') last = run.p;
          else await run.p.close();
        }
        const med = (key) => median(rows.map((r) => r[key]).filter(Number.isFinite));
        console.log(
          `${`${name} / ${profileName}`.padEnd(18)}${COLUMNS.map(([, width, key, scale = 1, digits = 0]) => fmt(med(key) / scale, digits).padStart(width)).join('')}${rows.length < profile.loads ? `   (${profile.loads - rows.length} loads not ready)` : ''}`,
        );
        steps.push(`${`${name} / ${profileName}`.padEnd(18)}${['main', 'words', 'wasm', 'core', 'article', 'fcp', 'chartMark', 'firstChart', 'ready'].map((k) => `${k} ${fmt(med(k))}`).join(' · ')}`);
        if (last) hooks.push([`${name} / ${profileName}`, last, profileName]);
      }
    }
    console.log('where the time went (medians, ms since navigation: main script loaded, words, wasm, core checked the data, article rendered, first contentful paint, the first-chart mark, first chart painted, ready)');
    for (const line of steps) console.log(line);
    console.log(`bytes by type, KiB (one load; the same under both profiles)\n  ${'type'.padEnd(7)}${'files'.padStart(6)}${'raw'.padStart(9)}${'gzip -9'.padStart(9)}${'brotli'.padStart(9)}`);
    for (const [name, lines] of types) console.log(`${name}:\n${lines.join('\n')}`);
    // Input is measured on the phone page alone: the other pages kept for their redraw figures
    // are timed and closed first (four pages side by side shared the machine's two cores with
    // it, and a reader's phone runs one).
    const phone = hooks.find(([name]) => name === 'baked / phone');
    for (const hook of hooks) if (hook !== phone) console.log(await redrawLine(...hook));
    if (phone) {
      console.log(`input on baked / phone, after ready, the other pages closed (${INTERACTIONS} of each; ms; an interaction under 16 ms counts as 16)`);
      for (const line of interactionLines(await measureInteractions(phone[1].page, INTERACTIONS))) console.log(line);
      console.log(await redrawLine(...phone));
    }
    const visits = [];
    for (let i = 0; i < VISITS; i++) visits.push(await measureVisit(browser, pages.baked, PROFILES.phone, (p) => throttle(p, PROFILES.phone)));
    if (visits.length) for (const line of visitLines(visits, fmt)) console.log(line);
    for (const line of await workerThrottleLines(browser, PROFILES.phone.cpu)) console.log(line);
  } finally {
    await browser.close();
    await servers.plain.close();
    await servers.baked.close();
  }
  // Last, with the bench's browser closed: Lighthouse starts its own.
  for (const line of await lighthouseLines()) console.log(line);
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
