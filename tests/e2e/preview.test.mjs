// The editors' preview (www/preview.html): a replacement data file from this site or the
// editor's computer is checked by the page's own core with the same problem list as
// `./dev check-data`, and shown under a PREVIEW banner only when clean. A link can never put a
// file from elsewhere under the explainer's name, and the reader's page takes no file at all.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { trapHook } from './trap-hook.mjs';
import { startServer, launchBrowser, openPage, openTables, waitForReady, readWwwJson, REPO_ROOT, CSP } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The shipped file with one figure of the first chart changed to `value`. */
function candidate(value) {
  const data = readWwwJson('data/capex-dataset.json');
  const id = data.charts[0].facts.find((f) => data.facts.some((x) => x.id === f && x.value_high === undefined));
  data.facts.find((f) => f.id === id).value = value;
  return { data, id };
}

/** Serve `body` at /data/<name> on the test server, as a same-origin candidate file. */
const serving = (name, body) => (context) => context.route(`**/data/${name}`, (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body }));

/** What `./dev check-data` prints for the same file, one problem per line. */
function checkDataLines(name, bytes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
  fs.writeFileSync(path.join(dir, name), bytes);
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'check-data.mjs'), name], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  return run.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
}

async function previewState(page) {
  await page.waitForFunction(() => ['ready', 'refused', 'waiting', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 20_000 });
  return page.evaluate(() => ({
    state: document.documentElement.dataset.state,
    summary: document.getElementById('preview-summary').textContent,
    problems: [...document.querySelectorAll('#preview-problems li')].map((li) => li.textContent),
    banner: getComputedStyle(document.getElementById('preview-banner')).display !== 'none',
  }));
}

test("the preview page holds every element of the reader's page that js/page/page.js fills", () => {
  const ids = (file) => new Set([...fs.readFileSync(path.join(REPO_ROOT, 'www', file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const preview = ids('preview.html');
  assert.deepEqual([...ids('index.html')].filter((id) => !preview.has(id)), []);
});

test('a clean file from this site is shown under the PREVIEW banner with its figures', async () => {
  // 7770 reads the same at the page's three significant figures.
  const { data } = candidate(7770);
  const p = await openPage(browser, `${server.url}preview.html?file=data/candidate.json&lang=en`, { route: serving('candidate.json', JSON.stringify(data)) });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const seen = await previewState(p.page);
    assert.ok(seen.banner, 'no PREVIEW banner');
    assert.match(seen.summary, /candidate\.json: no problems/);
    assert.deepEqual(seen.problems, []);
    await openTables(p.page);
    const tables = await p.page.locator('#charts').textContent();
    assert.match(tables.replace(/[,\s]/g, ''), /7770/, 'the changed figure is not in the tables');
    assert.deepEqual(p.problems(), [], 'console or page errors');
  } finally {
    await p.close();
  }
});

test('a refused sheet lists the same problems as ./dev check-data, and no article is shown', async () => {
  const exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preview-')), 'figures.csv');
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'check-data.mjs'), '--export-csv', exported]);
  const csv = fs.readFileSync(exported, 'utf8').split('\n');
  // One money figure written the way no one should: "3800兆" (兆 is a million or a trillion).
  const header = csv[0].replace(/^\ufeff/, '').split(',');
  const valueColumn = header.indexOf('value');
  const row = csv.findIndex((line, i) => i > 0 && /,(usd_bn|cny_bn),/.test(line) && !line.includes('"'));
  const cells = csv[row].split(',');
  cells[valueColumn] = '3800兆';
  csv[row] = cells.join(',');
  const bytes = Buffer.from(csv.join('\n'));
  const expected = checkDataLines('sheet.csv', bytes);
  assert.ok(expected.length >= 1);

  const p = await openPage(browser, `${server.url}preview.html?file=data/sheet.csv`, { route: serving('sheet.csv', bytes) });
  try {
    const seen = await previewState(p.page);
    assert.equal(seen.state, 'refused');
    assert.deepEqual(seen.problems, expected, 'not the list ./dev check-data prints');
    assert.match(seen.problems[0], new RegExp(`^sheet\\.csv:${row + 1}: record ${cells[header.indexOf('id')]}, column value: `));
    assert.equal(await p.page.locator('#charts .chart-frame').count(), 0, 'an article was drawn from a refused file');
  } finally {
    await p.close();
  }
});

test('a file from elsewhere is never fetched or shown, however the address is written', async () => {
  for (const file of ['https://evil.example/data/x.json', '//evil.example/x.json', 'javascript:alert(1)//x.json', 'data/notes.html']) {
    const p = await openPage(browser, `${server.url}preview.html?file=${encodeURIComponent(file)}`);
    try {
      const seen = await previewState(p.page);
      assert.equal(seen.state, 'refused', file);
      assert.match(seen.summary, /^Not previewed: /, file);
      assert.deepEqual(p.foreignRequests(), [], `${file}: requests left the site`);
      assert.equal(await p.page.locator('#charts .chart-frame').count(), 0, file);
    } finally {
      await p.close();
    }
  }
});

test("the reader's page takes no data file from its address", async () => {
  const { data } = candidate(7777);
  const p = await openPage(browser, `${server.url}index.html?file=data/candidate.json&lang=en`, { route: serving('candidate.json', JSON.stringify(data)) });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await openTables(p.page);
    assert.ok(!p.requests.some((u) => new URL(u).pathname.endsWith('candidate.json')), 'the reader page fetched the file named in its address');
    assert.doesNotMatch((await p.page.locator('#charts').textContent()).replace(/[,\s]/g, ''), /7777/);
  } finally {
    await p.close();
  }
});

test("a file from the editor's computer is checked in the browser", async () => {
  const { data, id } = candidate(1.7e308);
  const p = await openPage(browser, `${server.url}preview.html?lang=en`);
  try {
    assert.equal((await previewState(p.page)).state, 'waiting');
    await p.page.setInputFiles('#preview-local', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data, null, 2)) });
    await p.page.waitForFunction(() => document.documentElement.dataset.state === 'refused');
    const seen = await previewState(p.page);
    assert.equal(seen.problems.length, 1, seen.problems.join('\n'));
    assert.match(seen.problems[0], new RegExp(`^mine\\.json:\\d+: facts\\[\\d+\\] \\(id ${id}\\)\\.value: `));
    assert.ok(!p.requests.some((u) => u.includes('mine')), 'the local file was sent somewhere');
  } finally {
    await p.close();
  }
});

test('a file over the 5 MB limit is refused with the page\'s message, from the computer and from the site', { timeout: 60_000 }, async () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
  const big = Buffer.from(`${text.trimEnd()}${' '.repeat(5 * 1024 * 1024)}\n`); // valid JSON, only too large
  const message = `the file is larger than 5 MB (${big.length} bytes or more), the most the page reads`;
  const refused = async (p) => {
    await p.page.waitForFunction(() => ['ready', 'refused', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 30_000 });
    const seen = await previewState(p.page);
    assert.equal(seen.state, 'refused', seen.summary);
    assert.deepEqual(seen.problems.map((line) => line.slice(0, line.indexOf('; a real'))), [`big.json:1: file: ${message}`]);
  };
  const local = await openPage(browser, `${server.url}preview.html?lang=en`);
  try {
    await local.page.setInputFiles('#preview-local', { name: 'big.json', mimeType: 'application/json', buffer: big });
    await refused(local);
  } finally {
    await local.close();
  }
  const remote = await openPage(browser, `${server.url}preview.html?lang=en&file=data/big.json`, { route: serving('big.json', big) });
  try {
    await refused(remote);
  } finally {
    await remote.close();
  }
});

test('a 600 MB file is refused by its size, not read whole: a local file by its size, one from the site after 5 MB of it', { timeout: 60_000 }, async () => {
  // Issue 17, finding 9: the preview read the whole file or response before checking its size.
  const HUGE = 600 * 1024 * 1024;
  let sent = 0;
  const endless = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }); // chunked: no Content-Length to go by
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const more = () => {
      while (sent < HUGE && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end();
    };
    res.on('close', () => res.destroy());
    more();
  });
  await new Promise((resolve) => endless.listen(0, '127.0.0.1', resolve));
  const refusedFor = async (p, size) => {
    await p.page.waitForFunction(() => ['ready', 'refused', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 30_000 });
    const seen = await previewState(p.page);
    assert.equal(seen.state, 'refused', seen.summary);
    assert.equal(seen.problems.length, 1, seen.problems.join('\n'));
    const [, bytes] = seen.problems[0].match(/^huge\.json:1: file: the file is larger than 5 MB \((\d+) bytes or more\), the most the page reads/) ?? [];
    assert.ok(bytes && size(Number(bytes)), seen.problems[0]);
  };
  const local = await openPage(browser, `${server.url}preview.html?lang=en`);
  try {
    // A File of 600 MB made of one 1 MB Blob repeated: Chromium keeps it by reference, never whole.
    await local.page.evaluate((huge) => {
      const input = document.querySelector('#preview-local');
      const part = new Blob([new Uint8Array(1024 * 1024)]);
      const transfer = new DataTransfer();
      transfer.items.add(new File(Array.from({ length: huge / part.size }, () => part), 'huge.json'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    }, HUGE);
    await refusedFor(local, (bytes) => bytes === HUGE);
  } finally {
    await local.close();
  }
  const remote = await openPage(browser, `${server.url}preview.html?lang=en&file=data/huge.json`, {
    route: (context) => context.route('**/data/huge.json', (r) => r.continue({ url: `http://127.0.0.1:${endless.address().port}/huge.json` })),
  });
  try {
    await refusedFor(remote, (bytes) => bytes > 5 * 1024 * 1024 && bytes < 64 * 1024 * 1024);
    assert.ok(sent < HUGE, `the whole ${sent} bytes were sent: the preview read on`);
  } finally {
    await remote.close();
    endless.closeAllConnections();
    endless.close();
  }
});

test('the preview page carries the reader\'s Content-Security-Policy itself, for hosts that send none', () => {
  const html = fs.readFileSync(path.join(REPO_ROOT, 'www', 'preview.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, 'preview.html has no Content-Security-Policy meta element');
  assert.equal(meta[1], CSP, 'not the policy tools/serve.mjs sends');
});

test('a file on this site that redirects to another site is refused, in three languages, and the other site is never asked (no CSP header sent)', async () => {
  // Issue 17, finding 8: another site's figures under this site's name.
  const foreign = http.createServer((req, res) => {
    foreign.hits = (foreign.hits || 0) + 1;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(candidate(1234).data));
  });
  await new Promise((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${foreign.address().port}/figures.json`;
  const p = await openPage(browser, `${server.url}preview.html?file=data/moved.json&lang=en`, {
    route: async (context) => {
      // A host that sends no Content-Security-Policy header.
      await context.route(`${server.origin}/**`, async (r) => {
        const response = await r.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await r.fulfill({ response, headers });
      });
      await context.route('**/data/moved.json', (r) => r.fulfill({ status: 302, headers: { Location: elsewhere } }));
    },
  });
  try {
    const seen = await previewState(p.page);
    assert.equal(seen.state, 'refused', seen.summary);
    for (const words of ['Not previewed: ', '未预览：该地址会转向别处', '未預覽：該網址會轉向別處']) assert.ok(seen.summary.includes(words), `the summary lacks “${words}”: ${seen.summary}`);
    assert.equal(foreign.hits || 0, 0, 'the other site was asked for the file');
    assert.equal(await p.page.locator('#charts .chart-frame').count(), 0, 'an article was drawn from the other site\'s file');
  } finally {
    await p.close();
    foreign.close();
  }
});

test('after the preview has checked a file with the core, a trap in the core restarts it and the article keeps drawing', async () => {
  const { data } = candidate(7770);
  const p = await openPage(browser, `${server.url}preview.html?file=data/candidate.json&lang=en`, { route: serving('candidate.json', JSON.stringify(data)), initScript: trapHook });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const drawn = await p.page.evaluate(() => {
      window.__trapNext = 'explainer_svg';
      return window.__explainer.svg('us-capex', 400, 300);
    });
    assert.match(drawn, /^<svg/, 'the restarted core does not draw');
    assert.equal(await p.page.evaluate(() => window.__trapNext), null, 'the trap was not sprung');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
