// The model charts' words: title and caption, tooltips and the tables that are their
// accessible equivalent. Functions of the context `ctx` and `model`, the calculator's
// current outputs: { projection, monteCarlo, scenario, specByField, sensitivity() }
// (sensitivity is a function so the tornado is only computed when one of its words is).

import { h } from './dom.js';
import { ratioText, roiText, valueText, inputShortLabel } from './calculator-text.js';

/** Title and caption of a model chart; `runs` is the Monte Carlo's number of runs. */
export function chartText(ctx, id, runs) {
  const { t } = ctx;
  switch (id) {
    case 'model-uncertainty':
      return { title: t('calculator.monte_carlo.title'), caption: t('calculator.monte_carlo.explain', { runs: ctx.fmt.number(runs, 0) }) };
    case 'model-sensitivity':
      return { title: t('calculator.sensitivity.title'), caption: t('calculator.sensitivity.explain') };
    default:
      return { title: t(`calculator.charts.${id}.title`), caption: t(`calculator.charts.${id}.caption`) };
  }
}

/** Money in the reader's currency from a side's own currency (sprint US$, marathon ¥). */
function sideMoney(ctx, projection, valueBn, side) {
  const from = side === 'sprint' ? 'USD' : 'CNY';
  const rate = projection && projection.cny_per_usd;
  let v = valueBn;
  if (from !== ctx.currency && rate > 0) v = from === 'USD' ? valueBn * rate : valueBn / rate;
  return ctx.fmt.moneyBn(v, ctx.currency, 3);
}

const sideName = (ctx, side) => ctx.t(`calculator.sides.${side}`);

const afterHorizon = (ctx, scenario) => ctx.t('calculator.monte_carlo.after_horizon', { horizon_end: ctx.fmt.year(scenario.horizon_end) });

/** "low input → outcome" of one tornado bar end. */
function sensitivityEnd(ctx, model, spec, input, outcome) {
  const value = spec ? valueText(ctx, spec, input, model.scenario.horizon_end) : String(input);
  return `${value} → ${ratioText(ctx, outcome)}`;
}

/** The tooltip lines for a hit on a model chart, or null. */
export function describeModelHit(ctx, chartId, hit, model) {
  const { t } = ctx;
  const { projection, monteCarlo, scenario } = model;
  const mark = String(hit.mark || '');
  const [kind, rest] = mark.includes(':') ? mark.split(':') : [mark, ''];
  const year = Number(rest);
  if ((chartId === 'model-position' || chartId === 'model-roi') && (kind === 'sprint' || kind === 'marathon')) {
    const row = projection && Array.isArray(projection.years) ? projection.years.find((r) => r.year === year) : null;
    if (!row) return null;
    const side = row[kind];
    const money = (v) => sideMoney(ctx, projection, v, kind);
    return [
      { text: `${sideName(ctx, kind)} · ${ctx.fmt.year(year)}`, class: 'tooltip-title' },
      { text: `${t('calculator.outputs.cumulative')}: ${money(side.cumulative)}`, class: chartId === 'model-position' ? 'tooltip-value' : null },
      { text: `${t('calculator.outputs.roi')}: ${roiText(ctx, side.roi)}`, class: chartId === 'model-roi' ? 'tooltip-value' : null },
      { text: `${t('calculator.outputs.capex')}: ${money(side.capex)} · ${t('calculator.outputs.revenue')}: ${money(side.revenue)}`, class: 'tooltip-period' },
      kind === 'sprint' && row.sprint_phase ? { text: t(`calculator.phases.${row.sprint_phase}`), class: 'tooltip-period' } : null,
    ];
  }
  if (chartId === 'model-prices') {
    const pt = projection && (projection.prices || []).find((p) => p.year === year);
    if (!pt) return null;
    const key = { price: 'price_index', volume: 'volume_index', revenue: 'revenue_index' }[kind];
    return [
      { text: `${t(`calculator.outputs.${key}`)} · ${ctx.fmt.year(year)}`, class: 'tooltip-title' },
      { text: ctx.fmt.number(pt[key], pt[key] < 0.1 ? 3 : 2), class: 'tooltip-value' },
      { text: `${t('calculator.outputs.price_index')} ${ctx.fmt.number(pt.price_index, 3)} · ${t('calculator.outputs.volume_index')} ${ctx.fmt.number(pt.volume_index, 2)} · ${t('calculator.outputs.revenue_index')} ${ctx.fmt.number(pt.revenue_index, 2)}`, class: 'tooltip-period' },
    ];
  }
  if (chartId === 'model-uncertainty' && kind === 'agi') {
    const bar = monteCarlo && (monteCarlo.agi_years || []).find((b) => b.year === year);
    if (!bar) return null;
    const share = ctx.fmt.number((100 * bar.count) / Math.max(1, monteCarlo.runs), 1);
    const label = bar.within_horizon ? `${t('calculator.monte_carlo.agi_years_axis')}: ${ctx.fmt.year(bar.year)}` : afterHorizon(ctx, scenario);
    return [
      { text: label, class: 'tooltip-title' },
      { text: t('calculator.tables.share_of_runs', { share }), class: 'tooltip-value' },
      { text: t('calculator.tables.leader', { leader: t(`calculator.leaders.${bar.leader}`) }), class: null },
      bar.bubble ? { text: t('calculator.outputs.bubble_marker'), class: 'tooltip-flag' } : null,
    ];
  }
  if (chartId === 'model-sensitivity') {
    const spec = model.specByField.get(mark);
    const sens = model.sensitivity();
    const bar = sens && sens.bars.find((b) => b.field === mark);
    if (!spec || !bar) return null;
    return [
      { text: inputShortLabel(ctx, mark), class: 'tooltip-title' },
      { text: `${t('calculator.sensitivity.low')}: ${sensitivityEnd(ctx, model, spec, bar.low_input, bar.outcome_low)}`, class: null },
      { text: `${t('calculator.sensitivity.high')}: ${sensitivityEnd(ctx, model, spec, bar.high_input, bar.outcome_high)}`, class: null },
      { text: t('calculator.sensitivity.base', { base: ratioText(ctx, sens.base_outcome) }), class: 'tooltip-period' },
    ];
  }
  return null;
}

/** The head and rows (first cell a row header) of a model chart's table; empty without data. */
export function modelTable(ctx, id, model) {
  const { t } = ctx;
  const { projection, monteCarlo, scenario } = model;
  if ((id === 'model-position' || id === 'model-roi') && projection) {
    const col = (side, output) => `${sideName(ctx, side)}: ${t(`calculator.outputs.${output}`)}`;
    const head = [t('calculator.tables.year'), col('sprint', 'cumulative'), col('marathon', 'cumulative'), col('sprint', 'roi'), col('marathon', 'roi'), t('calculator.tables.phase')];
    const rows = projection.years.map((r) => [
      ctx.fmt.year(r.year),
      sideMoney(ctx, projection, r.sprint.cumulative, 'sprint'),
      sideMoney(ctx, projection, r.marathon.cumulative, 'marathon'),
      roiText(ctx, r.sprint.roi),
      roiText(ctx, r.marathon.roi),
      r.sprint_phase ? t(`calculator.phases.${r.sprint_phase}`) : '',
    ]);
    return { head, rows };
  }
  if (id === 'model-prices' && projection) {
    return {
      head: [t('calculator.tables.year'), t('calculator.outputs.price_index'), t('calculator.outputs.volume_index'), t('calculator.outputs.revenue_index')],
      rows: (projection.prices || []).map((p) => [ctx.fmt.year(p.year), ctx.fmt.number(p.price_index, 3), ctx.fmt.number(p.volume_index, 2), ctx.fmt.number(p.revenue_index, 2)]),
    };
  }
  if (id === 'model-uncertainty' && monteCarlo) {
    return {
      head: [t('calculator.monte_carlo.agi_years_axis'), t('calculator.monte_carlo.count_axis'), t('calculator.tables.leader_column')],
      rows: (monteCarlo.agi_years || []).map((b) => [
        b.within_horizon ? ctx.fmt.year(b.year) : afterHorizon(ctx, scenario),
        ctx.fmt.number(b.count, 0),
        `${t(`calculator.leaders.${b.leader}`)}${b.bubble ? ` (${t('calculator.outputs.bubble_marker')})` : ''}`,
      ]),
    };
  }
  const sens = id === 'model-sensitivity' ? model.sensitivity() : null;
  if (sens) {
    return {
      head: [t('calculator.tables.input'), t('calculator.sensitivity.low'), t('calculator.sensitivity.high')],
      rows: sens.bars.map((b) => {
        const spec = model.specByField.get(b.field);
        return [inputShortLabel(ctx, b.field), sensitivityEnd(ctx, model, spec, b.low_input, b.outcome_low), sensitivityEnd(ctx, model, spec, b.high_input, b.outcome_high)];
      }),
    };
  }
  return { head: [], rows: [] };
}

/** A scrollable, keyboard-reachable table region; the first cell of each row is its header. */
export function tableRegion(label, tableClass, head, rows) {
  return h(
    'div',
    { class: 'table-scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': label } },
    h(
      'table',
      { class: tableClass },
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))))),
    ),
  );
}
