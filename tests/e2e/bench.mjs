#!/usr/bin/env node
// Page benchmark (not a test; prints figures, never pass/fail). Run by `./dev bench`
// after a build, or directly: node tests/e2e/bench.mjs
//
// Desktop 1280x900 @2x in headless Chromium, under the strict CSP, served by tools/serve.mjs.
//  * time to first chart: performance.now() (which counts from navigation start) at the moment
//    <html data-state> becomes "ready", over BENCH_LOADS cold loads (fresh context each);
//    also the page's own window.__explainer.timings.firstChartMs when present;
//  * redraw latency: window.__explainer.benchRedraw(BENCH_REDRAWS) -> ms per redraw;
//  * Monte Carlo: window.__explainer.benchMonteCarlo(BENCH_MC) -> ms per 10,000-run batch.
// Missing hooks print "not available".
//
// env: BENCH_LOADS (7), BENCH_REDRAWS (200), BENCH_MC (10), BENCH_PATH ("/"), BENCH_LOCALE ("en-US")

import { startServer, launchBrowser, openPage, waitForReady, median, percentile, DESKTOP } from './harness.mjs';

const LOADS = intEnv('BENCH_LOADS', 7);
const REDRAWS = intEnv('BENCH_REDRAWS', 200);
const MC = intEnv('BENCH_MC', 10);
const PATHNAME = process.env.BENCH_PATH || '/';
const LOCALE = process.env.BENCH_LOCALE || 'en-US';

function intEnv(name, dflt) {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : dflt;
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(Math.abs(x) < 10 ? 2 : 1).padStart(8) : '       -');

function line(label, values, unit = 'ms') {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) {
    console.log(`${label.padEnd(46)} not available`);
    return;
  }
  console.log(
    `${label.padEnd(46)} median ${fmt(median(v))}  p95 ${fmt(percentile(v, 95))}  max ${fmt(Math.max(...v))} ${unit}  (n=${v.length})`,
  );
}

// Runs before any page script: note performance.now() when data-state first turns ready/error.
function readyProbe() {
  const mark = () => {
    const el = document.documentElement;
    const s = el && el.dataset.state;
    if ((s === 'ready' || s === 'error') && window.__benchReadyAt === undefined) {
      window.__benchReadyAt = performance.now();
      window.__benchReadyState = s;
    }
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
  document.addEventListener('DOMContentLoaded', mark);
}

async function callHook(page, name, n) {
  return page.evaluate(
    async ([name, n]) => {
      const api = window.__explainer;
      if (!api || typeof api[name] !== 'function') return { missing: true };
      try {
        const r = await api[name](n);
        const arr = Array.from(r ?? [], Number);
        return { values: arr };
      } catch (e) {
        return { error: String(e && e.message ? e.message : e) };
      }
    },
    [name, n],
  );
}

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  const url = new URL(PATHNAME, server.url).href;
  console.log(`page bench: Chromium ${browser.version()}, ${DESKTOP.viewport.width}x${DESKTOP.viewport.height} @${DESKTOP.deviceScaleFactor}x, ${LOADS} cold loads of ${url}`);

  const ready = [];
  const selfReported = [];
  const dcl = [];
  const load = [];
  const states = new Map();
  let last = null;
  try {
    for (let i = 0; i < LOADS; i++) {
      const p = await openPage(browser, url, { ...DESKTOP, locale: LOCALE, initScript: readyProbe });
      let state;
      try {
        state = await waitForReady(p.page);
      } catch (e) {
        state = `timeout (${e.state})`;
      }
      states.set(state, (states.get(state) || 0) + 1);
      const t = await p.page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const fc = window.__explainer && window.__explainer.timings && window.__explainer.timings.firstChartMs;
        return {
          readyAt: window.__benchReadyAt,
          firstChartMs: typeof fc === 'number' ? fc : NaN,
          dcl: nav ? nav.domContentLoadedEventEnd : NaN,
          load: nav ? nav.loadEventEnd : NaN,
        };
      });
      if (state === 'ready') {
        ready.push(t.readyAt);
        selfReported.push(t.firstChartMs);
      }
      dcl.push(t.dcl);
      load.push(t.load);
      if (i < LOADS - 1) await p.close();
      else last = p;
    }

    console.log(`final data-state per load: ${[...states].map(([s, n]) => `${s} x${n}`).join(', ')}`);
    if (last && last.problems(server.origin).length) {
      console.log(`problems seen on the last load:\n  ${last.problems(server.origin).slice(0, 10).join('\n  ')}`);
    }
    line('DOMContentLoaded (from navigation start)', dcl);
    line('load event (from navigation start)', load);
    line('time to first chart (navigation -> ready)', ready);
    line('page-reported timings.firstChartMs', selfReported);

    if (states.get('ready')) {
      for (const [hook, n, label] of [
        ['benchRedraw', REDRAWS, `redraw latency, benchRedraw(${REDRAWS}), per redraw`],
        ['benchMonteCarlo', MC, `Monte Carlo 10,000 runs, benchMonteCarlo(${MC})`],
      ]) {
        const r = await callHook(last.page, hook, n);
        if (r.missing) console.log(`${label.padEnd(46)} not available`);
        else if (r.error) console.log(`${label.padEnd(46)} error: ${r.error}`);
        else line(label, r.values);
      }
    } else {
      console.log('page never reached data-state="ready": redraw and Monte Carlo figures not available');
    }
  } finally {
    await last?.close().catch(() => {});
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
