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
// Per cold load (fresh context): bytes transferred and requests (resource timing), first
// chart (performance mark explainer:first-chart — the baked SVGs at first paint, else the first
// canvas drawn), interactive (mark explainer:interactive) and ready (data-state="ready"), and
// where the time went (the page's own timings: words, wasm, core, article). Per page: what it
// loads by type, raw / gzip -9 / brotli (the same under both profiles). On the last load of each
// page and profile: slider→redraw latency (benchRedraw; under the phone's CPU ×4 too) and the
// full recompute a released slider asks for — the game over every AGI year, the Monte Carlo
// and the tornado (benchMonteCarlo; a third as many rounds under the phone profile).
//
// env: BENCH_LOADS (5 desktop loads), BENCH_PHONE_LOADS (3), BENCH_REDRAWS (200), BENCH_MC (10)

import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, openPage, waitForReady, median, percentile, intEnv, fmt, REPO_ROOT, DESKTOP } from './harness.mjs';

const LOADS = intEnv('BENCH_LOADS', 5);
const PHONE_LOADS = intEnv('BENCH_PHONE_LOADS', 3);
const REDRAWS = intEnv('BENCH_REDRAWS', 200);
const MC = intEnv('BENCH_MC', 10);

const PROFILES = {
  desktop: { size: DESKTOP, loads: LOADS },
  phone: {
    size: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    loads: PHONE_LOADS,
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
  },
};

// Runs before any page script: note performance.now() when data-state first turns ready/error.
function readyProbe() {
  const mark = () => {
    const s = document.documentElement && document.documentElement.dataset.state;
    if ((s === 'ready' || s === 'error') && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

/** The kind of file a response is, for the bytes-by-type table. */
function fileType(url, contentType = '') {
  const ext = path.extname(new URL(url).pathname).slice(1);
  if (['wasm', 'js', 'css', 'json', 'png'].includes(ext)) return ext;
  return contentType.includes('html') || ext === 'html' || ext === '' ? 'html' : ext || 'other';
}

async function oneLoad(browser, url, profile, { keepBodies = false } = {}) {
  const p = await openPage(browser, url, { ...profile.size, locale: 'en-US', initScript: readyProbe, goto: false });
  const bodies = [];
  if (keepBodies) {
    p.page.on('requestfinished', (request) =>
      bodies.push(request.response().then(async (r) => ({ type: fileType(request.url(), r?.headers()['content-type']), body: r ? await r.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0) }))),
    );
  }
  if (profile.cpu || profile.network) {
    const cdp = await p.context.newCDPSession(p.page);
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
  }
  await p.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  let state;
  try {
    state = await waitForReady(p.page, { timeout: 60_000 });
  } catch (e) {
    state = `timeout (${e.state})`;
  }
  const t = await p.page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const bytes = (nav?.transferSize ?? 0) + resources.reduce((n, r) => n + (r.transferSize || 0), 0);
    const steps = window.__explainer?.timings ?? {};
    return {
      firstChart: mark('explainer:first-chart'),
      interactive: mark('explainer:interactive'),
      ready: window.__benchReadyAt,
      bytes,
      requests: resources.length + 1,
      main: resources.find((r) => /\/js\/main[.\w]*\.js$/.test(r.name))?.responseEnd ?? NaN,
      words: steps.textMs,
      wasm: steps.wasmMs,
      core: steps.coreMs,
      article: steps.articleMs,
    };
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

async function main() {
  const servers = {
    plain: await startServer(),
    baked: await startServer({ root: path.join(REPO_ROOT, 'dist') }),
  };
  const pages = { plain: `${servers.plain.url}?lang=en`, baked: `${servers.baked.url}en/` };
  const browser = await launchBrowser();
  console.log(`page bench: Chromium ${browser.version()}; desktop ${LOADS} loads, phone ${PHONE_LOADS} loads per page (cold, fresh context)`);
  console.log(`${'page / profile'.padEnd(18)}${'KB gz'.padStart(8)}${'requests'.padStart(10)}${'first chart'.padStart(13)}${'interactive'.padStart(13)}${'ready'.padStart(9)}   (medians, ms)`);
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
          `${`${name} / ${profileName}`.padEnd(18)}${fmt(med('bytes') / 1024, 1).padStart(8)}${fmt(med('requests')).padStart(10)}${fmt(med('firstChart')).padStart(13)}${fmt(med('interactive')).padStart(13)}${fmt(med('ready')).padStart(9)}${rows.length < profile.loads ? `   (${profile.loads - rows.length} loads not ready)` : ''}`,
        );
        steps.push(`${`${name} / ${profileName}`.padEnd(18)}${['main', 'words', 'wasm', 'core', 'article', 'firstChart', 'ready'].map((k) => `${k} ${fmt(med(k))}`).join(' · ')}`);
        if (last) hooks.push([`${name} / ${profileName}`, last, profileName]);
      }
    }
    console.log('where the time went (medians, ms since navigation: main script loaded, words, wasm, core checked the data, article rendered, first chart, ready)');
    for (const line of steps) console.log(line);
    console.log(`bytes by type, KiB (one load; the same under both profiles)\n  ${'type'.padEnd(7)}${'files'.padStart(6)}${'raw'.padStart(9)}${'gzip -9'.padStart(9)}${'brotli'.padStart(9)}`);
    for (const [name, lines] of types) console.log(`${name}:\n${lines.join('\n')}`);
    for (const [name, p, profileName] of hooks) {
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
      console.log(`${name.padEnd(18)}slider→redraw per frame median ${fmt(median(r.redraw), 2)} p95 ${fmt(percentile(r.redraw, 95), 2)} ms (n=${r.redraw.length})${mc}`);
      await p.close();
    }
  } finally {
    await browser.close();
    await servers.plain.close();
    await servers.baked.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
