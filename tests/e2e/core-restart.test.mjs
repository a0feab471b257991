// Restarting the core after a trap (js/core/core.js) lets the old instance go: a page that survives
// many traps keeps the memory of one core, not of every core it ever had (issue 17, finding 10).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, bakedSiteAndBrowser } from './shared.mjs';
import { trapHook } from './trap-hook.mjs';
import { openPage, waitForReady, DESKTOP } from './harness.mjs';

const env = serverAndBrowser();
const baked = bakedSiteAndBrowser();

/** Bytes of every WebAssembly.Memory still alive in the page, after a full garbage collection. */
async function liveWasmMemoryBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  // queryObjects collects garbage itself first, then lists what is left.
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

test('200 traps in the core: the page keeps working and its wasm memory stays that of one core', { timeout: 120_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP, initScript: trapHook });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const before = await liveWasmMemoryBytes(p.page);
    const traps = 200;
    const drawn = await p.page.evaluate((n) => {
      let ok = 0;
      for (let i = 0; i < n; i++) {
        window.__trapNext = 'explainer_svg';
        if (/<svg/.test(window.__explainer.svg('us-capex', 400, 300)) && window.__trapNext === null) ok++;
      }
      return ok;
    }, traps);
    assert.equal(drawn, traps, 'a call after a trap did not draw on the restarted core');
    const after = await liveWasmMemoryBytes(p.page);
    // One core's memory plus slack for the dataset being set again; the old cores leaked about
    // 0.4 MB each (3 MB → 83 MB after 201 traps).
    assert.ok(after <= before + 8 * 1024 * 1024, `live wasm memory grew from ${(before / 1e6).toFixed(1)} MB to ${(after / 1e6).toFixed(1)} MB over ${traps} restarts`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a restart of the core built without the rules (the baked page) gives it back the figures it had: it draws them after a trap', { timeout: 60_000 }, async () => {
  const p = await openPage(baked.browser, `${baked.server.url}en/`, { ...DESKTOP, initScript: trapHook });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.equal(await p.page.evaluate(() => window.__explainer.coreWithoutRules), true, 'the baked page did not take the core without the rules');
    // What the chart's other set looks like drawn by this core, then back to the first set.
    const marksOf = () => p.page.evaluate(() => JSON.stringify(window.__explainer.marks('us-capex')));
    const switchTo = (which) => p.page.locator(`#chart-us-capex .figures-switch button[data-figures="${which}"]`).click();
    const before = await marksOf();
    await switchTo('articles');
    await p.page.waitForFunction((first) => JSON.stringify(window.__explainer.marks('us-capex')) !== first, before, { timeout: 5_000 });
    const articles = await marksOf();
    await switchTo('reported');
    await p.page.waitForFunction((first) => JSON.stringify(window.__explainer.marks('us-capex')) === first, before, { timeout: 5_000 });
    // The next drawing, the switch's, traps; the core restarts (with nothing drawn: no marks)
    // and the drawing is made again on it, which must hold the figures to draw that set.
    await p.page.evaluate(() => {
      window.__trapNext = 'explainer_draw';
    });
    await switchTo('articles');
    await p.page.waitForFunction(() => window.__trapNext === null, null, { timeout: 5_000 });
    await p.page.waitForFunction(() => window.__explainer.marks('us-capex').length > 0, null, { timeout: 5_000 });
    assert.equal(await marksOf(), articles, 'the restarted core did not draw the figures as before the trap');
    assert.equal(await p.page.evaluate(() => document.querySelector('#chart-us-capex canvas').dataset.error), undefined, 'the restarted core has no figures to draw');
    assert.equal(await p.page.locator('#status [data-message="core-restart"]').count(), 1, 'the trap did not restart the core');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('an Explainer made before a restart never reaches the new instance: its free() and its calls leave the restarted core alone', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}preview.html`, { ...DESKTOP, initScript: trapHook });
  try {
    const seen = await p.page.evaluate(async () => {
      const { loadWasm, createExplainer } = await import('./js/core/wasm.js');
      const wasm = await loadWasm();
      const stray = new wasm.Explainer();
      const restarts = [];
      const made = createExplainer(wasm, undefined, ({ message }) => restarts.push(message));
      window.__trapNext = 'explainer_svg'; // a real panic inside the core (trap-hook.mjs)
      const first = made.ex.svg('model-position', 400, 300);
      const attempt = (work) => {
        try {
          work();
          return 'ok';
        } catch (e) {
          return String(e && e.message);
        }
      };
      const strayFree = attempt(() => stray.free());
      const strayCall = attempt(() => stray.chart_ids());
      const after = made.ex.svg('model-position', 400, 300);
      return { restarts, drew: /<svg/.test(first) && /<svg/.test(after), strayFree, strayCall };
    });
    assert.equal(seen.restarts.length, 1, 'the trap was absorbed by one restart');
    assert.match(seen.restarts[0], /testHookPanic/, 'the trap was not a panic inside the core');
    assert.equal(seen.strayFree, 'ok', "freeing an Explainer of the old instance touched the new one's memory");
    assert.notEqual(seen.strayCall, 'ok', 'an Explainer of the old instance still answered, from the new memory');
    assert.equal(seen.drew, true, 'the restarted core does not draw');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a core the page initialised elsewhere first is refused in words, not by a restart that throws later', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}preview.html`, DESKTOP);
  try {
    const loaded = await p.page.evaluate(async () => {
      const glue = await import('./pkg/ai_capex_explainer.js');
      await glue.default({ module_or_path: new URL('./pkg/ai_capex_explainer_bg.wasm', location.href) });
      const { loadWasm } = await import('./js/core/wasm.js');
      const wasm = await loadWasm();
      return { ok: wasm.ok, detail: wasm.detail };
    });
    assert.deepEqual(loaded, { ok: false, detail: 'the core was initialised outside js/core/wasm.js' });
  } finally {
    await p.close();
  }
});
