// The what-if calculator (issue 3): presets, one control per input of ex.input_specs()
// grouped into panels, the live sentence, the model charts (each with a table as its
// accessible equivalent), the Monte Carlo run and "How this is calculated".
//
// The scenario lives in the URL: `preset` plus every field that differs from it (or from the
// defaults), so a link reproduces exactly what the reader saw. Every change goes through
// ex.set_input (the core validates range, number and option); one requestAnimationFrame then
// recomputes and redraws everything once, however fast a slider moves.

import { h, replaceChildren } from './dom.js';
import { createChartView } from './chart-view.js';
import { describeFact } from './tables.js';
import { localized } from './data.js';

const GROUP_ORDER = ['shared', 'sprint', 'marathon', 'prices', 'uncertainty'];
const MC_RUNS = 10000;
const MC_SEED = 20250101;

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Normalise one row of ex.input_specs(). Accepts `{type:"range",min,max,step}` and
 * `{range:{min,max,step}}` kinds, `{type:"fact",fact_id}` and `{fact: id}` origins.
 */
export function normalizeSpec(raw) {
  if (!raw || typeof raw.field !== 'string') return null;
  const kind = raw.kind || {};
  let range = null;
  let options = null;
  if (kind.range) range = kind.range;
  else if (kind.type === 'range') range = kind;
  if (kind.choice) options = kind.choice.options;
  else if (kind.type === 'choice') options = kind.options;
  const origin = raw.origin;
  let fact = null;
  if (origin && typeof origin === 'object') fact = origin.fact ?? origin.fact_id ?? null;
  return {
    field: raw.field,
    range: range ? { min: Number(range.min), max: Number(range.max), step: Number(range.step) || 'any' } : null,
    options: Array.isArray(options) ? options : null,
    unit: String(raw.unit || 'plain'),
    group: String(raw.group || 'shared').toLowerCase(),
    fact,
    default: raw.default,
  };
}

/** The value as the URL writes it: a short decimal for numbers, the id for choices. */
export function urlValue(value) {
  if (typeof value === 'number') return String(Number(value.toPrecision(12)));
  return String(value);
}

/** The fields of `scenario` that differ from `base`, as URL values. */
export function diffScenario(scenario, base, fields) {
  const out = {};
  for (const field of fields) {
    if (!(field in scenario)) continue;
    if (urlValue(scenario[field]) !== urlValue(base ? base[field] : undefined)) out[field] = urlValue(scenario[field]);
  }
  return out;
}

/**
 * Build the calculator into `section`. Options:
 *   ex, ctx ({t, fmt, data, lang, currency}), params (URLSearchParams), writeUrl(changes),
 *   onDrawn(view, ok), showProblem({param, value, allowed, fallback, message?})
 * Returns { views(), redraw(), drawNow(), setContext(ctx), benchRedraw(n), benchMonteCarlo(n) }.
 */
export function createCalculator(section, { ex, ctx: initialCtx, params, writeUrl, onDrawn, showProblem }) {
  let ctx = initialCtx;
  const t = (key, vars) => ctx.t(key, vars);
  const has = (key) => ctx.t.has(key);
  const specs = (parse(ex.input_specs()) || []).map(normalizeSpec).filter(Boolean);
  const specByField = new Map(specs.map((s) => [s.field, s]));
  const fields = specs.map((s) => s.field);
  const presets = (parse(ex.presets()) || []).filter((p) => typeof p === 'string');

  // The base scenarios the URL is written against: the defaults and each preset.
  const defaults = parse(ex.scenario()) || {};
  const presetScenarios = new Map();
  for (const id of presets) {
    const r = parse(ex.apply_preset(id));
    if (r && r.ok) presetScenarios.set(id, parse(ex.scenario()) || {});
  }
  resetScenario();

  let activePreset = null;
  let scenario = defaults;
  let projection = null;
  let monteCarlo = null;
  let sensitivityCache = null;
  let frameRequested = false;

  // ---- apply the URL -----------------------------------------------------------------------
  const rawPreset = params.get('preset');
  if (rawPreset !== null) {
    const id = rawPreset.trim();
    if (presetScenarios.has(id)) {
      ex.apply_preset(id);
      activePreset = id;
    } else {
      showProblem({ param: 'preset', value: rawPreset, allowed: presets.join(', '), fallback: t('calculator.presets_none') });
    }
  }
  for (const spec of specs) {
    const raw = params.get(spec.field);
    if (raw === null) continue;
    const r = parse(ex.set_input(spec.field, raw));
    if (!r || !r.ok) showProblem(inputProblem(spec, raw, r && r.error));
  }
  scenario = parse(ex.scenario()) || defaults;

  // ---- DOM ---------------------------------------------------------------------------------
  const controls = new Map(); // field → { input, output, error, spec }
  const sentenceEl = h('p', { class: 'calc-sentence' });
  const notesEl = h('p', { class: 'calc-notes' });
  const resultEl = h('div', { class: 'calc-result', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } }, sentenceEl, notesEl);
  const mcSentenceEl = h('p', { class: 'calc-mc-sentence', attrs: { 'aria-live': 'polite' } });
  const presetBar = h('div', { class: 'presets', attrs: { role: 'group', 'aria-labelledby': 'presets-label' } });
  const chartEntries = new Map();
  const views = new Map();

  /** Title and caption of a model chart. */
  function chartText(id) {
    switch (id) {
      case 'model-uncertainty':
        return { title: t('calculator.monte_carlo.title'), caption: t('calculator.monte_carlo.explain', { runs: ctx.fmt.number(MC_RUNS, 0) }) };
      case 'model-sensitivity':
        return { title: t('calculator.sensitivity.title'), caption: t('calculator.sensitivity.explain') };
      default:
        return { title: t(`calculator.charts.${id}.title`), caption: t(`calculator.charts.${id}.caption`) };
    }
  }

  function chartSection(id, extra = []) {
    const headingId = `${id}-heading`;
    const canvas = h('canvas', {
      class: 'chart-canvas',
      tabIndex: 0,
      attrs: { role: 'img', 'aria-label': t(`calculator.charts.${id}.description`), 'aria-describedby': 'chart-key-hint' },
    });
    const frame = h('div', { class: 'chart-frame' }, canvas);
    const errorEl = h('p', { class: 'chart-error', hidden: true, attrs: { role: 'status' } });
    const tableSlot = h('div', { class: 'model-table-slot' });
    const details = h(
      'details',
      { class: 'table-details', on: { toggle: () => details.open && fillModelTable(id) } },
      h('summary', {}, t('calculator.tables.summary')),
      tableSlot,
    );
    const text = chartText(id);
    const el = h(
      'section',
      { class: 'model-chart', id, dataset: { chart: id }, attrs: { 'aria-labelledby': headingId } },
      h('h3', { id: headingId }, text.title),
      h('p', { class: 'chart-caption' }, text.caption),
      extra,
      h('figure', { class: 'chart-figure' }, frame, errorEl),
      details,
    );
    chartEntries.set(id, { el, canvas, frame, errorEl, details, tableSlot });
    return el;
  }

  function build() {
    const byGroup = new Map(GROUP_ORDER.map((g) => [g, []]));
    for (const spec of specs) {
      if (!byGroup.has(spec.group)) byGroup.set(spec.group, []);
      byGroup.get(spec.group).push(spec);
    }
    controls.clear();
    chartEntries.clear();
    const fieldset = (group) => {
      const list = byGroup.get(group) || [];
      if (!list.length) return null;
      return h('fieldset', { class: ['calc-group', `calc-group-${group}`] }, h('legend', {}, t(`calculator.groups.${group}`)), list.map(control));
    };

    replaceChildren(
      presetBar,
      h('span', { id: 'presets-label', class: 'switch-label' }, t('calculator.presets_label')),
      presets.map((id) =>
        h(
          'button',
          {
            type: 'button',
            class: 'preset',
            title: has(`calculator.presets.${id}.description`) ? t(`calculator.presets.${id}.description`) : null,
            dataset: { preset: id },
            attrs: { 'aria-pressed': 'false' },
            on: { click: () => applyPreset(id) },
          },
          t(`calculator.presets.${id}.name`),
        ),
      ),
      h('button', { type: 'button', class: 'preset preset-reset', on: { click: () => applyPreset(null) } }, t('calculator.reset')),
    );

    replaceChildren(
      section,
      h('h2', { id: 'calculator-heading' }, t('calculator.title')),
      h('p', { class: 'calc-intro' }, t('calculator.intro')),
      presetBar,
      resultEl,
      h('div', { class: 'calc-charts' }, chartSection('model-position'), chartSection('model-roi')),
      h('p', { class: 'calc-note muted' }, t('calculator.outputs.currency_note')),
      h('div', { class: 'calc-panels' }, fieldset('shared'), fieldset('sprint'), fieldset('marathon')),
      h('div', { class: 'calc-pair' }, fieldset('prices'), chartSection('model-prices')),
      h('div', { class: 'calc-pair' }, fieldset('uncertainty'), chartSection('model-uncertainty', [mcSentenceEl])),
      chartSection('model-sensitivity'),
      [...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g)).map(fieldset),
      method(),
    );
    section.setAttribute('aria-labelledby', 'calculator-heading');
    section.hidden = false;

    for (const view of views.values()) view.destroy();
    views.clear();
    for (const [id, entry] of chartEntries) {
      views.set(
        id,
        createChartView({
          id,
          canvas: entry.canvas,
          frame: entry.frame,
          errorEl: entry.errorEl,
          explainer: () => ex,
          describe: (hit) => describeModelHit(id, hit),
          onDrawn,
          t: ctx.t,
        }),
      );
    }
  }

  function control(spec) {
    const id = `in-${spec.field}`;
    const outputEl = h('output', { id: `out-${spec.field}`, class: 'control-value', attrs: { for: id } });
    const errorEl = h('p', { class: 'control-error', hidden: true, attrs: { role: 'alert' } });
    const originEl = h('p', { class: 'control-origin', id: `origin-${spec.field}` }, originText(spec));
    const help = has(`calculator.inputs.${spec.field}.help`)
      ? h('p', { class: 'control-help', id: `help-${spec.field}` }, t(`calculator.inputs.${spec.field}.help`))
      : null;
    const describedBy = [help && `help-${spec.field}`, `origin-${spec.field}`].filter(Boolean).join(' ');
    let input;
    let ends = null;
    if (spec.range) {
      input = h('input', {
        type: 'range',
        id,
        min: String(spec.range.min),
        max: String(spec.range.max),
        step: String(spec.range.step),
        attrs: { 'aria-describedby': describedBy },
      });
      input.addEventListener('input', () => onInput(spec, input.value));
      ends = h(
        'p',
        { class: 'range-ends', attrs: { 'aria-hidden': 'true' } },
        h('span', {}, ctx.fmt.inputValue(spec.range.min, spec.unit)),
        h('span', {}, ctx.fmt.inputValue(spec.range.max, spec.unit)),
      );
    } else {
      input = h(
        'select',
        { id, attrs: { 'aria-describedby': describedBy } },
        (spec.options || []).map((option) => h('option', { value: option }, optionLabel(spec, option))),
      );
      input.addEventListener('change', () => onInput(spec, input.value));
    }
    controls.set(spec.field, { input, output: outputEl, error: errorEl, spec });
    return h(
      'div',
      { class: ['control', spec.range ? 'control-range' : 'control-choice'], dataset: { field: spec.field } },
      h('div', { class: 'control-head' }, h('label', { attrs: { for: id } }, t(`calculator.inputs.${spec.field}.label`)), outputEl),
      input,
      ends,
      help,
      originEl,
      errorEl,
    );
  }

  function optionLabel(spec, factId) {
    const key = `calculator.options.${spec.field}.${factId}`;
    if (has(key)) return t(key);
    const d = describeFact(ctx, factId);
    if (!d) return factId;
    const outlet = d.source ? localized(d.source.outlet, ctx.lang) : d.fact.source;
    return t('calculator.option', { value: d.value, period: d.period, outlet });
  }

  /** "Source: outlet — “quote”" or "Assumption: reason". */
  function originText(spec) {
    if (spec.fact) {
      const d = describeFact(ctx, spec.fact);
      if (!d) return t('calculator.origin_line.fact_missing', { label: t('calculator.origin.fact'), id: spec.fact });
      const outlet = d.source ? localized(d.source.outlet, ctx.lang) : d.fact.source;
      return t('calculator.origin_line.fact', {
        label: t('calculator.origin.fact'),
        outlet,
        value: d.value,
        quote: d.quote || d.definition || '',
        grade: d.grade,
      });
    }
    const reasonKey = `calculator.inputs.${spec.field}.assumption`;
    return t('calculator.origin_line.assumption', { label: t('calculator.origin.assumption'), reason: has(reasonKey) ? t(reasonKey) : '' });
  }

  /** A value of `spec`, in words with its unit. */
  function valueText(spec, value) {
    if (spec.options) {
      const d = describeFact(ctx, value);
      return d ? d.value : String(value);
    }
    if (spec.field === 'agi_year' && typeof value === 'number' && typeof scenario.horizon_end === 'number' && value > scenario.horizon_end) {
      return t('calculator.agi_after_horizon', { year: ctx.fmt.year(value), horizon: ctx.fmt.year(scenario.horizon_end) });
    }
    return ctx.fmt.inputValue(Number(value), spec.unit);
  }

  function rangeText(spec) {
    return spec.range ? t('status.range', { min: ctx.fmt.inputValue(spec.range.min, spec.unit), max: ctx.fmt.inputValue(spec.range.max, spec.unit) }) : '';
  }

  /** A refused URL value as a problem for the status area (names field, value, range). */
  function inputProblem(spec, raw, error) {
    const offStep = error && error.kind && error.kind.type === 'off_step';
    const allowed = offStep
      ? t('status.range_step', { min: ctx.fmt.inputValue(spec.range.min, spec.unit), max: ctx.fmt.inputValue(spec.range.max, spec.unit), step: ctx.fmt.number(spec.range.step) })
      : spec.range
        ? rangeText(spec)
        : (spec.options || []).join(', ');
    const base = activePreset ? presetScenarios.get(activePreset) : defaults;
    const fallback = base && spec.field in base ? valueText(spec, base[spec.field]) : '';
    return { param: spec.field, value: raw, allowed, fallback, kind: error && error.kind ? error.kind.type : null };
  }

  // ---- state → DOM -------------------------------------------------------------------------
  /** Write text only when it changed (no needless style and layout work). */
  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function syncControls() {
    for (const [field, c] of controls) {
      const value = scenario[field];
      if (value === undefined) continue;
      if (c.input.value !== String(value)) c.input.value = String(value);
      const text = valueText(c.spec, value);
      if (c.output.textContent !== text) {
        c.output.textContent = text;
        if (c.spec.range) c.input.setAttribute('aria-valuetext', text);
      }
    }
    for (const button of presetBar.querySelectorAll('button[data-preset]')) {
      const base = presetScenarios.get(button.dataset.preset);
      const same = base && Object.keys(diffScenario(scenario, base, fields)).length === 0;
      button.setAttribute('aria-pressed', String(Boolean(same)));
    }
  }

  const ratioText = (x) => (x >= 10 ? ctx.fmt.number(x, 0) : ctx.fmt.fixed(x, 1));
  const roiText = (x) => ctx.fmt.number(x, 2);

  /** The live sentence and its notes, from projection.summary. */
  function sentence(s) {
    if (!s || !s.kind) return { main: '', notes: '' };
    const vars = {
      agi_year: ctx.fmt.year(s.agi_year),
      crossover_year: s.crossover_year !== null && s.crossover_year !== undefined ? ctx.fmt.year(s.crossover_year) : '',
      horizon_end: ctx.fmt.year(s.horizon_end),
      bubble_year: s.bubble_year !== null && s.bubble_year !== undefined ? ctx.fmt.year(s.bubble_year) : '',
      ratio: ratioText(s.leader_multiple),
      sprint_roi: roiText(s.sprint_final_roi),
      marathon_roi: roiText(s.marathon_final_roi),
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

  function mcSentence(mc) {
    if (!mc || typeof mc.p_sprint_ahead !== 'number') return '';
    const pct = (x) => ctx.fmt.number(Math.round(x * 100), 0);
    return t('calculator.monte_carlo.sentence', {
      runs: ctx.fmt.number(mc.runs, 0),
      p_sprint: pct(mc.p_sprint_ahead),
      p_marathon: pct(mc.p_marathon_ahead),
      p_bubble: pct(mc.p_bubble ?? 0),
    });
  }

  // ---- tooltips and tables for the model charts ----------------------------------------------
  /** Money in the reader's currency from a side's own currency (sprint US$, marathon ¥). */
  function sideMoney(valueBn, side) {
    const from = side === 'sprint' ? 'USD' : 'CNY';
    const rate = projection && projection.cny_per_usd;
    let v = valueBn;
    if (from !== ctx.currency && rate > 0) v = from === 'USD' ? valueBn * rate : valueBn / rate;
    return ctx.fmt.moneyBn(v, ctx.currency, 3);
  }

  function yearRow(year) {
    return projection && Array.isArray(projection.years) ? projection.years.find((r) => r.year === year) : null;
  }

  function sideName(side) {
    return t(`calculator.sides.${side}`);
  }

  function describeModelHit(chartId, hit) {
    const mark = String(hit.mark || '');
    const [kind, rest] = mark.includes(':') ? mark.split(':') : [mark, ''];
    const year = Number(rest);
    if ((chartId === 'model-position' || chartId === 'model-roi') && (kind === 'sprint' || kind === 'marathon')) {
      const row = yearRow(year);
      if (!row) return null;
      const side = row[kind];
      return [
        { text: `${sideName(kind)} · ${ctx.fmt.year(year)}`, class: 'tooltip-title' },
        { text: `${t('calculator.outputs.cumulative')}: ${sideMoney(side.cumulative, kind)}`, class: chartId === 'model-position' ? 'tooltip-value' : null },
        { text: `${t('calculator.outputs.roi')}: ${roiText(side.roi)}`, class: chartId === 'model-roi' ? 'tooltip-value' : null },
        { text: `${t('calculator.outputs.capex')}: ${sideMoney(side.capex, kind)} · ${t('calculator.outputs.revenue')}: ${sideMoney(side.revenue, kind)}`, class: 'tooltip-period' },
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
      const label = bar.within_horizon ? `${t('calculator.monte_carlo.agi_years_axis')}: ${ctx.fmt.year(bar.year)}` : t('calculator.monte_carlo.after_horizon', { horizon_end: ctx.fmt.year(scenario.horizon_end) });
      return [
        { text: label, class: 'tooltip-title' },
        { text: t('calculator.tables.share_of_runs', { share }), class: 'tooltip-value' },
        { text: t('calculator.tables.leader', { leader: t(`calculator.leaders.${bar.leader}`) }), class: null },
        bar.bubble ? { text: t('calculator.outputs.bubble_marker'), class: 'tooltip-flag' } : null,
      ];
    }
    if (chartId === 'model-sensitivity') {
      const spec = specByField.get(mark);
      const bar = sensitivity() && sensitivity().bars.find((b) => b.field === mark);
      if (!spec || !bar) return null;
      return [
        { text: inputShortLabel(mark), class: 'tooltip-title' },
        { text: `${t('calculator.sensitivity.low')}: ${valueText(spec, bar.low_input)} → ${ratioText(bar.outcome_low)}`, class: null },
        { text: `${t('calculator.sensitivity.high')}: ${valueText(spec, bar.high_input)} → ${ratioText(bar.outcome_high)}`, class: null },
        { text: t('calculator.sensitivity.base', { base: ratioText(sensitivity().base_outcome) }), class: 'tooltip-period' },
      ];
    }
    return null;
  }

  /** The input's label as the tornado chart shows it (with its side where that matters). */
  function inputShortLabel(field) {
    const chart = ctx.t.raw('chart');
    const short = chart && chart[`input.${field}`];
    return typeof short === 'string' ? short : t(`calculator.inputs.${field}.label`);
  }

  function sensitivity() {
    if (!sensitivityCache) {
      const s = parse(ex.sensitivity());
      sensitivityCache = s && Array.isArray(s.bars) ? s : null;
    }
    return sensitivityCache;
  }

  /** The accessible equivalent of a model chart: a table, built only while it is open. */
  function fillModelTable(id) {
    const entry = chartEntries.get(id);
    if (!entry || !entry.details.open) return;
    let head = [];
    let rows = [];
    if ((id === 'model-position' || id === 'model-roi') && projection) {
      head = [
        t('calculator.tables.year'),
        `${sideName('sprint')}: ${t('calculator.outputs.cumulative')}`,
        `${sideName('marathon')}: ${t('calculator.outputs.cumulative')}`,
        `${sideName('sprint')}: ${t('calculator.outputs.roi')}`,
        `${sideName('marathon')}: ${t('calculator.outputs.roi')}`,
        t('calculator.tables.phase'),
      ];
      rows = projection.years.map((r) => [
        ctx.fmt.year(r.year),
        sideMoney(r.sprint.cumulative, 'sprint'),
        sideMoney(r.marathon.cumulative, 'marathon'),
        roiText(r.sprint.roi),
        roiText(r.marathon.roi),
        r.sprint_phase ? t(`calculator.phases.${r.sprint_phase}`) : '',
      ]);
    } else if (id === 'model-prices' && projection) {
      head = [t('calculator.tables.year'), t('calculator.outputs.price_index'), t('calculator.outputs.volume_index'), t('calculator.outputs.revenue_index')];
      rows = (projection.prices || []).map((p) => [ctx.fmt.year(p.year), ctx.fmt.number(p.price_index, 3), ctx.fmt.number(p.volume_index, 2), ctx.fmt.number(p.revenue_index, 2)]);
    } else if (id === 'model-uncertainty' && monteCarlo) {
      head = [t('calculator.monte_carlo.agi_years_axis'), t('calculator.monte_carlo.count_axis'), t('calculator.tables.leader_column')];
      rows = (monteCarlo.agi_years || []).map((b) => [
        b.within_horizon ? ctx.fmt.year(b.year) : t('calculator.monte_carlo.after_horizon', { horizon_end: ctx.fmt.year(scenario.horizon_end) }),
        ctx.fmt.number(b.count, 0),
        `${t(`calculator.leaders.${b.leader}`)}${b.bubble ? ` (${t('calculator.outputs.bubble_marker')})` : ''}`,
      ]);
    } else if (id === 'model-sensitivity' && sensitivity()) {
      head = [t('calculator.tables.input'), t('calculator.sensitivity.low'), t('calculator.sensitivity.high')];
      rows = sensitivity().bars.map((b) => {
        const spec = specByField.get(b.field);
        const v = (x) => (spec ? valueText(spec, x) : String(x));
        return [inputShortLabel(b.field), `${v(b.low_input)} → ${ratioText(b.outcome_low)}`, `${v(b.high_input)} → ${ratioText(b.outcome_high)}`];
      });
    }
    replaceChildren(
      entry.tableSlot,
      h(
        'div',
        { class: 'table-scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': chartText(id).title } },
        h(
          'table',
          { class: 'model-table' },
          h('thead', {}, h('tr', {}, head.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
          h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, c) : h('td', {}, c)))))),
        ),
      ),
    );
  }

  // ---- recompute ---------------------------------------------------------------------------
  /** Recompute every output from the core's current scenario and redraw, synchronously. */
  function recomputeAndDraw() {
    scenario = parse(ex.scenario()) || scenario;
    sensitivityCache = null;
    const p = parse(ex.projection());
    projection = p && p.ok !== false && Array.isArray(p.years) ? p : null;
    const mc = parse(ex.monte_carlo(scenario.agi_median_year, scenario.agi_spread_years, MC_RUNS, MC_SEED));
    if (mc && mc.ok !== false) monteCarlo = mc;
    // Draw first, then write text into the page: drawing after DOM writes would make the
    // browser lay the page out in the middle of the frame.
    for (const view of views.values()) view.draw();
    const s = sentence(projection && projection.summary);
    setText(sentenceEl, s.main);
    setText(notesEl, s.notes);
    setText(mcSentenceEl, mcSentence(monteCarlo));
    syncControls();
    for (const id of chartEntries.keys()) fillModelTable(id);
  }

  function schedule() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      recomputeAndDraw();
      writeScenarioUrl();
    });
  }

  function writeScenarioUrl() {
    const base = activePreset ? presetScenarios.get(activePreset) : defaults;
    const changes = {};
    for (const field of fields) changes[field] = null;
    Object.assign(changes, diffScenario(scenario, base, fields));
    changes.preset = activePreset;
    writeUrl(changes);
  }

  function onInput(spec, raw) {
    const c = controls.get(spec.field);
    const r = parse(ex.set_input(spec.field, raw));
    if (!r || !r.ok) {
      if (c) {
        c.error.textContent = t('calculator.input_error', { value: raw, allowed: spec.range ? rangeText(spec) : (spec.options || []).join(', ') });
        c.error.hidden = false;
      }
      return;
    }
    if (c) c.error.hidden = true;
    scenario = parse(ex.scenario()) || scenario;
    syncControls();
    schedule();
  }

  function applyPreset(id) {
    if (id === null) {
      resetScenario();
      activePreset = null;
    } else {
      const r = parse(ex.apply_preset(id));
      if (!r || !r.ok) return;
      activePreset = id;
    }
    for (const c of controls.values()) c.error.hidden = true;
    scenario = parse(ex.scenario()) || scenario;
    syncControls();
    schedule();
  }

  /** Back to the shipped defaults (ex.reset when the core has it, else field by field). */
  function resetScenario() {
    if (typeof ex.reset === 'function') {
      ex.reset();
      return;
    }
    restoreScenario(defaults);
  }

  function restoreScenario(target) {
    for (const [field, value] of Object.entries(target || {})) ex.set_input(field, urlValue(value));
  }

  // ---- "How this is calculated" --------------------------------------------------------------
  function method() {
    const paragraphs = ctx.t.raw('calculator.how.paragraphs');
    const rows = specs.map((spec) =>
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'row' } }, t(`calculator.inputs.${spec.field}.label`)),
        h('td', {}, spec.field in defaults ? valueText(spec, defaults[spec.field]) : '–'),
        h('td', {}, spec.range ? rangeText(spec) : t('calculator.method.choice', { count: (spec.options || []).length })),
        h('td', {}, originText(spec)),
      ),
    );
    return h(
      'details',
      { class: 'calc-method', id: 'how-calculated' },
      h('summary', {}, t('calculator.how.title')),
      Array.isArray(paragraphs) ? paragraphs.map((p) => h('p', {}, String(p))) : null,
      h('h3', {}, t('calculator.method.defaults_heading')),
      h(
        'div',
        { class: 'table-scroll', tabIndex: 0, attrs: { role: 'region', 'aria-label': t('calculator.method.defaults_heading') } },
        h(
          'table',
          { class: 'defaults' },
          h('thead', {}, h('tr', {}, ['input', 'default', 'range', 'origin'].map((c) => h('th', { attrs: { scope: 'col' } }, t(`calculator.method.col.${c}`))))),
          h('tbody', {}, rows),
        ),
      ),
    );
  }

  // ---- public ------------------------------------------------------------------------------
  build();
  syncControls();
  writeScenarioUrl();

  function randomValue(spec) {
    const { min, max, step } = spec.range;
    const s = typeof step === 'number' && step > 0 ? step : (max - min) / 100;
    const n = Math.round((Math.random() * (max - min)) / s);
    return Math.min(max, min + n * s);
  }

  return {
    views: () => [...views.values()],
    /** Recompute and redraw on the next frame (colour scheme, pixel ratio, currency). */
    redraw: () => schedule(),
    /** First drawing, synchronously. */
    drawNow: () => recomputeAndDraw(),
    /** A new context (currency change): rebuild the words that hold money. */
    setContext(next) {
      ctx = next;
      build();
      syncControls();
      schedule();
    },
    /** n × (random inputs → recompute → redraw every visible model chart); ms each. */
    benchRedraw(n = 100) {
      const saved = parse(ex.scenario()) || scenario;
      const ranged = specs.filter((s) => s.range);
      const times = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        for (const spec of ranged) ex.set_input(spec.field, urlValue(randomValue(spec)));
        recomputeAndDraw();
        times.push(performance.now() - started);
      }
      restoreScenario(saved);
      recomputeAndDraw();
      return times;
    },
    /** n × the 10,000-run Monte Carlo; ms each. */
    benchMonteCarlo(n = 10) {
      const times = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        ex.monte_carlo(scenario.agi_median_year, scenario.agi_spread_years, MC_RUNS, MC_SEED + i);
        times.push(performance.now() - started);
      }
      return times;
    },
  };
}
