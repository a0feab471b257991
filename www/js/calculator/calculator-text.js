// The calculator's wording: sentences and labels built from the core's JSON results and
// input specs. Pure functions of the context `ctx` ({t, fmt, data, lang, currency}) and
// their arguments, so a new context (currency, language) only needs them called again.

import { describeFact } from '../page/tables.js';
import { localized } from '../core/data.js';

/** Value per unit invested: two decimals ("0.96"). */
export const valueText = (ctx, x) => ctx.fmt.fixed(x, 2);

/** The AGI year as the sentences name it ("AGI in 2030" / "no AGI by 2060"). */
function agiWords(ctx, year) {
  return typeof year === 'number' ? ctx.t('calculator.at.agi_in', { year: ctx.fmt.year(year) }) : ctx.t('calculator.at.no_agi');
}

/** Money in the reader's currency from the US side's US$ bn. */
export function usdMoney(ctx, usdBn, cnyPerUsd) {
  const v = ctx.currency === 'CNY' ? usdBn * cnyPerUsd : usdBn;
  return ctx.fmt.moneyBn(v, ctx.currency);
}

/** Sentences in a row: a space between them in English, none in Chinese. */
export function joinSentences(ctx, sentences) {
  return sentences.filter(Boolean).join(ctx.lang === 'en' ? ' ' : '');
}

/** A percent from a fraction ("9%"). */
const percent = (ctx, fraction) => `${ctx.fmt.number(fraction * 100, 1)}%`;

/** Money of `side` ('us' in US$ bn, 'cn' in ¥ bn) in the reader's currency. */
export function sideMoney(ctx, side, bn, cnyPerUsd) {
  if (side !== 'cn') return usdMoney(ctx, bn, cnyPerUsd);
  return ctx.fmt.moneyBn(ctx.currency === 'USD' ? bn / cnyPerUsd : bn, ctx.currency);
}

/** Sprint minus pace as a share of the PV of capex when pacing, the band's scale ("-3.2%"). */
export function shareOfCapex(ctx, pt) {
  const share = (100 * pt.sprint_minus_pace) / Math.max(Math.abs(pt.pv_capex_pacing), Number.MIN_VALUE);
  // A difference that rounds to 0.0% is not nothing: say how small it is.
  if (share !== 0 && Math.abs(share) < 0.05) return ctx.t('calculator.under_share');
  return `${ctx.fmt.number(share, 1)}%`;
}

/**
 * A side's choice over every AGI year in one sentence: the break-even year by the engine's
 * kind, then the runs of AGI years too close to call (never folded into either answer).
 */
export function choiceSentence(ctx, choice) {
  const { t } = ctx;
  const side = t(`calculator.firms.${choice.side}`);
  const close = choice.runs.filter((run) => run.call === 'too_close_to_call');
  const year = typeof choice.break_even_agi_year === 'number' ? ctx.fmt.year(choice.break_even_agi_year) : '';
  const everyYear = choice.kind === 'always' || choice.kind === 'never';
  const key = everyYear && close.length ? `${choice.kind}_except` : choice.kind;
  const years = close.map((run) =>
    run.from === run.to ? t('calculator.choice.run_single', { year: ctx.fmt.year(run.from) }) : t('calculator.choice.run', { from: ctx.fmt.year(run.from), to: ctx.fmt.year(run.to) }),
  );
  return joinSentences(ctx, [
    t(`calculator.choice.${key}`, { side, year }),
    close.length && choice.kind !== 'too_close_to_call' ? t('calculator.choice.close_runs', { years: ctx.fmt.joined(years) }) : '',
  ]);
}

/** The articles' claim: sprinting pays with AGI early; pacing with AGI late and without AGI. */
const CLAIMED = { early: 'sprint', late: 'pace', without_agi: 'pace' };

/** 'holds', 'partly' (some of its three parts hold) or 'fails'. */
function claimState(c) {
  if (c.holds) return 'holds';
  return Object.entries(CLAIMED).some(([part, call]) => c[part] === call) ? 'partly' : 'fails';
}

/** Whether investors stop either side's sprint, and when (the engine's `sprints_stopped_by_investors`). */
function stopsSentence(ctx, stops) {
  if (!stops) return '';
  const [us, cn] = [stops.us, stops.cn].map((year) => (typeof year === 'number' ? ctx.fmt.year(year) : null));
  const key = us && cn ? 'both' : us ? 'us' : cn ? 'cn' : 'none';
  return ctx.t(`calculator.stops.${key}`, { us_year: us, cn_year: cn });
}

/**
 * The result block's sentences from a projection: the US firms' choice (the headline), the
 * call at the reader's AGI year, whether investors stop either sprint, China's choice and the
 * claim check. `call` is the engine's call at the reader's AGI year, for styling. Empty
 * strings without a projection.
 */
export function resultSentences(ctx, p, scenario) {
  const { t } = ctx;
  if (!p || !p.us_choice) return { headline: '', call: null, callWords: '', at: '', stops: '', china: '', claim: '' };
  const at = p.us_choice.at_agi_year;
  const c = p.claim;
  const callWords = (call) => t(`calculator.call_words.${call}`);
  return {
    headline: choiceSentence(ctx, p.us_choice),
    call: at.call,
    callWords: t(`calculator.calls.${at.call}`),
    at: t(`calculator.at.${at.call}`, {
      agi: agiWords(ctx, p.agi_year),
      diff: usdMoney(ctx, Math.abs(at.sprint_minus_pace), p.cny_per_usd),
      rate: `${ctx.fmt.number(scenario.discount_rate, 2)}%`,
      share: shareOfCapex(ctx, { ...at, sprint_minus_pace: Math.abs(at.sprint_minus_pace) }),
    }),
    stops: stopsSentence(ctx, p.sprints_stopped_by_investors),
    china: choiceSentence(ctx, p.cn_choice),
    claim: t(`calculator.claim.${claimState(c)}`, {
      early: ctx.fmt.year(c.early_agi_year),
      late: ctx.fmt.year(c.late_agi_year),
      early_call: callWords(c.early),
      late_call: callWords(c.late),
      none_call: callWords(c.without_agi),
    }),
  };
}

/**
 * Business quality, apart from strategy: which side's firms get back more per unit invested —
 * in all four pairs of strategies, or depending on them (the engine's call) — with the like-for-like figures
 * (both pace, both sprint) the chart shows and the cash margins behind them. '' without a
 * projection.
 */
export function businessSentence(ctx, p) {
  if (!p || !p.game || !p.business_gap) return '';
  const leader = p.business_gap.ahead_in_every_pair;
  const ahead = leader ? `${leader}_ahead` : 'mixed';
  const like = (strategy, side) => {
    const cell = p.game.cells.find((c) => c.us_strategy === strategy && c.cn_strategy === strategy);
    return cell ? valueText(ctx, cell[`${side}_value_per_unit`]) : '';
  };
  return ctx.t(`calculator.business.${ahead}`, {
    us_pace: like('pace', 'us'),
    cn_pace: like('pace', 'cn'),
    us_sprint: like('sprint', 'us'),
    cn_sprint: like('sprint', 'cn'),
    us_margin: percent(ctx, p.business_gap.us_cash_margin),
    cn_margin: percent(ctx, p.business_gap.cn_cash_margin),
  });
}

/** The payback panel's sentences, with the reported revenue it compares against. */
export function paybackSentences(ctx, p, comparisonIds) {
  if (!p || !p.payback) return { main: '', compare: '' };
  const { t } = ctx;
  const pb = p.payback;
  const money = (usdBn) => usdMoney(ctx, usdBn, p.cny_per_usd);
  const facts = comparisonIds.map((id) => {
    const fact = ctx.data ? ctx.data.fact(id) : undefined;
    return fact && typeof fact.value === 'number' ? fact : null;
  });
  const [aws, azure, gcp, openai] = facts.map((f) => (f ? f.value : null));
  const cloud = [aws, azure, gcp].every((x) => x !== null) ? aws + azure + gcp : null;
  // A record worded "over US$20 bn" keeps its "over" in the sentence.
  const withQualifier = (fact, text) => {
    const q = fact.qualifier;
    return q && q !== 'exact' && q !== 'range' ? t(`format.qualifier.${q}`, { x: text }) : text;
  };
  return {
    main: t('calculator.payback.sentence', {
      capex: money(pb.capex),
      life: ctx.fmt.number(pb.life_years, 2),
      rate: percent(ctx, pb.cost_of_capital),
      margin: percent(ctx, pb.cash_margin),
      required: money(pb.required_revenue),
    }),
    compare:
      cloud !== null && openai !== null
        ? t('calculator.payback.compare', { cloud: money(cloud), openai: withQualifier(facts[3], money(openai)) })
        : '',
  };
}

/** The Monte Carlo result: shares of scenarios for each side (which path is steadier is in calculator-game.js). */
export function mcSentence(ctx, mc) {
  if (!mc || typeof mc.us_share_sprint_pays !== 'number') return '';
  const pct = (x) => ctx.fmt.number(Math.round(x * 100), 0);
  return ctx.t('calculator.monte_carlo.sentence', {
    us_sprint: pct(mc.us_share_sprint_pays),
    us_pace: pct(mc.us_share_pace_pays),
    us_close: pct(mc.us_share_too_close),
    cn_sprint: pct(mc.cn_share_sprint_pays),
    cn_pace: pct(mc.cn_share_pace_pays),
    cn_close: pct(mc.cn_share_too_close),
  });
}

/** A value of `spec`, in words with its unit ("None by 2060" for the no-AGI step). */
export function inputText(ctx, spec, value) {
  if (spec.field === 'agi_year' && value === spec.range.max) return ctx.t('calculator.agi_none');
  const choices = choiceWords(ctx, spec);
  if (choices && choices[Number(value)] !== undefined) return choices[Number(value)];
  return ctx.fmt.inputValue(Number(value), spec.unit);
}

/**
 * The words of a choice input's two options (0 and 1: how AGI comes, what the prize is
 * measured against), or null for an input that is a number.
 */
export function choiceWords(ctx, spec) {
  const { min, max, step } = spec.range;
  if (min !== 0 || max !== 1 || step !== 1 || !ctx.t.has(`calculator.inputs.${spec.field}.option_1`)) return null;
  return [0, 1].map((value) => ctx.t(`calculator.inputs.${spec.field}.option_${value}`));
}

/** "from min to max" of an input, in numbers (a link must be able to write both ends). */
export function rangeText(ctx, spec) {
  const end = (x) => ctx.fmt.inputValue(x, spec.unit);
  return ctx.t('status.range', { min: end(spec.range.min), max: end(spec.range.max) });
}

/** What an input accepts, for messages. */
export const allowedText = rangeText;

/**
 * An input's range as the method table gives it to readers: the AGI year's last step is "none
 * by 2060", not the number a link writes for it.
 */
export function readerRangeText(ctx, spec) {
  const choices = choiceWords(ctx, spec);
  if (choices) return ctx.t('calculator.method.choice_range', { first: choices[0], second: choices[1] });
  if (spec.field !== 'agi_year') return rangeText(ctx, spec);
  return ctx.t('calculator.method.agi_range', { min: ctx.fmt.year(spec.range.min), last: ctx.fmt.year(spec.range.max - 1) });
}

const outletOf = (ctx, d) => (d.source ? localized(d.source.outlet, ctx.lang) : d.fact.source);

/** "Source: outlet — “quote”" for a fact default, else "Source/Assumption: reason". */
export function originText(ctx, spec) {
  const { t } = ctx;
  if (spec.fact) {
    const d = describeFact(ctx, spec.fact);
    if (!d) return t('calculator.origin_line.fact_missing', { label: t('calculator.origin.fact'), id: spec.fact });
    return t('calculator.origin_line.fact', {
      label: t('calculator.origin.fact'),
      outlet: outletOf(ctx, d),
      value: d.value,
      quote: d.quote || d.definition || '',
      grade: d.grade,
    });
  }
  const kind = spec.published ? 'published' : 'assumption';
  const reasonKey = `calculator.inputs.${spec.field}.reason`;
  return t(`calculator.origin_line.${kind}`, { label: t(`calculator.origin.${kind}`), reason: t.has(reasonKey) ? t(reasonKey) : '' });
}

/** An input's or constant's short label, as the tornado chart shows it. */
export function inputShortLabel(ctx, field) {
  const chart = ctx.t.raw('chart');
  const short = chart && chart[`input.${field}`];
  if (typeof short === 'string') return short;
  return ctx.t.has(`calculator.inputs.${field}.label`) ? ctx.t(`calculator.inputs.${field}.label`) : ctx.t(`calculator.constants.${field}`);
}

/**
 * The unit each fixed figure is shown in (the core hands over bare numbers): money in its
 * own side's currency, fractions as percentages, ratios with two decimals.
 */
const CONSTANT_UNITS = {
  us_revenue_2025: 'usd_bn',
  us_parent_capex_2025: 'usd_bn',
  us_parent_ocf_2025: 'usd_bn',
  meta_capex_2025: 'usd_bn',
  world_gdp_2025: 'usd_bn',
  cn_capex_2025: 'cny_bn',
  cn_parent_ocf_2025: 'cny_bn',
  world_gdp_growth: 'fraction',
  algorithmic_gain: 'multiple',
  us_cloud_share_of_capex: 'fraction',
  us_operating_margin: 'fraction',
  cn_operating_margin: 'fraction',
  compute_cost_decline: 'fraction',
  fixed_cost_share: 'fraction',
  past_capex_growth: 'fraction',
  terminal_growth: 'fraction',
  prize_erosion: 'fraction',
  us_price_follow: 'fraction',
  useful_life_years: 'years',
  demand_growth_half_life_years: 'years',
  cny_per_usd: 'cny_per_usd',
};

/** A fixed figure in its unit: "US$312 bn", "35.5%", "5.5 years", "0.87". */
export function constantText(ctx, name, value) {
  switch (CONSTANT_UNITS[name]) {
    case 'usd_bn':
      return ctx.fmt.moneyBn(value, 'USD', 3);
    case 'cny_bn':
      return ctx.fmt.moneyBn(value, 'CNY', 3);
    case 'fraction':
      return ctx.fmt.inputValue(Number((value * 100).toPrecision(3)), 'percent');
    case 'years':
    case 'multiple':
    case 'cny_per_usd':
      return ctx.fmt.inputValue(value, CONSTANT_UNITS[name]);
    default:
      return ctx.fmt.fixed(value, 2);
  }
}

/** The one derived figure: how the US capex ratio follows from three others. */
const DERIVED = { us_capex_ratio: ['us_parent_capex_2025', 'us_cloud_share_of_capex', 'us_revenue_2025'] };

/** Where a constant comes from: its dataset records, how it is derived, or "assumption". */
export function constantOrigin(ctx, constant, constants) {
  const parts = DERIVED[constant.name];
  if (parts) {
    const byName = new Map(constants.map((c) => [c.name, c.value]));
    const [capex, share, revenue] = parts.map((name) => constantText(ctx, name, byName.get(name)));
    return ctx.t(`calculator.method.constant_derived.${constant.name}`, { capex, share, revenue });
  }
  if (!constant.fact_ids.length) {
    // A published figure outside the dataset or a labelled assumption, with its one-line reason.
    for (const kind of ['published', 'assumption']) {
      const key = `calculator.method.constant_reasons.${kind}.${constant.name}`;
      if (ctx.t.has(key)) return ctx.t(`calculator.origin_line.${kind}`, { label: ctx.t(`calculator.origin.${kind}`), reason: ctx.t(key) });
    }
    return ctx.t('calculator.method.constant_assumption');
  }
  const facts = constant.fact_ids.map((id) => {
    const d = describeFact(ctx, id);
    return d ? ctx.fmt.labelled(`${d.entity} ${d.metric} ${d.period}`, d.value) : id;
  });
  return ctx.t('calculator.method.constant_from', { facts: ctx.fmt.joined(facts, '; ') });
}
