// Embedding, as the README documents it (issue 9, finding 7): each snippet of its "Embedding"
// section, pasted as written into a host article, gives a frame that comes to life, is sized by
// the host script and cannot reach the article. A: the explainer on its own origin, sandboxed
// with allow-same-origin; B: on the article's origin, sandboxed without it (an opaque origin,
// whose requests the server answers with Access-Control-Allow-Origin: *); and www/embed.html.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, REPO_ROOT, SUBPATH, DESKTOP } from './harness.mjs';
import { startHosts, article, readmeSnippet as snippet } from './embed-hosts.mjs';

let env;
before(async () => {
  env = await startHosts();
});
after(async () => {
  await env?.close();
});

/**
 * Open `url`, a host article (its HTML given by `html`, served by a route, when it is on the
 * explainer's own server; else already in the news site's `stories`), and check its frame.
 */
async function assertEmbedded(url, html, { opaque }) {
  const p = await openPage(env.browser, url, {
    ...DESKTOP,
    route: (context) => (html ? context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })) : undefined),
  });
  try {
    const frameEl = p.page.locator('iframe[data-ai-capex]');
    await frameEl.scrollIntoViewIfNeeded();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, { timeout: 30_000 }).catch(async (e) => {
      throw new Error(`${e.message}; frame at ${frame.url()}: ${await frame.evaluate(() => document.documentElement.outerHTML.slice(0, 300)).catch((x) => x.message)}; ${p.problems().join('; ')}`);
    });
    const inside = await frame.evaluate(() => {
      let reach;
      try {
        reach = window.parent.document.title;
      } catch {
        reach = 'blocked';
      }
      return { state: document.documentElement.dataset.state, origin: window.origin, reach, charts: document.querySelectorAll('canvas[data-drawn="1"]').length };
    });
    assert.equal(inside.state, 'ready', `the framed explainer did not come to life: ${p.problems().join('; ')}`);
    assert.ok(inside.charts >= 2, `${inside.charts} charts drawn in the frame`);
    assert.equal(inside.reach, 'blocked', 'the frame can reach into the article');
    if (opaque) assert.equal(inside.origin, 'null', 'the frame is not in an opaque origin');
    // The calculator's heavy results are made: in a worker of the explainer's origin, or, in
    // an opaque origin where no worker can start, by the page itself.
    await frame.waitForFunction(() => !document.querySelector('#calculator .is-updating'), null, { timeout: 30_000 });
    const heavyWorkers = p.page.workers().filter((worker) => /\/js\/heavy-worker\./.test(worker.url()));
    assert.equal(heavyWorkers.length, opaque ? 0 : 1, `the frame's workers: ${p.page.workers().map((worker) => worker.url())}`);
    // The host script sized the frame to its content.
    await p.page.waitForFunction(() => parseInt(document.querySelector('iframe[data-ai-capex]').style.height, 10) > 1000, null, { timeout: 10_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
}

test('A, the explainer on its own origin: the README snippet works as written', { timeout: 90_000 }, async () => {
  env.stories.set('/story.html', article(snippet('own-origin').replaceAll('https://GRAPHICS.HOST/ai-capex/', env.explainer.url)));
  await assertEmbedded(`${env.newsUrl}story.html`, null, { opaque: false });
});

test('B, on the article\'s own origin without allow-same-origin: the README snippet works as written, in an opaque origin', { timeout: 90_000 }, async () => {
  const html = article(snippet('same-origin'));
  assert.ok(html.includes(SUBPATH), 'the snippet points at the subpath the test server serves');
  await assertEmbedded(`${env.explainer.url}story.html`, html, { opaque: true });
});

test('www/embed.html, the demo host page, is case B and works', { timeout: 90_000 }, async () => {
  const demo = fs.readFileSync(path.join(REPO_ROOT, 'www', 'embed.html'), 'utf8');
  const sandbox = /<iframe[^>]*\ssandbox="([^"]*)"/.exec(demo)?.[1];
  assert.ok(sandbox && !sandbox.includes('allow-same-origin'), `the demo frame's sandbox is "${sandbox}"`);
  // Its frame's requests are cross-origin: it works only where the files carry the CORS header,
  // which the dev server sends only with --cors (as this test's server does).
  assert.match(demo, /<code>\.\/dev serve --cors<\/code>/, 'the demo does not say it needs ./dev serve --cors');
  await assertEmbedded(`${env.explainer.url}embed-demo.html`, demo.replaceAll('./css/', '/css/').replaceAll('./js/', '/js/').replace('src="./?lang=en"', 'src="/?lang=en"'), { opaque: true });
});
