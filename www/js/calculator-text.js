// The calculator's wording: sentences and labels built from the core's JSON results and
// input specs. Pure functions of the context `ctx` ({t, fmt, data, lang, currency}) and
// their arguments, so a new context (currency, language) only needs them called again.

import { describeFact } from './tables.js';
import { localized } from './data.js';

/** The leader's multiple: whole above 10×, one decimal below. */
export const ratioText = (ctx, x) => (x >= 10 ? ctx.fmt.number(x, 0) : ctx.fmt.fixed(x, 1));

export const roiText = (ctx, x) => ctx.fmt.number(x, 2);

const yearOrEmpty = (ctx, year) => (year !== null && year !== undefined ? ctx.fmt.year(year) : '');

/** The live sentence and its notes, from projection.summary. */
export function sentence(ctx, s) {
  const { t } = ctx;
  if (!s || !s.kind) return { main: '', notes: '' };
  const vars = {
    agi_year: ctx.fmt.year(s.agi_year),
    crossover_year: yearOrEmpty(ctx, s.crossover_year),
    horizon_end: ctx.fmt.year(s.horizon_end),
    bubble_year: yearOrEmpty(ctx, s.bubble_year),
    ratio: ratioText(ctx, s.leader_multiple),
    sprint_roi: roiText(ctx, s.sprint_final_roi),
    marathon_roi: roiText(ctx, s.marathon_final_roi),
    payoff_needed: typeof s.payoff_needed === 'number' ? ctx.fmt.number(s.payoff_needed, 1) : '',
  };
  const main = t(`calculator.summary.${s.kind}`, vars);
  const notes = [];
  if (typeof s.payoff_needed === 'number') {
    notes.push(s.leader_at_end === 'sprint' && s.payoff_needed <= 1 ? t('calculator.summary_notes.payoff_not_needed') : t('calculator.summary_notes.payoff_needed', vars));
  } else if (s.agi_in_horizon && s.bubble_year === null && s.leader_at_end === 'marathon') {
    notes.push(t('calculator.summary_notes.payoff_beyond_range'));
  }
  notes.push(t('calculator.summary_notes.returns', vars));
  return { main, notes: notes.join(' ') };
}

/** The Monte Carlo result in one sentence ('' before the first run). */
export function mcSentence(ctx, mc) {
  if (!mc || typeof mc.p_sprint_ahead !== 'number') return '';
  const pct = (x) => ctx.fmt.number(Math.round(x * 100), 0);
  return ctx.t('calculator.monte_carlo.sentence', {
    runs: ctx.fmt.number(mc.runs, 0),
    p_sprint: pct(mc.p_sprint_ahead),
    p_marathon: pct(mc.p_marathon_ahead),
    p_bubble: pct(mc.p_bubble ?? 0),
  });
}

/**
 * A value of `spec`, in words with its unit. An AGI year past `horizonEnd` (the current
 * scenario's) says so, since the model cannot show it.
 */
export function valueText(ctx, spec, value, horizonEnd) {
  if (spec.options) {
    const d = describeFact(ctx, value);
    return d ? d.value : String(value);
  }
  if (spec.field === 'agi_year' && typeof value === 'number' && typeof horizonEnd === 'number' && value > horizonEnd) {
    return ctx.t('calculator.agi_after_horizon', { year: ctx.fmt.year(value), horizon: ctx.fmt.year(horizonEnd) });
  }
  return ctx.fmt.inputValue(Number(value), spec.unit);
}

/** "from min to max" of a range input ('' for a choice). */
export function rangeText(ctx, spec) {
  return spec.range ? ctx.t('status.range', { min: ctx.fmt.inputValue(spec.range.min, spec.unit), max: ctx.fmt.inputValue(spec.range.max, spec.unit) }) : '';
}

/** What an input accepts: its range, or its options. */
export function allowedText(ctx, spec) {
  return spec.range ? rangeText(ctx, spec) : spec.options.join(', ');
}

const outletOf = (ctx, d) => (d.source ? localized(d.source.outlet, ctx.lang) : d.fact.source);

/** The label of one option (a fact id) of a choice input. */
export function optionLabel(ctx, spec, factId) {
  const key = `calculator.options.${spec.field}.${factId}`;
  if (ctx.t.has(key)) return ctx.t(key);
  const d = describeFact(ctx, factId);
  if (!d) return factId;
  return ctx.t('calculator.option', { value: d.value, period: d.period, outlet: outletOf(ctx, d) });
}

/** "Source: outlet — “quote”" or "Assumption: reason". */
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
  const reasonKey = `calculator.inputs.${spec.field}.assumption`;
  return t('calculator.origin_line.assumption', { label: t('calculator.origin.assumption'), reason: t.has(reasonKey) ? t(reasonKey) : '' });
}

/** The input's label as the tornado chart shows it (with its side where that matters). */
export function inputShortLabel(ctx, field) {
  const chart = ctx.t.raw('chart');
  const short = chart && chart[`input.${field}`];
  return typeof short === 'string' ? short : ctx.t(`calculator.inputs.${field}.label`);
}
