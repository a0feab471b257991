// Review screenshots (full page) into tests/e2e/output/: a phone in Simplified Chinese and a
// desktop in English, plus a dark phone; each is checked to be a real, non-empty PNG.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import fs from 'node:fs';
import { openPage, waitForReady, screenshot, inspectCharts, DESKTOP, PHONE } from './harness.mjs';

const env = serverAndBrowser();

const shots = [
  { name: 'review-phone-zh-Hans-390x844@2x', query: '?lang=zh-Hans', opts: { ...PHONE, locale: 'zh-CN' } },
  { name: 'review-desktop-en-1280x900@1x', query: '?lang=en', opts: { ...DESKTOP, deviceScaleFactor: 1, locale: 'en-US' } },
  { name: 'review-phone-zh-Hant-dark-390x844@2x', query: '?lang=zh-Hant&theme=dark', opts: { ...PHONE, locale: 'zh-TW' } },
];

for (const s of shots) {
  test(`writes the review screenshot ${s.name}.png`, { timeout: 90_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}${s.query}`, s.opts);
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      for (const c of await inspectCharts(p.page)) assert.ok(c.drawn === '1' && c.colours > 1, `${c.chart} is not drawn`);
      // Fonts settled, so CJK text is in the picture and not a fallback box.
      await p.page.evaluate(() => document.fonts.ready.then(() => true));
      const file = await screenshot(p.page, s.name);
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      const dpr = s.opts.deviceScaleFactor;
      assert.equal(width, s.opts.viewport.width * dpr, `${file}: width ${width}`);
      assert.ok(height > s.opts.viewport.height * dpr, `${file}: height ${height} is not a full page`);
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}
