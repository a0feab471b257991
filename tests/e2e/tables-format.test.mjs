// The tables' and downloads' wording, without a browser: www/js/lib/format.js, describeFact
// (js/page/tables.js) and the figures CSV (js/share/share-files.js) are pure functions of the
// dataset and the language files, so they run in Node on the shipped files. Each test holds one
// data-desk rule: one display precision in every language, one qualifier per figure, an article's
// "actual" never passed off as a reported figure, a grade never beside a reason that argues
// for another, a derived ratio credited to its inputs, and every CSV row saying what it measures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWwwJson } from './harness.mjs';
import { createFormat, MONEY_SIGNIFICANT_FIGURES, isMoneyUnit, currencyOfUnit } from '../../www/js/lib/format.js';
import { createTranslator } from '../../www/js/lib/i18n.js';
import { indexDataset } from '../../www/js/core/data.js';
import { describeFact, creditText, contextReasons } from '../../www/js/page/tables.js';
import { figuresRows } from '../../www/js/share/share-files.js';

const LANGS = ['en', 'zh-Hans', 'zh-Hant'];
const raw = readWwwJson('data/capex-dataset.json');
const data = indexDataset(raw);
const allFacts = [...raw.facts, ...raw.reference];

function contextFor(lang, currency = lang === 'en' ? 'USD' : 'CNY') {
  const t = createTranslator(readWwwJson(`i18n/${lang}.json`), lang);
  return { t, fmt: createFormat(lang, t), data, lang, currency };
}
const contexts = Object.fromEntries(LANGS.map((lang) => [lang, contextFor(lang)]));

/** The amount a money text shows, in units of 1: "US$64.6 bn" → 64.6e9, "1270亿元" → 1.27e11. */
function amountOf(text) {
  const scales = { bn: 1e9, m: 1e6, 万亿: 1e12, 兆: 1e12, 亿: 1e8, 億: 1e8, 万: 1e4, 萬: 1e4 };
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(bn|m|万亿|兆|亿|億|万|萬)?/.exec(text);
  assert.ok(m, `a number in “${text}”`);
  return Number(m[1].replace(/,/g, '')) * (m[2] ? scales[m[2]] : 1);
}

/** Significant figures of a displayed number: "64.6" → 3, "1270" → 3, "0.35" → 2. */
function significantFigures(digits) {
  const plain = digits.replace(/,/g, '');
  const all = plain.replace('.', '').replace(/^0+/, '');
  return plain.includes('.') ? all.length : all.replace(/0+$/, '').length;
}

test('money shows three significant figures at most, the same amount in every language, the record keeping its precision', () => {
  for (const fact of allFacts.filter((f) => isMoneyUnit(f.unit) && f.qualifier !== 'range')) {
    const shown = LANGS.map((lang) => contexts[lang].fmt.valueText(fact.value, fact.unit));
    for (const text of shown) {
      const number = /\d[\d,]*(?:\.\d+)?/.exec(text)[0];
      assert.ok(significantFigures(number) <= MONEY_SIGNIFICANT_FIGURES, `${fact.id}: “${text}” has more than ${MONEY_SIGNIFICANT_FIGURES} significant figures`);
    }
    const amounts = shown.map(amountOf);
    assert.ok(amounts.every((a) => Math.abs(a - amounts[0]) <= 1e-9 * amounts[0]), `${fact.id}: ${shown.join(' / ')} are one amount`);
  }
  // The examples the data desk found: a record's cents and a derived figure's fourth digit.
  const en = contexts.en.fmt;
  const zh = contexts['zh-Hans'].fmt;
  assert.equal(en.valueText(64.55, 'usd_bn'), 'US$64.6 bn');
  assert.equal(en.moneyBn(380 / 3, 'CNY'), 'CN¥127 bn');
  assert.equal(zh.moneyBn(380 / 3, 'CNY'), '1270亿元');
  assert.equal(raw.reference.find((f) => f.id === 'ref-msft-capex-fy2025').value, 64.55, 'the record keeps full precision');
});

test('a conversion shows the same amount in every language (3 significant figures, rounded before the scale word)', () => {
  for (const fact of allFacts.filter((f) => isMoneyUnit(f.unit) && f.qualifier !== 'range' && f.period)) {
    const rate = data.rateFor(fact.period.end).cny_per_usd;
    const other = currencyOfUnit(fact.unit) === 'USD' ? 'CNY' : 'USD';
    const amounts = LANGS.map((lang) => amountOf(contexts[lang].fmt.factConverted(fact, other, rate).amount));
    assert.ok(amounts.every((a) => Math.abs(a - amounts[0]) <= 1e-9 * amounts[0]), `${fact.id}: ${amounts.join(' / ')}`);
  }
});

test('a converted bound never rounds past itself: "over" rounds down, "up to" rounds up', () => {
  const over = { id: 'x', unit: 'usd_bn', value: 20, qualifier: 'over', period: { end: 2025 } };
  const upTo = { ...over, qualifier: 'up_to' };
  for (const lang of LANGS) {
    const { fmt } = contexts[lang];
    // US$20 bn at 7.189 is CN¥143.78 bn.
    assert.equal(amountOf(fmt.factConverted(over, 'CNY', 7.189).amount), 143e9, lang);
    assert.equal(amountOf(fmt.factConverted(upTo, 'CNY', 7.189).amount), 144e9, lang);
  }
});

test('percentages of 10 % or more are whole numbers; smaller ones keep two significant figures', () => {
  for (const lang of LANGS) {
    const { fmt } = contexts[lang];
    assert.equal(fmt.valueText(11.6, 'percent'), '12%', lang);
    assert.equal(fmt.valueText(31, 'percent'), '31%', lang);
    assert.equal(fmt.valueText(9.4, 'percent'), '9.4%', lang);
    assert.equal(fmt.valueText(0.353, 'percent'), '0.35%', lang);
  }
  for (const fact of allFacts.filter((f) => f.unit === 'percent' && Math.abs(f.value) >= 10 && f.qualifier !== 'range')) {
    assert.match(contexts.en.fmt.factValue(fact), /(^|\s)-?\d+%$/, `${fact.id}: a whole percentage`);
  }
});

test("“the article itself gives …” carries one qualifier, not “约约” or “≈ about”, and the article's own digits", () => {
  const doubled = /约约|約約|约超过|約超過|约至少|約至少|≈ (about|over|at least|up to)|约合约|約合約/;
  const withRate = allFacts.filter((f) => typeof f.cny_per_usd === 'number');
  assert.ok(withRate.some((f) => f.qualifier === 'about'), 'the dataset has a qualified figure with an article rate');
  for (const lang of LANGS) {
    for (const currency of ['USD', 'CNY']) {
      const ctx = contextFor(lang, currency);
      for (const fact of withRate) {
        const d = describeFact(ctx, fact.id);
        if (!d.articleSaid) continue;
        const line = ctx.t('table.article_rate', { x: d.articleSaid.text, rate: d.articleSaid.rateText });
        assert.doesNotMatch(line, doubled, `${lang} ${fact.id}: ${line}`);
      }
    }
  }
  // 亚马逊 2025 plan: “或达到1000亿美元（约合人民币7295亿元）”.
  const amazon = describeFact(contexts['zh-Hans'], 's004-amazon-capex-2025-plan');
  assert.equal(amazon.articleSaid.text, '约7295亿元');
});

test("an article's “actual” reads “stated as actual”; only public records are “reported”", () => {
  const seedActual = raw.facts.find((f) => f.period.basis === 'actual');
  const recordActual = raw.reference.find((f) => f.period.basis === 'actual');
  for (const lang of LANGS) {
    const ctx = contexts[lang];
    const stated = ctx.t('format.basis.stated_actual');
    const reported = ctx.t('format.basis.actual');
    assert.ok(describeFact(ctx, seedActual.id).period.endsWith(stated), `${lang}: ${describeFact(ctx, seedActual.id).period}`);
    assert.ok(describeFact(ctx, recordActual.id).period.endsWith(reported), lang);
    const csv = figuresRows(ctx);
    const periodColumn = csv[0].indexOf(ctx.t('share.csv.columns.period'));
    assert.ok(csv[1 + raw.facts.indexOf(seedActual)][periodColumn].endsWith(stated), `${lang}: the CSV says the same`);
  }
});

test("a figure graded apart from its source names its own grade first, never only the source's contrary reason", () => {
  const overridden = raw.facts.filter((f) => f.grade && f.grade !== raw.sources.find((s) => s.id === f.source).grade);
  assert.ok(overridden.length > 0);
  for (const lang of LANGS) {
    const ctx = contexts[lang];
    for (const fact of overridden) {
      const source = raw.sources.find((s) => s.id === fact.source);
      const d = describeFact(ctx, fact.id);
      assert.notEqual(d.gradeReason, source.grade_reason[lang], `${lang} ${fact.id}: the source's reason alone`);
      assert.ok(d.gradeReason.includes(source.grade_reason[lang]), `${lang} ${fact.id}: the source's reason is still there`);
      assert.ok(d.gradeReason.includes(`${fact.grade}`) && d.gradeReason.includes(source.grade), `${lang} ${fact.id}: both grades named`);
    }
  }
});

test('a derived ratio is credited to the sources of the records it is computed from', () => {
  const derived = raw.reference.filter((f) => Array.isArray(f.derived_from) && f.derived_from.length);
  assert.ok(derived.some((f) => f.id === 'ref-msft-capex-intensity-fy2025-leases'), 'the Microsoft ratio names its inputs');
  for (const lang of LANGS) {
    const ctx = contexts[lang];
    for (const fact of derived) {
      const d = describeFact(ctx, fact.id);
      const inputSources = new Set(fact.derived_from.map((id) => data.fact(id).source));
      assert.deepEqual(new Set(d.credits.map((c) => c.source.id)), inputSources, `${lang} ${fact.id}`);
      for (const id of inputSources) assert.ok(creditText(ctx, d).includes(data.sources.get(id).outlet[lang]), `${lang} ${fact.id}: ${id} in the credit`);
    }
  }
});

test('the figures CSV says what each figure measures, in every language', () => {
  for (const lang of LANGS) {
    const ctx = contexts[lang];
    const [head, ...rows] = figuresRows(ctx);
    const column = head.indexOf(ctx.t('share.csv.columns.measures'));
    assert.ok(column >= 0, `${lang}: a “measures” column`);
    allFacts.forEach((fact, i) => {
      if (fact.definition) assert.equal(rows[i][column], fact.definition[lang], `${lang} ${fact.id}`);
      else if (fact.measure) assert.equal(rows[i][column], raw.measures.find((m) => m.id === fact.measure).name[lang], `${lang} ${fact.id}`);
    });
    // Amazon 2024: gross and net arrive as two rows that say which is which.
    const gross = rows[allFacts.findIndex((f) => f.id === 'ref-amazon-capex-2024-net')][column];
    assert.ok(gross.length > 0, `${lang}: Amazon's net 2024 figure says it is net`);
  }
});

test('a figure kept beside a chart says why it is not drawn: another period, or another definition', () => {
  const chart = raw.charts.find((c) => c.id === 'us-capex');
  for (const lang of LANGS) {
    const ctx = contexts[lang];
    const reasons = contextReasons(ctx, [...chart.facts, ...chart.context], new Set(chart.context));
    const half = raw.reference.find((f) => f.id === 'ref-big4-capex-2025h1');
    assert.equal(reasons.get(half.id), ctx.t('table.context_other_period', { period: ctx.fmt.period(half.period) }), `${lang}: the H1 figure is a half year`);
    assert.equal(reasons.get('ref-amazon-capex-2024-net'), ctx.t('table.context_only'), `${lang}: net capex is another definition`);
    assert.equal(reasons.size, chart.context.length, `${lang}: every context figure has a reason`);
  }
});

test('the grade legend covers what is graded A: releases and official statistics too', () => {
  const words = { en: ['release', 'official statistics'], 'zh-Hans': ['公告', '官方统计'], 'zh-Hant': ['公告', '官方統計'] };
  for (const lang of LANGS) {
    const legend = contexts[lang].t('sources.grade_legend.A');
    for (const word of words[lang]) assert.ok(legend.includes(word), `${lang}: “${legend}” names ${word}`);
  }
  assert.ok(raw.sources.some((s) => s.grade === 'A' && /statistics/i.test(s.grade_reason.en)), 'an A source is official statistics');
});
