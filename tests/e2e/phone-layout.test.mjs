// Phone layout: at 320 px wide nothing makes the page scroll sideways, in English and
// Chinese, with every "table and sources" block and the method opened.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, openTables } from './harness.mjs';

const NARROW = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 };

const env = serverAndBrowser();

/**
 * The page's scroll width, and the visible elements that stick out past the right edge and
 * are not inside a sideways-scrolling box (a wide table in an overflow:auto wrapper is fine).
 */
const overflow = (page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 0.5) continue;
      if (getComputedStyle(el).visibility === 'hidden' || scrolls(el)) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      out.push(`${name} (right edge ${Math.round(r.right)} px)`);
      if (out.length >= 10) break;
    }
    return { scrollWidth: document.scrollingElement.scrollWidth, clientWidth: width, outside: out };
  });

for (const lang of ['en', 'zh-Hans']) {
  test(`no horizontal scroll at 320×640 (${lang}), also with every details block open`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...NARROW, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      let o = await overflow(p.page);
      assert.ok(o.scrollWidth <= 320, `scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.outside.join(', ') || '(none found)'}`);
      assert.deepEqual(o.outside, [], 'elements past the right edge');

      // Open every table, conflict note, grade reason and the method, as a curious reader would.
      // The article's tables are built when opened: build them, then open every block.
      await openTables(p.page);
      await p.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await p.page.waitForFunction(() => [...document.querySelectorAll('details')].every((d) => d.open));
      // The opened calculator tables are filled on toggle: wait until they are.
      await p.page.waitForFunction(() => [...document.querySelectorAll('.model-table-slot')].every((s) => s.children.length > 0), null, { timeout: 5_000 });
      o = await overflow(p.page);
      assert.ok(o.scrollWidth <= 320, `with details open: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.outside.join(', ') || '(none found)'}`);
      assert.deepEqual(o.outside, [], 'with details open: elements past the right edge');
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}
