// Lighthouse for the page bench (tests/e2e/bench.mjs): Lighthouse 12 with its mobile defaults
// (a phone screen; simulated throttling: 150 ms round trips, 1.6 Mbit/s, CPU ×4, so its FCP, LCP,
// TBT and task lengths are Lighthouse's estimates, not timings of this machine) on each language
// page of the baked site, served gzip by tools/serve.mjs.
//
// Its SEO audits want absolute language alternates, which the bake writes only for a BASE_URL:
// so the site is baked anew into a temporary folder for the address it is served from. Lighthouse
// is not a dependency of the project (./dev test never needs it): it is installed here on first
// use, into .cache/ (ignored by git), and runs as its command line in a child process against
// Debian's Chromium, so that a crash or a hang (a timeout) costs a note, not the bench.
// BENCH_LIGHTHOUSE=0 skips it.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from '../../../tools/chromium.mjs';
import { startServer, fmt, BAKED_PAGES, REPO_ROOT } from '../harness.mjs';

const VERSION = '12.2.3';
const HOME = path.join(REPO_ROOT, '.cache', `lighthouse@${VERSION}`);
const CLI = path.join(HOME, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CATEGORIES = { performance: 'Perf', seo: 'SEO', accessibility: 'A11y', 'best-practices': 'BP' };
const run = promisify(execFile);

/** Install Lighthouse into .cache/ unless that version is there already. */
async function ensureLighthouse() {
  try {
    if (JSON.parse(fs.readFileSync(path.join(HOME, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version === VERSION) return;
  } catch {
    /* not installed yet */
  }
  console.log(`installing lighthouse@${VERSION} into ${path.relative(REPO_ROOT, HOME)}/ (once)`);
  fs.mkdirSync(HOME, { recursive: true });
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', HOME, `lighthouse@${VERSION}`], { timeout: 300_000 });
}

/** Bake the site into `out` for the address `baseUrl` (tools/bake.mjs reads BASE_URL at start). */
async function bakeFor(baseUrl, out) {
  await run(process.execPath, [path.join(REPO_ROOT, 'tools', 'bake.mjs'), '--out', out], {
    env: { ...process.env, BASE_URL: baseUrl },
    timeout: 600_000,
    maxBuffer: 16 << 20,
  });
}

/** One Lighthouse run of `url`; resolves to its JSON report. */
async function audit(url, reportFile) {
  const args = [CLI, url, '--output=json', `--output-path=${reportFile}`, '--quiet', '--chrome-flags=--headless=new --no-sandbox', `--only-categories=${Object.keys(CATEGORIES).join(',')}`];
  await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 240_000 });
  return JSON.parse(fs.readFileSync(reportFile, 'utf8'));
}

const HEADER = `  ${'page'.padEnd(10)}${'Perf'.padStart(6)}${'TBT ms'.padStart(8)}${'longest task'.padStart(14)}${'FCP'.padStart(7)}${'LCP'.padStart(7)}${'SEO'.padStart(6)}${'A11y'.padStart(6)}${'BP'.padStart(6)}`;

/** The table row of one report. */
function row(lang, report) {
  const score = (id) => fmt(report.categories[id]?.score * 100).padStart(6);
  const ms = (id) => report.audits[id]?.numericValue;
  const tasks = report.audits['long-tasks']?.details?.items ?? [];
  const longest = tasks.length ? fmt(Math.max(...tasks.map((t) => t.duration))) : 'none';
  return `  ${lang.padEnd(10)}${score('performance')}${fmt(ms('total-blocking-time')).padStart(8)}${longest.padStart(14)}${fmt(ms('first-contentful-paint')).padStart(7)}${fmt(ms('largest-contentful-paint')).padStart(7)}${score('seo')}${score('accessibility')}${score('best-practices')}`;
}

/** What a report says went wrong or cost points, as sentences (none when all is well). */
function notes(report) {
  const out = [];
  if (report.runtimeError) out.push(`runtime error ${report.runtimeError.code}: ${report.runtimeError.message}`);
  for (const warning of report.runWarnings ?? []) out.push(`warning: ${warning}`);
  const errored = Object.values(report.audits).filter((a) => a.scoreDisplayMode === 'error');
  if (errored.length) out.push(`${errored.length} audits could not run here (${errored.map((a) => a.id).join(', ')}): ${errored[0].errorMessage}`);
  const failed = Object.entries(CATEGORIES)
    .filter(([id]) => id !== 'performance')
    .flatMap(([id, label]) =>
      (report.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && report.audits[ref.id]?.score < 1)
        .map((ref) => `${label} ${ref.id}`),
    );
  if (failed.length) out.push(`not passed: ${failed.join(', ')}`);
  return out;
}

/** Each note once, after the pages it applies to. */
function noteLines(notesByLang) {
  const pages = new Map();
  for (const [lang, texts] of notesByLang) for (const text of texts) pages.set(text, [...(pages.get(text) ?? []), lang]);
  return [...pages].map(([text, langs]) => `  ${langs.join(', ')}: ${text}`);
}

const firstLine = (e) => String(e.stderr || e.message || e).trim().split('\n').at(-1);

/** Run Lighthouse on each language page; resolves to the lines to print (never throws). */
export async function lighthouseLines() {
  if (process.env.BENCH_LIGHTHOUSE === '0') return ['Lighthouse: skipped (BENCH_LIGHTHOUSE=0)'];
  try {
    await ensureLighthouse();
  } catch (e) {
    return [`Lighthouse: not run: installing lighthouse@${VERSION} failed: ${firstLine(e)}`];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
  const server = await startServer({ root: dir });
  try {
    try {
      await bakeFor(server.url, dir);
    } catch (e) {
      return [`Lighthouse: not run: the bake for ${server.url} failed: ${firstLine(e)}`];
    }
    const lines = [`Lighthouse ${VERSION}, mobile defaults (simulated throttling; ms are its estimates), the baked pages at ${server.url}`, HEADER];
    const remarks = [];
    for (const [lang, sub] of Object.entries(BAKED_PAGES)) {
      try {
        const report = await audit(`${server.url}${sub}`, path.join(dir, `lighthouse-${lang}.json`));
        lines.push(row(lang, report));
        remarks.push([lang, notes(report)]);
      } catch (e) {
        lines.push(`  ${lang.padEnd(10)}Lighthouse failed: ${firstLine(e)}`);
      }
    }
    return [...lines, ...noteLines(remarks)];
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
