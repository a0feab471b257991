// The WebKit machinery for tests/e2e/webkit.test.mjs: Xvfb on a free display, WebKitWebDriver on
// a free port driving MiniBrowser over plain W3C WebDriver (Node's fetch, no client library), and
// tools/serve.mjs on a free port; SKIP says why when a tool is missing. Env: MINIBROWSER,
// WEBKIT_SCALE, WEBKIT_DEBUG (see webkit.test.mjs).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServer } from '../../tools/serve.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
// The window, toolbar included: the viewport is 38 px shorter. MiniBrowser's window is at least
// 447 px wide, so there is no phone-width viewport here.
const WINDOW = { width: 1280, height: 900 };
const SCALE = String(Math.max(1, Math.round(Number(process.env.WEBKIT_SCALE) || 1)));

// ---- skip when the tools are missing -------------------------------------------------------

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      /* next */
    }
  }
  return false;
}

function missingTools() {
  const missing = ['WebKitWebDriver', 'Xvfb'].filter((n) => !onPath(n));
  if (!fs.existsSync(MINIBROWSER)) missing.push(`MiniBrowser (${MINIBROWSER}; set MINIBROWSER)`);
  return missing.length ? `WebKit smoke test skipped: not found: ${missing.join(', ')} (Debian: apt-get install webkit2gtk-driver xvfb)` : false;
}

export const SKIP = missingTools();
if (SKIP) console.log(SKIP);

// ---- child processes -------------------------------------------------------------------------

/** A detached child (its own process group, so its descendants die with it), with its output kept. */
function startChild(cmd, args, { env, extraFd = false } = {}) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(extraFd ? ['pipe'] : [])],
    detached: true,
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-20_000);
    if (process.env.WEBKIT_DEBUG) process.stderr.write(`[${path.basename(cmd)}] ${chunk}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (e) => keep(`spawn error: ${e.message}\n`));
  return { child, exited, log: () => log, name: path.basename(cmd) };
}

function killGroup(proc, signal) {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    try {
      proc.child.kill(signal);
    } catch {
      /* gone */
    }
  }
}

/** SIGTERM the process group, SIGKILL it after `grace` ms. */
async function stopChild(proc, grace = 3_000) {
  if (!proc) return;
  killGroup(proc, 'SIGTERM');
  const done = await Promise.race([proc.exited.then(() => true), graceDelay(grace).then(() => false)]);
  if (!done) {
    killGroup(proc, 'SIGKILL');
    await Promise.race([proc.exited, graceDelay(1_000)]);
  }
}

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));
/** A delay that does not keep the process alive (for races against a child's exit). */
const graceDelay = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/** Xvfb on the first free display: it writes the number it took to fd 3 (-displayfd). */
async function startXvfb() {
  const proc = startChild('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { extraFd: true });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not report a display within 10 s: ${proc.log()}`)), 10_000);
    proc.child.stdio[3].on('data', (chunk) => {
      text += chunk;
      const m = text.match(/^(\d+)\n/);
      if (m) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    proc.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code ?? signal}): ${proc.log()}`));
    });
  });
  return { ...proc, display };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** WebKitWebDriver on a free port, once its /status says ready (retries if the port was taken). */
async function startDriver(display) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    // GDK_SCALE reaches MiniBrowser (the driver starts it): devicePixelRatio, window in CSS px.
    const proc = startChild('WebKitWebDriver', [`--port=${port}`], { env: { DISPLAY: display, GDK_SCALE: SCALE } });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    let exited = false;
    proc.exited.then(() => (exited = true));
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1_000) });
        const body = await res.json();
        if (body.value && body.value.ready) return { ...proc, url, port };
      } catch (e) {
        lastError = e;
      }
      await delay(100);
    }
    lastError = new Error(`WebKitWebDriver on port ${port} never became ready (${exited ? 'it exited' : 'timeout'}): ${proc.log()}`);
    await stopChild(proc);
  }
  throw lastError;
}

// ---- a minimal W3C WebDriver client ----------------------------------------------------------

class WebDriverError extends Error {}

async function wd(base, method, route, body, timeout = 30_000) {
  let res;
  try {
    res = await fetch(`${base}${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new WebDriverError(`${method} ${route}: ${e.name === 'TimeoutError' ? `no answer within ${timeout} ms` : e.message}`);
  }
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(`${method} ${route}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const value = json.value;
  if (!res.ok || (value && typeof value === 'object' && value.error)) {
    throw new WebDriverError(`${method} ${route}: ${value?.error ?? res.status}: ${value?.message ?? text.slice(0, 200)}`);
  }
  return value;
}

async function createSession(driverUrl) {
  const value = await wd(
    driverUrl,
    'POST',
    '/session',
    {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    },
    60_000,
  );
  const base = `${driverUrl}/session/${value.sessionId}`;
  const session = {
    id: value.sessionId,
    capabilities: value.capabilities,
    call: (method, route, body, timeout) => wd(base, method, route, body, timeout),
    /** Run `script` (a function body; arguments in `arguments`) in the page; returns its value. */
    exec: (script, args = [], timeout = 30_000) => wd(base, 'POST', '/execute/sync', { script, args }, timeout),
    navigate: (url) => wd(base, 'POST', '/url', { url }, 90_000),
    screenshot: () => wd(base, 'GET', '/screenshot', undefined, 30_000),
    delete: () => wd(driverUrl, 'DELETE', `/session/${value.sessionId}`, undefined, 10_000),
  };
  await session.call('POST', '/timeouts', { script: 30_000, pageLoad: 60_000, implicit: 0 });
  await session.call('POST', '/window/rect', { x: 0, y: 0, ...WINDOW });
  return session;
}

// ---- set-up and tear-down --------------------------------------------------------------------

/**
 * Registers node:test hooks that start tools/serve.mjs on `root` (strict CSP), Xvfb,
 * WebKitWebDriver and a MiniBrowser session, and tear them down after the file. Returns the
 * object whose `session` and `server` are set once `before` has run.
 */
export function webkitSession(root) {
  const env = { xvfb: null, driver: null, session: null, server: null };
  function killAllNow() {
    // Last resort on an abrupt exit: synchronous, no waiting.
    for (const p of [env.driver, env.xvfb]) killGroup(p, 'SIGKILL');
  }
  process.once('exit', killAllNow);

  before(async () => {
    if (SKIP) return;
    assert.ok(fs.existsSync(path.join(root, 'index.html')), `${root} has no index.html: build dist/ (./dev build) or set E2E_ROOT`);
    const t0 = Date.now();
    env.server = await startServer({ root, port: 0, cors: true }); // case B frames are sandboxed
    env.xvfb = await startXvfb();
    env.driver = await startDriver(env.xvfb.display);
    const t1 = Date.now();
    try {
      env.session = await createSession(env.driver.url);
    } catch (e) {
      // E.g. a browser binary that never speaks automation: the driver just never answers.
      e.message += `\n  WebKitWebDriver output: ${env.driver.log().trim() || '(none)'}`;
      throw e;
    }
    console.log(
      `WebKit ${env.session.capabilities.browserVersion} on Xvfb ${env.xvfb.display}, driver :${env.driver.port}, server ${env.server.url}; ` +
        `tools up in ${t1 - t0} ms, session in ${Date.now() - t1} ms`,
    );
  });

  after(async () => {
    const t0 = Date.now();
    if (env.session) await env.session.delete().catch((e) => console.log(`deleting the session: ${e.message}`));
    await stopChild(env.driver);
    await stopChild(env.xvfb);
    await env.server?.close();
    if (env.xvfb) console.log(`WebKit torn down in ${Date.now() - t0} ms`);
    env.session = env.driver = env.xvfb = env.server = null;
  });
  return env;
}
