#!/usr/bin/env node
// Checks a dataset file with the shipped core, for editors without a Rust toolchain: the same
// validation the page runs when it loads the file (www/pkg/, built by ./dev build).
//
// Usage: node tools/check-data.mjs [FILE] [--base JSON]
//          FILE is the JSON file (default www/data/capex-dataset.json), or a CSV of the figures
//          (.csv, or Excel's tab-separated "Unicode text" .txt) joined with the --base JSON file
//          (default www/data/capex-dataset.json) in place of its facts and reference lists.
//        node tools/check-data.mjs --export-csv OUT [--base JSON]
//          writes the figures of the JSON file as a CSV that Excel and WPS open in Chinese.
// Prints "ok" and the counts, or every problem as FILE:LINE: where: what. Exit code 0 when
// clean, 1 on problems, 2 on a usage or file error. Columns and rules: www/data/README.md §10.
// After a clean check of the JSON file, `node tools/bake.mjs` re-bakes the pages.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkDataFile, figuresToCsv, decodeText, isUtf8, validateJsonText } from '../www/js/data-file/data-file.js';
import { MAX_DATASET_BYTES, tooLargeMessage } from '../www/js/data-file/size-limit.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(REPO_ROOT, 'www', 'pkg');
const DEFAULT_DATASET = path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json');

class UsageError extends Error {}

function parseArgs(args) {
  const options = { file: null, base: DEFAULT_DATASET, exportCsv: null };
  for (let i = 0; i < args.length; i++) {
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${args[i]} needs a file name`);
      return path.resolve(args[++i]);
    };
    if (args[i] === '--base') options.base = value();
    else if (args[i] === '--export-csv') options.exportCsv = value();
    else if (args[i].startsWith('-')) throw new UsageError(`unknown option ${args[i]}`);
    else if (options.file) throw new UsageError('give one file to check');
    else options.file = path.resolve(args[i]);
  }
  if (options.exportCsv && options.file) throw new UsageError('--export-csv writes the figures of --base; give no file to check');
  return options;
}

/** The page's validator of a file's JSON text: Explainer.set_dataset of the shipped wasm core. */
async function loadCoreValidator() {
  const glue = path.join(PKG, 'ai_capex_explainer.js');
  if (!fs.existsSync(glue)) throw new Error('www/pkg/ is missing: run ./dev build once (or copy pkg/ from a built site)');
  const { initSync, Explainer } = await import(pathToFileURL(glue).href);
  initSync({ module: fs.readFileSync(path.join(PKG, 'ai_capex_explainer_bg.wasm')) });
  return (text) => new Explainer().set_dataset(text);
}

/** The file's bytes, unread when it is over the page's limit (its size says so). */
function readFileWithinLimit(file) {
  const { size } = fs.statSync(file);
  return { bytes: size > MAX_DATASET_BYTES ? new Uint8Array(0) : fs.readFileSync(file), size };
}

const shown = (file) => path.relative(process.cwd(), file) || file;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const validate = await loadCoreValidator();
  if (options.exportCsv) return exportCsv(options, validate);
  const file = options.file ?? DEFAULT_DATASET;
  const { encoding, problems, dataset } = checkDataFile({
    name: shown(file),
    ...readFileWithinLimit(file),
    base: { name: shown(options.base), ...readFileWithinLimit(options.base) },
    validate,
  });
  if (!isUtf8(encoding)) console.error(`${shown(file)}: read as ${encoding}`);
  if (problems.length) {
    console.error(`${shown(file)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const p of problems) console.error(`  ${p.file}:${p.line}: ${p.where}: ${p.what}`);
    return 1;
  }
  console.log(
    `ok: ${shown(file)} — ${dataset.facts.length} figures from the articles, ${dataset.reference.length} from public records, ${dataset.sources.length} sources, ${dataset.charts.length} charts`,
  );
  return 0;
}

/** Only a file the core accepts is exported: the CSV must check clean as it is written. */
function exportCsv({ base, exportCsv: out }, validate) {
  const { bytes, size } = readFileWithinLimit(base);
  if (size > MAX_DATASET_BYTES) {
    console.error(`${shown(base)}: ${tooLargeMessage(size)}`);
    return 1;
  }
  const { text } = decodeText(bytes);
  const problems = validateJsonText(text, validate);
  if (problems.length) {
    console.error(`${shown(base)} has problems; check it first: node tools/check-data.mjs ${shown(base)}`);
    return 1;
  }
  const dataset = JSON.parse(text);
  fs.writeFileSync(out, figuresToCsv(dataset));
  console.log(`wrote ${shown(out)} — ${dataset.facts.length + dataset.reference.length} figures (UTF-8 with BOM)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`check-data: ${e instanceof UsageError || e.code === 'ENOENT' ? e.message : e.stack}`);
    if (e instanceof UsageError) console.error('usage: node tools/check-data.mjs [FILE] [--base JSON] | --export-csv OUT [--base JSON]');
    process.exit(2);
  },
);
