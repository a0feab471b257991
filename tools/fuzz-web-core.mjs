#!/usr/bin/env node
// Fuzzes the wasm core's page API (src/web) where it runs: headless Chromium, the built core
// (www/pkg/) loaded by the page's own js/core/wasm.js, so drawing has a real canvas and a trap
// restarts the core exactly as on the page (js/core/core.js). Each case makes a fresh core (with
// the shipped dataset, or none), calls set_view, draw, hit, marks, svg, set_figures, set_input and
// apply_preset with random and hostile arguments (NaN, infinities, huge and negative sizes,
// zero-size canvases, unknown ids, odd strings), and now and then makes a call trap (the test
// hook of tests/e2e/trap-hook.mjs). Checks: no trap escapes (a forced one is absorbed by one
// restart, and the core answers again), no call traps by itself (the core promises not to panic
// on input), every answer is well-formed, and the core's memory stays bounded. Part of
// `./dev fuzz`.
//
// Usage: node tools/fuzz-web-core.mjs [--seconds S (60)] [--cases N] [--seed S] [--replay CASE]
// A watchdog stops a case that runs past 5 s (a hang) and names it, as it does a case that
// breaks a check. Exit 0 when all pass, 1 on a failure, 2 on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { launchChromium } from './chromium.mjs';
import { trapHook } from '../tests/e2e/trap-hook.mjs';
import { random } from './fuzz-random.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASE_LIMIT_MS = 5000;
/** The core's linear memory may grow to this: it needs a few MB (each core lost to a trap and kept would add 0.4 MB). */
const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;

async function main(args) {
  const options = { seconds: 60, cases: Number.MAX_SAFE_INTEGER, seed: 0x5eed, replay: null };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    const value = Number(args[i + 1]);
    if (!(name in options) || !Number.isSafeInteger(value) || value < 0) {
      console.error(`fuzz-web-core: ${args[i]} ${args[i + 1] ?? ''}: expected --seconds S, --cases N, --seed S or --replay CASE (whole numbers)`);
      return 2;
    }
    options[name] = value;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'www', 'pkg', 'ai_capex_explainer_bg.wasm'))) {
    console.error('fuzz-web-core: www/pkg/ is missing: run ./dev build first');
    return 2;
  }
  const server = await startServer({ root: path.join(REPO_ROOT, 'www'), port: 0 });
  const browser = await launchChromium();
  const replayHint = (index) => `replay: node tools/fuzz-web-core.mjs --replay ${index} --seed ${options.seed}`;
  let index = options.replay ?? 0;
  let calls = null;
  try {
    const page = await browser.newPage();
    await page.addInitScript(trapHook);
    const blank = new URL('__fuzz-web-core.html', server.url).href;
    await page.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fuzz</title>' }));
    await page.goto(blank);
    const world = await page.evaluate(setUp);
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const last = options.replay ?? options.cases - 1;
    let cases = 0;
    let restarts = 0;
    let peak = 0;
    for (; index <= last && (options.replay !== null || performance.now() < deadline); index++) {
      calls = makeCase(random(options.seed, index), world);
      let timer;
      const hang = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`ran past its ${CASE_LIMIT_MS / 1000} s limit (a hang)`)), CASE_LIMIT_MS);
      });
      const outcome = await Promise.race([page.evaluate(runCase, calls), hang]).finally(() => clearTimeout(timer));
      check(calls, outcome);
      restarts += outcome.restarts;
      peak = Math.max(peak, outcome.memory);
      cases++;
    }
    const secs = (performance.now() - started) / 1000;
    console.log(
      `  web-core ${String(cases).padStart(9)} cases in ${secs.toFixed(1).padStart(5)} s  ${String(Math.round(cases / secs)).padStart(7)} cases/s  ${String(restarts).padStart(9)} restarts  ${(peak / 1e6).toFixed(0).padStart(4)} MB peak   no failures`,
    );
    return 0;
  } catch (e) {
    const made = calls ? `\nthe case: ${JSON.stringify(calls).slice(0, 2000)}` : '';
    console.error(`\nFAILED: web-core case ${index} (seed ${options.seed}): ${e && e.message ? e.message : e}${made}\n${replayHint(index)}`);
    return 1;
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

// ---- in the page -----------------------------------------------------------------------------

/** Load the core as the page does; keep what the cases need on window.__fuzz. */
async function setUp() {
  const { loadWasm, createExplainer } = await import('/js/core/wasm.js');
  const wasm = await loadWasm();
  if (!wasm.ok) throw new Error(`the core did not load: ${wasm.detail}`);
  const dataset = await (await fetch('/data/capex-dataset.json')).text();
  const probe = createExplainer(wasm, dataset);
  if (!probe.ok) throw new Error(probe.detail);
  const world = {
    chartIds: probe.ex.chart_ids(),
    fields: probe.ex.input_specs().map((s) => s.field ?? s.id),
    presets: probe.ex.presets().map((p) => (typeof p === 'string' ? p : p.id)),
    exports: [
      ...Object.getOwnPropertyNames(wasm.Explainer.prototype).filter((name) => !/^(constructor|free|__)/.test(name)).map((name) => `explainer_${name}`),
      '__wbindgen_malloc',
    ],
  };
  probe.ex.free();
  window.__fuzz = { wasm, dataset, createExplainer };
  return world;
}

/**
 * Run one case's calls on a fresh core. Returns { results, restarts, memory, after }: each
 * call's answer as plain data, the restarts it took, the core's memory, and whether the core
 * answered a plain call at the end.
 */
function runCase({ withDataset, calls }) {
  const { wasm, dataset, createExplainer } = window.__fuzz;
  let restarts = 0;
  const created = createExplainer(wasm, withDataset ? dataset : undefined, () => restarts++);
  if (!created.ok) return { setUpError: created.detail };
  const ex = created.ex;
  const canvas = document.createElement('canvas');
  const NUMBERS = { NaN, Infinity: Infinity, '-Infinity': -Infinity };
  const revive = (x) => (typeof x === 'string' && x in NUMBERS ? NUMBERS[x] : Array.isArray(x) ? x.map(revive) : x);
  const plain = (value) => {
    if (value === undefined) return { type: 'undefined' };
    try {
      return { type: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value, value: JSON.parse(JSON.stringify(value) ?? 'null') };
    } catch {
      return { type: 'unserialisable' };
    }
  };
  const results = [];
  for (const call of calls) {
    if (call.trap) window.__trapNext = call.trap;
    const before = restarts;
    let args = revive(call.args);
    if (call.method === 'draw') {
      // A canvas holds at most what a browser allocates quickly; beyond that the sizes are the svg's.
      canvas.width = Math.max(0, Math.min(args[1], 3000)) || 0;
      canvas.height = Math.max(0, Math.min(args[2], 3000)) || 0;
      args = [args[0], canvas];
    }
    try {
      results.push({ ok: plain(ex[call.method](...args)), restarts: restarts - before, trapPending: window.__trapNext !== null && window.__trapNext !== undefined });
    } catch (e) {
      results.push({
        error: { isError: e instanceof Error, name: e && e.name, message: String(e && e.message), trap: e instanceof WebAssembly.RuntimeError },
        restarts: restarts - before,
        trapPending: window.__trapNext !== null && window.__trapNext !== undefined,
      });
    }
    window.__trapNext = null;
  }
  let after;
  try {
    after = plain(ex.projection());
  } catch (e) {
    after = { error: String(e && e.message) };
  }
  const memory = wasm.memory.buffer.byteLength;
  try {
    ex.free();
  } catch {
    /* a trapped core's object cannot be freed; its instance is gone already */
  }
  return { results, restarts, memory, after };
}

// ---- the cases -------------------------------------------------------------------------------

// Non-finite numbers travel to the page as these names (page.evaluate passes JSON-like data).
const ODD_NUMBERS = ['NaN', 'Infinity', '-Infinity', -1, -0.5, 0, 0.5, 1, 1e-300, 1e308, -1e308, 2 ** 31, 2 ** 32, 2 ** 32 + 7, 2 ** 53, -(2 ** 31)];
const ODD_TEXT = ['', ' ', '__proto__', 'constructor', 'model-', 'model-position ', 'MODEL-POSITION', 'us-capex\u0000', '资本开支', '\u202e', '👩‍💻', 'x'.repeat(5000), '{}', 'null', 'articles ', 'Reported'];

function number(rng, { low = 0, high = 2000 } = {}) {
  return rng.chance(0.3) ? rng.pick(ODD_NUMBERS) : low + rng.unit() * (high - low);
}

function size(rng) {
  return rng.chance(0.2) ? rng.pick([0, 1, 2, -5, 3000, 65535, 2 ** 31, 2 ** 32 - 1, 'NaN', 'Infinity']) : 1 + rng.below(900);
}

function chartId(rng, { chartIds }) {
  const model = ['model-position', 'model-breakeven', 'model-sensitivity', 'model-capacity', 'model-prices', 'model-business', 'model-uncertainty', 'model-risk', 'model-map', 'model-table'];
  switch (rng.below(6)) {
    case 0:
      return rng.pick(ODD_TEXT);
    case 1:
      return rng.pick(model);
    case 2:
      return rng.pick(chartIds) + rng.pick(['', ' ', '-', 'x']);
    default:
      return rng.pick(chartIds);
  }
}

function words(rng) {
  const text = {};
  for (let i = rng.below(6); i > 0; i--) text[rng.pick(['axis.year', 'credit.dataset', 'credit.model', 'unit.usd_bn', rng.pick(ODD_TEXT)])] = rng.chance(0.9) ? rng.pick(ODD_TEXT) : rng.pick([null, 3, [], {}]);
  return text;
}

function viewOptions(rng) {
  if (rng.chance(0.1)) return rng.pick([null, 42, 'en', [], true]);
  const options = {};
  if (rng.chance(0.95)) options.lang = rng.chance(0.7) ? rng.pick(['en', 'zh-Hans', 'zh-Hant']) : rng.pick(['fr', '', 'EN', 'zh', null, 7]);
  if (rng.chance(0.95)) options.currency = rng.chance(0.7) ? rng.pick(['USD', 'CNY']) : rng.pick(['usd', 'EUR', '', null]);
  if (rng.chance(0.8)) options.dpr = rng.chance(0.6) ? rng.pick([1, 1.5, 2, 3]) : number(rng, { low: -4, high: 8 });
  if (rng.chance(0.7)) options.dark = rng.chance(0.8) ? rng.chance(0.5) : rng.pick(['yes', 1, null]);
  if (rng.chance(0.7)) options.backdrop = rng.chance(0.8) ? rng.chance(0.5) : rng.pick(['yes', 1, null]);
  if (rng.chance(0.7)) options.text = rng.chance(0.9) ? words(rng) : rng.pick(['text', 3, null]);
  return options;
}

function makeCase(rng, world) {
  const calls = [];
  for (let n = 1 + rng.below(12); n > 0; n--) {
    const call = (() => {
      switch (rng.below(10)) {
        case 0:
        case 1:
          return { method: 'set_view', args: [rng.chance(0.05) ? rng.pick(['', '{', '{"lang":', '[1,]', 'nul']) : JSON.stringify(viewOptions(rng))] };
        case 2:
        case 3:
          return { method: 'draw', args: [chartId(rng, world), size(rng), size(rng)] };
        case 4:
          return { method: 'hit', args: [chartId(rng, world), number(rng), number(rng)] };
        case 5:
          return { method: 'marks', args: [chartId(rng, world)] };
        case 6:
          return { method: 'svg', args: [chartId(rng, world), rng.chance(0.9) ? 1 + rng.below(1400) : size(rng), rng.chance(0.9) ? 1 + rng.below(1000) : size(rng)] };
        case 7:
          return { method: 'set_figures', args: [chartId(rng, world), rng.chance(0.7) ? rng.pick(['reported', 'articles']) : rng.pick(ODD_TEXT)] };
        case 8:
          return { method: 'set_input', args: [rng.chance(0.8) ? rng.pick(world.fields) : rng.pick(ODD_TEXT), rng.chance(0.5) ? String(number(rng, { low: -100, high: 3000 })) : rng.pick(ODD_TEXT)] };
        default:
          return { method: 'apply_preset', args: [rng.chance(0.8) ? rng.pick(world.presets) : rng.pick(ODD_TEXT)] };
      }
    })();
    // A forced trap in this call, or in one it makes (any export of the core).
    if (rng.chance(0.08)) call.trap = rng.chance(0.7) ? `explainer_${call.method}` : rng.pick(world.exports);
    calls.push(call);
  }
  return { withDataset: rng.chance(0.85), calls };
}

// ---- the checks ------------------------------------------------------------------------------

const isBox = (x) => x && typeof x === 'object' && typeof x.mark === 'string' && ['left', 'top', 'right', 'bottom'].every((k) => Number.isFinite(x[k]));

/** What each method may answer when it does not throw a plain Error. */
const WELL_FORMED = {
  set_view: (r) => r.type === 'undefined',
  draw: (r) => r.type === 'undefined',
  set_figures: (r) => r.type === 'undefined',
  hit: (r) => r.type === 'null' || (r.type === 'object' && isBox(r.value)),
  marks: (r) => r.type === 'array' && r.value.every(isBox),
  svg: (r) => r.type === 'string' && /^<svg[\s>]/.test(r.value) && /<\/svg>\s*$/.test(r.value),
  set_input: (r) => r.type === 'object' && r.value !== null,
  apply_preset: (r) => r.type === 'object' && r.value !== null,
};

function check({ calls }, outcome) {
  if (outcome.setUpError) throw new Error(`a fresh core could not be made: ${outcome.setUpError}`);
  outcome.results.forEach((result, i) => {
    const call = calls[i];
    const what = `call ${i}, ${call.method}(${JSON.stringify(call.args).slice(0, 200)})${call.trap ? ` with a trap in ${call.trap}` : ''}`;
    if (result.error) {
      if (result.error.trap) throw new Error(`${what}: a trap reached the page (${result.error.message}): the core panics on this input, or its restart failed`);
      if (!result.error.isError || !result.error.message) throw new Error(`${what}: threw something that is not an Error with a message: ${JSON.stringify(result.error)}`);
      if (/recursive use|take ownership|null pointer/i.test(result.error.message)) throw new Error(`${what}: the core was left unusable: ${result.error.message}`);
    } else if (!WELL_FORMED[call.method](result.ok)) {
      throw new Error(`${what}: answered ${JSON.stringify(result.ok).slice(0, 300)}`);
    }
    // A trap that was sprung is absorbed by exactly one restart; none happens otherwise.
    const sprung = call.trap && !result.trapPending;
    if (result.restarts !== (sprung ? 1 : 0)) throw new Error(`${what}: ${result.restarts} restarts (expected ${sprung ? 1 : 0})`);
  });
  if (outcome.after.error || outcome.after.type !== 'object') throw new Error(`the core no longer answers after the case: ${JSON.stringify(outcome.after).slice(0, 300)}`);
  if (outcome.memory > MEMORY_LIMIT_BYTES) throw new Error(`the core's memory grew to ${(outcome.memory / 1e6).toFixed(0)} MB`);
}

process.exitCode = await main(process.argv.slice(2));
