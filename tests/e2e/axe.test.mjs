// axe-core (the accessibility engine behind Lighthouse and most audits) on every baked page as
// readers get it: each language × light and dark × JavaScript on (the live page, once ready)
// and off (the article as first sent), each language's tables page and static version, and
// the editors' embed builder. Zero violations of any impact.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, DESKTOP, BAKED_PAGES } from './harness.mjs';
import { waitFitted } from './embed-hosts.mjs';

const env = bakedSiteAndBrowser();
// Run through the DevTools protocol, so the page's strict CSP (no inline script) does not stop it.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serves the page with its scripts removed and its <noscript> content shown. */
async function withoutScripts(route) {
  const response = await route.fetch();
  const html = (await response.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<\/?noscript>/g, '');
  await route.fulfill({ response, body: html });
}

/** axe's violations on the page as "rule (impact): target — summary" lines. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}`));
}

test('axe finds no violation on the embed builder, its previews loaded', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}embed-builder.html`, DESKTOP);
  try {
    for (const preview of ['phone', 'desktop']) await waitFitted(p.page, `#builder-frame-${preview}`);
    assert.deepEqual(await axeViolations(p.page), []);
  } finally {
    await p.close();
  }
});

for (const [lang, dir] of Object.entries(BAKED_PAGES)) {
  for (const extra of ['tables.html', 'static.html']) {
    test(`axe finds no violation on ${extra} (${lang})`, { timeout: 60_000 }, async () => {
      const p = await openPage(env.browser, `${env.server.url}${dir}${extra}`, DESKTOP);
      try {
        assert.deepEqual(await axeViolations(p.page), []);
      } finally {
        await p.close();
      }
    });
  }

  for (const colorScheme of ['light', 'dark']) {
    for (const javaScriptEnabled of [true, false]) {
      const label = `${lang}, ${colorScheme}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
      test(`axe finds no violation (${label})`, { timeout: 60_000 }, async () => {
        const url = `${env.server.url}${dir}`;
        // JavaScript off: the page as first sent, as a browser without scripts renders it (no
        // scripts, <noscript> shown); axe itself still runs, through the DevTools protocol.
        const route = javaScriptEnabled ? undefined : (context) => context.route(url, withoutScripts);
        const p = await openPage(env.browser, url, { ...DESKTOP, colorScheme, route });
        try {
          if (javaScriptEnabled) assert.equal(await waitForReady(p.page), 'ready');
          else assert.equal(await p.page.locator('script').count(), 0, 'the scripts were not removed');
          assert.deepEqual(await axeViolations(p.page), [], label);
        } finally {
          await p.close();
        }
      });
    }
  }
}
