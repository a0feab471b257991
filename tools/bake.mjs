#!/usr/bin/env node
// Baked pages: www/ → dist/, the folder to copy to any static host (root or subpath). One
// static page per language already holds the whole article: headline, takeaways, every chart,
// tables, conflicts, the sources' grades and the calculator at its default scenario.
//
// The page is not laid out twice by hand: the real page renders itself in headless Chromium,
// and the bake keeps what it rendered. Each chart canvas is replaced by the SVG the same Rust
// chart code draws (Explainer.svg), twice — at phone width and at desktop width, shown by the
// same media query that sizes the canvas — so the first paint is right at 320 px and at
// 1280 px, in light and dark (css/chart.css maps the SVG's light colours to the reader's). The
// first chart's two drawings are inline; every other chart is a lazy <picture> of two SVG files
// beside the page (charts/, tools/chart-image.mjs), which keeps the first response small.
// The only script before first paint is js/head.js (< 1 KB): it applies ?theme, ?chrome and
// ?section (only the ids written on it: the dataset's charts and the core's page sections)
// and, after the first paint, loads js/main.js and starts fetching the data, the words
// and the wasm (named on it), so they download beside the bundle; js/main.js then brings the
// same article to life.
//
//   dist/index.html          zh-Hans (the default language)
//   dist/en/index.html       English
//   dist/zh-Hant/index.html  Traditional Chinese
//   dist/…/tables.html       every table of that page, open, and every source, for readers
//                            without JavaScript (the page links here for the full source list)
//   dist/…/charts/*.svg      each chart after the first, narrow and wide, named by content
//   dist/…/preview.png       the link-card image (og:image; absolute when BASE_URL is set)
//   dist/**/*.gz, *.br       each text file and the wasm precompressed (tools/precompress.mjs)
//   dist/…/static.html       for places where scripts do not run (RSS, email newsletters, AMP
//   dist/…/img/<chart>.png   without amp-iframe): each chart as an image, with its title,
//                            takeaway, description and source in text, linking to the live page
//   dist/css/page.<hash>.css every stylesheet in one (minified), with ?section=… rules (one per
//                            section id), but the calculator's: css/calculator.<hash>.css,
//                            linked just before it
//   dist/js/head.<hash>.js   the head script, minified, named by its content (cached forever)
//   dist/js/main.<hash>.js   the live page: js/main.js and all it imports, bundled and minified
//   dist/js/share-files.<hash>.js  what makes the downloads (js/share/share-files.js and its
//                            helpers), bundled on its own: loaded only when a reader asks for
//                            a file
//   dist/data, i18n, pkg     what the live page loads, each under a content-hashed name too
//                            (js/assets.js), beside the plain copies for editors and tools
//   dist/embed.html          the demo host page, with css/
//   dist/js/embed-host.js    the script articles include beside the frame, minified (its name
//                            is in every pasted snippet, so it carries no hash)
//   dist/embed-builder.html  the editors' embed builder (js/embed-builder.js,
//                            embed/embed-snippet.js, lib/dom.js, and core/wasm.js with its
//                            helpers for the core's section ids; the reader's pages never load
//                            these plain copies)

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleModule, minifyCss, minifyScript } from './bundle.mjs';
import { launchChromium } from './chromium.mjs';
import { loadCore } from './core.mjs';
import { cutDataset } from './dataset-parts.mjs';
import { startServer, CSP } from './serve.mjs';
import { precompressTree } from './precompress.mjs';
import { slimSvg } from './slim-svg.mjs';
import { chartImage, colourRules, wideMedia } from './chart-image.mjs';
import { MAX_DATASET_BYTES, tooLargeMessage } from '../www/js/data-file/size-limit.js';
import { LOAD_TIMEOUT_MS } from '../www/js/assets.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(REPO_ROOT, 'www');
/** Each language's page, as a folder under the output (the default language at the root). */
export const LANG_DIRS = { 'zh-Hans': '', en: 'en/', 'zh-Hant': 'zh-Hant/' };
/** Widths the charts are baked at: below and above the 40rem breakpoint of css/chart.css. */
const WIDTHS = { narrow: 320, wide: 1280 };
/**
 * Charts drawn inline in the HTML, in page order: the first screen's, painted with the page.
 * The rest are SVG files beside the page (charts/), shown as lazy images (tools/chart-image.mjs).
 */
const INLINE_CHARTS = 1;
const COPIED = ['css', 'pkg', 'data', 'i18n', 'embed.html', 'embed-builder.html', 'js/embed-builder.js', 'js/embed/embed-snippet.js', 'js/lib/dom.js', 'js/core/wasm.js', 'js/lib/inline.js', 'js/core/core.js', 'js/assets.js'];
/** What the live page fetches, copied under content-hashed names the bundle is told of. */
const HASHED_ASSETS = ['data/capex-dataset.json', 'pkg/ai_capex_explainer_bg.wasm', 'pkg/ai_capex_explainer_checked_bg.wasm'];
/** The chart shown on link cards, and its file beside each language page. */
const PREVIEW_CHART = 'us-capex';
const PREVIEW_FILE = 'preview.png';
const READY_TIMEOUT_MS = 60_000;

/**
 * Where the site will be hosted (env BASE_URL, e.g. https://news.example/graphics/ai-capex/,
 * the final slash optional): link cards need an absolute address for their image, search
 * engines for the language alternates. Without it the image address is relative and the
 * alternates are left out.
 */
const BASE_URL = process.env.BASE_URL ? process.env.BASE_URL.replace(/\/?$/, '/') : '';

export class BakeError extends Error {}

/**
 * The head's language alternates and canonical address of the page in `dir`: absolute, as
 * search engines require, so only when the host is known (`baseUrl`); none otherwise (relative
 * hreflang addresses are invalid). Each language page, plus x-default (the Simplified Chinese
 * page at the root).
 */
export function alternateLinks(dir, baseUrl) {
  if (!baseUrl) return [];
  const at = (to) => new URL(to, baseUrl.replace(/\/?$/, '/')).href;
  return [
    { rel: 'canonical', href: at(dir) },
    ...Object.entries(LANG_DIRS).map(([code, to]) => ({ rel: 'alternate', hreflang: code, href: at(to) })),
    { rel: 'alternate', hreflang: 'x-default', href: at(LANG_DIRS['zh-Hans']) },
  ];
}

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The relative path from the page in `from` to the page in `to` (both LANG_DIRS values). */
function relativePath(from, to) {
  const up = from ? '../'.repeat(from.split('/').filter(Boolean).length) : '';
  return `${up}${to}` || './';
}

/** Runs in the page once it is ready: swaps each canvas for its SVGs and returns the HTML. */
function bakeInPage({ lang, langPaths, alternates, prefix, svgs, images, wideMedia, styles, bodyStyles, headScript: headScriptFile, mainScript, prefetch, sectionIds, loadTimeoutMs, preview, csp, sourcesLinkText }) {
  const root = document.documentElement;
  for (const canvas of document.querySelectorAll('canvas.chart-canvas')) {
    const id = canvas.closest('[data-chart]')?.dataset.chart;
    const frame = canvas.parentElement;
    const label = canvas.getAttribute('aria-label') || '';
    if (images[id]) {
      // Below the first screen: the narrow drawing, or the wide one past the breakpoint, loaded
      // as it nears the screen. The picture takes the canvas's box (its class), the image fills it.
      const picture = document.createElement('picture');
      picture.className = 'chart-canvas chart-svg';
      const wide = document.createElement('source');
      wide.media = wideMedia;
      wide.srcset = images[id].wide;
      const img = document.createElement('img');
      img.src = images[id].narrow;
      img.alt = label;
      img.loading = 'lazy';
      img.decoding = 'async';
      picture.append(wide, img);
      frame.insertBefore(picture, canvas);
      canvas.remove();
      continue;
    }
    const drawn = svgs[id];
    if (!drawn) continue;
    for (const [variant, markup] of Object.entries(drawn)) {
      const holder = document.createElement('div');
      holder.innerHTML = markup;
      const svg = holder.querySelector('svg');
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('class', `chart-canvas chart-svg chart-svg-${variant}`);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', label);
      frame.insertBefore(svg, canvas);
    }
    canvas.remove();
  }
  // The controls as they stand: the script set their properties, which markup does not keep, so
  // with JavaScript off (or before the page is live) a slider would sit mid-track, no choice made.
  for (const input of document.querySelectorAll('input')) {
    if (input.type === 'radio' || input.type === 'checkbox') input.toggleAttribute('checked', input.checked);
    else input.setAttribute('value', input.value);
  }
  // Nothing transient (tooltips, status messages), and no "needs JavaScript" notice: this page doesn't.
  for (const el of document.querySelectorAll('.tooltip, .mark-ring, noscript')) el.remove();
  const status = document.getElementById('status');
  if (status) {
    status.replaceChildren();
    status.hidden = true;
  }
  root.dataset.state = 'baked';
  root.dataset.baked = lang;
  root.dataset.langPaths = JSON.stringify(langPaths);
  root.removeAttribute('data-theme');
  root.removeAttribute('data-js');
  for (const a of document.querySelectorAll('#lang-switch a[hreflang]')) a.setAttribute('href', langPaths[a.getAttribute('hreflang')]);

  // The head: relative asset paths from this page's folder, no fetch before first paint, one
  // stylesheet and the head script first, and the module started by it.
  const head = document.head;
  for (const el of head.querySelectorAll('link[rel="preload"], link[rel="modulepreload"], link[rel="stylesheet"], script')) el.remove();
  head.normalize(); // the removed elements' lines, left blank, as one
  for (const node of head.childNodes) if (node.nodeType === Node.TEXT_NODE && !node.data.trim()) node.data = '\n  ';
  // The policy the page is tested under, for hosts that send none: right after the charset,
  // before anything it governs.
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = csp;
  head.querySelector('meta[charset]').after(policy);
  // One stylesheet in the head (bundled under a content-hashed name): the first view is the
  // HTML, this and the head script. The calculator's comes later, just before it.
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${prefix}${styles}`;
  head.append(css);
  for (const { before, href } of bodyStyles) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${prefix}${href}`;
    const at = document.getElementById(before);
    if (at) at.before(link);
    else head.append(link);
  }
  const headScript = document.createElement('script');
  headScript.src = `${prefix}${headScriptFile}`;
  headScript.setAttribute('data-main', `${prefix}${mainScript}`);
  headScript.setAttribute('data-fetch', prefetch.map((file) => `${prefix}${file}`).join(' '));
  headScript.setAttribute('data-section-ids', sectionIds.join(' '));
  headScript.setAttribute('data-timeout', String(loadTimeoutMs));
  // After the stylesheet, so both are asked for at once: the policy above keeps Chromium's
  // preload scanner from fetching ahead, and a blocking script first would hold the stylesheet's
  // request until it has run (one round trip more before the first paint).
  css.after(headScript);
  const meta = (property, content) => {
    const el = document.createElement('meta');
    el.setAttribute('property', property);
    el.setAttribute('content', content);
    head.append(el);
  };
  const description = head.querySelector('meta[name="description"]')?.getAttribute('content') || '';
  meta('og:type', 'article');
  meta('og:title', document.title);
  meta('og:description', description);
  meta('og:locale', lang.replace('-', '_'));
  meta('og:image', preview.href);
  meta('og:image:width', String(preview.width));
  meta('og:image:height', String(preview.height));
  for (const { rel, hreflang, href } of alternates) {
    const link = document.createElement('link');
    link.rel = rel;
    if (hreflang) link.hreflang = hreflang;
    link.href = href;
    head.append(link);
  }
  // The full source list (a sixth of the page's bytes) is on tables.html, baked next from this
  // same document: the first view keeps the section's heading, intro and grade legend and links
  // there; the live page lists every source again once it runs.
  const page = root.cloneNode(true);
  const legend = page.querySelector('#sources .grade-legend');
  if (legend) {
    const count = page.querySelectorAll('#sources .source-list > li').length;
    while (legend.nextSibling) legend.nextSibling.remove();
    const link = document.createElement('a');
    link.href = 'tables.html#sources';
    link.textContent = sourcesLinkText.replace('{count}', String(count));
    const more = document.createElement('p');
    more.className = 'sources-more';
    more.append(link);
    legend.after(more);
  }
  return `<!doctype html>\n${page.outerHTML}\n`;
}

/**
 * Runs in the page after bakeInPage: the tables page, for readers without JavaScript — every
 * chart's table and conflicts and the calculator's method opened (built by the live page), no
 * charts, no calculator, no script.
 */
async function bakeTablesInPage({ title }) {
  const blocks = [...document.querySelectorAll('details.table-details, details.conflicts, details.calc-method')];
  for (const details of blocks) details.open = true;
  // The live page builds each block on its toggle event.
  await new Promise((resolve) => setTimeout(resolve, 50));
  // The method block leaves the calculator, which goes, for the place it held.
  const method = document.querySelector('#calculator details.calc-method');
  if (method) document.getElementById('calculator').before(method);
  for (const el of document.querySelectorAll('.table-fallback, .chart-figure, .figures-switch, #calculator, .skip-link, .currency-switch, .share-ui, head script')) el.remove();
  document.title = title;
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}

/**
 * CSS that hides, at first paint, every section not named in ?section= (js/head.js): the
 * charts (element ids "chart-<id>", js/page/tables.js) and the page's own sections.
 */
function sectionsCss(chartIds, pageSections) {
  const sections = [...chartIds.map((id) => [id, `chart-${id}`]), ...pageSections.map((id) => [id, id])];
  const rules = sections.map(([name, element]) => `html[data-sections]:not([data-sections~="${name}"]) #${element} { display: none; }`);
  // The skip link leads to the calculator: gone with it.
  rules.push('html[data-sections]:not([data-sections~="calculator"]) #skip-link { display: none; }');
  return `/* Written by tools/bake.mjs: ?section=… at first paint (js/head.js sets data-sections). */\n${rules.join('\n')}\n`;
}

/**
 * The bytes the live page fetches for `rel`: the words without their indentation (0.6 KB less
 * gzip a language); the rest as is (the dataset above all: its JSON download is the file itself).
 */
function shippedBytes(rel) {
  const bytes = fs.readFileSync(path.join(WWW, rel));
  return rel.startsWith('i18n/') ? Buffer.from(JSON.stringify(JSON.parse(bytes.toString('utf8')))) : bytes;
}

/**
 * A language's words in two files: the page's, and the calculator's (about 60 % of them),
 * which js/lib/i18n.js loads with the calculator's code. The page's keeps the calculator's
 * title, which it shows when the calculator cannot load.
 */
function splitWords(bytes) {
  const { calculator, ...page } = JSON.parse(bytes.toString('utf8'));
  return { page: JSON.stringify({ ...page, calculator: { title: calculator.title } }), calculator: JSON.stringify({ calculator }) };
}

/** `content` written to `out` as `rel` with its content hash in the name; returns that name. */
function hashedCopy(out, rel, content) {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
  const named = rel.replace(/(\.[a-z]+)$/, `.${hash}$1`);
  fs.mkdirSync(path.dirname(path.join(out, named)), { recursive: true });
  fs.writeFileSync(path.join(out, named), content);
  return named;
}

/**
 * Modules the page imports only when it needs them, by their path under js/, each with the
 * specifier its importer writes: the share files when a reader asks for one, the calculator once
 * the wasm is in (js/page/page.js), so it does not share the network with what the first chart
 * needs.
 */
const LOADED_LATER = {
  'share/share-files.js': './share-files.js',
  'calculator/calculator.js': '../calculator/calculator.js',
};

/**
 * Scripts that run in a worker, by their path under js/: each bundled on its own (the wasm glue
 * copied in) under its hashed name, which joins the asset names before the page's scripts are
 * bundled with them.
 */
const WORKER_SCRIPTS = ['core/heavy-worker.js'];

/**
 * js/main.js with everything it imports (the wasm glue included), bundled and minified, told
 * the hashed name of each file it fetches; each module of LOADED_LATER bundled on its own
 * (the helpers it imports copied in: they are stateless, and cost the first load nothing; what
 * holds the page's state is handed to it, as the chart views are to the calculator), under its
 * hashed name beside the bundle. Resolves to the bundle's file name.
 */
async function bundleScripts(out, assetNames) {
  for (const rel of WORKER_SCRIPTS) {
    const { js } = await bundleModule(path.join(WWW, 'js', rel));
    assetNames[`js/${rel}`] = hashedCopy(out, `js/${path.basename(rel)}`, js);
  }
  const apart = {};
  for (const [rel, specifier] of Object.entries(LOADED_LATER)) {
    const { js } = await bundleModule(path.join(WWW, 'js', rel), { define: { ASSET_NAMES: assetNames } });
    apart[specifier] = `./${path.basename(hashedCopy(out, `js/${path.basename(rel)}`, js))}`;
  }
  const { js } = await bundleModule(path.join(WWW, 'js', 'main.js'), { define: { ASSET_NAMES: assetNames }, apart });
  return hashedCopy(out, 'js/main.js', js);
}

/**
 * Stylesheets the baked page links in its body, just before the element they style (by id),
 * instead of in its head: the browser paints what comes before them without waiting for them,
 * so the first view carries only what the first screen needs.
 */
const SHEETS_IN_BODY = { 'css/calculator.css': 'calculator' };

/**
 * Every stylesheet of the page (in its order) plus the section rules: the head's as one text,
 * and each of SHEETS_IN_BODY apart, with the id it goes before. { head, inBody: [{ before, text }] }
 */
function bundledCss(chartIds, pageSections) {
  const html = fs.readFileSync(path.join(WWW, 'index.html'), 'utf8');
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)">/g)].map((m) => m[1]);
  if (!sheets.length) throw new BakeError('www/index.html links no stylesheet');
  const texts = sheets.map((rel) => {
    const text = fs.readFileSync(path.join(WWW, rel), 'utf8');
    // An unclosed block swallows every rule after it, the section rules appended last among
    // them, and the browser says nothing: refuse it here.
    const bare = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '');
    const open = (bare.match(/\{/g) || []).length - (bare.match(/\}/g) || []).length;
    if (open !== 0) throw new BakeError(`www/${rel}: ${open > 0 ? `${open} block(s) left open` : `${-open} closing brace(s) too many`}`);
    return text;
  });
  const inHead = texts.filter((_, i) => !SHEETS_IN_BODY[sheets[i]]);
  const inBody = sheets.filter((rel) => SHEETS_IN_BODY[rel]).map((rel) => ({ before: SHEETS_IN_BODY[rel], text: texts[sheets.indexOf(rel)] }));
  return { head: [...inHead, sectionsCss(chartIds, pageSections)].join('\n'), inBody };
}

function copyAssets(out) {
  fs.mkdirSync(out, { recursive: true });
  // js/ holds the hashed files of the last bake: start it afresh.
  fs.rmSync(path.join(out, 'js'), { recursive: true, force: true });
  for (const rel of COPIED) {
    const from = path.join(WWW, rel);
    if (!fs.existsSync(from)) throw new BakeError(`www/${rel} is missing${rel === 'pkg' ? ' (run ./dev build first)' : ''}`);
    fs.rmSync(path.join(out, rel), { recursive: true, force: true });
    fs.cpSync(from, path.join(out, rel), { recursive: true });
  }
}

/**
 * The preview image for link cards: the first chart at desktop width, as drawn live, from a
 * page of its own (a screenshot leaves traces in the page it is taken from).
 */
async function screenshotPreview(browser, url, file) {
  const context = await browser.newContext({ viewport: { width: WIDTHS.wide, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: READY_TIMEOUT_MS });
    await page.locator(`#chart-${PREVIEW_CHART} canvas`).screenshot({ path: file });
  } finally {
    await context.close();
  }
}

/**
 * Page width for the static images: just above the 40rem breakpoint of css/chart.css, so the
 * charts take their wide shape at about the width of an email newsletter's column (drawn at 2×
 * for sharp screens).
 */
const STATIC_WIDTH = 680;

/**
 * The static version of a language page: every chart (the calculator's at its default
 * scenario) as a PNG as drawn live, at 2× a
 * newsletter column, and static.html with each chart's words, ready to paste where no script
 * runs. Image and page addresses are absolute when BASE_URL is set (an email needs them so).
 */
async function bakeStaticVersion(browser, url, dir, out, words) {
  const context = await browser.newContext({ viewport: { width: STATIC_WIDTH, height: 900 }, deviceScaleFactor: 2, colorScheme: 'light' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: READY_TIMEOUT_MS });
    const ids = await page.locator('section[data-chart] canvas.chart-canvas').evaluateAll((cs) => cs.map((c) => c.closest('[data-chart]').dataset.chart));
    // Emptied first: a chart the dataset no longer has leaves no image behind.
    fs.rmSync(path.join(out, dir, 'img'), { recursive: true, force: true });
    fs.mkdirSync(path.join(out, dir, 'img'), { recursive: true });
    const images = {};
    for (const id of ids) {
      const file = path.join(out, dir, 'img', `${id}.png`);
      await page.locator(`section[data-chart="${id}"] canvas.chart-canvas`).screenshot({ path: file });
      const { width, height } = pngSize(fs.readFileSync(file));
      images[id] = { src: `img/${id}.png`, width: width / 2, height: height / 2 };
    }
    const base = BASE_URL ? new URL(dir, BASE_URL).href : '';
    const credits = { dataset: words.chart['credit.dataset'], model: words.chart['credit.model'] };
    const html = await page.evaluate(staticPage, { images, base, link: words.page.static_link, credits });
    fs.writeFileSync(path.join(out, dir, 'static.html'), html);
    return html;
  } finally {
    await context.close();
  }
}

/**
 * Runs in the live page: static.html — per chart its title, takeaway (as text), the image with
 * the chart's own description as alt text, the source line (`credits`), and a link to the live
 * chart (`link`, its words).
 * Plain HTML with no script and no class, so it survives being pasted into an email or a feed.
 */
function staticPage({ images, base, link, credits }) {
  const esc = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const abs = (href) => (base ? new URL(href, base).href : href);
  const figures = Object.entries(images).map(([id, image]) => {
    const section = document.querySelector(`section[data-chart="${id}"]`);
    const title = section.querySelector('h2, h3').textContent.trim();
    // An article chart's takeaway, or a calculator chart's caption (it names the scenario).
    const takeaway = section.querySelector('.takeaway, .chart-caption')?.textContent.trim() ?? '';
    const canvas = section.querySelector('canvas.chart-canvas');
    const alt = canvas.getAttribute('aria-label') || title;
    return [
      `<figure id="${esc(id)}">`,
      `<h2>${esc(title)}</h2>`,
      takeaway ? `<p>${esc(takeaway)}</p>` : '',
      `<a href="${esc(abs(`./#${section.id}`))}"><img src="${esc(abs(image.src))}" width="${image.width}" height="${image.height}" alt="${esc(alt)}"></a>`,
      `<figcaption>${esc(id.startsWith('model-') ? credits.model : credits.dataset)} · <a href="${esc(abs(`./#${section.id}`))}">${esc(link)}</a></figcaption>`,
      '</figure>',
    ].filter(Boolean).join('\n');
  });
  const lang = document.documentElement.lang;
  const title = document.title;
  return `<!doctype html>\n<html lang="${esc(lang)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n</head>\n<body>\n<main>\n<h1>${esc(document.getElementById('headline').textContent.trim())}</h1>\n${figures.join('\n')}\n</main>\n</body>\n</html>\n`;
}

/** The SVGs of every chart on the page, at the canvas size it has now, keyed by chart id. */
async function chartSvgs(page) {
  return page.evaluate(() => {
    const out = {};
    for (const canvas of document.querySelectorAll('canvas.chart-canvas')) {
      const id = canvas.closest('[data-chart]')?.dataset.chart;
      const { width, height } = canvas.getBoundingClientRect();
      if (!id || !width || !height) continue;
      out[id] = window.__explainer.svg(id, Math.round(width), Math.round(height));
    }
    return out;
  });
}

/**
 * Every chart of `svgs` after the first INLINE_CHARTS as image files in `folder`/charts/ (emptied
 * first), each named by its content and carrying the page's colours, light and dark, as the page
 * in the bake has them. Refuses a file a browser would not read as SVG. Resolves to each chart's
 * addresses, relative to the page: { id: { narrow, wide } }.
 */
async function writeChartImages(page, svgs, folder) {
  const rules = colourRules();
  const palette = await page.evaluate((names) => {
    const root = document.documentElement;
    const read = (theme) => {
      root.setAttribute('data-theme', theme);
      return Object.fromEntries(names.map((name) => [name, getComputedStyle(root).getPropertyValue(name).trim()]));
    };
    const before = root.getAttribute('data-theme');
    const palette = { light: read('light'), dark: read('dark') };
    if (before === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', before);
    return palette;
  }, [...new Set(rules.map((rule) => rule.variable))]);
  fs.rmSync(path.join(folder, 'charts'), { recursive: true, force: true });
  const images = {};
  const files = {};
  for (const [id, variants] of Object.entries(svgs).slice(INLINE_CHARTS)) {
    for (const [variant, markup] of Object.entries(variants)) {
      const text = chartImage(markup, rules, palette);
      (images[id] ??= {})[variant] = hashedCopy(folder, `charts/${id}.${variant}.svg`, text);
      files[`${id}.${variant}`] = text;
    }
  }
  const unreadable = await page.evaluate((files) => Object.keys(files).filter((name) => new DOMParser().parseFromString(files[name], 'image/svg+xml').querySelector('parsererror')), files);
  if (unreadable.length) throw new BakeError(`chart images that are not well-formed SVG: ${unreadable.join(', ')}`);
  return images;
}

/** The dataset file, refused up front (as the page would refuse it) when it is over the page's limit. */
export function readDatasetFile(file = path.join(WWW, 'data', 'capex-dataset.json')) {
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_DATASET_BYTES) throw new BakeError(`${path.relative(REPO_ROOT, file)}: ${tooLargeMessage(bytes.length)}`);
  return JSON.parse(bytes.toString('utf8'));
}

export async function bake({ out = path.join(REPO_ROOT, 'dist') } = {}) {
  const dataset = readDatasetFile();
  copyAssets(out);
  // The one list of ids ?section= may name: the dataset's charts and the core's page sections.
  const chartIds = dataset.charts.map((c) => c.id);
  const core = await loadCore();
  const pageSections = core.page_sections();
  const sectionIds = [...chartIds, ...pageSections];
  const css = bundledCss(chartIds, pageSections);
  const styles = hashedCopy(out, 'css/page.css', await minifyCss(css.head));
  const bodyStyles = [];
  for (const { before, text } of css.inBody) bodyStyles.push({ before, href: hashedCopy(out, `css/${before}.css`, await minifyCss(text)) });
  const headScript = hashedCopy(out, 'js/head.js', await minifyScript(fs.readFileSync(path.join(WWW, 'js', 'head.js'), 'utf8')));
  const assetNames = Object.fromEntries(HASHED_ASSETS.map((rel) => [rel, hashedCopy(out, rel, shippedBytes(rel))]));
  // The live page loads the figures with the core and their words when a reader asks (js/core/dataset-parts.js).
  for (const lang of Object.keys(LANG_DIRS)) {
    const words = splitWords(shippedBytes(`i18n/${lang}.json`));
    assetNames[`i18n/${lang}.json`] = hashedCopy(out, `i18n/${lang}.json`, words.page);
    assetNames[`i18n/${lang}.calculator.json`] = hashedCopy(out, `i18n/${lang}.calculator.json`, words.calculator);
  }
  const parts = cutDataset(core, shippedBytes('data/capex-dataset.json'), Object.keys(LANG_DIRS));
  for (const [lang, { figures, words }] of Object.entries(parts)) {
    assetNames[`data/capex-figures.${lang}.json`] = hashedCopy(out, `data/capex-figures.${lang}.json`, figures);
    assetNames[`data/capex-words.${lang}.json`] = hashedCopy(out, `data/capex-words.${lang}.json`, words);
  }
  const mainScript = await bundleScripts(out, assetNames);
  fs.writeFileSync(path.join(out, 'js', 'embed-host.js'), await minifyScript(fs.readFileSync(path.join(WWW, 'js', 'embed-host.js'), 'utf8')));

  const server = await startServer({ root: WWW, port: 0 });
  const browser = await launchChromium();
  const written = [];
  try {
    for (const [lang, dir] of Object.entries(LANG_DIRS)) {
      const context = await browser.newContext({ viewport: { width: WIDTHS.narrow, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light', locale: lang });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}?lang=${lang}`);
      await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: READY_TIMEOUT_MS });
      if ((await page.evaluate(() => document.documentElement.dataset.state)) !== 'ready' || errors.length) {
        throw new BakeError(`the ${lang} page did not come up cleanly: ${errors.join('; ') || 'state error'}`);
      }
      // Any message (a refused data file above all) means this is not the page to publish.
      const message = await page.evaluate(() => document.getElementById('status')?.innerText.trim());
      if (message) throw new BakeError(`the ${lang} page shows a message instead of publishing: ${message}`);
      const svgs = {};
      for (const [variant, width] of Object.entries(WIDTHS)) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(50);
        for (const [id, markup] of Object.entries(await chartSvgs(page))) (svgs[id] ??= {})[variant] = slimSvg(markup);
      }
      await page.setViewportSize({ width: WIDTHS.narrow, height: 900 });
      const images = await writeChartImages(page, svgs, path.join(out, dir));
      const langPaths = Object.fromEntries(Object.entries(LANG_DIRS).map(([code, to]) => [code, relativePath(dir, to)]));
      const prefix = relativePath(dir, '');
      fs.mkdirSync(path.join(out, dir), { recursive: true });
      await screenshotPreview(browser, `${server.url}?lang=${lang}`, path.join(out, dir, PREVIEW_FILE));
      const size = pngSize(fs.readFileSync(path.join(out, dir, PREVIEW_FILE)));
      const preview = { href: BASE_URL ? new URL(`${dir}${PREVIEW_FILE}`, BASE_URL).href : PREVIEW_FILE, ...size };
      // What the live page fetches, started by the head script together with the bundle.
      // Last, the two cores: the head script asks for the one without the rules where the page
      // can take the figures' digest, else for the whole one (js/core/wasm.js).
      const prefetch = [`data/capex-figures.${lang}.json`, `i18n/${lang}.json`, 'pkg/ai_capex_explainer_checked_bg.wasm', 'pkg/ai_capex_explainer_bg.wasm'].map((file) => assetNames[file]);
      const words = JSON.parse(fs.readFileSync(path.join(WWW, 'i18n', `${lang}.json`), 'utf8'));
      const html = await page.evaluate(bakeInPage, { lang, langPaths, alternates: alternateLinks(dir, BASE_URL), prefix, svgs, images, wideMedia: wideMedia(), styles, bodyStyles, headScript, mainScript, prefetch, sectionIds, loadTimeoutMs: LOAD_TIMEOUT_MS, preview, csp: CSP, sourcesLinkText: words.sources.full_list_link });
      // The pages are served under style-src 'self': an inline style would be blocked.
      if (/<[^>]*\sstyle=/.test(html)) throw new BakeError(`the ${lang} page has an inline style attribute, which the CSP blocks`);
      const file = path.join(out, dir, 'index.html');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, html);
      written.push({ lang, file, bytes: Buffer.byteLength(html) });
      const title = `${words.table.page_title} · ${words.meta.title}`;
      const tables = await page.evaluate(bakeTablesInPage, { title });
      const tablesFile = path.join(out, dir, 'tables.html');
      fs.writeFileSync(tablesFile, tables);
      written.push({ lang, file: tablesFile, bytes: Buffer.byteLength(tables) });
      const staticHtml = await bakeStaticVersion(browser, `${server.url}?lang=${lang}`, dir, out, words);
      written.push({ lang, file: path.join(out, dir, 'static.html'), bytes: Buffer.byteLength(staticHtml) });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  precompressTree(out);
  return written;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : undefined;
  bake({ out })
    .then((written) => {
      for (const { lang, file, bytes } of written) console.log(`${lang}: ${path.relative(REPO_ROOT, file)} (${bytes} bytes)`);
    })
    .catch((e) => {
      console.error(`bake failed: ${e instanceof BakeError ? e.message : e.stack || e}`);
      process.exit(1);
    });
}
