// The development server (tools/serve.mjs): it never serves hidden files, and it listens on this
// machine only unless told otherwise in so many words (issue 9, finding 8).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, SUBPATH } from '../../tools/serve.mjs';
import { REPO_ROOT, launchBrowser } from './harness.mjs';

const SERVE = path.join(REPO_ROOT, 'tools', 'serve.mjs');
let root;
let server;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.git', 'config'), '[core]');
  fs.mkdirSync(path.join(root, 'data'));
  fs.writeFileSync(path.join(root, 'data', '.DS_Store'), 'x');
  fs.writeFileSync(path.join(root, 'data', 'capex-dataset.json'), '{"working": "copy"}');
  server = await startServer({ root, port: 0 });
});
after(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('hidden files and folders are never served, however the path is written', async () => {
  assert.equal((await fetch(server.url)).status, 200, 'the page itself is served');
  for (const p of ['.env', '.git/config', 'data/.DS_Store', '%2eenv', '.git/', `${SUBPATH.slice(1)}.env`, 'data/%2EDS_Store']) {
    const response = await fetch(new URL(p, server.url));
    assert.equal(response.status, 404, `/${p} answered ${response.status}`);
    assert.doesNotMatch(await response.text(), /SECRET|\[core\]/, `/${p} leaked its content`);
  }
});

/** Start `node tools/serve.mjs args` with `env` and resolve to what it printed by the time it listened. */
function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, '--root', root, '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no "Ctrl-C" line within 10 s: ${out}`));
    }, 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (/Ctrl-C/.test(out)) {
        setTimeout(() => {
          clearTimeout(timer);
          child.kill();
          resolve(out);
        }, 100);
      }
    });
    child.stderr.on('data', (chunk) => (out += chunk));
  });
}

test('a HOST variable in the environment does not open the server to the network; --host does, and says so', async () => {
  const fromEnv = await run([], { HOST: '0.0.0.0' });
  assert.match(fromEnv, /Serving .* at http:\/\/127\.0\.0\.1:\d+\//, fromEnv);
  assert.doesNotMatch(fromEnv, /other machines/, fromEnv);
  const asked = await run(['--host', '0.0.0.0'], {});
  assert.match(asked, /at http:\/\/0\.0\.0\.0:\d+\//, asked);
  assert.match(asked, /other machines on the network can reach this server/, asked);
});

/** GET `path` from `server` with the Host header `host`: { status, body }. */
function getWithHost(server, pathname, host) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathname, headers: { Host: host } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

test('a request addressed to another name (DNS rebinding) is refused; this machine\'s names and --allow-host ones are served', async () => {
  // Issue 17, finding 12.
  for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, 'localhost.']) {
    const { status, body } = await getWithHost(server, '/data/capex-dataset.json', host);
    assert.equal(status, 421, `Host: ${host} answered ${status}`);
    assert.doesNotMatch(body, /working/, `Host: ${host} got the data file`);
  }
  for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) assert.equal((await getWithHost(server, '/data/capex-dataset.json', host)).status, 200, host);
  const named = await startServer({ root, port: 0, allowHosts: ['editor.local'] });
  try {
    assert.equal((await getWithHost(named, '/data/capex-dataset.json', 'editor.local:8080')).status, 200);
  } finally {
    await named.close();
  }
});

test('a page on another port cannot read the data file, unless the server runs with --cors (the sandboxed-frame embed tests)', { timeout: 60_000 }, async () => {
  const elsewhere = http.createServer((req, res) => res.end('<!doctype html><title>another site</title>'));
  await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const open = await startServer({ root, port: 0, cors: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${elsewhere.address().port}/`);
    const read = (url) =>
      page.evaluate((u) => fetch(u).then((r) => r.text(), (e) => `refused: ${e.message}`), url);
    assert.match(await read(new URL('data/capex-dataset.json', server.url).href), /^refused: /, 'another site read the data file');
    assert.equal(await read(new URL('data/capex-dataset.json', open.url).href), '{"working": "copy"}', 'with --cors another site cannot read it');
  } finally {
    await browser.close();
    await open.close();
    elsewhere.close();
  }
});
