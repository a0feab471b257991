// The page's state in the URL: read and validate the parameters, and write them back with
// history.replaceState (debounced), so a link reproduces exactly what the reader saw.
//
// Parameters this page owns (everything else in the query string is left untouched):
//   lang     en | zh-Hans | zh-Hant   (also zh, zh-CN, zh-TW, zh-HK, en-GB, …)
//   cur      USD | CNY                 currency for money that the page converts
//   theme    light | dark              overrides the system colour scheme
//   section  chart ids, "calculator", "sources" (any case, comma- or space-separated): show only
//            those; unknown ids are reported, and none known shows everything (as js/head.js does)
//   preset   a calculator preset id (validated by js/calculator/calculator.js against the
//            wasm's list)
//   chrome   full | none               none: no masthead or footer (an article frames the page)
//   dw-id    the id this frame gives Datawrapper's host script (js/embed/host.js)
//   <field>  one per calculator input (validated by js/calculator/calculator.js against
//            ex.input_specs())
//
// A bad value never stops the page: it becomes a `problem` {param, value, allowed} that the
// page shows in the reader's language, and the default is used.

import { LANGS, normalizeLang, langFromNavigator, DEFAULT_LANG } from '../lib/i18n.js';

export const CURRENCIES = ['USD', 'CNY'];
export const THEMES = ['light', 'dark'];
export const CHROMES = ['full', 'none'];
/** An id as Datawrapper's charts have them: letters, digits, - and _. */
const EMBED_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Between the ids of ?section=: commas and white space, as js/head.js splits them. */
const SECTION_SEPARATORS = /[\s,]+/;

/** The query string of the current page as URLSearchParams. */
export function currentParams() {
  return new URLSearchParams(globalThis.location ? globalThis.location.search : '');
}

/**
 * Read the page-level parameters.
 * Returns { lang, langFromUrl, currency, currencyFromUrl, theme, chrome, embedId, sections, params,
 * problems }.
 * `sections` is null (show all) or the raw list, validated later against the dataset's charts
 * with validateSections().
 */
export function readPageParams(params, { navigatorLanguages = [] } = {}) {
  const problems = [];

  let lang = null;
  let langFromUrl = false;
  const rawLang = params.get('lang');
  if (rawLang !== null) {
    lang = normalizeLang(rawLang);
    if (lang) langFromUrl = true;
    else problems.push({ param: 'lang', value: rawLang, allowed: LANGS.join(', ') });
  }
  if (!lang) lang = langFromNavigator(navigatorLanguages) || DEFAULT_LANG;

  let currency = null;
  const rawCur = params.get('cur');
  if (rawCur !== null) {
    const up = rawCur.trim().toUpperCase();
    if (CURRENCIES.includes(up)) currency = up;
    else problems.push({ param: 'cur', value: rawCur, allowed: CURRENCIES.join(', ') });
  }
  const currencyFromUrl = currency !== null;
  if (!currency) currency = defaultCurrency(lang);

  let theme = null;
  const rawTheme = params.get('theme');
  if (rawTheme !== null) {
    const low = rawTheme.trim().toLowerCase();
    if (THEMES.includes(low)) theme = low;
    else if (low !== 'auto') problems.push({ param: 'theme', value: rawTheme, allowed: THEMES.join(', ') });
  }

  let chrome = 'full';
  const rawChrome = params.get('chrome');
  if (rawChrome !== null) {
    const low = rawChrome.trim().toLowerCase();
    if (CHROMES.includes(low)) chrome = low;
    else problems.push({ param: 'chrome', value: rawChrome, allowed: CHROMES.join(', ') });
  }

  let embedId = null;
  const rawEmbedId = params.get('dw-id');
  if (rawEmbedId !== null) {
    if (EMBED_ID.test(rawEmbedId.trim())) embedId = rawEmbedId.trim();
    else problems.push({ param: 'dw-id', value: rawEmbedId, allowed: 'A–Z a–z 0–9 - _ (1–64)' });
  }

  let sections = null;
  const rawSection = params.get('section');
  if (rawSection !== null && rawSection.trim() !== '') {
    sections = rawSection.split(SECTION_SEPARATORS).filter(Boolean);
  }

  return { lang, langFromUrl, currency, currencyFromUrl, theme, chrome, embedId, sections, params, problems };
}

/** Chinese readers see yuan by default, English readers dollars. */
export function defaultCurrency(lang) {
  return lang === 'en' ? 'USD' : 'CNY';
}

/**
 * Keep the ids in `requested` that are in `known` (any case: known ids are lowercase); unknown
 * ids become one problem. js/head.js keeps the same ids before the first paint.
 * Returns { sections: Set | null (all), problem | null }.
 */
export function validateSections(requested, known) {
  if (!requested) return { sections: null, problem: null };
  const good = requested.map((id) => id.toLowerCase()).filter((id) => known.includes(id));
  const bad = requested.filter((id) => !known.includes(id.toLowerCase()));
  const problem = bad.length ? { param: 'section', value: bad.join(','), allowed: known.join(', ') } : null;
  return { sections: good.length ? new Set(good) : null, problem };
}

/**
 * A relative link to this page with `changes` applied ({name: value | null to remove}),
 * keeping every other parameter and the hash. Works under any subpath.
 */
export function hrefWith(changes, params = currentParams()) {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) next.delete(name);
    else next.set(name, String(value));
  }
  const query = next.toString();
  const hash = globalThis.location ? globalThis.location.hash : '';
  // Never the path itself as a relative reference: on a host that serves this page for any
  // path, a last segment such as "javascript:…" or "https:evil.example" would become the link.
  if (query) return `?${query}${hash}`;
  if (!globalThis.location) return './';
  const here = new URL(globalThis.location.href);
  here.search = '';
  return here.href;
}

/**
 * Write parameters into the address bar without a reload. `changes` maps names to a value
 * or null (remove). In a sandboxed iframe history may be unavailable: then nothing happens.
 */
export function writeParams(changes) {
  try {
    const href = hrefWith(changes);
    if (href === hrefWith({})) return;
    history.replaceState(history.state, '', href);
  } catch {
    /* sandboxed or opaque origin: the URL simply is not updated */
    return;
  }
  for (const fn of listeners) fn();
}

const listeners = new Set();

/** Call `fn` after every URL update (e.g. to refresh links that carry the state). */
export function onUrlChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A debounced writeParams: changes accumulate until `ms` pass without a new call. */
export function createUrlWriter(ms = 250) {
  let pending = {};
  let timer = null;
  const flush = () => {
    timer = null;
    const changes = pending;
    pending = {};
    writeParams(changes);
  };
  const write = (changes) => {
    Object.assign(pending, changes);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, ms);
  };
  write.flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      flush();
    }
  };
  return write;
}
