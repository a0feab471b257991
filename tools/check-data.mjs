#!/usr/bin/env node
// Checks a dataset file with the shipped core, for editors without a Rust toolchain: the same
// validation the page runs when it loads the file (www/pkg/, built by ./dev build).
//
// Usage: node tools/check-data.mjs [FILE]     (default: www/data/capex-dataset.json)
// Prints "ok" and the counts, or every problem with its location; exits 1 on problems.
// After a clean check, `node tools/bake.mjs` re-bakes the pages with the new figures.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(REPO_ROOT, 'www', 'pkg');

async function main() {
  const file = path.resolve(process.argv[2] || path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'));
  const glue = path.join(PKG, 'ai_capex_explainer.js');
  if (!fs.existsSync(glue)) throw new Error('www/pkg/ is missing: run ./dev build once (or copy pkg/ from a built site)');
  const { initSync, Explainer } = await import(pathToFileURL(glue).href);
  initSync({ module: fs.readFileSync(path.join(PKG, 'ai_capex_explainer_bg.wasm')) });
  const text = fs.readFileSync(file, 'utf8');
  const errors = new Explainer().set_dataset(text);
  if (errors.length) {
    console.error(`${path.relative(process.cwd(), file)}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
    for (const e of errors) console.error(`  ${e.message}`);
    return 1;
  }
  const data = JSON.parse(text);
  console.log(
    `ok: ${path.relative(process.cwd(), file)} — ${data.facts.length} figures from the articles, ${data.reference.length} from public records, ${data.sources.length} sources, ${data.charts.length} charts`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`check-data: ${e.message}`);
    process.exit(2);
  },
);
