#!/usr/bin/env node
// Fuzzes the two ends of the embed's sizing: our host script on the article
// (www/js/embed-host.js) and the framed page's side (www/js/embed/host.js), in headless Chromium.
// Each case writes an article — frames of ours showing host.js over content of a random height,
// frames of ours and neighbour frames that post whatever they are told, names that clash with
// the script's, the script included once or more — then runs random steps: hostile messages
// (wrong types, huge, negative, NaN, uncloneable, from neighbours, from a frame's own child,
// from the article itself), content that grows and shrinks, frames added, removed, navigated,
// adopted and dropped, the script included again, hostile messages down to the frames. Then it
// checks: nothing reached the console; every frame of ours is within [MIN, MAX] (scrolling
// only when held at MAX); each host.js frame fits its content; neighbours are untouched; the
// script listens once; removed frames are collected (no listener or timer keeps them); the
// page still paints. Part of `./dev fuzz`.
//
// Usage: node tools/fuzz-embed-host.mjs [--seconds S (60)] [--seed S] [--replay CASE]
// Each case runs under a watchdog (a hang fails it). Exit 0 when all pass, 1 on a failure, 2
// on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { random } from './fuzz-random.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASE_LIMIT_MS = 20_000;
const SETTLE_MS = 4_000;
const EMBED_HOST = fs.readFileSync(path.join(REPO_ROOT, 'www', 'js', 'embed-host.js'), 'utf8');
const FRAME_HOST = fs.readFileSync(path.join(REPO_ROOT, 'www', 'js', 'embed', 'host.js'), 'utf8');
/** The host script's bounds, as it states them; the frame's cap must be the same. */
const MIN = Number(/MIN_HEIGHT = (\d+)/.exec(EMBED_HOST)[1]);
const MAX = Number(/MAX_HEIGHT = (\d+)/.exec(EMBED_HOST)[1]);
const ARTICLE = 'http://article.test';
/** Frames on the article's site (another origin, one process) or on another site (case A). */
const FRAME_ORIGINS = ['http://frames.article.test', 'http://graphics.test'];

async function main(args) {
  const options = { seconds: 60, seed: 0x5eed, replay: null };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    const value = Number(args[i + 1]);
    if (!(name in options) || !Number.isSafeInteger(value) || value < 0) {
      console.error(`fuzz-embed-host: ${args[i]} ${args[i + 1] ?? ''}: expected --seconds S, --seed S or --replay CASE (whole numbers)`);
      return 2;
    }
    options[name] = value;
  }
  const frameMax = Number(/MAX_HEIGHT = ([\d_]+)/.exec(FRAME_HOST)[1].replaceAll('_', ''));
  if (frameMax !== MAX) {
    console.error(`\nFAILED: embed-host: the frame asks for up to ${frameMax} px (www/js/embed/host.js), the host script allows ${MAX} (www/js/embed-host.js)`);
    return 1;
  }
  const started = performance.now();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
  const articles = new Map();
  await context.route(/^http:\/\/[a-z.]+\.test\//, (route) => {
    const url = new URL(route.request().url());
    const body = url.pathname === '/js/embed-host.js' ? EMBED_HOST : url.pathname === '/js/embed/host.js' ? FRAME_HOST : url.origin === ARTICLE ? articles.get(url.pathname) : framePage(url);
    route.fulfill({ status: body ? 200 : 404, contentType: url.pathname.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', body: body || 'not found' });
  });
  const page = await context.newPage();
  await page.addInitScript(recordArticle);
  const cdp = await context.newCDPSession(page);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const world = { page, cdp, articles, problems };

  const replayHint = (index) => `replay: node tools/fuzz-embed-host.mjs --replay ${index} --seed ${options.seed}`;
  let cases = 0;
  let steps = 0;
  try {
    for (let index = options.replay ?? 0; ; index++) {
      // Within the budget: no case starts that would, on average, end past it.
      const elapsed = performance.now() - started;
      if (options.replay === null && elapsed + (cases ? elapsed / cases : 0) > options.seconds * 1000) break;
      problems.length = 0;
      let timer;
      const watchdog = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`ran past its ${CASE_LIMIT_MS / 1000} s limit (a hang)`)), CASE_LIMIT_MS);
      });
      try {
        steps += await Promise.race([runCase(world, random(options.seed, index), index), watchdog]);
      } catch (e) {
        console.error(`\nFAILED: embed-host case ${index} (seed ${options.seed}): ${e && e.message ? e.message : e}\n${replayHint(index)}`);
        return 1;
      } finally {
        clearTimeout(timer);
      }
      cases++;
      if (options.replay !== null) break;
    }
  } finally {
    await browser.close();
  }
  const secs = (performance.now() - started) / 1000;
  console.log(`  embed-host ${String(cases).padStart(8)} cases in ${secs.toFixed(1).padStart(5)} s  ${String(steps).padStart(7)} steps                        no failures`);
  return 0;
}

/** A frame's page: `live` runs host.js over content `h` px tall; `puppet` posts what it is told. */
function framePage(url) {
  const kind = url.pathname.slice(1).replace(/\.html$/, '');
  if (kind === 'live') {
    const height = Number(url.searchParams.get('h')) || 0;
    return `<!doctype html><html><head><style>html,body{margin:0}</style></head><body><div id="content" style="height:${height}px"></div><script type="module">import { startHostSync } from './js/embed/host.js'; startHostSync();</script></body></html>`;
  }
  return kind === 'puppet' ? '<!doctype html><html><body><p>a frame that posts what it is told</p></body></html>' : null;
}

/** Heights a frame might claim: ordinary, at and around the bounds, absurd. */
function someHeight(rng) {
  return rng.pick([
    () => rng.below(3000),
    () => rng.below(3000) + rng.unit(),
    () => rng.pick([0, MIN - 1, MIN, MAX - 1, MAX, MAX + 1, 2 * MAX, 1e7]),
    () => -rng.below(1e6),
    () => rng.pick(['NaN', 'Infinity', '-Infinity', '-0', '1e308', '5e-324']),
  ])();
}

/** A message recipe (JSON); `postRecipe` turns it into the value inside the sending window. */
function someRecipe(rng) {
  switch (rng.below(6)) {
    case 0:
    case 1:
      return { kind: 'height', height: someHeight(rng), as: rng.pick(['number', 'number', 'number', 'string', 'array', 'object', 'bigint', 'boolean', 'null']) };
    case 2:
      return { kind: 'json', value: rng.pick(['', 0, 1, null, true, [], {}, 'ai-capex:height', { type: 'ai-capex:hello' }, { type: 'ai-capex:navigate', url: 'https://evil.example/' }, { 'datawrapper-height': { 'ai-capex': 99999 } }, { sentinel: 'amp', type: 'embed-size', height: 99999 }, `pymxPYMxfxPYMxheightxPYMx${99999}`, 'pymxPYMxfxPYMxwidthxPYMx300', { type: 'ai-capex:height' }, { type: 'ai-capex:height', height: 400, extra: { deep: [1, 2, 3] } }]) };
    default:
      return { kind: 'special', which: rng.pick(['date', 'regexp', 'blob', 'buffer', 'map', 'error', 'symbol', 'function', 'deep', 'long', 'proto', 'getter', 'port']) };
  }
}

/**
 * Runs in a window: build the recipe's value and post it `times` times to `to` (parent, top,
 * self, or frame:<name>, one of the article's frames).
 */
function postRecipe({ recipe, to, times = 1 }) {
  const number = (h) => (typeof h === 'string' ? Number(h) : h);
  const build = () => {
    if (recipe.kind === 'json') return recipe.value;
    if (recipe.kind === 'height') {
      const h = number(recipe.height);
      const as = { number: h, string: String(h), array: [h], object: { valueOf: 1, h }, bigint: BigInt(Math.trunc(Number.isFinite(h) ? h : 0)), boolean: h > 0, null: null }[recipe.as];
      return { type: 'ai-capex:height', height: as };
    }
    const special = {
      date: () => ({ type: 'ai-capex:height', height: new Date() }),
      regexp: () => ({ type: /ai-capex:height/, height: 500 }),
      blob: () => ({ type: 'ai-capex:height', height: new Blob(['x']) }),
      buffer: () => new ArrayBuffer(1 << 20),
      map: () => new Map([['type', 'ai-capex:height'], ['height', 500]]),
      error: () => Object.assign(new Error('ai-capex:height'), { height: 500 }),
      symbol: () => ({ type: 'ai-capex:height', height: Symbol('x') }),
      function: () => ({ type: 'ai-capex:height', height: () => 500 }),
      deep: () => Array.from({ length: 2000 }).reduce((inner) => ({ type: 'ai-capex:height', height: 500, inner }), {}),
      long: () => ({ type: 'ai-capex:height'.padEnd(1 << 20, 'x'), height: 500 }),
      proto: () => Object.create({ type: 'ai-capex:height', height: 500 }),
      getter: () => ({ type: 'ai-capex:height', get height() { return 500; } }),
      port: () => ({ type: 'ai-capex:height', height: 500, port: new MessageChannel().port1 }),
    };
    return special[recipe.which]();
  };
  const frame = to.startsWith('frame:') && Document.prototype.querySelectorAll.call(document, `iframe[name="${to.slice(6)}"]`)[0];
  const target = frame ? frame.contentWindow : { parent: window.parent, top: window.top, self: window }[to];
  try {
    for (let i = 0; i < times; i++) {
      const value = build();
      if (value && value.port) target.postMessage(value, '*', [value.port]);
      else target.postMessage(value, '*');
    }
  } catch {
    /* uncloneable: the sender's own error, never the article's */
  }
}

/** The article: frames, clashing names and the script, in a random order. */
function articleHtml(rng, state) {
  const parts = [];
  const frames = rng.chance(0.05) ? 20 + rng.below(20) : rng.below(7);
  for (let i = 0; i < frames; i++) parts.push(frameHtml(rng, state));
  if (rng.chance(0.3)) parts.push('<div id="__aiCapexHost"></div>');
  if (rng.chance(0.2)) parts.push('<form name="querySelectorAll"></form><img name="readyState" alt="">');
  const scripts = 1 + rng.below(3);
  for (let i = 0; i < scripts; i++) parts.splice(rng.below(parts.length + 1), 0, `<script src="/js/embed-host.js"${rng.chance(0.5) ? ' defer' : ''}></script>`);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${parts.join('\n')}</body></html>`;
}

/** One frame: `live` (ours, host.js), `puppet` (ours, posts on demand) or `neighbour` (not ours). */
function frameHtml(rng, state) {
  const name = `f${state.next++}`;
  const kind = rng.pick(['live', 'live', 'puppet', 'neighbour']);
  const src = kind === 'live' ? liveSrc(rng, state) : `${state.origin}/puppet.html`;
  const ours = kind === 'neighbour' ? '' : ' data-ai-capex';
  return `<iframe${ours} name="${name}" data-fuzz="${kind}" src="${src}" title="${kind}" style="width:300px;border:0"></iframe>`;
}

function liveSrc(rng, state) {
  return `${state.origin}/live.html?h=${Math.max(0, Math.round(Number(someHeight(rng)) || 0))}${rng.chance(0.3) ? '&childId=f' : ''}`;
}

/** The frames of a kind now in the article, by name. */
const framesOf = (page, kind) => page.evaluate((k) => window.__all(`iframe[data-fuzz="${k}"]`).map((f) => f.name), kind);

async function runCase(world, rng, index) {
  const { page, articles } = world;
  const state = { next: 0, origin: rng.pick(FRAME_ORIGINS) };
  const file = `/case-${index}.html`;
  articles.clear();
  articles.set(file, articleHtml(rng, state));
  await page.goto(`${ARTICLE}${file}`, { waitUntil: 'load' });
  const count = 3 + rng.below(25);
  for (let i = 0; i < count; i++) await step(world, rng, state);
  await check(world);
  return count;
}

/** Runs in the article before its scripts: keeps what its frames of ours send; counts timers. */
function recordArticle() {
  if (window !== window.top) return;
  // The article's names may shadow document.querySelectorAll (a form's name): the fuzzer's
  // own look-ups go through the prototype.
  window.__all = (selector) => [...Document.prototype.querySelectorAll.call(document, selector)];
  window.__fromLive = [];
  window.addEventListener('message', (event) => {
    const frame = window.__all('iframe[data-fuzz="live"]').find((f) => f.contentWindow === event.source);
    if (frame) window.__fromLive.push(event.data);
  });
  window.__timers = new Set();
  for (const [set, clear] of [['setTimeout', 'clearTimeout'], ['setInterval', 'clearInterval']]) {
    const setter = window[set];
    const clearer = window[clear];
    window[set] = (fn, ms, ...rest) => {
      const id = setter((...a) => {
        if (set === 'setTimeout') window.__timers.delete(id);
        return typeof fn === 'function' ? fn(...a) : undefined;
      }, ms, ...rest);
      window.__timers.add(id);
      return id;
    };
    window[clear] = (id) => {
      window.__timers.delete(id);
      return clearer(id);
    };
  }
}

async function step(world, rng, state) {
  const { page } = world;
  const frameNamed = (name) => page.frame({ name });
  switch (rng.below(10)) {
    case 0:
    case 1:
    case 2: {
      // A frame of ours (or its own child) goes bad, or a neighbour pretends.
      // Every choice is drawn first: whether a frame is there yet is timing, the draws are not.
      const kind = rng.pick(['puppet', 'puppet', 'neighbour']);
      const name = rng.pick(await framesOf(page, kind));
      const recipe = rng.chance(0.5) ? { kind: 'height', height: someHeight(rng), as: 'number' } : someRecipe(rng);
      const fromChild = rng.chance(0.15) && rng.pick(['parent', 'top']);
      const frame = name && frameNamed(name);
      if (!frame) return;
      if (fromChild) {
        await frame.evaluate(() => new Promise((resolve) => document.body.append(Object.assign(document.createElement('iframe'), { name: 'child', srcdoc: '<p>child</p>', onload: resolve })))).catch(() => {});
        await frame.childFrames()[0]?.evaluate(postRecipe, { recipe, to: fromChild }).catch(() => {});
      } else await frame.evaluate(postRecipe, { recipe, to: 'parent' }).catch(() => {});
      return;
    }
    case 3: // the article posts to itself
      await page.evaluate(postRecipe, { recipe: someRecipe(rng), to: 'self' });
      return;
    case 4: {
      // Content grows or shrinks inside a frame of ours.
      const name = rng.pick(await framesOf(page, 'live'));
      const height = Math.max(0, Math.round(Number(someHeight(rng)) || 0));
      if (name) await frameNamed(name)?.evaluate((h) => document.getElementById('content')?.style.setProperty('height', `${h}px`), height).catch(() => {});
      return;
    }
    case 5: {
      // A frame added (and maybe the script included again), or one removed.
      if (rng.chance(0.5)) {
        await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), frameHtml(rng, state));
        if (rng.chance(0.5)) await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { src: '/js/embed-host.js' })));
      } else {
        await page.evaluate((i) => {
          const all = window.__all('iframe[data-fuzz]');
          if (all.length) all[i % all.length].remove();
        }, rng.below(1000));
      }
      return;
    }
    case 6: {
      // A frame of ours navigates to new content, or a neighbour is adopted or one of ours dropped.
      const choice = rng.below(3);
      if (choice === 0) {
        const name = rng.pick(await framesOf(page, 'live'));
        if (name) await page.evaluate(([n, src]) => (window.__all(`iframe[name="${n}"]`)[0].src = src), [name, liveSrc(rng, state)]);
      } else {
        await page.evaluate((adopt) => {
          const f = window.__all(adopt ? 'iframe[data-fuzz="neighbour"]' : 'iframe[data-ai-capex]')[0];
          if (!f) return;
          f.dataset.fuzz = 'changed';
          f.toggleAttribute('data-ai-capex', adopt);
        }, choice === 1);
        if (rng.chance(0.5)) await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { src: '/js/embed-host.js' })));
      }
      return;
    }
    case 7: {
      // The article (or a neighbour) says hostile things down to a frame of ours.
      const name = rng.pick(await framesOf(page, 'live'));
      const recipe = rng.chance(0.5) ? { kind: 'json', value: rng.pick([{ type: 'ai-capex:hello' }, 'pymxPYMxfxPYMxwidthxPYMx300', `pymxPYMx${'f'.repeat(rng.below(300))}xPYMxwidthxPYMx1`]) } : someRecipe(rng);
      if (name) await page.evaluate(postRecipe, { recipe, to: `frame:${name}`, times: rng.chance(0.1) ? 200 : 1 });
      return;
    }
    default:
      await page.waitForTimeout(rng.below(30));
  }
}

/** A host.js frame's expected box: its content's height within the bounds. */
const fitted = (content) => Math.max(MIN, Math.min(MAX, Math.ceil(content)));

async function check(world) {
  const { page, cdp, problems } = world;
  const state = async () =>
    page.evaluate(() => {
      const frames = window.__all('iframe').map((f) => ({
        name: f.name,
        kind: f.dataset.fuzz,
        ours: f.hasAttribute('data-ai-capex'),
        adopted: f.hasAttribute('data-ai-capex-host'),
        height: f.style.height,
        scrolling: f.getAttribute('scrolling'),
      }));
      return { frames, fromLive: window.__fromLive, timers: window.__timers.size };
    });
  // Ask each host.js frame for its height (the host script's own hello), until every one fits.
  const until = Date.now() + SETTLE_MS;
  let last;
  for (;;) {
    await page.evaluate(() => window.__all('iframe[data-fuzz="live"][data-ai-capex]').forEach((f) => f.contentWindow?.postMessage({ type: 'ai-capex:hello' }, '*')));
    await page.waitForTimeout(100);
    last = await state();
    const unfitted = [];
    for (const f of last.frames.filter((x) => x.kind === 'live' && x.ours)) {
      const content = await page.frame({ name: f.name })?.evaluate(() => (document.readyState === 'complete' ? document.documentElement.getBoundingClientRect().height : null)).catch(() => null);
      const want = content === null || content === undefined ? null : fitted(content);
      if (want === null || f.height !== `${want}px` || f.scrolling !== (want === MAX ? 'auto' : 'no')) unfitted.push({ ...f, content, want });
    }
    if (!unfitted.length) break;
    if (Date.now() > until) fail('a frame of ours does not fit its content', unfitted);
  }
  if (problems.length) fail('something reached the console', problems);
  for (const f of last.frames) {
    if (f.ours && f.height !== '') {
      const px = Number(f.height.replace(/px$/, ''));
      if (!(Number.isInteger(px) && px >= MIN && px <= MAX)) fail(`a frame of ours is ${f.height} tall, outside [${MIN}, ${MAX}]`, f);
      if (f.scrolling !== (px === MAX ? 'auto' : 'no')) fail(`a frame of ours ${f.height} tall has scrolling="${f.scrolling}"`, f);
    }
    // No height received yet (or ever: a page that failed to start): the frame stays scrollable.
    if (f.ours && f.height === '' && f.scrolling === 'no') fail('a frame of ours with no height yet has scrolling="no"', f);
    if (f.kind === 'neighbour' && (f.height !== '' || f.adopted || f.scrolling !== null)) fail('a neighbour frame was touched', f);
  }
  for (const data of last.fromLive) {
    const known =
      (data && data.type === 'ai-capex:height' && Object.keys(data).length === 2 && Number.isInteger(data.height) && data.height >= 0 && data.height <= MAX) ||
      (data && data['datawrapper-height'] && Object.values(data['datawrapper-height']).every((h) => Number.isInteger(h) && h >= 0 && h <= MAX)) ||
      (data && data.sentinel === 'amp' && Number.isInteger(data.height) && data.height >= 0 && data.height <= MAX) ||
      (typeof data === 'string' && /^pymxPYMxfxPYMxheightxPYMx\d+$/.test(data) && Number(data.split('xPYMx').pop()) <= MAX);
    if (!known) fail('a host.js frame sent a message outside its protocols', data);
  }
  if (last.timers) fail(`${last.timers} timers are still pending in the article`, last.timers);
  // The script listens once however often it ran (one more listener is this fuzzer's).
  const { result: win } = await cdp.send('Runtime.evaluate', { expression: 'window', objectGroup: 'fuzz' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: win.objectId });
  const messageListeners = listeners.filter((l) => l.type === 'message').length;
  if (messageListeners !== 2) fail(`the article has ${messageListeners - 1} message listeners of the host script's`, listeners.filter((l) => l.type === 'message'));
  // Removed frames are collected: nothing the script keeps holds them.
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'HTMLIFrameElement.prototype', objectGroup: 'fuzz' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup: 'fuzz' });
  const { result: held } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'fuzz' });
  const attached = await page.evaluate(() => window.__all('iframe').length);
  if (held.value > attached) fail(`${held.value - attached} removed frames are still held in memory`, { held: held.value, attached });
  // Still painting.
  const painted = await Promise.race([page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true)))), new Promise((resolve) => setTimeout(() => resolve(false), 2000))]);
  if (!painted) fail('the article stopped painting', null);
}

function fail(what, found) {
  throw new Error(`${what}: ${JSON.stringify(found)?.slice(0, 600)}`);
}

process.exitCode = await main(process.argv.slice(2));
