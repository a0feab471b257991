// Where the files the live page loads are — the dataset, the language files and the wasm —
// and fetching them.
//
// The plain page (www/) uses their plain names. The baked site (tools/bake.mjs) copies each
// under a name carrying its content hash, so a host or CDN can cache it for ever, and tells the
// bundle those names by defining ASSET_NAMES ({"data/capex-dataset.json": "data/capex-dataset.
// 1a2b3c4d5e.json", …}) when it bundles this module.

/* global ASSET_NAMES */
/**
 * How long any file the page waits for (the dataset, the words, the wasm and its glue) may take
 * to arrive before the page stops waiting and says so: one limit, so no file can leave the page
 * "loading" for ever.
 */
export const LOAD_TIMEOUT_MS = 15_000;

const hashedNames = typeof ASSET_NAMES === 'object' && ASSET_NAMES !== null ? ASSET_NAMES : {};

/**
 * Whether the site ships the dataset in two parts for `lang`, the figures and their words in that
 * language (the baked site: js/core/dataset-parts.js); the plain page reads the one file
 * editors keep.
 */
export const datasetInParts = (lang) => Boolean(hashedNames[`data/capex-figures.${lang}.json`] && hashedNames[`data/capex-words.${lang}.json`]);

/**
 * Whether the site ships `lang`'s calculator words in a file apart from the page's (the baked
 * site: tools/bake.mjs), loaded with the calculator's code; the plain page's file has them all.
 */
export const calculatorWordsApart = (lang) => Boolean(hashedNames[`i18n/${lang}.calculator.json`]);

/** Whether the site ships `file` under a hashed name (the baked site: tools/bake.mjs). */
export const shipped = (file) => Boolean(hashedNames[file]);

/**
 * Whether the page can take a file's digest, to know it for the very file the build checked
 * (crypto.subtle: only in a secure context, so not on a plain-http host).
 */
export const canCheckDigests = () => Boolean(globalThis.crypto?.subtle);

/**
 * The address of `file` (a path from the site root, e.g. "i18n/en.json"), from this module's
 * own: it stays at the top of js/, one folder below the root, as the baked js/main.<hash>.js.
 */
export function assetUrl(file) {
  return new URL(`../${hashedNames[file] || file}`, import.meta.url);
}

/**
 * The digest in `file`'s hashed name (the first 10 hex digits of its SHA-256: tools/bake.mjs),
 * or null where the site uses plain names.
 */
export function contentHash(file) {
  const named = hashedNames[file];
  return named ? (named.match(/\.([0-9a-f]{10})\.[a-z]+$/) || [])[1] || null : null;
}

/**
 * Fetch `file`: the response js/head.js already asked for right after the first paint (a baked
 * page names them on the head script), else a new request.
 */
export function fetchAsset(file) {
  const url = assetUrl(file).href;
  const started = globalThis.__explainerFetches;
  if (started && started[url]) {
    const response = started[url];
    delete started[url];
    return response;
  }
  return fetch(url);
}

/** A file that gave no answer within LOAD_TIMEOUT_MS. */
export class LoadTimeout extends Error {}

/**
 * `work` (a promise), or a LoadTimeout naming `what` once LOAD_TIMEOUT_MS has passed without it
 * settling.
 */
export function withinLoadTime(work, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new LoadTimeout(`${what}: no answer within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
