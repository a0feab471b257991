// A phone reader reaches all of a framed explainer (issue 17, finding 4): in a 320 px article
// sized by our host script, with every table and details block opened, scrolling with the wheel
// over the frame brings the calculator's end and the last source into view — also when the
// content is taller than the host script's cap, where the frame scrolls inside.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { startHosts, article, frameOf, frameBoxHeight } from './embed-hosts.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
/** The last things on the page: the calculator's method notes and the sources (the full list on the live page, the link to it on the baked one). */
const LAST_CONTENT = ['#calculator > :last-child', '#sources > :last-child'];

let env;
before(async () => {
  env = await startHosts();
});
after(async () => {
  await env?.close();
});

/**
 * A 320 px article with the English page framed full width (case A), sized by our host script;
 * `css` is the article's own stylesheet for its frame, `route` may hold files back, `state` is
 * the frame's final data-state, `frameStyle` the frame's own style attribute.
 */
async function openPhoneArticle({ css = '', route, state = 'ready', frameStyle = 'border:0;display:block' } = {}) {
  env.stories.set(
    '/phone.html',
    article(
      `<div class="story"><iframe data-ai-capex id="f" src="${env.explainer.url}en/?chrome=none" title="AI capex race" width="100%" sandbox="${SANDBOX}" style="${frameStyle}"></iframe></div><script src="${env.explainer.url}js/embed-host.js" defer></script>`,
      { head: `<style>body{margin:0}${css}</style>` },
    ),
  );
  const p = await openPage(env.browser, `${env.newsUrl}phone.html`, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, route });
  const frame = await frameOf(p.page, '#f');
  await frame.waitForFunction((s) => document.documentElement.dataset.state === s, state, { timeout: 30_000 });
  return { p, frame };
}

/** Open every <details> in the frame (the tables build as they open). */
async function openEverything(frame) {
  await frame.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await frame.waitForFunction(() => [...document.querySelectorAll('details.table-details, details.conflicts')].every((d) => d.querySelector('table, ul, .empty')));
}

/** Wait until the host script has stopped resizing the frame; its box height. */
async function settledHeight(page) {
  let last = -1;
  for (let same = 0; same < 4; ) {
    await page.waitForTimeout(250);
    const height = await frameBoxHeight(page, '#f');
    same = height === last ? same + 1 : 0;
    last = height;
  }
  return last;
}

/**
 * Scroll as a reader does, with the wheel over the frame's margin (no table under the pointer),
 * towards each of `selectors` in turn until it shows in the article's viewport (the browser's
 * own intersection test, through the frame's clip) or nothing scrolls any more. Each turn of
 * the wheel aims the target's top at 200 px from the viewport's top, so none is skipped over.
 * Returns the selectors never seen.
 */
async function unreachable(page, frame, selectors) {
  await frame.evaluate((all) => {
    window.__seen = new Set();
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) window.__seen.add(e.target.dataset.reachTarget);
    });
    for (const selector of all) {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector} in the frame`);
      el.dataset.reachTarget = selector;
      observer.observe(el);
    }
  }, selectors);
  const seen = (selector) => frame.evaluate((s) => window.__seen.has(s), selector);
  const scrolled = async () => `${await page.evaluate(() => scrollY)}/${await frame.evaluate(() => scrollY)}`;
  /** The target's top in the article's viewport, were the frame not clipping it. */
  const targetTop = async (selector) =>
    (await page.locator('#f').evaluate((el) => el.getBoundingClientRect().top)) + (await frame.evaluate((s) => document.querySelector(s).getBoundingClientRect().top, selector));
  // Over the frame, in its visible part (a frame never sized is short).
  const { top, bottom, viewport } = await page.locator('#f').evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), viewport: innerHeight }));
  await page.mouse.move(4, Math.round((Math.max(0, top) + Math.min(viewport, bottom)) / 2));
  const missing = [];
  for (const selector of selectors) {
    let position = await scrolled();
    for (let still = 0; still < 3 && !(await seen(selector)); ) {
      await page.mouse.wheel(0, Math.max(50, Math.min(20_000, Math.round((await targetTop(selector)) - 200))));
      await page.waitForTimeout(100);
      const now = await scrolled();
      still = now === position ? still + 1 : 0;
      position = now;
    }
    if (!(await seen(selector))) missing.push(selector);
  }
  return missing;
}

test('at 320 px with every table open, the calculator and the sources are reachable in the framed page', { timeout: 180_000 }, async () => {
  const { p, frame } = await openPhoneArticle();
  try {
    await openEverything(frame);
    const box = await settledHeight(p.page);
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(content > 60_000, `every table open is only ${content} px tall at 320 px: the test no longer tests a tall page`);
    assert.deepEqual(await unreachable(p.page, frame, LAST_CONTENT), [], `out of reach in a ${box} px frame of ${content} px content`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('content taller than the host script\'s cap: the frame stops at the cap and scrolls inside, so its end stays reachable', { timeout: 180_000 }, async () => {
  const { p, frame } = await openPhoneArticle();
  try {
    // An editor's dataset with many more charts, as far as height goes.
    await frame.evaluate(() => document.querySelector('#charts').prepend(Object.assign(document.createElement('div'), { style: 'height: 400000px' })));
    const box = await settledHeight(p.page);
    assert.ok(box < 400_000, `the host script let the frame grow to ${box} px`);
    assert.notEqual(await p.page.locator('#f').getAttribute('scrolling'), 'no', 'a clamped frame cannot be scrolled');
    assert.deepEqual(await unreachable(p.page, frame, LAST_CONTENT), [], `out of reach in a ${box} px frame`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('an article stylesheet that limits the frame\'s height: its end stays reachable (it scrolls inside when held shorter)', { timeout: 180_000 }, async () => {
  // A max-height holds the frame; an !important height loses to the host script's own.
  for (const { css, held, frameStyle } of [
    { css: '.story iframe{max-height:600px}', held: true },
    { css: '.story iframe{height:900px!important}', held: false },
    // The README's snippet leaves the frame its default border, which border-box takes from the content.
    { css: '*{box-sizing:border-box}', held: false, frameStyle: 'display:block' },
  ]) {
    const { p, frame } = await openPhoneArticle({ css, frameStyle });
    try {
      const box = await settledHeight(p.page);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      if (held) assert.ok(box < content, `${css}: the frame is ${box} px for ${content} px content, the test no longer tests a held frame`);
      // A frame the article does not hold is sized to its content: no scrollbar.
      else assert.equal(await p.page.locator('iframe[data-ai-capex]').getAttribute('scrolling'), 'no', `${css}: a frame the article does not hold scrolls`);
      assert.deepEqual(await unreachable(p.page, frame, LAST_CONTENT), [], `${css}: out of reach in a ${box} px frame of ${content} px content`);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  }
});

/** Requests for `pattern` fail (the network dropped them). */
const dropped = (pattern) => (context) => context.route(pattern, (route) => route.abort());

// The page never starts: nothing of js/page/page.js runs (its script, or its words, fail), so only
// head.js, or nothing at all, can tell the host the height.
for (const { files, pattern, state, sized } of [
  { files: 'the page\'s script', pattern: '**/js/main.*.js', state: 'error', sized: true },
  { files: 'the words', pattern: '**/i18n/*.json', state: 'error', sized: true },
  { files: 'the page\'s first script (so no height ever comes)', pattern: '**/js/head.*.js', state: 'baked', sized: false },
]) {
  test(`${files} failing in a framed page: the reader still reaches its end`, { timeout: 120_000 }, async () => {
    const { p, frame } = await openPhoneArticle({ route: dropped(pattern), state });
    try {
      const box = await settledHeight(p.page);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      if (sized) assert.ok(Math.abs(box - content) <= 2, `the frame is ${box} px for ${content} px content: no height reached the host`);
      assert.deepEqual(await unreachable(p.page, frame, LAST_CONTENT), [], `out of reach in a ${box} px frame of ${content} px content`);
    } finally {
      await p.close();
    }
  });
}
