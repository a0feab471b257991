#!/usr/bin/env node
// Print raw and gzip -9 sizes of every shipped file and the total transfer size (gzip).
// Usage: node tools/sizes.mjs [www-root]        (run by `./dev bench`)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] || 'www');

// Shipped files, in display order: pkg/*.wasm, pkg/*.js, *.html, *.css, js/*.js, data/*.json,
// i18n/*.json, then anything else under the root that a browser could fetch (images, fonts,
// wasm-bindgen snippets...). Not shipped: dotfiles, *.d.ts, pkg/package.json, *.md.
const ORDER = [
  (f) => f.startsWith('pkg/') && f.endsWith('.wasm'),
  (f) => f.startsWith('pkg/') && f.endsWith('.js'),
  (f) => !f.includes('/') && f.endsWith('.html'),
  (f) => !f.includes('/') && f.endsWith('.css'),
  (f) => f.startsWith('js/') && f.endsWith('.js'),
  (f) => f.startsWith('data/') && f.endsWith('.json'),
  (f) => f.startsWith('i18n/') && f.endsWith('.json'),
];
const notShipped = (f) =>
  f.split('/').some((seg) => seg.startsWith('.')) || f.endsWith('.d.ts') || f === 'pkg/package.json' || f.endsWith('.md');

function walk(dir, out = []) {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, d.name);
    if (d.isDirectory()) walk(abs, out);
    else if (d.isFile()) out.push(path.relative(root, abs).split(path.sep).join('/'));
  }
  return out;
}

const rank = (f) => {
  const i = ORDER.findIndex((test) => test(f));
  return i === -1 ? ORDER.length : i;
};
const files = fs.existsSync(root)
  ? walk(root)
      .filter((f) => !notShipped(f))
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  : [];

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [];
for (const name of files) {
  const buf = fs.readFileSync(path.join(root, name));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  rows.push({ name, raw: buf.length, gz });
}

if (rows.length === 0) {
  console.log(`no shipped files found under ${root}`);
  process.exit(0);
}
if (!rows.some((r) => r.name.endsWith('.wasm'))) console.log('note: no pkg/*.wasm (run ./dev build first)');

const w = Math.max(...rows.map((r) => r.name.length), 'file'.length, 'total'.length);
console.log(`${'file'.padEnd(w)}  ${'raw bytes'.padStart(10)}  ${'gzip -9'.padStart(10)}  ${'ratio'.padStart(6)}`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(w)}  ${String(r.raw).padStart(10)}  ${String(r.gz).padStart(10)}  ${((100 * r.gz) / r.raw).toFixed(0).padStart(5)}%`,
  );
}
const raw = rows.reduce((a, r) => a + r.raw, 0);
const gz = rows.reduce((a, r) => a + r.gz, 0);
const wasm = rows.filter((r) => r.name.endsWith('.wasm'));
console.log(`${'total'.padEnd(w)}  ${String(raw).padStart(10)}  ${String(gz).padStart(10)}  ${((100 * gz) / raw).toFixed(0).padStart(5)}%`);
console.log(`total transfer size (gzip -9, ${rows.length} files): ${gz} bytes (${kb(gz)}); raw ${raw} bytes (${kb(raw)})`);
if (wasm.length) {
  const wr = wasm.reduce((a, r) => a + r.raw, 0);
  const wg = wasm.reduce((a, r) => a + r.gz, 0);
  console.log(`of which wasm: ${wr} bytes raw (${kb(wr)}), ${wg} bytes gzip -9 (${kb(wg)})`);
}
