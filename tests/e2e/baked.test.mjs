// The baked pages (dist/, written by tools/bake.mjs in the build): the first response already
// is the article. Without JavaScript each language page shows its headline and every chart as
// SVG at phone and desktop width, in light and dark; the only script before first paint is
// js/head.js, which applies ?section and ?theme at once; with JavaScript the page comes to life
// with the same text and the same chart drawing, without moving anything (CLS 0). How the site
// is served and delivered (budget, hashed names, slow networks, subpath, CSP): baked-hosting.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, openPage, waitForReady, readWwwJson, screenPixel, DESKTOP, PHONE, DIST, BAKED_PAGES, REPO_ROOT } from './harness.mjs';
import { bakedSiteAndBrowser } from './shared.mjs';
import { slimSvg } from '../../tools/slim-svg.mjs';
import { alternateLinks } from '../../tools/bake.mjs';

const PAGES = BAKED_PAGES;
const dataset = readWwwJson('data/capex-dataset.json');
const CHART_IDS = dataset.charts.map((c) => c.id);
const BG = { light: 'rgb(255, 255, 255)', dark: 'rgb(24, 26, 30)' };
const BG_HEX = { light: '#ffffff', dark: '#181a1e' };

const env = bakedSiteAndBrowser();

/** An init script: no crypto.subtle, as on a plain-http host, so no digest: the page takes the whole core. */
const withoutDigests = () => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });

/**
 * What the page shows: headline, the visible chart drawings (inline SVGs and SVG pictures, with
 * their labels) and canvases. A picture's background is painted by its image alone: the box
 * behind it is made magenta, which must not show through (the test reads the pixel).
 */
function readPage() {
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none';
  const charts = {};
  for (const section of document.querySelectorAll('[data-chart]')) {
    const drawings = [...section.querySelectorAll('.chart-svg')].filter(visible);
    charts[section.dataset.chart] = drawings.map((el) => {
      const img = el.querySelector('img');
      if (img) el.style.background = '#ff00ff';
      return {
        label: img ? img.alt : el.getAttribute('aria-label'),
        role: img ? 'img' : el.getAttribute('role'),
        image: Boolean(img),
        width: el.getBoundingClientRect().width,
        column: section.getBoundingClientRect().width,
        background: img ? null : getComputedStyle(el.querySelector('rect')).fill,
      };
    });
  }
  const shownControls = [...document.querySelectorAll('.currency-switch, .figures-switch, .presets, .calc-group')].filter(visible).length;
  return { headline: document.getElementById('headline').textContent.trim(), charts, shownControls, noscript: document.querySelectorAll('noscript').length };
}

/** The chart `id`'s visible drawing's colour near its top left corner, as CSS writes it. */
async function drawnBackground(page, id) {
  const drawing = page.locator(`[data-chart="${id}"] .chart-svg`).locator('visible=true');
  return `rgb(${(await screenPixel(drawing, 2, 2)).join(', ')})`;
}

for (const [lang, dir] of Object.entries(PAGES)) {
  test(`${lang}: without JavaScript the baked page shows the headline and every chart (the first inline, the rest as images), at 390 and 1280 px, light and dark`, { timeout: 90_000 }, async () => {
    const words = readWwwJson(`i18n/${lang}.json`);
    for (const [size, scheme] of [
      [PHONE, 'light'],
      [PHONE, 'dark'],
      [DESKTOP, 'light'],
      [DESKTOP, 'dark'],
    ]) {
      const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...size, colorScheme: scheme, javaScriptEnabled: false });
      try {
        const shown = await p.page.evaluate(readPage);
        assert.equal(shown.headline, words.page.headline);
        assert.deepEqual(Object.entries(shown.charts).filter(([, d]) => d.length && !d[0].image).map(([id]) => id), [CHART_IDS[0]], 'only the first chart is drawn in the HTML');
        for (const id of [...CHART_IDS, 'model-breakeven']) {
          const svgs = shown.charts[id];
          assert.equal(svgs?.length, 1, `${lang} ${size.viewport.width}px: ${id} shows ${svgs?.length ?? 0} SVGs, not one`);
          assert.equal(svgs[0].role, 'img');
          assert.ok(svgs[0].label.length > 10, `${id}: the SVG has a text label`);
          assert.ok(svgs[0].width >= svgs[0].column * 0.9, `${id}: the chart does not fill its column (${svgs[0].width} of ${svgs[0].column}px)`);
          assert.ok(svgs[0].width > size.viewport.width * 0.45, `${id}: the chart is narrow (${svgs[0].width}px)`);
          const background = svgs[0].image ? await drawnBackground(p.page, id) : svgs[0].background;
          assert.equal(background, BG[scheme], `${id}: the chart background follows the ${scheme} scheme`);
        }
        assert.equal(shown.shownControls, 0, 'controls that only work live are hidden');
        assert.equal(shown.noscript, 0, 'no "needs JavaScript" notice');
        assert.deepEqual(p.problems(), []);
      } finally {
        await p.close();
      }
    }
  });
}

test('the only script before first paint is js/head.js, under 1.3 KB gzip; nothing is preloaded', () => {
  for (const dir of Object.values(PAGES)) {
    const html = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1, `${dir || '/'}: ${scripts.join(' ')}`);
    assert.match(scripts[0], /src="(\.\.\/|\.\/)?js\/head\.[0-9a-f]{10}\.js"/, 'the head script, named by its content');
    // Not even the core, which would come one round trip sooner: WebKit does not hand a
    // preloaded response to fetch(), and fetches the core (159 KB) twice.
    assert.doesNotMatch(html, /rel="(preload|modulepreload)"/);
    // The tables page runs no script: it asks for nothing a script would use.
    const tables = fs.readFileSync(path.join(DIST, dir, 'tables.html'), 'utf8');
    assert.doesNotMatch(tables, /<script\b|rel="(preload|modulepreload)"/, `${dir || '/'}tables.html`);
  }
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const head = fs.readFileSync(path.join(DIST, html.match(/<script src="\.\/(js\/head\.[0-9a-f]{10}\.js)"/)[1]));
  // (1.25 KB until it also chose between the two cores, which saves 10 KB of the wasm.)
  assert.ok(zlib.gzipSync(head, { level: 9 }).length < 1331, 'js/head.js is under 1.3 KB gzip');
});

test('js/embed-host.js as shipped is as small as the README says', () => {
  const said = /host script[\s\S]*?under (\d+) bytes gzip as shipped/.exec(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));
  assert.ok(said, 'the README no longer gives the host script\'s size');
  const size = zlib.gzipSync(fs.readFileSync(path.join(DIST, 'js', 'embed-host.js')), { level: 9 }).length;
  assert.ok(size < Number(said[1]), `js/embed-host.js is ${size} bytes gzip, the README says under ${said[1]}`);
});

test('the first view of each language is within budget: at most 3 requests, asked for at once, and 30 KB gzip; the calculator\'s stylesheet waits just before it', () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const html = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
    const [head, body] = html.split('</head>');
    // What the browser must fetch before it can paint: the page, the stylesheets and scripts of
    // its head. A stylesheet in the body holds back only what follows it.
    const blocking = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"/g)].map((m) => m[1] || m[2]);
    const files = blocking.map((href) => path.join(DIST, dir, href));
    const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
    const bytes = gz(Buffer.from(html)) + files.reduce((n, f) => n + gz(fs.readFileSync(f)), 0);
    const parts = [`html ${gz(Buffer.from(html))}`, ...files.map((f) => `${path.basename(f)} ${gz(fs.readFileSync(f))}`)].join(', ');
    assert.ok(1 + blocking.length <= 3, `${lang}: ${1 + blocking.length} requests before first paint (${parts})`);
    // The page's policy keeps Chromium's preload scanner from fetching ahead: a blocking script
    // before the stylesheet would hold its request until the script had come and run.
    assert.match(blocking[0], /css\/page\.[0-9a-f]{10}\.css$/, `${lang}: the stylesheet is not asked for first (${blocking.join(', ')})`);
    assert.ok(bytes <= 30 * 1024, `${lang}: first view ${bytes} bytes gzip (${parts})`);
    const inBody = [...body.matchAll(/<link rel="stylesheet" href="([^"]+)">(<[^>]*>)/g)].map((m) => [m[1], m[2]]);
    assert.equal(inBody.length, 1, `${lang}: stylesheets in the body: ${JSON.stringify(inBody)}`);
    assert.match(inBody[0][0], /css\/calculator\.[0-9a-f]{10}\.css$/);
    assert.match(inBody[0][1], /id="calculator"/, 'the calculator\'s stylesheet comes just before it');
  }
});

test('a data file the core refuses: the baked page says so, keeps its published charts, and the calculator comes to life', { timeout: 60_000 }, async () => {
  const words = readWwwJson('i18n/en.json');
  const p = await openPage(env.browser, `${env.server.url}en/`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-figures*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1}' })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const message = await p.page.locator('#status [data-message="dataset"]').innerText();
    assert.ok(message.includes(words.status.dataset_kept_published), `the message does not say the published charts stay: ${message}`);
    const shown = await p.page.evaluate(readPage);
    for (const id of CHART_IDS) assert.equal(shown.charts[id]?.length, 1, `${id}: the published chart is not shown`);
    // Away from the screen its baked drawing stands in; brought near, it is drawn live.
    await p.page.locator('#calculator canvas').first().scrollIntoViewIfNeeded();
    await p.page.waitForFunction(() => document.querySelector('#calculator canvas')?.dataset.drawn === '1', null, { timeout: 5_000 }).catch(() => {});
    const calc = await p.page.evaluate(() => document.querySelector('#calculator canvas')?.dataset.drawn);
    assert.equal(calc, '1', "the calculator's chart is not drawn");
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test("the core reads the figures the build checked without its rules again (the core built without them), and checks in full a file changed under the same name", { timeout: 90_000 }, async () => {
  const words = readWwwJson('i18n/en.json');
  const figuresFile = fs.readdirSync(path.join(DIST, 'data')).find((f) => /^capex-figures\.en\.[0-9a-f]{10}\.json$/.test(f));
  const figures = JSON.parse(fs.readFileSync(path.join(DIST, 'data', figuresFile), 'utf8'));
  const fact = figures.facts.find((f) => figures.charts[0].facts.includes(f.id));
  // The same shape, one rule broken: a fact citing a source the file does not list.
  const changed = JSON.stringify({ ...figures, facts: figures.facts.map((f) => (f === fact ? { ...f, source: 'no-such-source' } : f)) });
  const CHECKED_CORE = /^ai_capex_explainer_checked_bg\.[0-9a-f]{10}\.wasm$/;
  const WHOLE_CORE = /^ai_capex_explainer_bg\.[0-9a-f]{10}\.wasm$/;
  for (const [label, options, checkedByBuild, withoutRules, coresFetched] of [
    ['as built', {}, true, true, [CHECKED_CORE]],
    // The head script asked for the core without the rules; the page takes the whole one.
    ['changed on the host', { route: (context) => context.route(`**/data/${figuresFile}`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: changed })) }, false, false, [CHECKED_CORE, WHOLE_CORE]],
    // No digest without crypto.subtle (a plain-http host): only the whole core is asked for.
    ['without crypto.subtle', { initScript: withoutDigests }, false, false, [WHOLE_CORE]],
    // The smaller core missing on the host: the whole one does.
    ['the core without the rules missing', { route: (context) => context.route('**/pkg/ai_capex_explainer_checked_bg.*.wasm', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' })) }, true, false, [CHECKED_CORE, WHOLE_CORE]],
  ]) {
    const p = await openPage(env.browser, `${env.server.url}en/`, { ...DESKTOP, ...options });
    try {
      assert.equal(await waitForReady(p.page), 'ready', label);
      const page = await p.page.evaluate(() => ({
        checked: window.__explainer.datasetCheckedByBuild,
        withoutRules: window.__explainer.coreWithoutRules,
        cores: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.split('/').pop()).filter((name) => name.endsWith('.wasm')),
      }));
      assert.equal(page.checked, checkedByBuild, label);
      assert.equal(page.withoutRules, withoutRules, `${label}: the core taken`);
      assert.equal(page.cores.length, coresFetched.length, `${label}: cores fetched ${page.cores}`);
      coresFetched.forEach((pattern, i) => assert.match(page.cores[i], pattern, label));
      // The core without the rules is also without the SVG writer (Cargo feature "svg": only the
      // bake and tests ask for SVG), and says so; the whole core writes it.
      const svg = await p.page.evaluate(() => {
        try {
          return window.__explainer.svg('us-capex', 400, 300).slice(0, 4);
        } catch (e) {
          return String(e && e.message);
        }
      });
      if (withoutRules) assert.match(svg, /writes no SVG/, `${label}: svg()`);
      // The whole core writes it, from the figures it took (it refuses the file changed on the host).
      else assert.equal(svg, label === 'changed on the host' ? 'no dataset has been accepted yet' : '<svg', `${label}: svg()`);
      const message = await p.page.locator('#status [data-message="dataset"]').count();
      if (label === 'changed on the host') {
        const text = await p.page.locator('#status [data-message="dataset"]').innerText();
        assert.ok(text.includes(words.status.dataset_kept_published), `${label}: the core did not refuse the file: ${text}`);
      } else assert.equal(message, 0, `${label}: a dataset problem is shown`);
      assert.equal(await p.page.locator('#status [data-message="core"]').count(), 0, `${label}: the page says the core failed`);
      assert.deepEqual(p.pageErrors, [], label);
    } finally {
      await p.close();
    }
  }
});

test('after load the page holds at most 1,500 elements; the tables are built when opened', { timeout: 60_000 }, async () => {
  for (const size of [PHONE, DESKTOP]) {
    const p = await openPage(env.browser, `${env.server.url}en/`, { ...size });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const count = await p.page.evaluate(() => document.querySelectorAll('*').length);
      assert.ok(count <= 1500, `${size.viewport.width}px: ${count} elements after load`);
    } finally {
      await p.close();
    }
  }
});

test('without JavaScript every table is on the tables page of each language', { timeout: 60_000 }, async () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...PHONE, javaScriptEnabled: false });
    try {
      await p.page.locator('#chart-us-capex details.table-details summary').click();
      const link = p.page.locator('#chart-us-capex details.table-details .table-fallback a');
      assert.ok(await link.isVisible(), `${lang}: a closed table points to the tables page`);
      await link.click();
      await p.page.waitForURL(/tables\.html$/);
      for (const chart of dataset.charts) {
        const rows = await p.page.locator(`#chart-${chart.id} tr.fact-row`).count();
        assert.equal(rows, chart.facts.length + (chart.context || []).length, `${lang} ${chart.id}: rows on the tables page`);
      }
      assert.equal(await p.page.locator('svg.chart-svg, canvas').count(), 0, 'the tables page has no charts');
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  }
});

test('the sources section gives the grades and links to every source, on the tables page, with JavaScript or without', { timeout: 60_000 }, async () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...PHONE, javaScriptEnabled: false });
    try {
      assert.equal(await p.page.locator('#sources .grade-legend dt').count(), 4, `${lang}: the grade legend stays on the page`);
      assert.equal(await p.page.locator('#sources .source-list > li').count(), 0, `${lang}: the full list is not in the first view`);
      const link = p.page.locator('#sources .sources-more a');
      assert.ok((await link.innerText()).includes(String(dataset.sources.length)), `${lang}: the link says how many sources there are`);
      await link.click();
      await p.page.waitForURL(/tables\.html#sources$/);
      const listed = await p.page.locator('#sources .source-list > li').evaluateAll((items) => items.map((li) => li.id));
      assert.deepEqual(listed.sort(), dataset.sources.map((s) => `source-${s.id}`).sort(), `${lang}: the tables page lists every source`);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
    // The live page keeps the section as baked: the full list needs the figures' words, which
    // the page loads only when a reader asks for them.
    const live = await openPage(env.browser, `${env.server.url}${dir}`, PHONE);
    try {
      assert.equal(await waitForReady(live.page), 'ready');
      assert.equal(await live.page.locator('#sources .source-list > li').count(), 0, `${lang}: the live page lists the sources`);
      assert.ok(await live.page.locator('#sources .sources-more a[href="tables.html#sources"]').isVisible(), `${lang}: the live page lost the link to every source`);
      assert.deepEqual(live.requests.filter((url) => /capex-words/.test(url)), [], `${lang}: the words were loaded unasked`);
    } finally {
      await live.close();
    }
  }
});

test("the calculator's method is built when opened; without JavaScript its line leads to the tables page, which holds it open with both tables", { timeout: 60_000 }, async () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const words = readWwwJson(`i18n/${lang}.json`).calculator;
    const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...PHONE, javaScriptEnabled: false });
    try {
      const method = p.page.locator('#how-calculated');
      assert.equal(await method.locator('table').count(), 0, `${lang}: the first HTML carries the method's tables`);
      await method.locator('summary').click();
      const link = method.locator('.table-fallback a');
      assert.equal(await link.textContent(), words.method.fallback);
      await link.click();
      await p.page.waitForURL(/tables\.html#how-calculated$/);
      const block = p.page.locator('#how-calculated');
      assert.equal(await block.evaluate((el) => el.open && !el.closest('#calculator')), true, `${lang}: the tables page holds the method open`);
      assert.equal(await block.locator('table').count(), 2, `${lang}: the inputs' and the constants' tables`);
      assert.ok((await block.locator('table').first().locator('tbody tr').count()) > 10, `${lang}: the inputs' table has its rows`);
      assert.equal(await block.locator('h3').first().textContent(), words.method.defaults_heading);
    } finally {
      await p.close();
    }
  }
});

test('language alternates: absolute addresses with x-default and the canonical when the host is known (BASE_URL), none in a bake without one', () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const head = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8').split('</head>')[0];
    assert.doesNotMatch(head, /rel="(alternate|canonical)"/, `${lang}: a bake without BASE_URL writes relative alternates`);
  }
  const links = alternateLinks('en/', 'https://news.example/graphics/ai-capex');
  assert.deepEqual(links, [
    { rel: 'canonical', href: 'https://news.example/graphics/ai-capex/en/' },
    { rel: 'alternate', hreflang: 'zh-Hans', href: 'https://news.example/graphics/ai-capex/' },
    { rel: 'alternate', hreflang: 'en', href: 'https://news.example/graphics/ai-capex/en/' },
    { rel: 'alternate', hreflang: 'zh-Hant', href: 'https://news.example/graphics/ai-capex/zh-Hant/' },
    { rel: 'alternate', hreflang: 'x-default', href: 'https://news.example/graphics/ai-capex/' },
  ]);
  assert.deepEqual(alternateLinks('en/', ''), []);
});

test('the tables pages give every converted figure one qualifier, and a half year kept beside the US chart says it is a half year', () => {
  const words = Object.fromEntries(Object.keys(PAGES).map((lang) => [lang, readWwwJson(`i18n/${lang}.json`)]));
  for (const [lang, dir] of Object.entries(PAGES)) {
    const text = fs.readFileSync(path.join(DIST, dir, 'tables.html'), 'utf8');
    assert.doesNotMatch(text, /约约|約約|约超过|約超過|≈ (about|over|at least|up to) /, `${lang}: a doubled qualifier`);
    const otherPeriod = words[lang].table.context_other_period.split('{')[0];
    assert.ok(text.includes(otherPeriod), `${lang}: “${otherPeriod}” for the H1-2025 record`);
  }
});

test('readers see when the figures were last corrected, how current they are and what changed, without JavaScript', { timeout: 60_000 }, async () => {
  const latest = dataset.changelog[0];
  for (const [lang, dir] of Object.entries(PAGES)) {
    const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...PHONE, javaScriptEnabled: false });
    try {
      const updated = p.page.locator('#updated a');
      assert.equal(await updated.getAttribute('href'), '#updates');
      assert.match(await updated.textContent(), new RegExp(latest.date.slice(0, 4)), `${lang}: the update line names the date`);
      // Beside it, the data cut-off: the month of the latest source, however late the last edit.
      const words = readWwwJson(`i18n/${lang}.json`);
      const [y, m] = dataset.sources.map((s) => s.date.slice(0, 7)).reduce((a, b) => (b > a ? b : a)).split('-');
      const month = words.format.date.month.replace('{y}', y).replace('{m}', String(Number(m))).replace('{month}', words.format.month[String(Number(m))]);
      assert.equal(await p.page.locator('#updated .cutoff').textContent(), words.footer.data_cutoff.replace('{date}', month), `${lang}: the data cut-off`);
      const first = (await p.page.locator('#updates li').first().textContent()).replace(/\s+/g, ' ');
      assert.ok(first.includes(latest.text[lang].slice(0, 30)), `${lang}: the newest change is listed first: “${first.slice(0, 120)}”`);
    } finally {
      await p.close();
    }
  }
});

test('each language page names a preview image for link cards, and the image is a chart of that size', () => {
  for (const [lang, dir] of Object.entries(PAGES)) {
    const html = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
    const meta = (name) => new RegExp(`<meta property="${name}" content="([^"]+)">`).exec(html)?.[1];
    const png = fs.readFileSync(path.join(DIST, dir, meta('og:image')));
    assert.equal(png.subarray(1, 4).toString(), 'PNG', `${lang}: og:image is a PNG`);
    assert.equal(png.readUInt32BE(16), Number(meta('og:image:width')), `${lang}: og:image:width`);
    assert.equal(png.readUInt32BE(20), Number(meta('og:image:height')), `${lang}: og:image:height`);
    assert.ok(png.readUInt32BE(16) >= 600, `${lang}: wide enough for a link card`);
    assert.equal(meta('og:title'), readWwwJson(`i18n/${lang}.json`).meta.title);
  }
});

test('?section and ?theme are right at first paint, before any module runs, the chart images included', { timeout: 60_000 }, async () => {
  for (const [theme, scheme] of [
    ['dark', 'light'],
    ['light', 'dark'],
  ]) {
    const p = await openPage(env.browser, `${env.server.url}en/?section=cloud-growth,calculator&theme=${theme}`, {
      ...DESKTOP,
      colorScheme: scheme,
      // Block the live page: what shows is what the first paint shows.
      route: (context) => context.route(/\/js\/main(\.[0-9a-f]+)?\.js$/, (route) => route.abort()),
    });
    try {
      // js/head.js notices its script failed (asynchronously) and says so.
      await p.page.waitForFunction(() => document.documentElement.dataset.state === 'error', null, { timeout: 5_000 });
      const shown = await p.page.evaluate(() => {
        const displayed = (id) => getComputedStyle(document.getElementById(id)).display !== 'none';
        // The picture's own box in magenta: only the image's drawing may show.
        document.querySelector('#chart-cloud-growth picture').style.background = '#ff00ff';
        return {
          sections: [...document.querySelectorAll('#charts > section[data-chart], #calculator, #sources')].filter((s) => displayed(s.id)).map((s) => s.dataset.chart || s.id),
          background: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
          state: document.documentElement.dataset.state,
        };
      });
      assert.deepEqual(shown.sections.sort(), ['calculator', 'cloud-growth']);
      assert.equal(shown.background, BG_HEX[theme], `the ${theme} colours apply`);
      assert.equal(shown.state, 'error', 'the live page ran');
      assert.equal(await drawnBackground(p.page, 'cloud-growth'), BG[theme], `the chart image is drawn in ${theme} colours`);
    } finally {
      await p.close();
    }
  }
});

test('language links go to each language page without JavaScript', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, env.server.url, { ...PHONE, javaScriptEnabled: false });
  try {
    await p.page.locator('#lang-switch a[hreflang="en"]').click();
    await p.page.waitForURL(/\/en\/$/);
    assert.equal((await p.page.locator('#headline').textContent()).trim(), readWwwJson('i18n/en.json').page.headline);
    await p.page.locator('#lang-switch a[hreflang="zh-Hant"]').click();
    await p.page.waitForURL(/\/zh-Hant\/$/);
    assert.equal((await p.page.locator('#headline').textContent()).trim(), readWwwJson('i18n/zh-Hant.json').page.headline);
  } finally {
    await p.close();
  }
});

/**
 * The article's words, without the words drawn inside the charts (SVG text, canvas pixels) and
 * without the sources after their grade legend (the baked page links to the full list on
 * tables.html; the live page lists it: a test of its own holds both).
 */
function articleText() {
  const main = document.querySelector('main').cloneNode(true);
  for (const svg of main.querySelectorAll('svg')) svg.remove();
  const legend = main.querySelector('#sources .grade-legend');
  while (legend?.nextSibling) legend.nextSibling.remove();
  return main.textContent.replace(/\s+/g, ' ').trim();
}

/** Null when equal, else the two texts around where they first differ. */
function firstDifference(a, b) {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return { at: i, live: a.slice(Math.max(0, i - 60), i + 80), baked: b.slice(Math.max(0, i - 60), i + 80) };
}

for (const [lang, dir] of Object.entries(PAGES)) {
  test(`${lang}: the page comes to life with the same text and chart drawing, and nothing moves`, { timeout: 90_000 }, async () => {
    // The core is held back until the baked article has been read, so the reading is of the
    // baked page, whatever the speed of the machine.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    // The width the charts were baked at, so the live drawing can be compared with the SVG.
    const size = { viewport: { width: 320, height: 900 }, deviceScaleFactor: 1 };
    const p = await openPage(env.browser, `${env.server.url}${dir}`, {
      ...size,
      waitUntil: 'domcontentloaded',
      route: (context) =>
        context.route(/\.wasm$/, async (route) => {
          await held;
          await route.continue();
        }),
      initScript: () => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    try {
      // Parsed, and the live page has not replaced the article (it waits for the core).
      assert.ok(await p.page.evaluate(() => document.querySelectorAll('svg.chart-svg').length > 0), 'still the baked article');
      const bakedText = await p.page.evaluate(articleText);
      const bakedSvg = await p.page.evaluate(() => document.querySelector('#chart-us-capex svg.chart-svg-narrow').outerHTML);
      release();
      assert.equal(await waitForReady(p.page), 'ready');
      const live = await p.page.evaluate((articleTextSource) => {
        const articleText = new Function(`return (${articleTextSource})`)();
        const { width, height } = document.querySelector('#chart-us-capex canvas').getBoundingClientRect();
        return {
          readersCore: window.__explainer.coreWithoutRules,
          text: articleText(),
          width: Math.round(width),
          height: Math.round(height),
          hits: JSON.stringify(window.__explainer.marks('us-capex')),
          shift: window.__shift,
          svgsLeft: document.querySelectorAll('svg.chart-svg').length,
          marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        };
      }, articleText.toString());
      assert.equal(live.readersCore, true, 'the page did not take the readers\' core');
      assert.equal(firstDifference(live.text, bakedText), null, 'the live article says what the baked one said');
      // The readers' core writes no SVG: the whole one (no digest without crypto.subtle), in a
      // page of the same size, draws the chart as SVG at the live canvas's size, and the same
      // marks where the readers' core drew them.
      const whole = await openPage(env.browser, `${env.server.url}${dir}`, { ...size, initScript: withoutDigests });
      let drawn;
      try {
        assert.equal(await waitForReady(whole.page), 'ready');
        drawn = await whole.page.evaluate(({ width, height }) => ({ svg: window.__explainer.svg('us-capex', width, height), hits: JSON.stringify(window.__explainer.marks('us-capex')) }), live);
        assert.deepEqual(whole.problems(), []);
      } finally {
        await whole.close();
      }
      assert.equal(drawn.hits, live.hits, 'the whole core drew the chart otherwise than the readers\' core');
      // Same chart code, same measuring, same size: the same drawing, element by element (the
      // bake leaves out what restates SVG's defaults; serialised by the DOM, as the baked SVG was).
      const liveSvg = await p.page.evaluate((markup) => {
        const holder = document.createElement('div');
        holder.innerHTML = markup;
        return holder.firstElementChild.outerHTML;
      }, slimSvg(drawn.svg));
      const shapes = (svg) => svg.replace(/<svg[^>]*>/, '');
      assert.equal(shapes(liveSvg), shapes(bakedSvg), 'the live chart is drawn as the baked one was');
      assert.equal(live.svgsLeft, 0, 'the canvases took over every chart');
      assert.equal(live.shift, 0, 'cumulative layout shift');
      const { 'explainer:first-chart': firstChart, 'explainer:interactive': interactive } = live.marks;
      assert.ok(firstChart > 0 && interactive > firstChart, `marks: first chart ${firstChart} ms, interactive ${interactive} ms`);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  });
}

test('a currency switch leaves the calculator charts far from the reader as baked, each drawn only as it comes near', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, PHONE);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const far = () =>
      p.page.evaluate(() =>
        [...document.querySelectorAll('#calculator section[data-chart]')]
          .filter((s) => s.querySelector('canvas').dataset.drawn !== '1' && s.querySelector('.chart-frame > .chart-svg'))
          .map((s) => s.dataset.chart),
      );
    const before = await far();
    assert.ok(before.includes('model-risk'), `the risk chart is drawn though far: ${before}`);
    await p.page.locator('#currency-switch button[data-currency="CNY"]').click();
    await p.page.waitForFunction(() => !document.querySelector('#calculator .is-updating'), null, { timeout: 20_000 });
    await p.page.waitForTimeout(300);
    assert.deepEqual(await far(), before, 'charts far from the reader were drawn (or lost their baked image) at the switch');
    await p.page.locator('#model-risk canvas').scrollIntoViewIfNeeded();
    await p.page.waitForFunction(() => document.querySelector('#model-risk canvas').dataset.drawn === '1', null, { timeout: 5_000 });
    assert.equal(await p.page.locator('#model-risk .chart-frame > .chart-svg').count(), 0, 'the baked image stayed beside the live chart');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});
