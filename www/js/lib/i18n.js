// Reader-facing text: one JSON file per language in ../../i18n/, looked up with t(key, vars).
// (The single-file build carries the files inside the page instead: inline.js.)
//
// Languages: en, zh-Hans (Simplified), zh-Hant (Traditional). The choice comes from the
// `lang` URL parameter (see js/page/url-state.js), else the browser's languages, else zh-Hans.

import { inlineText } from './inline.js';
import { calculatorWordsApart, fetchAsset, withinLoadTime } from '../assets.js';

export const LANGS = ['en', 'zh-Hans', 'zh-Hant'];
export const DEFAULT_LANG = 'zh-Hans';

/**
 * Read a BCP 47-ish tag: `en`, `en-GB` → en; `zh`, `zh-Hans`, `zh-CN`, `zh-SG` → zh-Hans;
 * `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` → zh-Hant. Anything else → null.
 * (Same rules as the Rust core's `Lang::parse`.)
 */
export function normalizeLang(tag) {
  if (typeof tag !== 'string') return null;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  for (const sub of parts.slice(1)) {
    if (['hant', 'tw', 'hk', 'mo'].includes(sub)) return 'zh-Hant';
    if (['hans', 'cn', 'sg'].includes(sub)) return 'zh-Hans';
  }
  return 'zh-Hans';
}

/** The first of the browser's languages that the page speaks, or null. */
export function langFromNavigator(languages) {
  for (const tag of languages || []) {
    const lang = normalizeLang(tag);
    if (lang) return lang;
  }
  return null;
}

/** Look up a dotted key in a nested message object; flat keys containing dots win. */
export function lookup(messages, key) {
  if (!messages) return undefined;
  if (Object.prototype.hasOwnProperty.call(messages, key)) return messages[key];
  let node = messages;
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    // A flat key with dots under this node (e.g. chart: {"unit.usd_bn": …}).
    const rest = parts.slice(i).join('.');
    if (Object.prototype.hasOwnProperty.call(node, rest)) return node[rest];
    node = node[parts[i]];
  }
  return node;
}

/** Replace `{name}` with vars.name; unknown names are left as they are. */
export function interpolate(template, vars) {
  if (!vars) return template;
  return template.replace(/\{([\w.:-]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) && vars[name] !== undefined && vars[name] !== null
      ? String(vars[name])
      : whole,
  );
}

/**
 * A translator over `messages`: t(key, vars) → string. A missing key returns the key itself
 * (visible, so a gap is noticed, but never a crash) and is remembered in t.missing.
 */
export function createTranslator(messages, lang) {
  const missing = new Set();
  // Each key's value, looked up once: a slider drag asks for the same few dozen every frame.
  const found = new Map();
  const find = (key) => {
    if (!found.has(key)) found.set(key, lookup(messages, key));
    return found.get(key);
  };
  const t = (key, vars) => {
    // Singular: "<key>_one" when vars.count is 1 and the language has such a form.
    if (vars && Number(vars.count) === 1 && typeof find(`${key}_one`) === 'string') key = `${key}_one`;
    const value = find(key);
    if (typeof value !== 'string') {
      missing.add(key);
      return key;
    }
    return interpolate(value, vars);
  };
  t.has = (key) => typeof find(key) === 'string';
  /** Add words that came later (loadCalculatorMessages): `more`'s groups replace those of the same name. */
  t.extend = (more) => {
    Object.assign(messages, more);
    found.clear();
    for (const key of missing) if (typeof find(key) === 'string') missing.delete(key);
  };
  t.raw = (key) => find(key);
  t.lang = lang;
  t.missing = missing;
  return t;
}

/**
 * Fetch ./i18n/<lang>.json (relative to the page), or read it from the page when it carries
 * the file inline (the single-file build). Rejects with an Error on failure, or when the file
 * takes longer than LOAD_TIMEOUT_MS (js/assets.js).
 */
export async function loadMessages(lang) {
  if (!LANGS.includes(lang)) throw new Error(`unknown language ${lang}`);
  const inlined = inlineText(`i18n-${lang}`);
  if (inlined !== null) return JSON.parse(inlined);
  return fetchJson(`i18n/${lang}.json`);
}

/**
 * The calculator's words in `lang` ({calculator: {…}}, for t.extend) when the site ships them
 * apart (the baked site, whose page file has only the calculator's title); null when the
 * page's file has them already. Rejects as loadMessages does.
 */
export async function loadCalculatorMessages(lang) {
  return calculatorWordsApart(lang) ? fetchJson(`i18n/${lang}.calculator.json`) : null;
}

function fetchJson(file) {
  return withinLoadTime(
    fetchAsset(file).then((response) => {
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return response.json();
    }),
    file,
  );
}
