// The figures in the charts' takeaways, as the page words them (www/js/page/article.js with the
// shipped dataset and language files, in Node): money of a billion or more is written to
// 0.1 bn (1亿), so one sentence never sets "US$72.22 bn" beside "US$131.8 bn" and every
// language gives the same number. Tables keep the source's precision.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFactPlaceholders } from '../../www/js/page/article.js';
import { createFormat } from '../../www/js/lib/format.js';
import { createTranslator, LANGS } from '../../www/js/lib/i18n.js';
import { indexDataset } from '../../www/js/core/data.js';
import { readWwwJson } from './harness.mjs';

/** The amount in billions a worded money figure shows, and the step of its last digit. */
function shownAmount(text) {
  const en = text.match(/([\d,]+(?:\.(\d+))?) (bn|m)\b/);
  if (en) {
    const perUnit = en[3] === 'bn' ? 1 : 1e-3;
    return { billions: Number(en[1].replaceAll(',', '')) * perUnit, step: 10 ** -(en[2]?.length ?? 0) * perUnit };
  }
  const zh = text.match(/(\d+(?:\.(\d+))?)(万亿|兆|亿|億|万|萬)/);
  if (!zh) return null;
  const perUnit = { 万亿: 1e3, 兆: 1e3, 亿: 0.1, 億: 0.1, 万: 1e-5, 萬: 1e-5 }[zh[3]];
  return { billions: Number(zh[1]) * perUnit, step: 10 ** -(zh[2]?.length ?? 0) * perUnit };
}

/** Every figure of every chart takeaway in `lang`, as the page shows it in `currency`. */
function takeawayFigures(lang, currency) {
  const messages = readWwwJson(`i18n/${lang}.json`);
  const t = createTranslator(messages, lang);
  const ctx = { t, lang, currency, fmt: createFormat(lang, t), data: indexDataset(readWwwJson('data/capex-dataset.json')) };
  return Object.entries(messages.charts)
    .filter(([, text]) => typeof text.takeaway === 'string')
    .flatMap(([chart, text]) =>
      (resolveFactPlaceholders(text.takeaway, ctx) ?? []).filter((part) => typeof part === 'object').map((part) => ({ chart, ...part })),
    );
}

test('takeaways write money of a billion or more to 0.1 bn (1亿), in every language and currency', () => {
  for (const lang of LANGS) {
    for (const currency of ['USD', 'CNY']) {
      const figures = takeawayFigures(lang, currency);
      assert.ok(figures.length > 20, `${lang}: read ${figures.length} figures`);
      for (const { chart, id, text } of figures) {
        const shown = shownAmount(text);
        if (!shown || shown.billions < 1) continue;
        assert.ok(shown.step >= 0.1 - 1e-9, `${lang} ${currency}, ${chart}: ${id} reads "${text}", finer than 0.1 bn`);
      }
    }
  }
});

test('the figure check reads English and Chinese amounts', () => {
  assert.deepEqual(shownAmount('US$72.22 bn'), { billions: 72.22, step: 0.01 });
  assert.equal(shownAmount('约722.2亿美元').step.toFixed(3), '0.010');
  assert.equal(shownAmount('722億美元').step, 0.1);
  assert.equal(shownAmount('28%'), null);
});
