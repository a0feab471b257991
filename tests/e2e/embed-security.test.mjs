// What a framed explainer must never do to the article around it (issue 17, findings 2 and 3):
// a hostile page in the frame — the explainer's site compromised, or any page served at the
// snippet's address — tries to read the article's cookie, rewrite its headline and lift its own
// sandbox; a page it opens tries to read the article and navigate its tab through
// opener.parent (case B: it inherits the sandbox; case A: it escapes it but is on another
// origin). The snippets are the builder's default (served on the article's own site, the
// README's /news/graphics/… layout) and the README's; a source link still opens a page that
// renders; and `frame-ancestors`, as the README advises, keeps other sites from framing it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, REPO_ROOT, SUBPATH, DESKTOP } from './harness.mjs';
import { startHosts, article, frameOf, readmeSnippet, sandboxOf } from './embed-hosts.mjs';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

let env;
before(async () => {
  env = await startHosts();
});
after(async () => {
  await env?.close();
});

const HEADLINE = 'The real headline';
/** The article: a headline, a session cookie, and a note of what the frame reports. */
const storyWith = (snippet) =>
  article(`<h1 id="headline">${HEADLINE}</h1>${snippet}<script>addEventListener('message', (e) => { if (e.data && e.data.attack) window.attackReport = e.data.attack; });</script>`);

/** The hostile page served at the frame's address: it tries each way into the article and reports. */
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>attack</title>
<button id="open-popup" onclick="window.open('/popup.html')">open</button>
<script>
  const report = {};
  const attempt = (name, fn) => { try { report[name] = fn(); } catch (e) { report[name] = 'blocked'; } };
  attempt('cookie', () => parent.document.cookie);
  attempt('headline', () => { parent.document.getElementById('headline').textContent = 'Rewritten'; return 'rewritten'; });
  attempt('sandbox', () => { frameElement.removeAttribute('sandbox'); return 'removed'; });
  parent.postMessage({ attack: report }, '*');
</script>`;

/** A page of the frame's origin that, opened from the frame, reaches for the article and its tab. */
const POPUP_PAGE = `<!doctype html><meta charset="utf-8"><title>popup</title><p>popup</p>
<script>
  try { document.body.dataset.reach = opener.parent.document.getElementById('headline').textContent; } catch (e) { document.body.dataset.reach = 'blocked'; }
  try { opener.parent.location.href = '/elsewhere.html'; document.body.dataset.navigate = 'sent'; } catch (e) { document.body.dataset.navigate = 'blocked'; }
</script>`;

const htmlFor = (body) => (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });

/** The hostile pages: at the frame's address (its folder `framePath` on the explainer's server) and at /popup.html. */
const hostileFrame = (framePath) => async (context) => {
  await context.route(
    (u) => u.href.startsWith(env.explainer.url) && u.pathname === framePath,
    (r) => (r.request().resourceType() === 'document' ? htmlFor(ATTACK_PAGE)(r) : r.continue()),
  );
  await context.route(`${env.explainer.url}popup.html`, htmlFor(POPUP_PAGE));
};

/** The article at `url` on the explainer's own server, with a session cookie, and the hostile pages. */
const articleOnExplainerSite = (url, html) => async (context) => {
  await context.addCookies([{ name: 'session', value: 'secret-session', url }]);
  await context.route(url, htmlFor(html));
  await hostileFrame(SUBPATH)(context);
};

/** Click the hostile frame's button; what the page it opens reached, and where the article is then. */
async function openPopupFromFrame(p) {
  const frame = await frameOf(p.page, 'iframe[data-ai-capex]');
  const [popup] = await Promise.all([p.context.waitForEvent('page'), frame.locator('#open-popup').click()]);
  await popup.waitForFunction(() => document.body?.dataset.navigate);
  const seen = await popup.evaluate(() => ({ reach: document.body.dataset.reach, navigate: document.body.dataset.navigate, origin: window.origin }));
  return { ...seen, articleAt: p.page.url() };
}

/** The default snippet of the builder served at `builderUrl`. */
async function defaultBuilderSnippet(builderUrl) {
  const p = await openPage(env.browser, builderUrl, DESKTOP);
  try {
    await p.page.waitForFunction(() => document.getElementById('builder-snippet').value !== '');
    return await p.page.locator('#builder-snippet').inputValue();
  } finally {
    await p.close();
  }
}

test("served on the article's own site, the builder's default snippet keeps a hostile frame out of the article: no cookie, no headline, no lifting its sandbox", { timeout: 90_000 }, async () => {
  const snippet = await defaultBuilderSnippet(`${env.explainer.subpathUrl}embed-builder.html`);
  const url = `${env.explainer.url}news/2026/story.html`;
  const p = await openPage(env.browser, url, { ...DESKTOP, route: articleOnExplainerSite(url, storyWith(snippet)) });
  try {
    const report = await (await p.page.waitForFunction(() => window.attackReport, null, { timeout: 15_000 })).jsonValue();
    assert.deepEqual(report, { cookie: 'blocked', headline: 'blocked', sandbox: 'blocked' }, `the frame reached the article with sandbox="${sandboxOf(snippet)}"`);
    assert.equal(await p.page.locator('#headline').textContent(), HEADLINE);
    assert.equal(await p.page.locator('iframe[data-ai-capex]').getAttribute('sandbox'), sandboxOf(snippet));
    assert.doesNotMatch(sandboxOf(snippet), /allow-same-origin/);
  } finally {
    await p.close();
  }
});

test("case B (the README's snippet): a page of the article's origin opened from the frame inherits the sandbox: through opener.parent it can neither read the article nor navigate its tab", { timeout: 90_000 }, async () => {
  const url = `${env.explainer.url}news/2026/story.html`;
  const p = await openPage(env.browser, url, { ...DESKTOP, route: articleOnExplainerSite(url, storyWith(readmeSnippet('same-origin'))) });
  try {
    assert.deepEqual(await openPopupFromFrame(p), { reach: 'blocked', navigate: 'blocked', origin: 'null', articleAt: url }, 'the popup is not sandboxed');
    assert.equal(await p.page.locator('#headline').textContent(), HEADLINE);
  } finally {
    await p.close();
  }
});

test("case A (the README's snippet): a page of the explainer's origin opened from the frame is outside the sandbox, yet through opener.parent it can neither read the article nor navigate its tab", { timeout: 90_000 }, async () => {
  const snippet = readmeSnippet('own-origin').replaceAll('https://GRAPHICS.HOST/ai-capex/', env.explainer.url);
  env.stories.set('/case-a.html', storyWith(snippet));
  const url = `${env.newsUrl}case-a.html`;
  const p = await openPage(env.browser, url, { ...DESKTOP, route: hostileFrame('/') });
  try {
    assert.deepEqual(await openPopupFromFrame(p), { reach: 'blocked', navigate: 'blocked', origin: env.explainer.url.slice(0, -1), articleAt: url });
    assert.equal(await p.page.locator('#headline').textContent(), HEADLINE);
  } finally {
    await p.close();
  }
});

/** A stand-in for a source's site: a page whose script runs and shows what it could use. */
const SOURCE_PAGE = `<!doctype html><meta charset="utf-8"><title>The source</title><p id="text">The source's report.</p>
<script>
  document.getElementById('text').dataset.scripted = 'yes';
  try { localStorage.setItem('k', 'v'); document.body.dataset.storage = 'yes'; } catch (e) { document.body.dataset.storage = 'refused'; }
</script>`;

test('case B: a source link from the frame opens the source in a sandboxed tab, where it renders and runs its scripts, without cookies or storage', { timeout: 90_000 }, async () => {
  const url = `${env.explainer.url}news/2026/story.html`;
  const p = await openPage(env.browser, url, {
    ...DESKTOP,
    route: async (context) => {
      // The whole explainer, its tables included.
      const snippet = readmeSnippet('same-origin').replace(/section=[^&"]*&/, '');
      await context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article(snippet) }));
      // Every source lives on the web; the tests have no network: each answers with the stand-in.
      await context.route(/^https:\/\//, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SOURCE_PAGE }));
    },
  });
  try {
    const frameEl = p.page.locator('iframe[data-ai-capex]');
    await frameEl.scrollIntoViewIfNeeded();
    const frame = await frameOf(p.page, 'iframe[data-ai-capex]');
    await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30_000 });
    // A public record's link in a chart's table (built when opened, with the figures' words).
    await frame.locator('details.table-details summary').first().click();
    const link = frame.locator('details.table-details a.source-link').first();
    assert.deepEqual(await link.evaluate((a) => [a.target, a.rel]), ['_blank', 'noopener noreferrer']);
    const [source] = await Promise.all([p.context.waitForEvent('page'), link.click()]);
    await source.waitForFunction(() => document.getElementById('text')?.dataset.scripted === 'yes');
    const seen = await source.evaluate(() => ({ text: document.getElementById('text').textContent, shown: document.getElementById('text').getBoundingClientRect().height > 0, origin: window.origin, storage: document.body.dataset.storage }));
    assert.deepEqual(seen, { text: "The source's report.", shown: true, origin: 'null', storage: 'refused' });
  } finally {
    await p.close();
  }
});

test("frame-ancestors, as the README advises: a listed article shows the explainer, any other site gets an empty frame", { timeout: 90_000 }, async () => {
  const policy = /`Content-Security-Policy: (frame-ancestors [^`]*)`/.exec(README)?.[1];
  assert.ok(policy, 'the README shows a frame-ancestors header');
  const listedNews = 'https://news.example.org';
  assert.ok(policy.includes(listedNews), `the README's example lists ${listedNews}`);
  const snippet = readmeSnippet('own-origin').replaceAll('https://GRAPHICS.HOST/ai-capex/', env.explainer.url);
  /** Frame the explainer (its pages sent with the README's header) from an article at `articleUrl`; was it shown? */
  async function shown(articleUrl) {
    const p = await openPage(env.browser, articleUrl, {
      ...DESKTOP,
      route: async (context) => {
        await context.route(articleUrl, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article(snippet) }));
        await context.route(
          (u) => u.href.startsWith(env.explainer.url),
          async (r) => {
            if (r.request().resourceType() !== 'document') return r.continue();
            const response = await r.fetch();
            const headers = response.headers();
            headers['content-security-policy'] = `${headers['content-security-policy']}, ${policy}`;
            return r.fulfill({ response, headers });
          },
        );
      },
    });
    try {
      await p.page.locator('iframe[data-ai-capex]').scrollIntoViewIfNeeded();
      const frame = await frameOf(p.page, 'iframe[data-ai-capex]');
      return await frame
        .waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
    } finally {
      await p.close();
    }
  }
  assert.equal(await shown(`${listedNews}/2026/story.html`), true, 'the listed article does not show the explainer');
  assert.equal(await shown('https://elsewhere.example.net/copy.html'), false, 'another site shows the explainer');
});
