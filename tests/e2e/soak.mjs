#!/usr/bin/env node
// Soak run (not a test; prints figures, and fails only if the page breaks). Run by `./dev bench`
// after bench.mjs, or directly: node tests/e2e/soak.mjs
//
// The baked English page (dist/en/) in headless Chromium, 1280×900 at 1×, driven by real
// input (CDP mouse and keyboard): a seeded random sequence of slider moves (arrow, page and
// Home/End keys on a focused slider, or a mouse drag along it), hovers over the charts
// (tooltips), presets, the "figures" switches, <details> (More assumptions, the tables, "why the
// figures differ"), the currency switch and, rarely, the language links. A language link loads
// another page (a fresh heap and core, which warms up again), so switches are kept rare (about
// 1 in 5,000, as a reader would) and the slopes are fitted within each page instance: a reload
// cannot hide a leak.
//
// Every SOAK_SAMPLE_EVERY interactions, after a forced garbage collection: the JS heap in use
// (Runtime.getHeapUsage), the core's wasm linear memory (window.__explainer.wasmMemoryBytes()),
// and DOM nodes, JS event listeners and documents (Memory.getDOMCounters). Prints the samples,
// then the least-squares slope per 1,000 interactions after warm-up (the first 20% of the run's
// length after each page load left out, so the lazily built tables are built), the pace, and
// any console or page errors. Exit code 1 if the page broke (a page error, or data-state not
// "ready" at the end), else 0 whatever the slopes.
//
// env: SOAK_INTERACTIONS (10000), SOAK_SAMPLE_EVERY (250), SOAK_SEED (1)

import path from 'node:path';
import { startServer, launchBrowser, openPage, waitForReady, intEnv, fmt, REPO_ROOT, DESKTOP } from './harness.mjs';

const INTERACTIONS = intEnv('SOAK_INTERACTIONS', 10_000);
const SAMPLE_EVERY = intEnv('SOAK_SAMPLE_EVERY', 250);
const SEED = intEnv('SOAK_SEED', 1);
const WARM_UP = 0.2;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// Runs in the page: the visible element of `selector` at `pick` (0..1), scrolled to the middle
// of the window and focused if asked; its box in the window, or null when none is visible.
function pickVisible({ selector, pick, focus }) {
  const visible = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
  if (!visible.length) return null;
  const el = visible[Math.floor(pick * visible.length)];
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  if (focus) el.focus({ preventScroll: true });
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

const SLIDER_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'];

/**
 * The interactions, [weight, kind, run(page, random)]. Hovers are the commonest and cheapest;
 * a slider step, a preset or a currency switch recomputes everything (every chart, the Monte
 * Carlo run, the tornado: 100–200 ms here), which is what bounds the run's length.
 */
const INTERACTIONS_BY_WEIGHT = [
  [45, 'hover', async (page, random) => {
    const box = await page.evaluate(pickVisible, { selector: 'section canvas', pick: random() });
    await page.mouse.move(box.x + random() * box.width, box.y + random() * box.height);
  }],
  [15, 'slider', async (page, random) => {
    const byKey = random() < 0.5;
    const box = await page.evaluate(pickVisible, { selector: '#calculator input[type="range"]', pick: random(), focus: byKey });
    if (byKey) return page.keyboard.press(SLIDER_KEYS[Math.floor(random() * SLIDER_KEYS.length)]);
    // A drag: the headline chart follows each move, everything else the release.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + random() * box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + random() * box.width, y, { steps: 4 });
    await page.mouse.up();
  }],
  [12, 'figures', (page, random) => click(page, '.figures-switch button', random())],
  [12, 'details', (page, random) => click(page, 'details > summary', random())],
  [5, 'preset', (page, random) => click(page, '#calculator button.preset', random())],
  [3, 'currency', (page, random) => click(page, '#currency-switch button[aria-pressed="false"]', random())],
  [0.02, 'language', async (page, random) => {
    const from = page.url();
    await Promise.all([page.waitForURL((u) => u.href !== from), click(page, '#lang-switch a:not([aria-current="true"])', random())]);
    const state = await waitForReady(page);
    if (state !== 'ready') throw new Error(`the page in another language ended in data-state="${state}"`);
  }],
];
const TOTAL_WEIGHT = INTERACTIONS_BY_WEIGHT.reduce((sum, [w]) => sum + w, 0);

async function click(page, selector, pick) {
  const box = await page.evaluate(pickVisible, { selector, pick });
  if (!box) throw new Error(`nothing visible to click: ${selector}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function pickInteraction(random) {
  let r = random() * TOTAL_WEIGHT;
  for (const entry of INTERACTIONS_BY_WEIGHT) {
    r -= entry[0];
    if (r < 0) return entry;
  }
  return INTERACTIONS_BY_WEIGHT[0];
}

/** One sample after a full garbage collection. */
async function sample(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners, documents } = await cdp.send('Memory.getDOMCounters');
  const wasm = await page.evaluate(() => window.__explainer.wasmMemoryBytes());
  return { heap: usedSize, wasm, nodes, listeners: jsEventListeners, documents };
}

/**
 * Least-squares slope of y over the interaction count, with one intercept per page instance (a
 * fresh page starts from its own level; only growth within an instance counts), and its
 * standard error. NaN without enough points.
 */
function slopeWithinInstances(points, y) {
  const byInstance = new Map();
  for (const p of points) byInstance.set(p.instance, [...(byInstance.get(p.instance) ?? []), p]);
  const centred = [...byInstance.values()].flatMap((group) => {
    const mx = group.reduce((sum, p) => sum + p.at, 0) / group.length;
    const my = group.reduce((sum, p) => sum + y(p), 0) / group.length;
    return group.map((p) => [p.at - mx, y(p) - my]);
  });
  const sxx = centred.reduce((sum, [dx]) => sum + dx * dx, 0);
  const slope = centred.reduce((sum, [dx, dy]) => sum + dx * dy, 0) / sxx;
  const freedom = centred.length - byInstance.size - 1;
  const residuals = centred.reduce((sum, [dx, dy]) => sum + (dy - slope * dx) ** 2, 0);
  return { slope, error: freedom > 0 ? Math.sqrt(residuals / freedom / sxx) : NaN };
}

const MB = 1024 * 1024;

async function main() {
  const server = await startServer({ root: path.join(REPO_ROOT, 'dist') });
  // The back-forward cache would keep the page a language link leaves, in the same heap.
  const browser = await launchBrowser({ args: ['--disable-features=BackForwardCache'] });
  // Desktop size at 1× pixels: the same code paths as at 2×, in two thirds of the time.
  const p = await openPage(browser, `${server.url}en/`, { viewport: DESKTOP.viewport, deviceScaleFactor: 1, locale: 'en-US' });
  const random = prng(SEED);
  const tally = new Map();
  const samples = [];
  let instance = 0;
  let instanceStart = 0;
  let samplingMs = 0;
  let broken = false;
  try {
    const state = await waitForReady(p.page, { timeout: 60_000 });
    if (state !== 'ready') throw new Error(`the page ended in data-state="${state}" before the soak`);
    const cdp = await p.context.newCDPSession(p.page);
    console.log(`soak: Chromium ${browser.version()}; ${INTERACTIONS} interactions on the baked page (dist/en/), seed ${SEED}, a sample every ${SAMPLE_EVERY} after a forced GC`);
    console.log(`${'interaction'.padStart(11)}  ${'page'.padEnd(9)}${'JS heap MB'.padStart(11)}${'wasm MB'.padStart(9)}${'DOM nodes'.padStart(11)}${'listeners'.padStart(11)}${'documents'.padStart(11)}`);
    const takeSample = async (at) => {
      const started = performance.now();
      const s = { at, sinceLoad: at - instanceStart, instance, lang: await p.page.evaluate(() => document.documentElement.lang), ...(await sample(cdp, p.page)) };
      samplingMs += performance.now() - started;
      samples.push(s);
      console.log(`${String(at).padStart(11)}  ${`${s.instance}:${s.lang}`.padEnd(9)}${fmt(s.heap / MB, 2).padStart(11)}${fmt(s.wasm / MB, 2).padStart(9)}${String(s.nodes).padStart(11)}${String(s.listeners).padStart(11)}${String(s.documents).padStart(11)}`);
    };
    const started = performance.now();
    await takeSample(0);
    for (let i = 1; i <= INTERACTIONS; i++) {
      const [, kind, run] = pickInteraction(random);
      await run(p.page, random);
      if (kind === 'language') {
        instance += 1;
        instanceStart = i;
      }
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      // Let the page draw what the interaction asked for before the next one (a mouse move
      // already waits for the frame that handles it).
      if (kind !== 'hover') await p.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
      if (i % SAMPLE_EVERY === 0 || i === INTERACTIONS) await takeSample(i);
    }
    const totalMs = performance.now() - started;

    const fitted = samples.filter((s) => s.sinceLoad >= WARM_UP * INTERACTIONS);
    const perThousand = (y, unit = 1) => {
      const { slope, error } = slopeWithinInstances(fitted, y);
      return `${fmt((slope * 1000) / unit, 1)} ± ${fmt((error * 1000) / unit, 1)}`;
    };
    console.log(`slope per 1,000 interactions (± standard error), after warm-up: ${fitted.length} samples from ${new Set(fitted.map((s) => s.instance)).size} page instances, each from ${WARM_UP * INTERACTIONS} interactions after its load on`);
    console.log(`  JS heap ${perThousand((s) => s.heap, 1024)} KB · wasm ${perThousand((s) => s.wasm, 1024)} KB · DOM nodes ${perThousand((s) => s.nodes)} · listeners ${perThousand((s) => s.listeners)}`);
    console.log(`pace: ${INTERACTIONS} interactions in ${fmt(totalMs / 1000, 1)} s (${fmt((INTERACTIONS * 1000) / (totalMs - samplingMs), 1)} interactions/s; sampling took ${fmt(samplingMs / 1000, 1)} s)`);
    console.log(`interactions: ${[...tally].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(' · ')}`);

    const endState = await p.page.evaluate(() => document.documentElement.dataset.state);
    if (endState !== 'ready') {
      broken = true;
      console.error(`SOAK: THE PAGE ENDED IN data-state="${endState}"`);
    }
  } catch (e) {
    broken = true;
    console.error(`SOAK: THE RUN STOPPED: ${e.stack || e}`);
  } finally {
    console.log(`console errors: ${p.consoleErrors.length}${p.consoleErrors.slice(0, 5).map((e) => `\n  ${e}`).join('')}`);
    if (p.pageErrors.length) {
      broken = true;
      console.error(`SOAK: ${p.pageErrors.length} PAGE ERRORS${p.pageErrors.slice(0, 5).map((e) => `\n  ${e}`).join('')}`);
    }
    await browser.close();
    await server.close();
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`soak: ${e.stack || e}`);
    process.exit(1);
  },
);
