// The model charts' words: title, caption and description, tooltips and the tables that are
// their accessible equivalent. Functions of the context `ctx` and `model`, the calculator's
// current outputs: { projection, monteCarlo, scenario, specByField, constants, sensitivity() }
// (sensitivity is a function so the tornado is only computed when one of its words is).

import { h } from '../lib/dom.js';
import { usdMoney, sideMoney, shareOfCapex, valueText, inputText, inputShortLabel, originText, constantText, constantOrigin } from './calculator-text.js';
import { describeRiskHit, riskTable } from './calculator-game.js';
import { MAP_CHART, mapText, describeMapHit, mapTable } from './calculator-map.js';

/**
 * Title, caption and description of a model chart; `runs` is the Monte Carlo's number of runs,
 * `projection` (optional) the current one: without a break-even year the headline chart's
 * caption does not promise its mark.
 */
export function chartText(ctx, id, runs, projection) {
  const { t } = ctx;
  switch (id) {
    case MAP_CHART:
      return mapText(ctx);
    case 'model-uncertainty':
    case 'model-sensitivity': {
      const [title, caption] = id === 'model-uncertainty'
        ? [t('calculator.monte_carlo.title'), t('calculator.monte_carlo.explain', { runs: ctx.fmt.number(runs, 0) })]
        : [t('calculator.sensitivity.title'), t('calculator.sensitivity.explain')];
      return { title, caption, description: caption };
    }
    case 'model-risk':
      return { title: t('calculator.game.risk.title'), caption: t('calculator.game.risk.caption', { runs: ctx.fmt.number(runs, 0) }), description: t('calculator.game.risk.description') };
    case 'model-breakeven': {
      const noMark = projection && typeof projection.us_choice.break_even_agi_year !== 'number';
      const caption = t(`calculator.charts.${id}.${noMark ? 'caption_no_break_even' : 'caption'}`);
      return { title: t(`calculator.charts.${id}.title`), caption, description: t(`calculator.charts.${id}.description`) };
    }
    default:
      return { title: t(`calculator.charts.${id}.title`), caption: t(`calculator.charts.${id}.caption`), description: t(`calculator.charts.${id}.description`) };
  }
}

/** The four paths, as the projection's rows and the charts' marks name them. */
const PATHS = ['us_sprint', 'us_pace', 'cn_sprint', 'cn_pace'];

/** Money of a path ('us_…' in US$ bn, 'cn_…' in ¥ bn) in the reader's currency. */
const pathMoney = (ctx, projection, valueBn, path) => sideMoney(ctx, path.slice(0, 2), valueBn, projection.cny_per_usd);

const sideName = (ctx, side) => ctx.t(`calculator.sides.${side}`);
const percentText = (ctx, x) => `${ctx.fmt.number(x, x < 10 ? 2 : 0)}%`;

/** A value of an input or constant, in words with its unit. */
function probeValue(ctx, model, field, value) {
  const spec = model.specByField.get(field);
  return spec ? inputText(ctx, spec, value) : constantText(ctx, field, value);
}

/** Where a tornado bar's range comes from: the input's source or assumption, or the constant's. */
function rangeSource(ctx, model, field) {
  const spec = model.specByField.get(field);
  if (spec) return originText(ctx, spec);
  const constant = model.constants.find((c) => c.name === field);
  return constant ? constantOrigin(ctx, constant, model.constants) : '';
}

/** "low input → US sprint minus pace (call)" of one tornado bar end. */
function sensitivityEnd(ctx, model, field, end) {
  const outcome = usdMoney(ctx, end.outcome, model.projection ? model.projection.cny_per_usd : 1);
  return `${probeValue(ctx, model, field, end.input)} → ${outcome}${ctx.fmt.aside(ctx.t(`calculator.call_words.${end.call}`))}`;
}

/** One AGI year of a side's choice: sprint minus pace in its money and as % of capex, the call. */
function choiceCells(ctx, projection, side, pt) {
  return [`${sideMoney(ctx, side, pt.sprint_minus_pace, projection.cny_per_usd)}${ctx.fmt.aside(shareOfCapex(ctx, pt))}`, ctx.t(`calculator.calls.${pt.call}`)];
}

/** The limits that held a side back in a year, in words ('' for none). */
function limitsText(ctx, limits) {
  const held = Object.entries(limits || {})
    .filter(([, on]) => on)
    .map(([name]) => ctx.t(`calculator.outputs.limits.${name}`));
  return ctx.fmt.joined(held);
}

/** The business-quality chart's pairs: both sides on the same strategy. */
const LIKE_FOR_LIKE = ['pace', 'sprint'];
const likeForLike = (projection, strategy) => projection.game.cells.find((c) => c.us_strategy === strategy && c.cn_strategy === strategy);

/** A bar of the business-quality chart ("us_pace": the US firms when both pace). */
function describeBusinessHit(ctx, projection, mark) {
  const [side, strategy] = mark.split('_');
  const cell = LIKE_FOR_LIKE.includes(strategy) && ['us', 'cn'].includes(side) ? likeForLike(projection, strategy) : null;
  if (!cell) return null;
  const { t } = ctx;
  return [
    { text: `${t(`calculator.firms_label.${side}`)} · ${t(`chart.model.both_${strategy}`)}`, class: 'tooltip-title' },
    { text: t('calculator.game.per_unit', { value: valueText(ctx, cell[`${side}_value_per_unit`]) }), class: 'tooltip-value' },
    { text: t('calculator.game.npv', { money: sideMoney(ctx, side, cell[`${side}_npv`], projection.cny_per_usd) }), class: 'tooltip-period' },
  ];
}

/**
 * The inputs the tornado leaves out because they have no effect at the reader's settings
 * (its table gives each one's reason), as one sentence; '' when every input moves the answer.
 */
export function noEffectText(ctx, model) {
  const sens = model.sensitivity();
  const still = sens ? sens.bars.filter((b) => b.zero_reason).map((b) => inputShortLabel(ctx, b.field)) : [];
  return still.length ? ctx.t('calculator.sensitivity.no_effect', { inputs: ctx.fmt.joined(still) }) : '';
}

/** The tooltip lines for a hit on a model chart, or null. */
export function describeModelHit(ctx, chartId, hit, model) {
  const { t } = ctx;
  const { projection, monteCarlo } = model;
  const mark = String(hit.mark || '');
  const [kind, rest] = mark.includes(':') ? mark.split(':') : [mark, ''];
  const year = Number(rest);
  if (chartId === MAP_CHART) return describeMapHit(ctx, hit, model);
  if (!projection) return null;
  if (chartId === 'model-breakeven' && (kind === 'us' || kind === 'cn')) {
    const pt = projection[`${kind}_choice`].by_agi_year.find((p) => p.agi_year === year);
    if (!pt) return null;
    const [difference, call] = choiceCells(ctx, projection, kind, pt);
    return [
      { text: ctx.fmt.labelled(t('calculator.tables.agi_year'), ctx.fmt.year(year)), class: 'tooltip-title' },
      { text: ctx.fmt.labelled(t('calculator.tables.sprint_minus_pace', { side: t(`calculator.firms_label.${kind}`) }), difference), class: 'tooltip-value' },
      { text: call, class: pt.call === 'too_close_to_call' ? 'tooltip-flag' : null },
    ];
  }
  if (['model-position', 'model-capacity', 'model-prices'].includes(chartId) && PATHS.includes(kind)) {
    const row = projection.years.find((r) => r.year === year);
    if (!row) return null;
    const side = row[kind];
    const money = (v) => pathMoney(ctx, projection, v, kind);
    const held = limitsText(ctx, side.limits);
    return [
      { text: `${sideName(ctx, kind)} · ${ctx.fmt.year(year)}`, class: 'tooltip-title' },
      chartId === 'model-position' ? { text: ctx.fmt.labelled(t('calculator.outputs.cumulative'), money(side.cumulative_free_cash)), class: 'tooltip-value' } : null,
      chartId === 'model-capacity' ? { text: ctx.fmt.labelled(t('calculator.outputs.demand_vs_capacity'), percentText(ctx, (100 * side.demand) / side.capacity)), class: 'tooltip-value' } : null,
      chartId === 'model-prices' ? { text: ctx.fmt.labelled(t('calculator.outputs.price_index'), ctx.fmt.number(side.price_index, 3)), class: 'tooltip-value' } : null,
      { text: `${ctx.fmt.labelled(t('calculator.outputs.capex'), money(side.capex))} · ${ctx.fmt.labelled(t('calculator.outputs.revenue'), money(side.revenue))}`, class: 'tooltip-period' },
      side.prize_revenue > 0 ? { text: ctx.fmt.labelled(t('calculator.outputs.prize_revenue'), money(side.prize_revenue)), class: 'tooltip-period' } : null,
      held ? { text: held, class: 'tooltip-flag' } : null,
    ];
  }
  if (chartId === 'model-uncertainty' && (kind === 'sprint' || kind === 'pace') && monteCarlo) {
    const bar = (monteCarlo.agi_years || []).find((b) => b.year === year);
    if (!bar) return null;
    const count = kind === 'sprint' ? bar.sprint_pays : bar.pace_pays;
    const share = ctx.fmt.number((100 * count) / Math.max(1, monteCarlo.runs), 1);
    const label = year <= 2060 ? ctx.fmt.labelled(t('calculator.monte_carlo.agi_years_axis'), ctx.fmt.year(year)) : t('calculator.monte_carlo.no_agi');
    return [
      { text: label, class: 'tooltip-title' },
      { text: t('calculator.tables.share_of_runs', { share }), class: 'tooltip-value' },
      { text: t(`calculator.tables.${kind}_pays`), class: null },
    ];
  }
  if (chartId === 'model-risk') return describeRiskHit(ctx, monteCarlo, projection.cny_per_usd, mark);
  if (chartId === 'model-business') return describeBusinessHit(ctx, projection, mark);
  if (chartId === 'model-sensitivity') {
    const sens = model.sensitivity();
    const bar = sens && sens.bars.find((b) => b.field === mark);
    if (!bar) return null;
    return [
      { text: inputShortLabel(ctx, mark), class: 'tooltip-title' },
      { text: ctx.fmt.labelled(t('calculator.sensitivity.low'), sensitivityEnd(ctx, model, mark, bar.low)), class: null },
      { text: ctx.fmt.labelled(t('calculator.sensitivity.high'), sensitivityEnd(ctx, model, mark, bar.high)), class: null },
      bar.flips ? { text: t('calculator.sensitivity.flips'), class: 'tooltip-flag' } : null,
      bar.zero_reason ? { text: t(`calculator.sensitivity.zero.${bar.zero_reason}`), class: 'tooltip-flag' } : null,
      { text: t('calculator.sensitivity.base', { base: usdMoney(ctx, sens.base_outcome, projection.cny_per_usd) }), class: 'tooltip-period' },
      { text: rangeSource(ctx, model, mark), class: 'tooltip-period' },
    ];
  }
  return null;
}

/**
 * The head and rows (first cell a row header) of a model chart's table, and the reader's cell
 * when it marks one; empty without data.
 */
export function modelTable(ctx, id, model) {
  const { t } = ctx;
  if (id === MAP_CHART) return mapTable(ctx, model);
  const { projection, monteCarlo } = model;
  const col = (side, output) => ctx.fmt.labelled(sideName(ctx, side), t(`calculator.outputs.${output}`));
  if (id === 'model-breakeven' && projection) {
    const { us_choice: us, cn_choice: cn } = projection;
    const points = [...us.by_agi_year.map((pt, i) => [pt, cn.by_agi_year[i]]), [us.without_agi, cn.without_agi]];
    const sideHead = (side) => [t('calculator.tables.sprint_minus_pace', { side: t(`calculator.firms_label.${side}`) }), ctx.fmt.labelled(t(`calculator.firms_label.${side}`), t('calculator.tables.call'))];
    return {
      head: [t('calculator.tables.agi_year'), ...sideHead('us'), ...sideHead('cn')],
      rows: points.map(([u, c]) => [
        typeof u.agi_year === 'number' ? ctx.fmt.year(u.agi_year) : t('calculator.monte_carlo.no_agi'),
        ...choiceCells(ctx, projection, 'us', u),
        ...choiceCells(ctx, projection, 'cn', c),
      ]),
    };
  }
  const yearly = { 'model-position': 'cumulative', 'model-capacity': 'demand_vs_capacity', 'model-prices': 'price_index' }[id];
  if (yearly && projection) {
    // Prices do not depend on strategy: one column per side (its paced path's).
    const sides = id === 'model-prices' ? ['us_pace', 'cn_pace'] : PATHS;
    const cell = (row, side) => {
      const s = row[side];
      if (yearly === 'cumulative') return pathMoney(ctx, projection, s.cumulative_free_cash, side);
      if (yearly === 'demand_vs_capacity') return percentText(ctx, (100 * s.demand) / s.capacity);
      return ctx.fmt.number(s.price_index, 3);
    };
    return {
      head: [t('calculator.tables.year'), ...sides.map((side) => col(side, yearly))],
      rows: projection.years.map((row) => [ctx.fmt.year(row.year), ...sides.map((side) => cell(row, side))]),
    };
  }
  if (id === 'model-uncertainty' && monteCarlo) {
    return {
      head: [t('calculator.monte_carlo.agi_years_axis'), t('calculator.tables.sprint_pays'), t('calculator.tables.pace_pays'), t('calculator.tables.too_close')],
      rows: (monteCarlo.agi_years || []).map((b) => [
        b.year <= 2060 ? ctx.fmt.year(b.year) : t('calculator.monte_carlo.no_agi'),
        ctx.fmt.number(b.sprint_pays, 0),
        ctx.fmt.number(b.pace_pays, 0),
        ctx.fmt.number(b.too_close_to_call, 0),
      ]),
    };
  }
  if (id === 'model-risk' && monteCarlo && projection) return riskTable(ctx, monteCarlo, projection.cny_per_usd);
  if (id === 'model-business' && projection) {
    return {
      head: [t('calculator.tables.strategies'), ...['us', 'cn'].map((side) => ctx.fmt.labelled(t(`calculator.firms_label.${side}`), t('calculator.tables.per_unit')))],
      rows: LIKE_FOR_LIKE.map((strategy) => {
        const cell = likeForLike(projection, strategy);
        return [t(`chart.model.both_${strategy}`), valueText(ctx, cell.us_value_per_unit), valueText(ctx, cell.cn_value_per_unit)];
      }),
    };
  }
  const sens = id === 'model-sensitivity' ? model.sensitivity() : null;
  if (sens) {
    return {
      head: [t('calculator.tables.input'), t('calculator.sensitivity.low'), t('calculator.sensitivity.high'), t('calculator.sensitivity.range_source')],
      rows: [
        ...sens.bars.map((b) => [
          inputShortLabel(ctx, b.field),
          sensitivityEnd(ctx, model, b.field, b.low),
          sensitivityEnd(ctx, model, b.field, b.high) +
            (b.flips ? ctx.fmt.aside(t('calculator.sensitivity.flips')) : '') +
            (b.zero_reason ? ctx.fmt.aside(t(`calculator.sensitivity.zero.${b.zero_reason}`)) : ''),
          rangeSource(ctx, model, b.field),
        ]),
        // Reported figures with no range: listed, not barred.
        ...sens.fixed_figures.map((name) => {
          const constant = model.constants.find((c) => c.name === name);
          const value = constant ? constantText(ctx, name, constant.value) : '–';
          return [inputShortLabel(ctx, name), value, t('calculator.sensitivity.fixed'), rangeSource(ctx, model, name)];
        }),
      ],
    };
  }
  return { head: [], rows: [] };
}

/**
 * A scrollable, keyboard-reachable table region; the first cell of each row is its header.
 * `current` ({row, cell, words}) marks the reader's cell: aria-current and words after it.
 */
export function tableRegion(label, tableClass, head, rows, current = null) {
  const isCurrent = (r, i) => current !== null && r === current.row && i === current.cell;
  const cell = (c, r, i) =>
    isCurrent(r, i) ? h('td', { class: 'is-current', attrs: { 'aria-current': 'true' } }, c, h('span', { class: 'current-words' }, current.words)) : h('td', {}, c);
  return h(
    'div',
    { class: 'table-scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': label } },
    h(
      'table',
      { class: tableClass },
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
      h('tbody', {}, rows.map((row, r) => h('tr', {}, row.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : cell(c, r, i)))))),
    ),
  );
}
