// "How this is calculated": the method's paragraphs, then every input's default, range and
// origin in one table, and the model's fixed figures with their sources in another.

import { h } from './dom.js';
import { inputText, readerRangeText, originText } from './calculator-text.js';
import { tableRegion } from './calculator-outputs.js';
import { describeFact } from './tables.js';

/**
 * The unit each fixed figure is shown in (the core hands over bare numbers): money in its
 * own side's currency, fractions as percentages, ratios with two decimals.
 */
const CONSTANT_UNITS = {
  us_revenue_2025: 'usd_bn',
  us_parent_capex_2025: 'usd_bn',
  us_parent_ocf_2025: 'usd_bn',
  cn_capex_2025: 'cny_bn',
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
function constantText(ctx, name, value) {
  switch (CONSTANT_UNITS[name]) {
    case 'usd_bn':
      return ctx.fmt.moneyBn(value, 'USD', 3);
    case 'cny_bn':
      return ctx.fmt.moneyBn(value, 'CNY', 3);
    case 'fraction':
      return ctx.fmt.inputValue(Number((value * 100).toPrecision(3)), 'percent');
    case 'years':
    case 'cny_per_usd':
      return ctx.fmt.inputValue(value, CONSTANT_UNITS[name]);
    default:
      return ctx.fmt.fixed(value, 2);
  }
}

/** The one derived figure: how the US capex ratio follows from three others. */
const DERIVED = { us_capex_ratio: ['us_parent_capex_2025', 'us_cloud_share_of_capex', 'us_revenue_2025'] };

/** Where a constant comes from: its dataset records, how it is derived, or "assumption". */
function constantOrigin(ctx, constant, constants) {
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

/** The block for `specs` with their `defaults`, and the model's `constants`. */
export function methodSection(ctx, specs, defaults, constants) {
  const { t } = ctx;
  const paragraphs = t.raw('calculator.how.paragraphs');
  const heading = t('calculator.method.defaults_heading');
  const constantsHeading = t('calculator.method.constants_heading');
  return h(
    'details',
    { class: 'calc-method', id: 'how-calculated' },
    h('summary', {}, t('calculator.how.title')),
    Array.isArray(paragraphs) ? paragraphs.map((p) => h('p', {}, String(p))) : null,
    h('h3', {}, heading),
    tableRegion(
      heading,
      'defaults',
      ['input', 'default', 'range', 'origin'].map((c) => t(`calculator.method.col.${c}`)),
      specs.map((spec) => [
        t(`calculator.inputs.${spec.field}.label`),
        spec.field in defaults ? inputText(ctx, spec, defaults[spec.field]) : '–',
        readerRangeText(ctx, spec),
        originText(ctx, spec),
      ]),
    ),
    h('h3', {}, constantsHeading),
    tableRegion(
      constantsHeading,
      'defaults',
      ['constant', 'value', 'plausible', 'origin'].map((c) => t(`calculator.method.col.${c}`)),
      constants.map((c) => [
        t(`calculator.constants.${c.name}`),
        constantText(ctx, c.name, c.value),
        c.plausible[0] === c.plausible[1] ? '–' : `${constantText(ctx, c.name, c.plausible[0])} – ${constantText(ctx, c.name, c.plausible[1])}`,
        constantOrigin(ctx, c, constants),
      ]),
    ),
  );
}
