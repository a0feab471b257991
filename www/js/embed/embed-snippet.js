// The embed snippet the builder (js/embed-builder.js) hands editors: an <iframe data-ai-capex>
// and the host script, sandboxed as the README's "Embedding in an article" says. Safe by
// default: unless the editor names an article on another origin, the article is taken to be on
// the explainer's own site (case B, no allow-same-origin: the frame must never be able to lift
// its own sandbox). Pure functions: no DOM.

const SANDBOX_OWN_ORIGIN = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
// No allow-popups-to-escape-sandbox: an unsandboxed page of the article's origin opened from
// the frame would reach the article through opener.parent. New tabs inherit the sandbox.
const SANDBOX_SAME_ORIGIN = 'allow-scripts allow-popups allow-downloads';
/** The order the options appear in the address, as the README writes them. */
const OPTION_ORDER = ['lang', 'section', 'preset', 'theme', 'cur', 'chrome'];
/** Hosts where plain http is this computer talking to itself. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

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
 * An https address from what the editor typed (`typed`, relative to `here`); plain http only
 * on this computer. Returns { url } or { problem: i18n key under "builder", vars }.
 */
function webAddress(typed, here) {
  let url;
  try {
    url = new URL(typed.trim(), here);
  } catch {
    return { problem: 'not_address', vars: { typed } };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return { url };
  return { problem: 'not_https', vars: { typed } };
}

/** The explainer's folder from what the editor typed: { base } ending in "/", or { problem, vars }. */
export function explainerBase(typed, here) {
  const { url, ...problem } = webAddress(typed, here);
  if (!url) return problem;
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/[^/]*$/, '');
  return { base: url.href };
}

/**
 * A host without its trailing dots (URL lowercases it). The browser counts "news.example.org." as
 * another origin than "news.example.org", but it reaches the same site: compared as one, the
 * doubt falls on the safe side (case B, or the shared-domain warning).
 */
const hostOf = (url) => url.hostname.replace(/\.+$/, '');

/** An address's origin, its host written as hostOf does. */
export const originOf = (address) => {
  const url = new URL(address);
  return `${url.protocol}//${hostOf(url)}${url.port ? `:${url.port}` : ''}`;
};

/**
 * A host's last two labels: its registrable domain as far as we can tell without a public-suffix
 * list (an IP address stands for itself: cookies ignore the port).
 */
const lastTwoLabels = (hostname) => (/^[\d.]+$|^\[/.test(hostname) ? hostname : hostname.split('.').slice(-2).join('.'));

/**
 * Where the article is, against the explainer at `base` and the builder page's own origin
 * `builderOrigin`: `typed` is the article's address, or empty when the editor did not say.
 * Returns { otherOrigin } (only an article on another origin than both gets allow-same-origin:
 * the builder's own site is the explainer's), with `sharedDomain` when both hosts end in the
 * same two labels (the frame could set cookies the article's server receives), or
 * { problem, vars }.
 */
export function articlePlace(typed, base, builderOrigin) {
  if (!typed.trim()) return { otherOrigin: false };
  const { url, ...problem } = webAddress(typed, base);
  if (!url) return problem;
  const article = originOf(url);
  if (article === originOf(base) || article === builderOrigin) return { otherOrigin: false };
  const shared = lastTwoLabels(hostOf(url)) === lastTwoLabels(hostOf(new URL(base)));
  return { otherOrigin: true, sharedDomain: shared ? lastTwoLabels(hostOf(url)) : undefined };
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The snippet for the explainer at `base` (from explainerBase) with `options`, titled `title`.
 * `otherOrigin` (from articlePlace): the article is on another origin — full addresses and
 * allow-same-origin (case A); else no allow-same-origin (case B), with addresses from the
 * site's root when the explainer is on the builder's own origin `builderOrigin` (the article's
 * site), else full ones.
 */
export function embedSnippet({ base, options, title, otherOrigin, builderOrigin }) {
  const url = new URL(base);
  const folder = otherOrigin || originOf(url) !== builderOrigin ? url.href : url.pathname;
  const src = `${folder}${embedQuery(options)}`;
  const sandbox = otherOrigin ? SANDBOX_OWN_ORIGIN : SANDBOX_SAME_ORIGIN;
  return [
    `<iframe data-ai-capex src="${escapeAttribute(src)}"`,
    `        title="${escapeAttribute(title)}" loading="lazy" width="100%"`,
    `        sandbox="${sandbox}"></iframe>`,
    `<script src="${escapeAttribute(`${folder}js/embed-host.js`)}" defer></script>`,
  ].join('\n');
}
