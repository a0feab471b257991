// The calculator's wording: sentences and labels built from the core's JSON results and
// input specs. Pure functions of the context `ctx` ({t, fmt, data, lang, currency}) and
// their arguments, so a new context (currency, language) only needs them called again.

import { describeFact } from './tables.js';
import { localized } from './data.js';

/** Value per unit invested: two decimals ("0.96"). */
export const valueText = (ctx, x) => ctx.fmt.fixed(x, 2);

/** The AGI year as the sentences name it ("AGI in 2030" / "no AGI by 2060"). */
function agiWords(ctx, year) {
  return typeof year === 'number' ? ctx.t('calculator.verdict.agi_in', { year: ctx.fmt.year(year) }) : ctx.t('calculator.verdict.no_agi');
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

/**
 * The verdict sentence's key: the core's wording decides whether the words may call a side
 * ahead (a gap inside its about-even band may not), and when both sides get back less than
 * they spend the leader only loses less.
 */
function verdictKey(v) {
  if (v.wording === 'about_even') return 'about_even';
  return v.wording === 'loses_less' ? `loses_less.${v.leader}` : v.leader;
}

/**
 * The result block's sentences from a projection: the headline break-even year, the verdict
 * at the reader's AGI year, the comparison with the paced path and the claim check.
 * Returns { headline, breakEven, verdict, paced, claim } ('' each without a projection).
 */
export function resultSentences(ctx, p, scenario) {
  const { t } = ctx;
  if (!p || !p.verdict) return { headline: '', breakEven: '', verdict: '', paced: '', claim: '' };
  const be = p.break_even;
  const year = (threshold) => (typeof threshold.year === 'number' ? ctx.fmt.year(threshold.year) : '');
  const headlineKey = { until: 'headline_year', mixed: 'headline_year', from: 'headline_from', always: 'headline_always', never: 'headline_never' }[be.against_marathon.kind];
  const v = p.verdict;
  const vars = {
    agi: agiWords(ctx, p.agi_year),
    sprint_value: valueText(ctx, v.sprint.value_per_capex),
    marathon_value: valueText(ctx, v.marathon.value_per_capex),
  };
  const leaderName = (leader) => t(`calculator.leaders.${leader}`);
  const c = p.claim;
  // A year inside the about-even band names no leader: each year gets its own clause.
  const claimKey = c.holds ? 'holds' : c.early_leader === 'tie' || c.late_leader === 'tie' ? 'fails_parts' : c.early_leader === c.late_leader ? 'fails_same_leader' : 'fails';
  const claimPart = (leader, agiYear) =>
    leader === 'tie' ? t('calculator.claim.even', { year: ctx.fmt.year(agiYear) }) : t('calculator.claim.ahead', { leader: leaderName(leader), year: ctx.fmt.year(agiYear) });
  return {
    headline: t(`calculator.break_even.${headlineKey}`, { year: year(be.against_marathon) }),
    breakEven: t(`calculator.break_even.against_marathon.${be.against_marathon.kind}`, { year: year(be.against_marathon) }),
    verdict: t(`calculator.verdict.${verdictKey(v)}`, vars),
    paced: joinSentences(ctx, [
      t(`calculator.break_even.against_paced.${be.against_paced.kind}`, { year: year(be.against_paced) }),
      t(`calculator.break_even.${p.incremental.extra_npv >= 0 ? 'extra_gain' : 'extra_loss'}`, {
        extra_npv: usdMoney(ctx, Math.abs(p.incremental.extra_npv), p.cny_per_usd),
        discount_rate: `${ctx.fmt.number(scenario.discount_rate, 2)}%`,
      }),
    ]),
    claim: t(`calculator.claim.${claimKey}`, {
      early: ctx.fmt.year(p.claim.early_agi_year),
      late: ctx.fmt.year(p.claim.late_agi_year),
      early_leader: leaderName(p.claim.early_leader),
      late_leader: leaderName(p.claim.late_leader),
      early_part: claimPart(c.early_leader, c.early_agi_year),
      late_part: claimPart(c.late_leader, c.late_agi_year),
    }),
  };
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

/** The Monte Carlo result in one sentence ('' before the first run). */
export function mcSentence(ctx, mc) {
  if (!mc || typeof mc.share_sprint_ahead !== 'number') return '';
  const pct = (x) => ctx.fmt.number(Math.round(x * 100), 0);
  return ctx.t('calculator.monte_carlo.sentence', {
    runs: ctx.fmt.number(mc.runs, 0),
    p_sprint: pct(mc.share_sprint_ahead),
    p_marathon: pct(mc.share_marathon_ahead),
  });
}

/** A value of `spec`, in words with its unit ("None by 2060" for the no-AGI step). */
export function inputText(ctx, spec, value) {
  if (spec.field === 'agi_year' && value === spec.range.max) return ctx.t('calculator.agi_none');
  return ctx.fmt.inputValue(Number(value), spec.unit);
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
