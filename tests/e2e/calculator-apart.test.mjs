// The baked site's calculator in files of its own (tools/bake.mjs LOADED_LATER and splitWords):
// its code and words are asked for only once the wasm is in, so they do not share the network
// with what the first chart needs; if either cannot be had, the calculator says so in the
// reader's words and its controls stop, while the article's charts work on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, readWwwJson, waitForReady, PHONE } from './harness.mjs';

const env = bakedSiteAndBrowser();
const CODE = /\/js\/calculator\.[0-9a-f]{10}\.js$/;
const WORDS = /\/i18n\/en\.calculator\.[0-9a-f]{10}\.json$/;
// The core the page takes: the one without the rules (its figures are the build's: js/core/wasm.js).
const WASM = /\/pkg\/ai_capex_explainer_checked_bg\.[0-9a-f]{10}\.wasm$/;

test('the calculator\'s code and words are asked for after the wasm has come, and the calculator then works', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}en/`, { ...PHONE });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const timing = await p.page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })),
    );
    const find = (pattern) => timing.find((e) => pattern.test(e.name));
    const wasm = find(WASM);
    for (const pattern of [CODE, WORDS]) {
      const file = find(pattern);
      assert.ok(file, `${pattern} was not loaded`);
      assert.ok(file.start >= wasm.end, `${file.name} was asked for at ${file.start} ms, before the wasm had come (${wasm.end} ms)`);
    }
    const en = readWwwJson('i18n/en.json');
    await p.page.locator('button[data-preset="no_agi"]').click();
    await p.page.waitForFunction(() => new URLSearchParams(location.search).get('preset') === 'no_agi');
    assert.equal(await p.page.locator('button[data-preset="no_agi"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], 'words missing');
    assert.ok((await p.page.locator('#calculator').innerText()).includes(en.calculator.title));
  } finally {
    await p.close();
  }
});

for (const [what, pattern] of [
  ['code', CODE],
  ['words', WORDS],
]) {
  test(`without the calculator's ${what}, the calculator says so and stops its controls; the charts work on`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}en/`, {
      ...PHONE,
      route: (context) => context.route(pattern, (route) => route.abort()),
    });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const en = readWwwJson('i18n/en.json');
      assert.match(await p.page.locator('#status').innerText(), new RegExp(en.status.calculator_failed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const controls = await p.page.evaluate(() => [...document.querySelectorAll('#calculator button, #calculator input')].map((c) => c.disabled));
      assert.ok(controls.length > 0 && controls.every(Boolean), 'a calculator control still moves');
      assert.equal(await p.page.locator('#chart-us-capex canvas').getAttribute('data-drawn'), '1', 'the first chart is not live');
    } finally {
      await p.close();
    }
  });
}
