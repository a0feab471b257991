// Numbers, money, qualifiers and periods in the reader's language.
//
// Pure functions of (lang, t): no DOM, so they run in Node too. Every word comes from the
// i18n file (keys under "format"); this file only holds the rules.
//
// Money in the dataset is in billions (usd_bn, cny_bn) or millions (usd_m, cny_m) of the
// source's currency. English writes "US$364 bn"; Chinese counts in 万 / 亿 / 万亿, so the
// same figure is "3640亿美元" (1 billion = 10 亿).

const MONEY_UNITS = {
  usd_bn: { currency: 'USD', factor: 1e9 },
  cny_bn: { currency: 'CNY', factor: 1e9 },
  usd_m: { currency: 'USD', factor: 1e6 },
  cny_m: { currency: 'CNY', factor: 1e6 },
};

/** Scale ladders: English thousands-based, Chinese ten-thousands-based. */
const LADDERS = {
  // No "tn": English charts label their axes in billions, so tables do too.
  en: [
    { at: 1e9, key: 'bn' },
    { at: 1e6, key: 'm' },
  ],
  zh: [
    { at: 1e12, key: 'wanyi' },
    { at: 1e8, key: 'yi' },
    { at: 1e4, key: 'wan' },
  ],
};

/**
 * The display precision rule (one for every language and every figure; the dataset keeps the
 * sources' full precision): money and counts to three significant figures ("US$64.55 bn" is
 * shown as US$64.6 bn, 1267亿 as 1270亿), percentages of 10 % or more as whole numbers and
 * smaller ones to two significant figures (31 %, 12 %, 9.4 %, 0.35 %).
 */
export const MONEY_SIGNIFICANT_FIGURES = 3;
const SMALL_PERCENT_SIGNIFICANT_FIGURES = 2;

const toSignificant = (x, figures) => (x === 0 ? 0 : Number(x.toPrecision(figures)));

/**
 * A bound rounded the safe way at `figures` significant figures: a lower bound ("over",
 * "at least") down, an upper bound ("up to") up, so rounding never overstates it
 * (over US$20 bn at 7.189 is over ¥143.8 bn: "over ¥143 bn", not "over ¥144 bn").
 */
function roundBound(x, figures, qualifier) {
  const direction = { over: Math.floor, at_least: Math.floor, up_to: Math.ceil }[qualifier];
  if (!direction || x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - figures + 1);
  return direction(x / step) * step;
}

/** A percentage rounded for display. */
export const displayPercent = (x) => (Math.abs(x) >= 10 ? Math.round(x) : toSignificant(x, SMALL_PERCENT_SIGNIFICANT_FIGURES));

export const isMoneyUnit = (unit) => Object.prototype.hasOwnProperty.call(MONEY_UNITS, unit);
export const currencyOfUnit = (unit) => (MONEY_UNITS[unit] ? MONEY_UNITS[unit].currency : null);

/** Value in a money unit → billions of its currency (null for non-money units). */
export function toBillions(value, unit) {
  const m = MONEY_UNITS[unit];
  return m ? (value * m.factor) / 1e9 : null;
}

/** Convert billions between currencies at `cnyPerUsd` yuan per dollar. */
export function convertBillions(valueBn, from, to, cnyPerUsd) {
  if (from === to) return valueBn;
  if (!(cnyPerUsd > 0) || !Number.isFinite(cnyPerUsd)) return null;
  return from === 'USD' ? valueBn * cnyPerUsd : valueBn / cnyPerUsd;
}

/**
 * A formatter for one language. `t` is the translator (i18n.js), `lang` en | zh-Hans | zh-Hant.
 */
export function createFormat(lang, t) {
  const zh = lang !== 'en';
  const locale = lang === 'en' ? 'en-US' : lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
  const ladder = zh ? LADDERS.zh : LADDERS.en;
  // One Intl.NumberFormat per kind and precision: making one costs far more than formatting,
  // and a slider drag formats dozens of numbers a frame.
  const formats = new Map();
  const formatFor = (fixedDecimals, digits) => {
    const key = `${fixedDecimals}:${digits}`;
    if (!formats.has(key)) {
      const min = fixedDecimals ? { minimumFractionDigits: digits } : {};
      formats.set(key, new Intl.NumberFormat(locale, { ...min, maximumFractionDigits: digits, useGrouping: !zh }));
    }
    return formats.get(key);
  };

  /** Between the parts of a line ("outlet, date"): Chinese text takes the full-width comma. */
  const comma = zh ? '，' : ', ';

  /** An aside after a text: " (x)", or "（x）" in Chinese, whose brackets carry their own space. */
  const aside = (x) => (zh ? `（${x}）` : ` (${x})`);

  /** A dash between a text and what follows it: " — ", or "——" in Chinese, which takes no spaces. */
  const dash = zh ? '——' : ' — ';

  /** A label and its value: "Capex: US$1 bn", "资本开支：1亿美元". */
  const labelled = (label, value) => `${label}${zh ? '：' : ': '}${value}`;

  /** Items in a row: "power, chips" / "等待供电、芯片不足"; `separator` "; " for longer items. */
  const joined = (items, separator = ', ') => items.join(zh ? { ', ': '、', '; ': '；' }[separator] : separator);

  /** A plain number with at most `digits` decimals (trailing zeros dropped). */
  function number(x, digits = 2) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
    const s = formatFor(false, digits).format(x);
    return s === '-0' ? '0' : s;
  }

  /** Pick the scale step for an absolute amount (in units of 1). */
  function scaleFor(absolute) {
    const a = Math.abs(absolute);
    for (const step of ladder) if (a >= step.at) return step;
    return { at: 1, key: null };
  }

  /**
   * Money parts for an amount in whole currency units: {prefix, number, word, suffix}.
   * `step` forces a scale (used so both ends of a range share one). The amount is rounded
   * before it is scaled, so every language shows the same figure (US$127 bn = 1270亿).
   */
  function moneyParts(absolute, currency, step = scaleFor(absolute), figures = MONEY_SIGNIFICANT_FIGURES) {
    return {
      prefix: currency ? t(`format.currency.${currency}.prefix`) : '',
      suffix: currency ? t(`format.currency.${currency}.suffix`) : '',
      number: number(toSignificant(absolute, figures) / step.at, 3),
      word: step.key ? t(`format.scale.${step.key}`) : '',
    };
  }

  /**
   * "US$364 bn" / "3640亿美元" from billions of `currency`, to `figures` significant figures
   * (the display rule's unless a figure is shown as an article wrote it).
   */
  function moneyBn(valueBn, currency, figures = MONEY_SIGNIFICANT_FIGURES) {
    if (typeof valueBn !== 'number' || !Number.isFinite(valueBn)) return '–';
    // A loss: the minus sign before the whole amount ("−US$406 bn", "−2250亿元"), its scale
    // chosen by size.
    if (valueBn < 0) return `−${moneyBn(-valueBn, currency, figures)}`;
    return t('format.money', moneyParts(valueBn * 1e9, currency, undefined, figures));
  }

  /** A money range "US$60–65 bn" / "600亿至650亿美元" (both ends in billions). */
  function moneyRangeBn(lowBn, highBn, currency, figures = MONEY_SIGNIFICANT_FIGURES) {
    const step = scaleFor(Math.max(Math.abs(lowBn), Math.abs(highBn)) * 1e9);
    const low = moneyParts(lowBn * 1e9, currency, step, figures);
    const high = moneyParts(highBn * 1e9, currency, step, figures);
    return t('format.money_range', { ...high, low: low.number, high: high.number });
  }

  /** A count in millions or units: "650 m" / "6.5亿". */
  function count(absolute) {
    const p = moneyParts(absolute, null);
    return `${p.number}${p.word}`;
  }

  /** The bare value text for `value` in `unit` (no qualifier). */
  function valueText(value, unit) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
    if (isMoneyUnit(unit)) return moneyBn(toBillions(value, unit), currencyOfUnit(unit));
    switch (unit) {
      case 'percent':
        return t('format.unit.percent', { x: number(displayPercent(value), 3) });
      case 'multiple':
        return t('format.unit.multiple', { x: number(value, 2) });
      case 'gw':
        return t('format.unit.gw', { x: number(value, 2) });
      case 'count_m':
        return count(value * 1e6);
      case 'count':
        return count(value);
      default:
        return number(value, 2);
    }
  }

  /** A range of `unit` values. */
  function rangeText(low, high, unit) {
    if (isMoneyUnit(unit)) {
      return moneyRangeBn(toBillions(low, unit), toBillions(high, unit), currencyOfUnit(unit));
    }
    const highText = valueText(high, unit);
    const lowNumber = unit === 'percent' ? number(displayPercent(low), 3) : number(low, 2);
    return t('format.range', { low: lowNumber, high: highText, lowFull: valueText(low, unit) });
  }

  /**
   * A value with its qualifier, as the source worded it: "over US$320 bn", "约860亿元",
   * "US$60–65 bn". `q` is exact | about | over | at_least | up_to | range.
   */
  function qualified(value, valueHigh, qualifier, unit) {
    if (qualifier === 'range' && typeof valueHigh === 'number') return rangeText(value, valueHigh, unit);
    const x = valueText(value, unit);
    if (!qualifier || qualifier === 'exact' || qualifier === 'range') return x;
    return t(`format.qualifier.${qualifier}`, { x });
  }

  /** The value of a dataset fact, qualifier included. */
  function factValue(fact) {
    return qualified(fact.value, fact.value_high, fact.qualifier, fact.unit);
  }

  /**
   * A fact's value for a sentence: as factValue, but money of a billion or more is rounded to
   * 0.1 bn, as a newspaper writes it, so the figures of one sentence share a precision
   * ("US$131.8 bn … US$72.2 bn", not "US$72.22 bn") and every language gives the same number
   * (0.1 bn is 1亿). Tables keep the source's precision (factValue).
   */
  function factProse(fact) {
    const round = (value) => {
      const billions = toBillions(value, fact.unit);
      if (typeof billions !== 'number' || !(Math.abs(billions) >= 1)) return value;
      return Math.round(billions * 10) / 10 / toBillions(1, fact.unit);
    };
    return qualified(round(fact.value), typeof fact.value_high === 'number' ? round(fact.value_high) : fact.value_high, fact.qualifier, fact.unit);
  }

  /**
   * A money fact converted to `currency` at `rate` yuan per dollar (the reference rate of its
   * year), or null when it is not money or already in it. The qualifier survives: "about
   * US$12 bn" becomes "about CN¥85 bn", an exact figure "≈ CN¥85 bn". Returns { text, amount,
   * rate, rateText }: `text` carries exactly one "≈" or qualifier, `amount` is the qualified
   * converted value, for prose. `figures`: significant figures (see moneyBn).
   */
  function factConverted(fact, currency, rate, figures = MONEY_SIGNIFICANT_FIGURES) {
    const from = currencyOfUnit(fact.unit);
    if (!from || from === currency || !(rate > 0)) return null;
    const low = convertBillions(toBillions(fact.value, fact.unit), from, currency, rate);
    if (low === null) return null;
    let x;
    if (fact.qualifier === 'range' && typeof fact.value_high === 'number') {
      const high = convertBillions(toBillions(fact.value_high, fact.unit), from, currency, rate);
      x = moneyRangeBn(low, high, currency, figures);
    } else {
      x = moneyBn(roundBound(low, figures, fact.qualifier), currency, figures);
    }
    const qualifier = fact.qualifier && fact.qualifier !== 'exact' && fact.qualifier !== 'range' ? fact.qualifier : null;
    const amount = qualifier ? t(`format.qualifier.${qualifier}`, { x }) : x;
    return { text: qualifier ? amount : t('format.converted', { x }), amount, rate, rateText: rateText(rate) };
  }

  /** "CN¥7.17 per US$" / "1美元兑7.17元". */
  function rateText(rate) {
    return t('format.rate', { rate: number(rate, 4) });
  }

  /** A period label without the basis: "2025", "FY2025 (year to June)", "H1 2025", "12 months to September 2025"… */
  function period(p) {
    if (!p || typeof p !== 'object') return '';
    const year = p.end;
    const fiscal = Boolean(p.fiscal_year_end);
    const vars = { year, start: p.start, end: p.end };
    if (p.part) vars.part = t(`format.part.${p.part}`);
    if (fiscal) vars.month = t(`format.month.${String(Number(p.fiscal_year_end))}`);
    switch (p.kind) {
      case 'calendar_year':
        return t('format.period.calendar_year', vars);
      case 'fiscal_year':
        return t(fiscal ? 'format.period.fiscal_year_end' : 'format.period.fiscal_year', vars);
      case 'quarter':
      case 'half':
        return t(fiscal ? 'format.period.fiscal_part' : 'format.period.part', vars);
      case 'year_to_date':
        return t(p.part ? 'format.period.year_to_date_quarters' : 'format.period.year_to_date', vars);
      case 'multi_year':
        return t('format.period.multi_year', vars);
      case 'cumulative':
        return t(p.start === p.end ? 'format.period.cumulative_to' : 'format.period.cumulative', vars);
      case 'trailing_12_months':
        return t('format.period.trailing_12_months', { ...vars, month: t(`format.month.${Number(p.end_month)}`) });
      case 'annualized':
        return t('format.period.annualized', vars);
      case 'point':
        return t('format.period.point', vars);
      default:
        return String(year ?? '');
    }
  }

  /**
   * "plan" / "计划" … for p.basis. `stated`: the figure is an article's, whose "actual" is only
   * what the article states as actual ("stated as actual"), not a reported figure.
   */
  function basis(p, { stated = false } = {}) {
    if (!p || !p.basis) return '';
    return t(stated && p.basis === 'actual' ? 'format.basis.stated_actual' : `format.basis.${p.basis}`);
  }

  /** Period and basis together: "2025 · plan". `options` as for basis(). */
  function periodWithBasis(p, options) {
    const b = basis(p, options);
    const label = period(p);
    return b ? t('format.period_basis', { period: label, basis: b }) : label;
  }

  /** A date string YYYY, YYYY-MM or YYYY-MM-DD in the reader's style. */
  function date(s) {
    if (typeof s !== 'string') return '';
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s.trim());
    if (!m) return s;
    const [, y, mo, d] = m;
    if (!mo) return t('format.date.year', { y });
    const month = t(`format.month.${Number(mo)}`);
    if (!d) return t('format.date.month', { y, m: Number(mo), month });
    return t('format.date.day', { y, m: Number(mo), d: Number(d), month });
  }

  /** A value in a calculator unit (from ex.input_specs()). */
  function inputValue(value, unit) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
    if (isMoneyUnit(unit)) return valueText(value, unit);
    if (unit === 'year') return String(Math.round(value));
    const one = `format.input_unit.${unit}_one`;
    if (value === 1 && t.has && t.has(one)) return t(one, { x: number(value, 3) });
    const key = `format.input_unit.${unit}`;
    if (t.has && t.has(key)) return t(key, { x: number(value, 3) });
    return number(value, 3);
  }

  /** A number with exactly `digits` decimals ("1.0", "2.4"). */
  function fixed(x, digits = 1) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
    return formatFor(true, digits).format(x);
  }

  /** A calendar year, never with a thousands separator. */
  function year(y) {
    return typeof y === 'number' && Number.isFinite(y) ? String(Math.round(y)) : String(y ?? '');
  }

  return {
    lang,
    locale,
    comma,
    aside,
    dash,
    labelled,
    joined,
    number,
    fixed,
    year,
    moneyBn,
    moneyRangeBn,
    valueText,
    qualified,
    factValue,
    factProse,
    factConverted,
    rateText,
    period,
    basis,
    periodWithBasis,
    date,
    inputValue,
  };
}
