// Headless Chromium for the tools (tools/bake.mjs) and the page tests: the one set of flags
// that works on this kind of machine (root, no GPU, no network beyond the page's own server).

import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Chromium with a fresh profile (Playwright creates one per launch under
 * os.tmpdir() and removes it on close; each new context has its own cache and storage).
 */
export async function launchChromium({ args = [] } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (install it with ./dev test, or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    env: { ...process.env, TMPDIR: os.tmpdir() },
    timeout: 60_000,
  });
}
