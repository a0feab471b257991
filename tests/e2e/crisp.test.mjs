// Crisp canvases: every chart's backing store is its CSS size × devicePixelRatio, also after
// the window is resized (a chart far from the screen once it comes near).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, DESKTOP, PHONE } from './harness.mjs';

const env = serverAndBrowser();

/** Every chart canvas: backing store vs CSS size. */
const canvasSizes = (page) =>
  page.locator('section[data-chart] canvas').evaluateAll((cs) =>
    cs.map((c) => ({
      chart: c.closest('section[data-chart]').dataset.chart,
      width: c.width,
      height: c.height,
      cssWidth: c.getBoundingClientRect().width,
      cssHeight: c.getBoundingClientRect().height,
      drawn: c.dataset.drawn ?? null,
    })),
  );

function assertScaled(sizes, dpr, where) {
  assert.ok(sizes.length > 0, `${where}: no chart canvases`);
  for (const s of sizes) {
    const label = `${where}: ${s.chart} (${s.width}×${s.height} for ${s.cssWidth}×${s.cssHeight} CSS px)`;
    assert.ok(s.cssWidth > 0 && s.cssHeight > 0, `${label}: not laid out`);
    assert.equal(s.drawn, '1', `${label}: not drawn`);
    assert.ok(Math.abs(s.width - s.cssWidth * dpr) <= 1, `${label}: width is not ${dpr}× the CSS width`);
    assert.ok(Math.abs(s.height - s.cssHeight * dpr) <= 1, `${label}: height is not ${dpr}× the CSS height`);
  }
}

for (const [name, opts] of [
  ['desktop 1280×900 @2x', { ...DESKTOP, deviceScaleFactor: 2 }],
  ['phone 390×844 @2x', { ...PHONE, deviceScaleFactor: 2 }],
  ['phone 390×844 @3x', { ...PHONE, deviceScaleFactor: 3 }],
]) {
  test(`every chart canvas has a backing store of devicePixelRatio × its CSS size (${name})`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=en`, opts);
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      assert.equal(await p.page.evaluate(() => devicePixelRatio), opts.deviceScaleFactor);
      assertScaled(await canvasSizes(p.page), opts.deviceScaleFactor, name);
    } finally {
      await p.close();
    }
  });
}

test('after the window is resized, each chart is redrawn at the new size, still 2×, by the time it comes on screen', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const before = await canvasSizes(p.page);
    await p.page.setViewportSize({ width: 700, height: 900 });
    // A chart far from the screen is redrawn as it comes near: bring each on screen in turn and
    // wait (at most 40 frames) until its backing store follows its new CSS size.
    const after = await p.page.evaluate(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const out = [];
      for (const c of document.querySelectorAll('section[data-chart] canvas')) {
        c.scrollIntoView({ block: 'center' });
        for (let i = 0; i < 40; i++) {
          const r = c.getBoundingClientRect();
          if (Math.abs(c.width - r.width * 2) <= 1 && Math.abs(c.height - r.height * 2) <= 1) break;
          await frame();
        }
        const r = c.getBoundingClientRect();
        out.push({ chart: c.closest('section[data-chart]').dataset.chart, width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, drawn: c.dataset.drawn ?? null });
      }
      return out;
    });
    assertScaled(after, 2, 'resized to 700 px');
    assert.ok(after[0].width < before[0].width, `the us-capex canvas did not shrink (${before[0].width} → ${after[0].width})`);
    assert.deepEqual(p.consoleErrors, [], 'console errors');
  } finally {
    await p.close();
  }
});
