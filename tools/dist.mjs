#!/usr/bin/env node
// Single-file build: www/ → dist/ai-capex-explainer.html, one HTML file that a reader or an
// editor can download and open straight from disk (file://), with no network request at all.
//
// Usage: node tools/dist.mjs [--out FILE]      (run by `./dev dist`; needs www/pkg/ from ./dev build)
//
// From file:// a browser refuses module scripts from other files, fetch() and the .wasm load,
// so the build puts everything into the page:
//   * each <link rel="stylesheet"> becomes a <style> with the file's text;
//   * the module script (js/main.js and everything it imports, including the wasm-bindgen
//     glue in pkg/) becomes one inline <script type="module">, bundled by esbuild;
//   * the dataset, each language file and the .wasm (gzip + base64, unpacked in the browser
//     with DecompressionStream) become <script type="application/json" id="inline-NAME">
//     blocks, which the loaders read first (www/js/lib/inline.js);
//   * the preload / modulepreload hints go (there is nothing left to fetch);
//   * a Content-Security-Policy <meta> names the inline module and styles by their hashes and
//     allows no fetch at all: as strict from disk as the served page's header, no
//     'unsafe-inline'; served under a site's own CSP header (which refuses them), the file
//     shows a notice saying so instead of a blank page.
// www/ itself is not changed: the served page keeps its external files and its strict CSP.
//
// Prints the size of the file, raw and gzip -9.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundleModule } from './bundle.mjs';
import { precompressFile } from './precompress.mjs';
import { MAX_DATASET_BYTES, tooLargeMessage } from '../www/js/data-file/size-limit.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(REPO_ROOT, 'www');
const DEFAULT_OUT = path.join(REPO_ROOT, 'dist', 'ai-capex-explainer.html');

// Inlined files: block name → path under www/ (names as read by www/js/lib/inline.js).
const DATASET = 'data/capex-dataset.json';
const WASM = 'pkg/ai_capex_explainer_bg.wasm';
const GLUE = 'pkg/ai_capex_explainer.js';

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message);
};

function readWww(rel, encoding) {
  const file = path.join(WWW, rel);
  if (!fs.existsSync(file)) fail(`www/${rel} is missing${rel.startsWith('pkg/') ? ' (run ./dev build first)' : ''}`);
  return fs.readFileSync(file, encoding);
}

/** JSON text safe inside <script>: `<` only occurs in JSON strings, where \u003c means the same. */
function scriptSafeJson(text, what) {
  try {
    JSON.parse(text);
  } catch (e) {
    fail(`${what} is not valid JSON: ${e.message}`);
  }
  return text.replace(/</g, '\\u003c');
}

function jsonBlock(name, text) {
  return `<script type="application/json" id="inline-${name}">${text}</script>`;
}

/** Replace every match of `re` with `replace(match…)`; fails unless it matched `expect` (a predicate on the count). */
function rewrite(html, re, replace, what, expect = (n) => n > 0) {
  let n = 0;
  const out = html.replace(re, (...m) => {
    n++;
    return replace(...m);
  });
  if (!expect(n)) fail(`www/index.html: unexpected number of ${what} (${n})`);
  return out;
}

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/** Bundle the page's module script (and everything it imports) into one ES module string. */
async function bundle(entry) {
  let built;
  try {
    built = await bundleModule(path.join(WWW, entry));
  } catch (e) {
    fail(e.message);
  }
  const { js, inputs } = built;
  if (!inputs.some((f) => f.endsWith(GLUE))) fail(`the bundle does not contain www/${GLUE}: wasm.js must import it with a literal specifier`);
  if (/<\/script|<!--/i.test(js)) fail('the bundle contains "</script" or "<!--", which would end the inline script');
  return { js, modules: inputs.length };
}

export async function buildSingleFile({ out = DEFAULT_OUT } = {}) {
  let html = readWww('index.html', 'utf8');
  const { LANGS } = await import('../www/js/lib/i18n.js');

  // Styles, in document order.
  html = rewrite(
    html,
    /<link\b[^>]*\brel\s*=\s*["']?stylesheet["']?[^>]*>/gi,
    (tag) => {
      const css = readWww(path.posix.normalize(attr(tag, 'href')), 'utf8');
      if (/<\/style/i.test(css)) fail(`${attr(tag, 'href')} contains "</style"`);
      if (/url\(\s*["']?(?!data:|#)/i.test(css)) fail(`${attr(tag, 'href')} refers to another file with url(): inline it first`);
      return `<style>\n${css.trim()}\n</style>`;
    },
    'stylesheet links',
  );

  // Hints for files that are now inside the page.
  html = rewrite(html, /[ \t]*<link\b[^>]*\brel\s*=\s*["']?(?:preload|modulepreload|prefetch)["']?[^>]*>\r?\n?/gi, () => '', 'preload links', () => true);

  // The module script → one inline module.
  const scriptTag = /<script\b[^>]*\btype\s*=\s*["']?module["']?[^>]*\bsrc\s*=[^>]*><\/script>/gi;
  const entry = (/<script\b[^>]*\btype\s*=\s*["']?module["']?[^>]*>/i.exec(html) || [''])[0];
  const src = attr(entry, 'src');
  if (!src) fail('www/index.html has no <script type="module" src=…>');
  const { js, modules } = await bundle(path.posix.normalize(src));
  html = rewrite(html, scriptTag, () => `<script type="module">\n${js.trim()}\n</script>`, 'module scripts', (n) => n === 1);

  // The files the loaders would fetch, as inline blocks at the end of <body>.
  const wasm = readWww(WASM);
  const packed = zlib.gzipSync(wasm, { level: 9 }).toString('base64');
  const dataset = readWww(DATASET);
  if (dataset.length > MAX_DATASET_BYTES) fail(`www/${DATASET}: ${tooLargeMessage(dataset.length)}`);
  const blocks = [
    jsonBlock('dataset', scriptSafeJson(dataset.toString('utf8'), `www/${DATASET}`)),
    ...LANGS.map((lang) => jsonBlock(`i18n-${lang}`, scriptSafeJson(readWww(`i18n/${lang}.json`, 'utf8'), `www/i18n/${lang}.json`))),
    jsonBlock('wasm', JSON.stringify(packed)),
  ];
  html = rewrite(html, /<\/body>/i, (end) => `${blocks.join('\n')}\n${end}`, '</body> tags', (n) => n === 1);

  // Say what this file is, right after the doctype.
  html = rewrite(
    html,
    /^(<!doctype html>\s*)/i,
    (doctype) =>
      `${doctype}<!-- AI capex explainer, single-file build of www/index.html by tools/dist.mjs (./dev dist).\n` +
      `     Works opened from disk; makes no network request. Do not edit: rebuild. -->\n`,
    'doctypes',
    (n) => n === 1,
  );

  html = withBlockedNotice(html);
  html = withOwnPolicy(html);

  // Nothing may still point at another file: that would be a request (or a failure) from file://.
  const outside = [...html.matchAll(/<(?:link|script|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?([^"'\s>]+)/gi)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  if (outside.length) fail(`the page still refers to other files: ${outside.join(', ')}`);

  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, html);
  precompressFile(out);
  const raw = Buffer.byteLength(html);
  const gz = zlib.gzipSync(html, { level: 9 }).length;
  return { out, raw, gz, modules, wasmRaw: wasm.length, wasmInline: packed.length };
}

/**
 * A site that serves this file with a Content-Security-Policy header of its own blocks the
 * inline module and styles (a <meta> policy can only add limits): instead of a blank page, the
 * reader then sees this notice, which the file's own (inline) styles hide when they apply.
 */
function withBlockedNotice(html) {
  const notice =
    '<p class="boot-error" id="single-file-blocked">This page could not start: the site serving it blocks its built-in scripts (its Content-Security-Policy header). Open the file from disk instead. ' +
    '本页面无法启动：提供它的网站（通过Content-Security-Policy标头）阻止了页面自带的脚本。请改为从本地磁盘打开此文件。' +
    '本頁面無法啟動：提供它的網站（透過Content-Security-Policy標頭）封鎖了頁面內建的指令碼。請改為從本機磁碟開啟此檔案。</p>';
  html = rewrite(html, /<\/head>/i, (end) => `<style>#single-file-blocked{display:none}</style>\n${end}`, '</head> tags', (n) => n === 1);
  return rewrite(html, /<body>/i, (body) => `${body}\n  ${notice}`, '<body> tags', (n) => n === 1);
}

/**
 * The page's own Content-Security-Policy, in a <meta> right after its charset: scripts and
 * styles only as inlined here (by hash; the JSON blocks are data, never run), the wasm compiled
 * from those bytes, images only inline, nothing fetched.
 */
function withOwnPolicy(html) {
  const hashes = (re) => [...html.matchAll(re)].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  const scripts = hashes(/<script type="module">([\s\S]*?)<\/script>/g);
  const styles = hashes(/<style>([\s\S]*?)<\/style>/g);
  if (scripts.length !== 1 || !styles.length) fail(`expected one inline module and some styles, found ${scripts.length} and ${styles.length}`);
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styles.join(' ')}`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return rewrite(html, /<meta charset="utf-8">/i, (tag) => `${tag}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`, 'charset metas', (n) => n === 1);
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let out = DEFAULT_OUT;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) out = path.resolve(args[++i]);
    else {
      console.error(`usage: node tools/dist.mjs [--out FILE]   (unknown argument: ${args[i]})`);
      process.exit(2);
    }
  }
  try {
    const r = await buildSingleFile({ out });
    console.log(`${path.relative(process.cwd(), r.out) || r.out}: ${r.raw} bytes (${kib(r.raw)}) raw, ${r.gz} bytes (${kib(r.gz)}) gzip -9`);
    console.log(`  ${r.modules} modules bundled; wasm ${kib(r.wasmRaw)} inlined as ${kib(r.wasmInline)} of gzip+base64`);
  } catch (e) {
    console.error(`error: ${e instanceof BuildError ? e.message : e && e.stack ? e.stack : e}`);
    process.exit(1);
  }
}
