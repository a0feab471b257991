#!/usr/bin/env node
// Fuzzes the URL-state parser: random and hostile query strings through what the page does
// with its address — readPageParams (language, currency, theme, chrome, dw-id, sections),
// validateSections, hrefWith (the links that carry the state) and applyUrlScenario (preset and
// calculator inputs, into the real core from www/pkg/). Part of `./dev fuzz`; the Rust side is
// examples/fuzz.
//
// Usage: node tools/fuzz-url-state.mjs [--cases N (1000000)] [--seed S] [--replay CASE]
// The cases run in a worker thread; a watchdog here stops a case that runs past 5 s (a hang)
// and names it, as it does a case that throws or breaks a check. Exit 0 when all pass, 1 on a
// failure, 2 on a usage error.

import { isMainThread, workerData } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCore } from './core.mjs';
import { readFuzzOptions, runFuzzWorker, fuzzCases } from './fuzz-runner.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A case takes about 40 µs (25,000 a second in CI). `./dev test` runs six fuzzers side by side, two
// of them with Chromium, on what may be two cores: there a ?section= case once went 2 s without a
// beat with nothing wrong (its replay took 0.1 s), so a hang is what outlasts 5 s.
const CASE_LIMIT_MS = 5000;

async function main(args) {
  const options = readFuzzOptions('url-state', args, { cases: 1_000_000 });
  if (!options) return 2;
  return runFuzzWorker({ name: 'url-state', moduleUrl: import.meta.url, options, caseLimitMs: CASE_LIMIT_MS, countLabel: 'applied' });
}

/** The worker: loads the core and the page's modules, then runs the cases. */
async function fuzz(options) {
  const core = await loadCore();
  const urlState = await import(pathToFileURL(path.join(REPO_ROOT, 'www', 'js', 'page', 'url-state.js')).href);
  const { applyUrlScenario } = await import(pathToFileURL(path.join(REPO_ROOT, 'www', 'js', 'page', 'url-scenario.js')).href);
  const { LANGS } = await import(pathToFileURL(path.join(REPO_ROOT, 'www', 'js', 'lib', 'i18n.js')).href);

  const ex = new core.Explainer();
  const specs = ex.input_specs();
  const names = ex.parameter_names();
  const presets = ex.presets();
  const world = { ex, specs, names, presets, LANGS, ...urlState, applyUrlScenario };

  fuzzCases(options, (rng) => runCase(world, rng));
}

const ODD_TEXT = [
  '', ' ', '%', '%00', '%zz', '+', '&', '=', '#x', '?', ',', ',,', '__proto__', 'constructor', 'toString',
  'NaN', 'Infinity', '1e309', '-0', '0x10', '１２', '2028\u0000', 'javascript:alert(1)', 'https:evil.example',
  '%2F%2Fevil.example', '\u202eevil', '👩‍💻', '%ED%A0%80', '资本开支', 'zh', 'ZH-tw', 'en-GB', 'usd', ' CNY ', 'DARK', 'auto',
];

function text(rng, { specs, presets }) {
  const spec = rng.pick(specs);
  switch (rng.below(9)) {
    case 0:
      return rng.pick(ODD_TEXT);
    case 1:
      return rng.pick(presets) + rng.pick(['', ' ', 'x']);
    case 2:
      return String(spec.min + spec.step * (rng.below(Math.round((spec.max - spec.min) / spec.step) + 3) - 1));
    case 3:
      return String(rng.unit() * 10 ** (rng.below(40) - 20));
    case 4: // long values now and then (each costs the parser its length)
      return 'x'.repeat(rng.chance(0.02) ? rng.below(20000) : rng.below(50));
    case 5:
      return Array.from({ length: rng.below(6) }, () => rng.pick(ODD_TEXT)).join(rng.pick([',', '', ' ']));
    default:
      return encodeURIComponent(String(spec.min + spec.step * rng.below(20)));
  }
}

function paramName(rng, { specs, names }) {
  switch (rng.below(8)) {
    case 0:
      return rng.pick(['lang', 'cur', 'theme', 'chrome', 'dw-id', 'section', 'preset']);
    case 1:
      return rng.pick(names.aliases)[0];
    case 2:
      return rng.pick(names.retired);
    case 3:
      return rng.pick(ODD_TEXT);
    default:
      return rng.pick(specs).field;
  }
}

/** One query string through everything the page does with it; true when it reached the core. */
function runCase(world, rng) {
  const { ex, specs, names, presets, LANGS, CURRENCIES, THEMES, CHROMES } = world;
  const parts = Array.from({ length: rng.below(12) }, () => {
    const pair = `${encodeMaybe(rng, paramName(rng, world))}=${encodeMaybe(rng, text(rng, world))}`;
    return rng.chance(0.05) ? pair.replace('=', '') : pair;
  });
  const query = (rng.chance(0.5) ? '?' : '') + parts.join(rng.chance(0.9) ? '&' : '&&');
  const params = new URLSearchParams(query);
  const navigatorLanguages = rng.chance(0.5) ? [rng.pick(ODD_TEXT), rng.pick(['en-US', 'zh-CN', 'zh-TW'])] : [];

  const page = world.readPageParams(params, { navigatorLanguages });
  check(LANGS.includes(page.lang), 'a language the page has', page.lang);
  check(CURRENCIES.includes(page.currency), 'a currency the page has', page.currency);
  check(page.theme === null || THEMES.includes(page.theme), 'a theme the page has', page.theme);
  check(CHROMES.includes(page.chrome), 'a chrome the page has', page.chrome);
  check(page.embedId === null || /^[A-Za-z0-9_-]{1,64}$/.test(page.embedId), 'an embed id safe in a message key', page.embedId);
  check(!page.langFromUrl || params.get('lang') !== null, 'a language from the URL only when it has one', query);
  for (const problem of page.problems) {
    check(['lang', 'cur', 'theme', 'chrome', 'dw-id'].includes(problem.param), 'a problem about a page parameter', problem.param);
    check(typeof problem.value === 'string' && problem.value === params.get(problem.param), 'the value as written', problem);
  }
  if (page.sections !== null) {
    check(page.sections.every((id) => id && id === id.trim() && !id.includes(',')), 'clean section ids', page.sections);
    const known = ['us-capex', 'cn-capex', 'calculator'];
    const { sections, problem } = world.validateSections(page.sections, known);
    check(sections === null || [...sections].every((id) => known.includes(id)), 'only known sections', sections);
    check(!problem || problem.value.split(',').every((id) => !known.includes(id)), 'only unknown ids refused', problem);
  }

  const href = world.hrefWith({ lang: rng.pick(LANGS), section: rng.chance(0.3) ? null : 'calculator' }, params);
  check(href === './' || href.startsWith('?'), 'a link that keeps to this page', href);
  const linked = new URLSearchParams(href.slice(1));
  for (const [name, value] of params) {
    if (name !== 'lang' && name !== 'section') check(linked.getAll(name).includes(value), 'the other parameters kept', { name, value, href });
  }

  if (rng.chance(0.5)) return 0;
  ex.reset();
  const { preset, refused } = world.applyUrlScenario(ex, params, { specs, aliases: names.aliases, presets });
  check(preset === null || presets.includes(preset), 'a preset the core has', preset);
  for (const r of refused) check(params.get(r.param) === r.value, 'a refusal names the value as written', r);
  const scenario = ex.scenario();
  for (const spec of specs) {
    const value = scenario[spec.field];
    const steps = (value - spec.min) / spec.step;
    check(value >= spec.min && value <= spec.max && Math.abs(steps - Math.round(steps)) <= 1e-6, 'every input in range and on its steps', { field: spec.field, value, query });
  }
  return 1;
}

/** Percent-encode some of the time, as links in the wild are. */
function encodeMaybe(rng, s) {
  return rng.chance(0.5) ? encodeURIComponent(s) : s;
}

function check(ok, what, found) {
  if (!ok) throw new Error(`expected ${what}; found ${JSON.stringify(found)?.slice(0, 300)}`);
}

// Last, after every constant above is initialised.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));
else await fuzz(workerData);
