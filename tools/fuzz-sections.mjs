#!/usr/bin/env node
// Fuzzes ?section= where issue 17's finding 1 lived: js/head.js (as written and as the bake
// minifies it, run on a stub page) and the page's own check of the address (readPageParams,
// validateSections from js/page/url-state.js) read random and hostile section strings against the
// one list of section ids the bake writes (the dataset's chart ids and the core's
// page_sections, sometimes with charts an editor added). On every input they must agree: the
// same data-sections attribute, so the same sections shown, never none; only known ids shown,
// every known id asked for shown, every other id reported. Part of `./dev fuzz`.
//
// Usage: node tools/fuzz-sections.mjs [--cases N (1000000)] [--seconds S (stop sooner)] [--seed S] [--replay CASE]
// The cases run in a worker thread; a watchdog here stops a case that runs past 5 s (a hang)
// and names it, as it does a case that throws or breaks a check. Exit 0 when all pass, 1 on a
// failure, 2 on a usage error.

import { isMainThread, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCore } from './core.mjs';
import { minifyScript } from './bundle.mjs';
import { readFuzzOptions, runFuzzWorker, fuzzCases } from './fuzz-runner.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A case takes about a millisecond (some 800 a second in CI). `./dev test` runs six fuzzers side by
// side, two of them with Chromium, on what may be two cores: there a ?section= case once went 2 s
// without a beat with nothing wrong (its replay took 0.1 s), so a hang is what outlasts 5 s.
const CASE_LIMIT_MS = 5000;

async function main(args) {
  const options = readFuzzOptions('sections', args, { cases: 1_000_000, seconds: Infinity });
  if (!options) return 2;
  return runFuzzWorker({ name: 'sections', moduleUrl: import.meta.url, options, caseLimitMs: CASE_LIMIT_MS, countLabel: 'narrowed' });
}

/** The worker: loads head.js (twice), the page's checks and the one list, then runs the cases. */
async function fuzz(options) {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'www', 'js', 'head.js'), 'utf8');
  const heads = [createHead(source), createHead(await minifyScript(source))];
  const { readPageParams, validateSections } = await import(pathToFileURL(path.join(REPO_ROOT, 'www', 'js', 'page', 'url-state.js')).href);
  const dataset = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8'));
  const baked = [...dataset.charts.map((c) => c.id), ...(await loadCore()).page_sections()];
  const world = { heads, readPageParams, validateSections, baked };

  fuzzCases(options, (rng) => runCase(world, rng));
}

/**
 * head.js on a stub page: run(search, sectionIds) returns the data-sections attribute it sets
 * (null when none), given the address's query and the ids the bake wrote on its script tag.
 */
function createHead(code) {
  const script = new vm.Script(code, { filename: 'head.js' });
  const page = { search: '', sectionIds: '', attributes: new Map() };
  const context = vm.createContext({
    URLSearchParams,
    location: {
      get search() {
        return page.search;
      },
    },
    document: {
      readyState: 'complete',
      documentElement: { lang: 'zh-Hans', setAttribute: (name, value) => page.attributes.set(name, String(value)) }, // as a baked page's <html>
      currentScript: { getAttribute: (name) => (name === 'data-section-ids' ? page.sectionIds : null) },
      querySelector: () => null,
      querySelectorAll: () => [],
      addEventListener() {},
    },
    performance: { mark() {} },
    requestAnimationFrame() {},
    window: {},
  });
  return (search, sectionIds) => {
    Object.assign(page, { search, sectionIds, attributes: new Map() });
    script.runInContext(context);
    return page.attributes.get('data-sections') ?? null;
  };
}

// Between ids: what splits them, what a reader or a CMS might put there, and what must not split.
const SEPARATORS = [',', ' ', ', ', ',,', '\t', '\n', '\r\n', '+', '%20', '%2C', '%2c', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u200b', '，', ';', '|', '/', ''];
const ODD_IDS = [
  '', 'bogus', 'capex-split', 'model-position', 'chart-us-capex', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  '\u212aey', 'İ', 'ı', 'ß', 'ﬀ', 'us-capex\u0000', 'us‐capex', 'us–capex', 'ｕｓ-ｃａｐｅｘ', '资本开支', '👩‍💻', '\u202eevil',
  '%', '%zz', '%ED%A0%80', '#x', '?', '&', '=', '"', "'", '<img>', '~=', '*', '.', '[data-sections]',
];

/** A known id as a link might spell it: as is, shouted, mixed case, padded, or just off. */
function spelled(rng, id) {
  switch (rng.below(6)) {
    case 0:
      return id.toUpperCase();
    case 1:
      return [...id].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c)).join('');
    case 2:
      return rng.pick([`${id}-`, `-${id}`, `${id}s`, id.slice(1), id.replace('-', '_'), id.replace('-', '')]);
    default:
      return id;
  }
}

/** A chart id an editor might add: lowercase letters and digits in hyphen-joined parts. */
function addedChartId(rng) {
  const part = () => Array.from({ length: 1 + rng.below(6) }, () => rng.pick('abcdefghijklmnopqrstuvwxyz0123456789')).join('');
  return rng.pick('abcdefghijklmnopqrstuvwxyz') + Array.from({ length: rng.below(3) }, part).join('-');
}

function sectionText(rng, known) {
  if (rng.chance(0.02)) return rng.pick(known).repeat(1 + rng.below(5000)); // one huge id
  const ids = Array.from({ length: rng.below(rng.chance(0.03) ? 3000 : 8) }, () => (rng.chance(0.6) ? spelled(rng, rng.pick(known)) : rng.pick(ODD_IDS)));
  let text = ids.map((id, i) => (i ? rng.pick(SEPARATORS) : '') + id).join('');
  if (rng.chance(0.2)) text = rng.pick(SEPARATORS) + text + rng.pick(SEPARATORS);
  return rng.chance(0.5) ? encodeURIComponent(text) : text;
}

/** One address through head.js and the page; 1 when it showed fewer than every section. */
function runCase(world, rng) {
  const { heads, readPageParams, validateSections, baked } = world;
  const known = rng.chance(0.7) ? baked : [...baked, ...Array.from({ length: 1 + rng.below(4) }, () => addedChartId(rng))];
  const parts = [];
  if (rng.chance(0.3)) parts.push(rng.pick(['chrome=none', 'theme=dark', 'lang=en', 'x=1']));
  const sections = 1 + (rng.chance(0.1) ? rng.below(3) : 0);
  for (let i = 0; i < sections; i++) parts.push(rng.chance(0.05) ? 'section' : `${rng.pick(['section', 'Section', 'section'])}=${sectionText(rng, known)}`);
  const search = rng.chance(0.05) ? '' : `?${parts.join('&')}`;
  const params = new URLSearchParams(search);

  // The page: its own check of the address, against the list as page.js reads it.
  const written = known.join(' ');
  const page = readPageParams(params);
  const { sections: shown, problem } = validateSections(page.sections, written.split(' '));
  const pageAttribute = shown ? [...shown].join(' ') : null;

  for (const head of heads) {
    const headAttribute = head(search, written);
    check(headAttribute === pageAttribute, 'head.js and the page to set the same data-sections', { search, headAttribute, pageAttribute });
  }
  if (pageAttribute === null) {
    check(!problem || problem.value.split(',').every((id) => !known.includes(id.toLowerCase())), 'only unknown ids reported when showing all', { search, problem });
    return 0;
  }
  // What the stylesheet shows ([data-sections~="id"]): only known ids, each once, never none.
  const words = pageAttribute.split(' ');
  check(words.length > 0 && words.every((id) => known.includes(id)), 'only known ids in data-sections', { search, pageAttribute });
  check(new Set(words).size === words.length, 'each id once in data-sections', { search, pageAttribute });
  const asked = (params.get('section') || '').split(/[\s,]+/).filter(Boolean);
  for (const id of asked) {
    const lower = id.toLowerCase();
    if (known.includes(lower)) check(words.includes(lower), 'every known id asked for shown', { search, id, pageAttribute });
    else check(problem && problem.value.split(',').includes(id), 'every unknown id reported', { search, id, problem });
  }
  return 1;
}

function check(ok, what, found) {
  if (!ok) throw new Error(`expected ${what}; found ${JSON.stringify(found)?.slice(0, 300)}`);
}

// Last, after every constant above is initialised.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));
else await fuzz(workerData);
