// One static server and one Chromium for a whole test file (starting them per test would
// double the suite's time): registers node:test hooks and returns an object whose `server`
// and `browser` are set once the file's `before` hook has run. `root`: the directory served
// (default www/; the baked site is dist/); `cors` for files framed sandboxed (README case B).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, DIST } from './harness.mjs';

export function serverAndBrowser({ root, cors = false } = {}) {
  const shared = { server: null, browser: null };
  before(async () => {
    if (root === DIST) assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is not baked: run ./dev build');
    shared.server = await startServer(root ? { root, cors } : { cors });
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** serverAndBrowser for the baked site, dist/ (checked to be built). */
export const bakedSiteAndBrowser = () => serverAndBrowser({ root: DIST });
