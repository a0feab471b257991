// The baked site as a host serves it and a slow network delivers it: everything the live page
// loads, and a reader's full visit, stay within the committed budgets, under content-hashed names; a page whose HTML
// arrives slowly shows its first chart at once and comes to life only once it is all there; no
// chart is ever a blank box on the way; the site works from a subpath; and one security policy
// holds, sent by the server or carried by the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, openPage, waitForReady, REPO_ROOT, PHONE, CSP, DIST, BAKED_PAGES } from './harness.mjs';
import { bakedSiteAndBrowser } from './shared.mjs';
import { COMPRESSIBLE } from '../../tools/precompress.mjs';

const PAGES = BAKED_PAGES;

const env = bakedSiteAndBrowser();

/** Committed sizes of everything the interactive page loads (UPDATE_BUDGET=1 rewrites it). */
const BUDGET_FILE = path.join(REPO_ROOT, 'tests', 'e2e', 'interactive-budget.json');
/** The same for a reader's full visit (the bench's, from ready and without its waits). */
const VISIT_BUDGET_FILE = path.join(REPO_ROOT, 'tests', 'e2e', 'visit-budget.json');
/** Slack for a typo fix; anything bigger is a decision, made by rewriting the baseline. */
const BUDGET_SLACK_BYTES = 1024;
const HASHED = /\.[0-9a-f]{10}(\.[a-z]+)$/;

/**
 * Each language page opened on a phone, `visit(page)` done on it; resolves to { lang: { total,
 * files } }, gzip bytes by file (its name without the hash), each file checked to be hashed and
 * cached for good.
 */
async function bytesLoaded(visit) {
  const measured = {};
  for (const [lang, dir] of Object.entries(PAGES)) {
    const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...PHONE, goto: false });
    const bodies = [];
    const inFlight = new Set();
    p.page.on('request', (request) => inFlight.add(request));
    p.page.on('requestfailed', (request) => inFlight.delete(request));
    p.page.on('requestfinished', (request) => {
      inFlight.delete(request);
      bodies.push(
        request.response().then(async (r) => ({ url: request.url(), cache: r?.headers()['cache-control'], body: r ? await r.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0) })),
      );
    });
    try {
      await p.page.goto(`${env.server.url}${dir}`);
      assert.equal(await waitForReady(p.page), 'ready');
      await visit(p.page);
      // Every request the visit started counted, finished (a word file asked for last, say).
      for (let waited = 0; inFlight.size && waited < 10_000; waited += 50) await p.page.waitForTimeout(50);
      assert.equal(inFlight.size, 0, `${lang}: still loading ${[...inFlight].map((r) => r.url())}`);
      const files = {};
      for (const { url, cache, body } of await Promise.all(bodies)) {
        const rel = new URL(url).pathname.slice(1) || 'index.html';
        const name = rel.endsWith('/') || rel === dir ? `${rel}index.html` : rel;
        if (!name.endsWith('index.html')) {
          assert.match(name, HASHED, `${lang}: ${name} is loaded under a name without its content hash`);
          assert.match(cache || '', /immutable/, `${lang}: ${name} is not sent as cacheable for good`);
        }
        const key = name.replace(HASHED, '$1').replace(/^(en|zh-Hant)\//, '');
        files[key] = (files[key] || 0) + zlib.gzipSync(body, { level: 9 }).length;
      }
      measured[lang] = { total: Object.values(files).reduce((a, b) => a + b, 0), files };
    } finally {
      await p.close();
    }
  }
  return measured;
}

/** `measured` within the baseline in `file` (UPDATE_BUDGET=1 writes it there first). */
function holdBudget(file, measured, what) {
  if (process.env.UPDATE_BUDGET) fs.writeFileSync(file, `${JSON.stringify(measured, null, 2)}\n`);
  const baseline = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [lang, now] of Object.entries(measured)) {
    const before = baseline[lang];
    assert.ok(before, `${lang}: no baseline in ${path.relative(REPO_ROOT, file)} (run with UPDATE_BUDGET=1)`);
    const grew = Object.entries(now.files)
      .filter(([name, bytes]) => bytes > (before.files[name] || 0))
      .map(([name, bytes]) => `${name} ${before.files[name] || 0} → ${bytes}`);
    assert.ok(now.total <= before.total + BUDGET_SLACK_BYTES, `${lang}: ${what} loads ${now.total} bytes gzip, the baseline is ${before.total}; grew: ${grew.join(', ')}`);
  }
}

test('everything the interactive page loads stays within the committed baseline, and every file but the page is content-hashed and cached', { timeout: 90_000 }, async () => {
  holdBudget(BUDGET_FILE, await bytesLoaded(async () => {}), 'the interactive page');
});

// The bench's full visit (tests/e2e/bench/visit.mjs), from ready and without its waits: every
// chart on screen in turn, a figure's source, a slider, the largest table, the source's words. (The
// goal was 140 KB gzip; the core alone is 159 KB: README, "A full visit".)
test("a reader's full visit loads no more than the committed baseline, every file content-hashed and cached", { timeout: 120_000 }, async () => {
  const visit = async (page) => {
    for (const id of await page.evaluate(() => [...document.querySelectorAll('section[data-chart], #calculator')].map((el) => el.id))) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForTimeout(150);
    }
    await page.locator('.fact-ref').first().click();
    await page.locator('#in-demand_growth').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#model-map details.table-details > summary').click();
    // The source's table says its words are coming until they are in.
    await page.waitForFunction(() => !document.querySelector('.words-status'), null, { timeout: 10_000 });
  };
  holdBudget(VISIT_BUDGET_FILE, await bytesLoaded(visit), "a reader's full visit");
});

test('a page whose HTML arrives slowly shows its first chart at once and comes to life only once it has all arrived', { timeout: 60_000 }, async () => {
  // In front of the static server: the page itself arrives in two parts, the second (the
  // calculator onwards) 1.5 s after the first, as on a slow mobile network.
  const HOLD_MS = 1500;
  const proxy = http.createServer(async (req, res) => {
    const upstream = await fetch(new URL(req.url, env.server.url), { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await upstream.arrayBuffer());
    const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)));
    res.writeHead(upstream.status, headers);
    const cut = req.url.endsWith('/') ? body.indexOf('id="calculator"') : -1;
    if (cut < 0) return res.end(body);
    res.write(body.subarray(0, cut));
    setTimeout(() => res.end(body.subarray(cut)), HOLD_MS);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const p = await openPage(env.browser, `http://127.0.0.1:${proxy.address().port}/en/`, {
      ...PHONE,
      waitUntil: 'commit',
      // Whether the held-back part (the calculator onwards) had arrived when the first chart showed.
      initScript: () => {
        const mark = performance.mark.bind(performance);
        performance.mark = (name, ...rest) => {
          if (name === 'explainer:first-chart') window.__wholePageAtFirstChart = Boolean(document.getElementById('calculator'));
          return mark(name, ...rest);
        };
      },
    });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const t = await p.page.evaluate(() => ({
        firstChart: performance.getEntriesByName('explainer:first-chart')[0]?.startTime,
        wholePage: window.__wholePageAtFirstChart,
        status: document.getElementById('status').innerText.trim(),
      }));
      assert.ok(t.firstChart > 0, 'no first-chart mark');
      assert.equal(t.wholePage, false, `the first chart (${t.firstChart} ms) did not show before the rest of the page arrived`);
      assert.equal(t.status, '', 'the page shows a message');
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
  }
});

test('dist/ works from a subpath: every language page comes to life there and asks for nothing outside it', { timeout: 60_000 }, async () => {
  for (const dir of Object.values(PAGES)) {
    const url = `${env.server.subpathUrl}${dir}`;
    const p = await openPage(env.browser, url, { ...PHONE });
    try {
      assert.equal(await waitForReady(p.page), 'ready', url);
      const outside = p.requests.filter((r) => !new URL(r).pathname.startsWith(new URL(env.server.subpathUrl).pathname) && !r.startsWith('data:'));
      assert.deepEqual(outside, [], `${url}: requests outside the subpath`);
      assert.deepEqual(p.problems(), [], url);
      const links = await p.page.locator('#lang-switch a[hreflang]').evaluateAll((as) => as.map((a) => a.href));
      for (const href of links) assert.ok(href.startsWith(env.server.subpathUrl), `${url}: language link ${href} leaves the subpath`);
    } finally {
      await p.close();
    }
  }
});

test('while the page comes to life no chart is ever a blank box: charts away from the screen keep their baked drawing until drawn live', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, env.server.url, {
    ...PHONE,
    initScript: () => {
      // Each frame, until ready: every chart frame shows either its live drawing or a baked one.
      window.__blank = new Set();
      window.__deferred = new Set();
      const look = () => {
        for (const frame of document.querySelectorAll('[data-chart] .chart-frame')) {
          const id = frame.closest('[data-chart]').dataset.chart;
          const canvas = frame.querySelector('canvas');
          const svg = [...frame.querySelectorAll('.chart-svg')].some((el) => el.getClientRects().length > 0);
          if (canvas && canvas.dataset.drawn !== '1' && !svg) window.__blank.add(id);
          if (canvas && canvas.dataset.drawn !== '1' && svg) window.__deferred.add(id);
        }
        if (document.documentElement.dataset.state !== 'ready') requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const seen = await p.page.evaluate(() => ({ blank: [...window.__blank], deferred: [...window.__deferred] }));
    assert.deepEqual(seen.blank, [], 'charts shown as blank boxes while the page came to life');
    assert.ok(seen.deferred.length > 0, 'no chart was drawn after the page answered the reader (nothing deferred: the test saw nothing)');
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('one policy everywhere: the README states the CSP the tests run under, and every baked page carries it for hosts that send none', { timeout: 60_000 }, async () => {
  // Issue 9, finding 6.
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`Content-Security-Policy: ${CSP}`), 'the README does not state the policy the tests run under');
  for (const dir of Object.values(PAGES)) {
    for (const file of ['index.html', 'tables.html']) {
      const html = fs.readFileSync(path.join(DIST, dir, file), 'utf8');
      const meta = /<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      assert.equal(meta?.[1].replace(/&#39;/g, "'"), CSP, `${dir}${file}: no policy <meta> right after the charset, or another policy`);
    }
  }
  // A host that sends no header: the page's own <meta> holds, and the page uses nothing it forbids.
  const p = await openPage(env.browser, `${env.server.url}zh-Hant/`, {
    ...PHONE,
    route: (context) =>
      context.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      }),
    initScript: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.deepEqual(await p.page.evaluate(() => window.__violations), []);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('each text file and the wasm in dist/ has gzip and Brotli copies beside it, of the same bytes, for hosts that serve them as they are', () => {
  const files = fs.readdirSync(DIST, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('index.html')), 'the wasm and the pages are among them');
  for (const file of files) {
    const raw = fs.readFileSync(file);
    const where = path.relative(DIST, file);
    assert.ok(fs.existsSync(`${file}.gz`) && fs.existsSync(`${file}.br`), `${where}: no .gz or .br beside it`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)).equals(raw), `${where}.gz is not its bytes`);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)).equals(raw), `${where}.br is not its bytes`);
  }
});

