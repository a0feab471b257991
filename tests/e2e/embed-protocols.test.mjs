// Every resize protocol the framed explainer speaks (js/embed/host.js), each with the listener a
// newsroom really runs on the article page: pym.js's own parent library (npm pym.js),
// Datawrapper's published responsive-embed listener (both versions, fixtures/), an AMP
// amp-iframe listener (fixtures/) and our js/embed-host.js. On each, the frame (the baked
// explainer on its own origin) is fitted to its content — nothing to scroll, no gap — as it
// grows (the calculator added), changes language (the reader's link inside the frame) and
// shrinks (back to one chart); a neighbouring frame's messages (huge, negative, navigation)
// change nothing. Then the handshake: a late or re-run host script sizes frames at once.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, DESKTOP } from './harness.mjs';
import { startHosts, article, frameOf, waitFitted, frameBoxHeight, withParams } from './embed-hosts.mjs';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
const HUGE = 99_999;

let env;
before(async () => {
  env = await startHosts();
});
after(async () => {
  await env?.close();
});

const start = () => withParams(env.explainer.url, { lang: 'en', section: 'us-capex' });

/** Open the host article `html` on the news site and return its page handle. */
async function openArticle(name, html) {
  env.stories.set(`/${name}.html`, html);
  return openPage(env.browser, `${env.newsUrl}${name}.html`, { ...DESKTOP, viewport: { width: 1000, height: 800 } });
}

/** Post `messages` to the article from its hostile neighbour frame. */
async function postFromNeighbour(page, messages) {
  const neighbour = await frameOf(page, '#hostile');
  await neighbour.evaluate((all) => all.forEach((m) => window.parent.postMessage(m, '*')), messages);
  await page.waitForTimeout(300);
}

/**
 * The frame behind `selector` fits its content as it grows, changes language and shrinks;
 * `hostile` messages from the neighbour frame (when given) move nothing and navigate nowhere.
 */
async function assertFollowsContent(p, selector, { hostile } = {}) {
  const { page } = p;
  const one = await waitFitted(page, selector, { where: (m) => m.lang === 'en' });
  await (await frameOf(page, selector)).goto(withParams(one.href, { section: 'us-capex,calculator' }));
  const grown = await waitFitted(page, selector, { where: (m) => m.href.includes('calculator') });
  assert.ok(grown.content > one.content + 300, `the frame did not grow with the calculator: ${one.content} → ${grown.content}`);
  await (await frameOf(page, selector)).locator('#lang-switch a[hreflang="zh-Hans"]').click();
  const chinese = await waitFitted(page, selector, { where: (m) => m.lang === 'zh-Hans' });
  await (await frameOf(page, selector)).goto(withParams(chinese.href, { section: 'us-capex' }));
  const shrunk = await waitFitted(page, selector, { where: (m) => m.lang === 'zh-Hans' && !m.href.includes('calculator') });
  assert.ok(shrunk.content < chinese.content - 300, `the frame did not shrink without the calculator: ${chinese.content} → ${shrunk.content}`);
  if (hostile) {
    const height = await frameBoxHeight(page, selector);
    const address = page.url();
    await postFromNeighbour(page, hostile);
    assert.equal(await frameBoxHeight(page, selector), height, 'a neighbour frame resized the explainer');
    assert.equal(page.url(), address, 'a neighbour frame navigated the article');
  }
  assert.deepEqual(p.pageErrors, []);
}

test('our host script (js/embed-host.js): the frame follows its content; neighbours are ignored, its own bad heights clamped', { timeout: 120_000 }, async () => {
  const p = await openArticle(
    'ours',
    article(`<iframe data-ai-capex id="f" src="${start()}" title="AI capex race" width="100%" sandbox="${SANDBOX}"></iframe><script src="${env.explainer.url}js/embed-host.js" defer></script>`),
  );
  try {
    await assertFollowsContent(p, '#f', {
      hostile: [
        { type: 'ai-capex:height', height: HUGE },
        { type: 'ai-capex:height', height: -50 },
        { type: 'ai-capex:navigate', url: 'https://evil.example/' },
      ],
    });
    assert.equal(await p.page.locator('#f').getAttribute('scrolling'), 'no', 'the host script lets the frame show a scrollbar');
    // The frame itself gone bad: heights are kept within [150, 200000] (held at the cap, the
    // frame scrolls); NaN and text are ignored.
    const frame = await frameOf(p.page, '#f');
    const sent = async (height) => {
      await frame.evaluate((h) => window.parent.postMessage({ type: 'ai-capex:height', height: h }, '*'), height);
      await p.page.waitForTimeout(200);
      return p.page.locator('#f').evaluate((el) => el.style.height);
    };
    assert.equal(await sent(1e9), '200000px');
    assert.equal(await p.page.locator('#f').getAttribute('scrolling'), 'auto', 'a clamped frame cannot scroll');
    assert.equal(await sent(-50), '150px');
    assert.equal(await p.page.locator('#f').getAttribute('scrolling'), 'no', 'a frame fitted again keeps its scrollbar');
    assert.equal(await sent(Number.NaN), '150px');
    assert.equal(await sent('900'), '150px');
    // Our hello restores the true height at once.
    await p.page.evaluate(() => document.querySelector('#f').contentWindow.postMessage({ type: 'ai-capex:hello' }, '*'));
    await waitFitted(p.page, '#f', { timeout: 3_000 });
  } finally {
    await p.close();
  }
});

/**
 * The bottoms of the calculator's strategy blocks in the frame's document (the 2×2 table, the
 * map, "Steadier?" and the tornado), the frame's own viewport height, and whether the
 * Monte Carlo's words are written (the last growth of the first view).
 */
const blockBottoms = (frame) =>
  frame.evaluate(() => ({
    bottoms: Object.fromEntries(['#calc-game', '#model-map', '#model-risk', '#model-sensitivity'].map((sel) => [sel, Math.ceil(document.querySelector(sel).getBoundingClientRect().bottom + scrollY)])),
    viewport: innerHeight,
    riskWords: document.querySelectorAll('#model-risk .calc-risk-sentences p').length,
  }));

/** The frame behind '#f' is fitted and holds the bottom of every strategy block; returns its measure. */
async function assertHoldsBlocks(page, where) {
  const fitted = await waitFitted(page, '#f', { timeout: 10_000 });
  const inside = await blockBottoms(await frameOf(page, '#f'));
  assert.equal(inside.riskWords, 2, `${where}: the risk sentences are written`);
  const box = await frameBoxHeight(page, '#f');
  for (const [sel, bottom] of Object.entries(inside.bottoms)) {
    assert.ok(bottom <= inside.viewport && bottom <= box + 1, `${where}: ${sel} ends at ${bottom}, below the frame (${inside.viewport} inside, ${box} on the article)`);
  }
  return fitted;
}

for (const [name, section] of [['the calculator section', 'calculator'], ['the whole page', null]]) {
  test(`${name} in a frame: its height follows the strategy blocks as they appear, as a preset changes them and as "More assumptions" opens`, { timeout: 120_000 }, async () => {
    const src = withParams(env.explainer.url, { lang: 'en', section });
    const p = await openArticle(
      `blocks-${section || 'page'}`,
      article(`<iframe data-ai-capex id="f" src="${src}" title="AI capex race" width="100%" sandbox="${SANDBOX}"></iframe><script src="${env.explainer.url}js/embed-host.js" defer></script>`),
    );
    try {
      await assertHoldsBlocks(p.page, 'first view');
      const frame = await frameOf(p.page, '#f');
      const game = () => frame.locator('#calc-game').textContent();
      const before = await game();
      await frame.locator('.presets button[data-preset]').first().click();
      await frame.waitForFunction((text) => document.querySelector('#calc-game').textContent !== text, before, { timeout: 10_000 });
      await assertHoldsBlocks(p.page, 'after a preset');
      const closed = await waitFitted(p.page, '#f');
      await frame.locator('details.calc-more > summary').click();
      const open = await assertHoldsBlocks(p.page, '"More assumptions" open');
      assert.ok(open.content > closed.content + 200, `the frame did not grow with "More assumptions": ${closed.content} → ${open.content}`);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('our host script on an article whose names clash with its own (an element id, form and image names): the frame is still sized', { timeout: 120_000 }, async () => {
  // Each becomes a window or document property the article owns: id → window.__aiCapexHost,
  // a form's or image's name → document.querySelectorAll, document.readyState.
  const clashes = '<div id="__aiCapexHost"></div><form name="querySelectorAll"></form><img name="readyState" alt="">';
  const p = await openArticle(
    'clashing-names',
    article(`${clashes}<iframe data-ai-capex id="f" src="${start()}" title="AI capex race" width="100%" sandbox="${SANDBOX}"></iframe><script src="${env.explainer.url}js/embed-host.js" defer></script>`),
  );
  try {
    await waitFitted(p.page, '#f');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test("pym.js's own parent library sizes the frame by pym's child id; with xdomain set, a neighbour's height and navigateTo are ignored", { timeout: 120_000 }, async () => {
  const origin = env.explainer.origin.replace(/[.]/g, '\\.');
  const p = await openArticle(
    'pym',
    article(
      `<div id="pym-box"></div><script src="/pym.v1.js"></script><script>new pym.Parent('pym-box', ${JSON.stringify(start())}, { xdomain: ${JSON.stringify(`^${origin}`)}, title: 'AI capex race', sandbox: '${SANDBOX}' });</script>`,
    ),
  );
  try {
    const src = await p.page.locator('#pym-box iframe').getAttribute('src');
    assert.match(src, /[?&]childId=pym-box(&|$)/, `pym gave the frame no child id: ${src}`);
    await assertFollowsContent(p, '#pym-box iframe', {
      hostile: [`pymxPYMxpym-boxxPYMxheightxPYMx${HUGE}`, 'pymxPYMxpym-boxxPYMxheightxPYMx-50', 'pymxPYMxpym-boxxPYMxnavigateToxPYMxhttps://evil.example/'],
    });
    // pym's handshake: its width message is answered with the height at once.
    await p.page.locator('#pym-box iframe').evaluate((el) => el.setAttribute('height', '200px'));
    await p.page.setViewportSize({ width: 990, height: 800 }); // pym sends the width on resize
    await waitFitted(p.page, '#pym-box iframe', { timeout: 5_000 });
  } finally {
    await p.close();
  }
});

test("Datawrapper's published listener sizes each frame by its ?dw-id= (the iframe's id, else its src)", { timeout: 120_000 }, async () => {
  const second = withParams(env.explainer.url, { lang: 'zh-Hans', section: 'calculator', 'dw-id': 'capexB' });
  const p = await openArticle(
    'datawrapper',
    article(
      `<iframe id="datawrapper-chart-capexA" src="${withParams(start(), { 'dw-id': 'capexA' })}" title="AI capex race" scrolling="no" width="100%" height="400" sandbox="${SANDBOX}"></iframe>` +
        `<iframe class="second" src="${second}" title="AI capex race" scrolling="no" width="100%" height="400" sandbox="${SANDBOX}"></iframe>` +
        '<script src="/datawrapper-embed.js"></script>',
    ),
  );
  try {
    const first = await waitFitted(p.page, '#datawrapper-chart-capexA');
    const other = await waitFitted(p.page, 'iframe.second');
    assert.notEqual(first.content, other.content, 'both frames got the same height');
    await assertFollowsContent(p, '#datawrapper-chart-capexA');
  } finally {
    await p.close();
  }
});

test("Datawrapper's listener for pages without inline scripts (by the sending window): the frame follows its content; neighbours are ignored", { timeout: 120_000 }, async () => {
  const p = await openArticle(
    'datawrapper-by-source',
    article(`<iframe id="f" src="${start()}" title="AI capex race" scrolling="no" width="100%" height="400" sandbox="${SANDBOX}"></iframe><script src="/datawrapper-embed-by-source.js"></script>`),
  );
  try {
    await assertFollowsContent(p, '#f', { hostile: [{ 'datawrapper-height': { 'ai-capex': HUGE } }, { 'datawrapper-height': { 'ai-capex': -50 } }] });
  } finally {
    await p.close();
  }
});

test("an AMP amp-iframe listener (sentinel amp, embed-size): the frame follows its content; neighbours are ignored", { timeout: 120_000 }, async () => {
  const p = await openArticle(
    'amp',
    article(`<iframe data-amp-iframe id="f" src="${start()}" title="AI capex race" scrolling="no" width="100%" height="300" sandbox="${SANDBOX}"></iframe><script src="/amp-iframe-listener.js"></script>`),
  );
  try {
    await assertFollowsContent(p, '#f', { hostile: [{ sentinel: 'amp', type: 'embed-size', height: HUGE }, `amp-${JSON.stringify({ sentinel: 'amp', type: 'embed-size', height: HUGE })}`] });
  } finally {
    await p.close();
  }
});

test('the handshake: a host script loaded after the frame is ready sizes it at once; run again, it takes on a frame added later', { timeout: 120_000 }, async () => {
  const frameHtml = (id) => `<iframe data-ai-capex id="${id}" src="${start()}" title="AI capex race" width="100%" sandbox="${SANDBOX}"></iframe>`;
  const p = await openArticle('late', article(frameHtml('f')));
  const addHostScript = () =>
    p.page.evaluate(
      (src) =>
        new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = resolve;
          script.onerror = reject;
          document.body.append(script);
        }),
      `${env.explainer.url}js/embed-host.js`,
    );
  try {
    const frame = await frameOf(p.page, '#f');
    await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30_000 });
    // Ready and quiet: nothing in the frame changes any more, so only the handshake can size it.
    await p.page.waitForTimeout(500);
    assert.equal(await p.page.locator('#f').evaluate((el) => el.style.height), '', 'the frame was sized without a host script');
    await addHostScript();
    await waitFitted(p.page, '#f', { timeout: 3_000 });
    // A CMS adds a second frame and includes the script again.
    await p.page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), frameHtml('g'));
    // Chromium pauses the animation frames of a frame out of view.
    await p.page.locator('#g').scrollIntoViewIfNeeded();
    await (await frameOf(p.page, '#g')).waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30_000 });
    await addHostScript();
    assert.equal(await p.page.locator('#g').getAttribute('scrolling'), 'no', 'the script run again did not take on the new frame');
    await waitFitted(p.page, '#g', { timeout: 5_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
