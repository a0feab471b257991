// Shared by the embedding tests (embed*.test.mjs): the baked explainer on its own server, a news
// site on another origin serving the host articles the tests write, and how a frame is read
// from the host page.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startServer, launchBrowser, REPO_ROOT, DIST } from './harness.mjs';

export { DIST };

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The README's embed snippet `name` (the ```html block after <!-- embed-snippet:name -->). */
export function readmeSnippet(name) {
  const m = new RegExp(`<!-- embed-snippet:${name} -->\\s*\`\`\`html\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!m) throw new Error(`the README has no snippet "${name}"`);
  return m[1];
}

/** The sandbox attribute of the snippet's iframe. */
export const sandboxOf = (snippet) => /<iframe[^>]*\ssandbox="([^"]*)"/.exec(snippet)?.[1];

/** Files the news site serves besides its articles: pym.js from npm, the listener fixtures. */
const NEWS_FILES = {
  '/pym.v1.js': path.join(REPO_ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.js'),
  '/datawrapper-embed.js': path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'datawrapper-embed.js'),
  '/datawrapper-embed-by-source.js': path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'datawrapper-embed-by-source.js'),
  '/amp-iframe-listener.js': path.join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'amp-iframe-listener.js'),
};

/** A host article around `body`, with a frame of its own that plays the hostile neighbour. */
export const article = (body, { head = '' } = {}) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Host article</title>${head}</head><body><p>Before.</p>${body}<p>After.</p><iframe id="hostile" srcdoc="<p>an ad</p>"></iframe></body></html>`;

/**
 * Start the explainer (dist/) and the news site. Returns { explainer, newsUrl, stories (path →
 * HTML), browser, close() }.
 */
export async function startHosts() {
  const explainer = await startServer({ root: DIST, cors: true }); // case B frames are sandboxed
  const stories = new Map();
  // The news site: another origin (another port), a plain server with no policy of its own.
  const news = http.createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    const file = NEWS_FILES[pathname];
    const body = file ? fs.readFileSync(file) : stories.get(pathname);
    res.writeHead(body ? 200 : 404, { 'Content-Type': file ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(body || 'not found');
  });
  await new Promise((resolve) => news.listen(0, '127.0.0.1', resolve));
  const newsUrl = `http://127.0.0.1:${news.address().port}/`;
  const browser = await launchBrowser();
  return {
    explainer,
    newsUrl,
    stories,
    browser,
    close: async () => {
      await browser.close();
      await explainer.close();
      await new Promise((resolve) => news.close(resolve));
    },
  };
}

/** The explainer's frame behind `selector` on the host page. */
export async function frameOf(page, selector) {
  return (await page.locator(selector).elementHandle()).contentFrame();
}

/** The frame's document: its state, language, content height and its own viewport height. */
async function measure(frame) {
  return frame.evaluate(() => ({
    state: document.documentElement.dataset.state,
    lang: document.documentElement.lang,
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    viewport: window.innerHeight,
    href: location.href,
  }));
}

/**
 * Wait until the frame behind `selector` is ready, shows a document `where` accepts and is
 * exactly as tall as its content (nothing to scroll, no gap), in view; returns its measure.
 * The frame may be navigating meanwhile: retried.
 */
export async function waitFitted(page, selector, { timeout = 30_000, where = () => true } = {}) {
  const until = Date.now() + timeout;
  let last = null;
  for (;;) {
    try {
      // Chromium pauses rendering (and so the frame's resize observer) in frames out of view.
      await page.locator(selector).scrollIntoViewIfNeeded();
      last = await measure(await frameOf(page, selector));
      if (last.state === 'ready' && where(last) && last.viewport >= last.content && last.viewport - last.content <= 2) return last;
    } catch (e) {
      last = { error: e.message };
    }
    if (Date.now() > until) throw new Error(`the frame ${selector} is not fitted to its content: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The frame element's own box height on the host page, in CSS px. */
export const frameBoxHeight = (page, selector) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);

/** `url` with `changes` in its query ({name: value | null}). */
export function withParams(url, changes) {
  const next = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return next.href;
}
