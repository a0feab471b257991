// The embed snippet the builder (js/embed-builder.js) hands editors: an <iframe data-ai-capex>
// and the host script, sandboxed as the README's "Embedding in an article" says — on the
// explainer's own origin with allow-same-origin, on the article's origin without it (the frame
// must never be able to lift its own sandbox). Pure functions: no DOM.

const SANDBOX_OWN_ORIGIN = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
const SANDBOX_SAME_ORIGIN = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';
/** The order the options appear in the address, as the README writes them. */
const OPTION_ORDER = ['lang', 'section', 'preset', 'theme', 'cur', 'chrome'];

/**
 * The query string for `options` ({lang, section: [ids], preset, theme, cur, chrome}); empty
 * values are left out (the page's default). Commas stay readable in the section list.
 */
export function embedQuery(options) {
  const parts = [];
  for (const name of OPTION_ORDER) {
    const value = Array.isArray(options[name]) ? options[name].join(',') : options[name];
    if (value) parts.push(`${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * The explainer's folder from what the editor typed (`typed`, relative to `here`): an http(s)
 * address ending in "/". Returns { base } or { problem } in words.
 */
export function explainerBase(typed, here) {
  let url;
  try {
    url = new URL(typed.trim(), here);
  } catch {
    return { problem: `"${typed}" is not an address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `the address must start with https:// (not ${url.protocol})` };
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/[^/]*$/, '');
  return { base: url.href };
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The snippet for the explainer at `base` (from explainerBase) with `options`, titled `title`.
 * `sameOrigin`: the article is on the explainer's own site — addresses from the site's root,
 * and no allow-same-origin.
 */
export function embedSnippet({ base, options, title, sameOrigin }) {
  const url = new URL(base);
  const folder = sameOrigin ? url.pathname : url.href;
  const src = `${folder}${embedQuery(options)}`;
  const sandbox = sameOrigin ? SANDBOX_SAME_ORIGIN : SANDBOX_OWN_ORIGIN;
  return [
    `<iframe data-ai-capex src="${escapeAttribute(src)}"`,
    `        title="${escapeAttribute(title)}" loading="lazy" width="100%"`,
    `        sandbox="${sandbox}"></iframe>`,
    `<script src="${escapeAttribute(`${folder}js/embed-host.js`)}" defer></script>`,
  ].join('\n');
}
