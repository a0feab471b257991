// The baked Chinese pages read in Chinese punctuation, including the text the page's code
// puts together ("outlet，date", "label：value", "（aside）") and the tooltips: no half-width
// , ; : ( ) ? ! next to a Chinese character, and in zh-Hant no “” outside the articles'
// quotes. The rule is tools/zh-punctuation.mjs's: a text is right when the tool leaves it as
// it is. The articles' quotes (blockquote.quote) stay as published.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, BAKED_PAGES } from './harness.mjs';
import { chinesePunctuation } from '../../tools/zh-punctuation.mjs';

const INLINE = /<\/?(?:a|span|time|strong|em|b|i|cite|abbr|small|sup|sub|bdi|q)\b[^>]*>/g;
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decode = (text) => text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e]);

/** The texts a reader sees or hears in `html`: element text (inline elements joined) and title / aria-label attributes. */
function readerTexts(html) {
  const body = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/g, '\n')
    .replace(/<blockquote class="quote"[\s\S]*?<\/blockquote>/g, '\n');
  const attributes = [...body.matchAll(/\s(?:title|aria-label)="([^"]*)"/g)].map((m) => decode(m[1]));
  const text = decode(body.replace(INLINE, '').replace(/<[^>]*>/g, '\n'));
  return [...attributes, ...text.split('\n')].map((s) => s.trim()).filter(Boolean);
}

for (const lang of ['zh-Hans', 'zh-Hant']) {
  test(`(${lang}) the baked pages use Chinese punctuation in every text they show`, () => {
    for (const page of ['index.html', 'tables.html']) {
      const file = path.join(DIST, BAKED_PAGES[lang], page);
      const texts = readerTexts(fs.readFileSync(file, 'utf8'));
      assert.ok(texts.length > 200, `${file}: read ${texts.length} texts`);
      const wrong = texts.filter((text) => chinesePunctuation(text, lang) !== text);
      assert.deepEqual(wrong, [], `${path.relative(DIST, file)}: texts with half-width punctuation or “” (run the text through tools/zh-punctuation.mjs)`);
    }
  });
}

test('the page reader joins inline elements and skips quotes and scripts', () => {
  const html = '<p><span class="outlet">雅虎财经</span>, <time>2025年8月</time></p><blockquote class="quote">“原文,照录”</blockquote><script>a("中,文")</script><a title="标题, 2025">x</a>';
  assert.deepEqual(readerTexts(html), ['标题, 2025', '雅虎财经, 2025年8月', 'x']);
});
