#!/usr/bin/env node
// Rewrites Chinese reader text to Chinese punctuation, the rule tests/lang_chinese_punctuation.rs
// and tests/lang_zh_hant.rs check: half-width , ; : ( ) ? ! next to a Chinese character become
// ，；：（）？！ (a bracket pair converts together), a spaced " — " beside Chinese becomes ——, and
// zh-Hant quotes with 「」 (『』 inside) instead of “”. Half-width marks between Latin letters
// and digits ("10:00", "{fact:id}") stay.
//
// Usage: node tools/zh-punctuation.mjs
// Rewrites in place, keeping each file's layout: www/i18n/zh-Hans.json and zh-Hant.json (every
// value) and the "zh-Hans" / "zh-Hant" texts of www/data/capex-dataset.json (quotes are single
// strings, never language-keyed, so they stay as the articles published them). Prints how many
// texts changed; review them with `git diff`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
const FULL_WIDTH = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/** Han, CJK marks (、。「」), full-width forms (，（）) and the curly quotes zh-Hans uses. */
const isChinese = (c) => c !== undefined && /[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]/u.test(c);

/** zh-Hant's corner brackets for curly quotes: 「」 outside, 『』 inside another quote. */
function cornerQuotes(text) {
  let depth = 0;
  return [...text]
    .map((c) => {
      if (c === '“' || c === '「' || c === '『') return depth++ % 2 === 0 ? '「' : '『';
      if (c === '”' || c === '」' || c === '』') return --depth % 2 === 0 ? '」' : '』';
      return c;
    })
    .join('');
}

/** Indexes of the brackets to convert: a pair converts together when either end or its content touches Chinese. */
function chineseBrackets(chars) {
  const convert = new Set();
  const open = [];
  const touches = (i) => isChinese(chars[i - 1]) || isChinese(chars[i + 1]);
  chars.forEach((c, i) => {
    if (c === '(') open.push(i);
    if (c !== ')') return;
    const start = open.pop();
    if (start === undefined) {
      if (touches(i)) convert.add(i);
    } else if (touches(start) || touches(i) || chars.slice(start + 1, i).some(isChinese)) {
      convert.add(start).add(i);
    }
  });
  for (const i of open) if (touches(i)) convert.add(i);
  return convert;
}

/** `text` with Chinese punctuation; spaces beside a converted mark go (full-width marks carry their own). */
export function chinesePunctuation(text, lang) {
  const chars = [...(lang === 'zh-Hant' ? cornerQuotes(text) : text)];
  const brackets = chineseBrackets(chars);
  const converted = new Set(brackets);
  for (const i of brackets) chars[i] = FULL_WIDTH[chars[i]];
  chars.forEach((c, i) => {
    if (',;:?!'.includes(c) && (isChinese(chars[i - 1]) || isChinese(chars[i + 1]))) {
      chars[i] = FULL_WIDTH[c];
      converted.add(i);
    }
  });
  const out = chars.filter((c, i) => c !== ' ' || !(converted.has(i - 1) || converted.has(i + 1))).join('');
  // A spaced English dash beside Chinese is the Chinese dash, which takes no spaces.
  return out.replace(/(.) — (.)/gu, (whole, before, after) => (isChinese(before) || isChinese(after) ? `${before}——${after}` : whole));
}

/** Rewrites the string literals `pattern` finds (group 1: the language, group 2: the literal). */
function rewrite(file, pattern, langOf) {
  const text = fs.readFileSync(file, 'utf8');
  let changed = 0;
  const out = text.replace(pattern, (whole, lang, literal, key) => {
    if (key) return whole;
    const before = JSON.parse(literal);
    const after = chinesePunctuation(before, langOf(lang));
    if (after === before) return whole;
    changed += 1;
    return whole.slice(0, whole.length - literal.length) + JSON.stringify(after);
  });
  fs.writeFileSync(file, out);
  console.log(`${path.relative(process.cwd(), file)}: ${changed} texts changed`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const lang of ['zh-Hans', 'zh-Hant']) {
    // Every value of the language file; a literal followed by ":" is a key and stays.
    rewrite(path.join(WWW, 'i18n', `${lang}.json`), new RegExp(`()(${STRING})(\\s*:)?`, 'g'), () => lang);
  }
  rewrite(path.join(WWW, 'data', 'capex-dataset.json'), new RegExp(`"(zh-Hans|zh-Hant)": (${STRING})()`, 'g'), (lang) => lang);
}
