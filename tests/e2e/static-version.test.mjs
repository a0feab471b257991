// The static version for places where scripts do not run (RSS, email newsletters, AMP without
// amp-iframe), baked beside each language page: dist/…/static.html and dist/…/img/<chart>.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, BAKED_PAGES } from './harness.mjs';

const PAGES = BAKED_PAGES;

/** Width and height from a PNG's header, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const [lang, dir] of Object.entries(PAGES)) {
  test(`every chart has a static image and its words, with no script (${lang})`, () => {
    const html = fs.readFileSync(path.join(DIST, dir, 'static.html'), 'utf8');
    const live = fs.readFileSync(path.join(DIST, dir, 'index.html'), 'utf8');
    // Each chart's section: its chart id and its element id (the live page's link target).
    const sections = new Map(
      [...live.matchAll(/<section\b([^>]*\bdata-chart="[^"]+"[^>]*)>/g)].map(([, attrs]) => [/\bdata-chart="([^"]+)"/.exec(attrs)[1], /\bid="([^"]+)"/.exec(attrs)[1]]),
    );
    const charts = [...sections.keys()];
    assert.ok(charts.length >= 7, 'the live page lists fewer charts than expected');
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\sclass=/, 'static.html must survive pasting into an email: no script, style or class');
    assert.match(html, new RegExp(`<html lang="${lang}">`));

    const figures = [...html.matchAll(/<figure id="([^"]+)">([\s\S]*?)<\/figure>/g)];
    assert.deepEqual(figures.map((f) => f[1]), charts, 'not one figure per chart of the live page, in its order');
    for (const [, id, body] of figures) {
      const img = /<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]+)">/.exec(body);
      assert.ok(img, `${id}: no image with size and alt text`);
      const size = pngSize(fs.readFileSync(path.join(DIST, dir, img[1])));
      assert.deepEqual(size, { width: 2 * img[2], height: 2 * img[3] }, `${id}: the PNG is not drawn at 2× its stated size`);
      assert.ok(img[2] >= 600, `${id}: narrower than a newsletter column`);
      assert.match(body, /<h2>[^<]+<\/h2>/, `${id}: no title`);
      assert.ok(body.includes(`href="./#${sections.get(id)}"`), `${id}: no link to its section of the live page`);
      assert.match(body, /<figcaption>[^<]+· <a /, `${id}: no source line`);
    }
  });
}
