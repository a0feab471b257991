// The what-if calculator: presets; the workbench — the result (the US firms' choice, the call
// at the reader's AGI year, China's choice, the claim check) and the headline chart, beside the reader's AGI year and the three inputs that move the answer most,
// how the race is set up (AGI timing, the prize's anchor, market access) and "more
// assumptions" (the other inputs of ex.input_specs(), grouped by side); the
// payback panel, the four pairs of strategies, business quality apart from strategy, the other
// model charts (each with a table as its accessible equivalent), the Monte Carlo run and "How
// this is calculated".
//
// Layout (css/calculator.css): on wide screens the controls sit left of the result and chart,
// which stay in view (sticky) while the reader moves a control; on phones the three headline
// controls are a strip that stays at the bottom of the screen while the chart is in view.
// This module holds the state and wiring; the words are in calculator-text.js, the form in
// calculator-controls.js, the charts' tooltips and tables in calculator-outputs.js, the
// method block in calculator-method.js, and how a rebuild goes on the page in
// calculator-rebuild.js.
//
// The scenario lives in the URL: `preset` plus every field that differs from it (or from the
// defaults), so a link reproduces exactly what the reader saw; earlier parameter names
// (ex.parameter_names()) are read and dropped from the address. Every change goes through
// ex.set_input (the core validates range, step and number). While a slider moves, one
// requestAnimationFrame recomputes the projection and redraws the headline chart and the
// result; when it is let go (or a preset is chosen), the projection and the headline chart are
// made in the input's own task and the words in a task after the paint that shows it, and every
// chart, the Monte Carlo run and the tornado follow.

import { h, replaceChildren } from '../lib/dom.js';
import { resultSentences, businessSentence, paybackSentences, mcSentence, inputText, inputShortLabel, allowedText, joinSentences } from './calculator-text.js';
import { presetButtons, buildControl, buildChoiceControl, isChoice, agiCallStrip } from './calculator-controls.js';
import { chartText, describeModelHit, modelTable, tableRegion, noEffectText } from './calculator-outputs.js';
import { MAP_CHART } from './calculator-map.js';
import { methodSection } from './calculator-method.js';
import { gameBlock, certainty, riskSentences } from './calculator-game.js';
import { applyUrlScenario } from '../page/url-scenario.js';
import { afterPaint } from '../lib/tasks.js';
import { createRebuilds } from './calculator-rebuild.js';
import { startHeavyWorker } from './heavy-worker-client.js';

const GROUP_ORDER = ['race', 'us', 'cn', 'market', 'uncertainty'];
/**
 * Up front, beside the chart: the reader's AGI year (with the call strip), then the three page
 * inputs that move the US firms' answer most in the tornado at the default assumptions
 * (`whatif --sensitivity`; tests/e2e/calculator-layout.test.mjs holds this list to the page's
 * own tornado, so a change to the model that reorders it fails there).
 */
const HEADLINE_INPUTS = ['agi_year', 'demand_growth', 'us_patience', 'price_cut'];
/** Also in view, under the headline controls: how AGI comes, what the prize is measured against, how open each market is. */
const FRAMING_INPUTS = ['agi_mode', 'prize_anchor', 'us_access', 'cn_access'];
/** The groups under "more assumptions", by side; the uncertainty inputs sit by their chart. */
const MORE_GROUPS = ['race', 'us', 'cn', 'market'];
/** Quiet time after the last change before the result is read out to screen readers. */
const ANNOUNCE_DELAY_MS = 600;
/** Drawn on every slider move; the others when the slider is let go. */
const HEADLINE_CHART = 'model-breakeven';
/** The charts drawn from the Monte Carlo run (made when a slider is let go). */
const MONTE_CARLO_CHARTS = ['model-uncertainty', 'model-risk'];
/**
 * The charts of each heavy result, as ex.advance names it: made after a slider is let go, in a
 * Web Worker (js/core/heavy-worker.js) or, where none runs, a slice at a time
 * (src/web/slices.rs); each drawn when its result is made.
 */
const RESULT_CHARTS = { monte_carlo: MONTE_CARLO_CHARTS, sensitivity: ['model-sensitivity'], map: [MAP_CHART] };
const HEAVY_CHARTS = new Set(Object.values(RESULT_CHARTS).flat());
/**
 * Work per task while making them, measured as it is done. Well under the 50 ms at which a task
 * counts as long: a tap waits at most this long, and Lighthouse, which times the page on a fast
 * machine and multiplies by four for a phone, still sees no long task (a slice of 40 ms here
 * read as 160 ms there, 1.3 s of its Total Blocking Time).
 */
const SLICE_MS = 12;
/**
 * A slider moved without being let go stops the heavy results under way; they are made
 * after this pause all the same (a drag that ends where it began sends no change).
 */
const RESUME_HEAVY_MS = 500;
/** The command line's runs and seed for `risk`, so the page and `whatif --json` agree. */
const MC_RUNS = 2000;
const MC_SEED = 20250101;

/**
 * One row of ex.input_specs() (src/model/inputs.rs: min, max, step, unit, group, origin
 * `{type:"fact"|"published", ref}` or `{type:"assumption"}`) as the controls use it.
 */
export function normalizeSpec({ field, min, max, step, unit, group, origin }) {
  return {
    field,
    range: { min, max, step },
    unit,
    group,
    fact: origin.type === 'fact' ? origin.ref : null,
    published: origin.type === 'published' ? origin.ref : null,
  };
}

/** The value as the URL writes it: a short decimal. */
export function urlValue(value) {
  return typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
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
 *   onDrawn(view, ok), showProblem({param, value, allowed, fallback, kind}), share
 *   (js/share/share.js: each chart's download and the results' CSV; none without it), chartViews
 *   ({ createChartView, scheduleDraw } of js/page/chart-view.js: handed over, not imported, so
 *   the calculator's charts share the page's one frame budget though the baked site loads this
 *   module as a file of its own), module (the page's compiled core, for the heavy results'
 *   worker; none: they are made in slices)
 * Returns { views(), redraw(), drawFirst(), drawRest(nextTask), setContext(ctx), benchRedraw(n),
 * benchMonteCarlo(n) }.
 */
export function createCalculator(section, { ex, ctx: initialCtx, params, writeUrl, onDrawn, showProblem, share = null, chartViews, module = null }) {
  const { createChartView, scheduleDraw } = chartViews;
  let ctx = initialCtx;
  const t = (key, vars) => ctx.t(key, vars);
  const specs = (ex.input_specs() || []).map(normalizeSpec);
  const specByField = new Map(specs.map((s) => [s.field, s]));
  const fields = specs.map((s) => s.field);
  const constants = ex.constants() || [];
  const names = ex.parameter_names() || { aliases: [], retired: [] };
  const paybackIds = ex.payback_comparisons() || [];
  const presets = (ex.presets() || []).filter((p) => typeof p === 'string');

  // The base scenarios the URL is written against: the defaults and each preset.
  const defaults = ex.scenario() || {};
  const presetScenarios = new Map();
  for (const id of presets) {
    const r = ex.apply_preset(id);
    if (r && r.ok) presetScenarios.set(id, ex.scenario() || {});
  }
  ex.reset();

  let activePreset = null;
  let scenario = defaults;
  let projection = null;
  let monteCarlo = null;
  let monteCarloScenario = null; // the scenario the Monte Carlo run is for
  let sensitivityCache = null;
  let mapCache = null;
  let frame = null; // { full, computed } from schedule() until it runs (computed: the projection and headline chart are made)
  let settling = false; // settle() will make them after the input's handlers
  let wordsBefore = false; // a rebuild's words (money in the last currency) wait for its settle
  let heavyRun = 0; // the number of the latest run of the heavy results (a newer one stops it)
  let heavyWaiters = []; // resolved when a run of the heavy results has made them all
  const heavyMadeBy = { worker: {}, page: {} }; // how many of each heavy result each has made (tests)
  let heavyWorker = null; // js/calculator/heavy-worker-client.js, started once the calculator is built
  let resumeTimer = 0; // makes the heavy results after a slider stops moving

  // ---- apply the URL -----------------------------------------------------------------------
  const fromUrl = applyUrlScenario(ex, params, { specs, aliases: names.aliases, presets: [...presetScenarios.keys()] });
  activePreset = fromUrl.preset;
  for (const { param, value, spec, error } of fromUrl.refused) {
    if (spec) showProblem(inputProblem(param, spec, value, error));
    else showProblem({ param, value, allowed: presets.join(', '), fallback: t('calculator.presets_none') });
  }
  scenario = ex.scenario() || defaults;

  // ---- DOM ---------------------------------------------------------------------------------
  const controls = new Map(); // field → { input, output, error, spec }
  // The US firms' choice over every AGI year, then the call at the reader's AGI year (styled
  // by the call: "too close to call" is a state of its own), then China's choice.
  const headlineEl = h('strong', { class: 'calc-headline' });
  // How sure: the Monte Carlo's shares of scenarios, dimmed while a slider moves past them.
  const certaintyEl = h('p', { class: 'calc-certainty' });
  const callBadge = h('span', { class: 'calc-call-badge' });
  const atEl = h('span', { class: 'calc-sentence' });
  const stopsEl = h('p', { class: 'calc-stops' }); // whether investors cut a sprint short
  const othersEl = h('p', { class: 'calc-others' });
  const notesEl = h('p', { class: 'calc-notes' });
  // Whose scenario the result is for: the defaults (as on the baked page) or the reader's own.
  const scenarioEl = h('p', { class: 'calc-scenario' });
  // Screen readers hear the result once the reader pauses, not every step of a slider.
  const announceEl = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  let announceTimer = 0;
  let announced = null; // the result last read out
  const resultEl = h(
    'div',
    { class: 'calc-result' },
    scenarioEl,
    h('p', { class: 'calc-breakeven' }, headlineEl),
    certaintyEl,
    h('p', { class: 'calc-call' }, h('span', { class: 'calc-call-label' }, t('calculator.at.label')), ' ', callBadge, ' ', atEl),
    stopsEl,
    othersEl,
  );
  const paybackMain = h('p', { class: 'calc-payback-main' });
  const paybackCompare = h('p', { class: 'calc-payback-compare' });
  const mcSentenceEl = h('p', { class: 'calc-mc-sentence', attrs: { 'aria-live': 'polite' } });
  const riskSentencesEl = h('div', { class: 'calc-risk-sentences' }); // one sentence per side
  const noEffectEl = h('p', { class: 'calc-no-effect muted' }); // the tornado's still inputs
  const businessEl = h('p', { class: 'calc-business-sentence' }); // apart from the strategies
  let game = null; // the 2×2 table (calculator-game.js), rebuilt with the words
  const presetBar = h('div', { class: 'presets', attrs: { role: 'group', 'aria-labelledby': 'presets-label' } });
  const chartEntries = new Map();
  const views = new Map();
  let agiStrip = null; // the call strip under the AGI-year slider (calculator-controls.js)

  // The canvases of the charts drawn before a rebuild (a currency switch), by id: each stays, with
  // its drawing, and is redrawn when near, so a rebuild does not redraw every chart at once.
  let keptCanvases = new Map();
  // The parts on the page, a rebuild's a group a frame; what they take from the parts still on
  // the page moves as each goes on (calculator-rebuild.js).
  const rebuilds = createRebuilds(section);
  const { movedIn, whenPut } = rebuilds;

  function chartSection(id, extra = []) {
    const headingId = `${id}-heading`;
    const label = chartText(ctx, id, MC_RUNS).description;
    const kept = keptCanvases.get(id);
    const canvas = kept || h('canvas', { class: 'chart-canvas', tabIndex: 0, attrs: { role: 'img', 'aria-describedby': 'chart-key-hint' } });
    canvas.setAttribute('aria-label', label);
    const frameEl = h('div', { class: 'chart-frame' }, kept ? movedIn(kept) : canvas);
    const errorEl = h('p', { class: 'chart-error', hidden: true, attrs: { role: 'status' } });
    const tableSlot = h('div', { class: 'model-table-slot' });
    const details = h(
      'details',
      { class: 'table-details', on: { toggle: () => details.open && fillModelTable(id) } },
      h('summary', {}, t('calculator.tables.summary')),
      tableSlot,
    );
    const text = chartText(ctx, id, MC_RUNS);
    const captionEl = h('p', { class: 'chart-caption' }, text.caption);
    const el = h(
      'section',
      { class: 'model-chart', id, dataset: { chart: id }, attrs: { 'aria-labelledby': headingId } },
      h('h3', { id: headingId }, text.title),
      captionEl,
      extra.map(movedIn),
      h('figure', { class: 'chart-figure' }, frameEl, errorEl, share && share.chartTools(id, () => ({ title: chartText(ctx, id, MC_RUNS).title, notes: [scenarioNote()] }))),
      details,
    );
    chartEntries.set(id, { el, canvas, frame: frameEl, errorEl, details, tableSlot, captionEl });
    return el;
  }

  /**
   * Build the calculator's parts for the current context and put them on the page: at once the
   * first time; for a rebuild (a currency switch) a few parts a frame. Resolves once they are
   * all on the page, or a newer build took over.
   */
  function build() {
    const rebuilding = chartEntries.size > 0; // the first build has made no chart yet
    const byGroup = new Map(GROUP_ORDER.map((g) => [g, []]));
    const upFront = (fields) => fields.map((field) => specByField.get(field)).filter(Boolean);
    for (const spec of specs) {
      if (HEADLINE_INPUTS.includes(spec.field) || FRAMING_INPUTS.includes(spec.field)) continue;
      if (!byGroup.has(spec.group)) byGroup.set(spec.group, []);
      byGroup.get(spec.group).push(spec);
    }
    rebuilds.begin(rebuilding);
    controls.clear();
    keptCanvases = new Map([...views].filter(([, view]) => view.drawn).map(([id, view]) => [id, view.canvas]));
    // A chart not drawn yet keeps the baked image standing in for it, and is drawn when near
    // (the image is still in the last build's part if that part was not put on yet).
    const standIns = new Map(
      [...views]
        .filter(([id, view]) => view.standingIn || chartEntries.get(id).standInWaiting)
        .map(([id]) => [id, chartEntries.get(id).standInWaiting || [...chartEntries.get(id).frame.querySelectorAll(':scope > .chart-svg')]]),
    );
    chartEntries.clear();
    const fieldset = (group) => {
      const list = byGroup.get(group) || [];
      if (!list.length) return null;
      return h('fieldset', { class: ['calc-group', `calc-group-${group}`] }, h('legend', {}, t(`calculator.groups.${group}`)), list.map(control));
    };

    replaceChildren(presetBar, presetButtons(ctx, presets, applyPreset));
    game = gameBlock(ctx);

    const parts = [
      h('h2', { id: 'calculator-heading' }, t('calculator.title')),
      h('p', { class: 'calc-intro' }, t('calculator.intro')),
      presetBar,
      h(
        'div',
        { class: 'calc-workbench' },
        h('div', { class: 'calc-stage' }, movedIn(resultEl), chartSection(HEADLINE_CHART)),
        h(
          'div',
          { class: 'calc-headline-controls', attrs: { role: 'group', 'aria-label': t('calculator.headline_controls') } },
          upFront(HEADLINE_INPUTS).map(control),
        ),
        h('fieldset', { class: ['calc-group', 'calc-framing'] }, h('legend', {}, t('calculator.groups.framing')), upFront(FRAMING_INPUTS).map(control)),
        h(
          'details',
          { class: 'calc-more' },
          h('summary', {}, t('calculator.more_assumptions')),
          h('div', { class: 'calc-panels' }, MORE_GROUPS.map(fieldset)),
        ),
        // The claim check and the payback panel: read beside the result, and room for it to stay in view below the last control.
        movedIn(notesEl),
        h('section', { class: 'calc-payback', attrs: { 'aria-labelledby': 'payback-heading' } }, h('h3', { id: 'payback-heading' }, t('calculator.payback.title')), movedIn(paybackMain), movedIn(paybackCompare), h('p', { class: 'muted' }, t('calculator.payback.rule'))),
      ),
      game.el,
      chartSection('model-business', [businessEl]),
      announceEl,
      h('p', { class: 'calc-note muted' }, t('calculator.outputs.currency_note')),
      share && share.resultsTools(() => ({ specs, ...model(), monteCarloSeed: MC_SEED })),
      chartSection(MAP_CHART),
      h('div', { class: 'calc-charts' }, chartSection('model-position'), chartSection('model-capacity')),
      chartSection('model-prices'),
      h('div', { class: 'calc-pair' }, fieldset('uncertainty'), chartSection('model-uncertainty', [mcSentenceEl])),
      chartSection('model-risk', [riskSentencesEl]),
      chartSection('model-sensitivity', [noEffectEl]),
      ...[...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g)).map(fieldset),
      methodSection(ctx, specs, defaults, constants),
    ].filter(Boolean);
    const swapped = rebuilds.put(parts);
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
          describe: (hit) => describeModelHit(ctx, id, hit, model()),
          onDrawn,
          t: ctx.t,
          drawn: keptCanvases.has(id),
        }),
      );
      const view = views.get(id);
      entry.standInWaiting = standIns.get(id);
      whenPut(entry.frame, () => {
        delete entry.standInWaiting;
        view.standIn(standIns.get(id));
      });
    }
    keptCanvases = new Map();
    rebuilds.end();
    return swapped;
  }

  function control(spec) {
    if (spec.field === 'agi_year') agiStrip = agiCallStrip(ctx, spec);
    const c = isChoice(ctx, spec) ? buildChoiceControl(ctx, spec, onInput) : buildControl(ctx, spec, onInput, spec.field === 'agi_year' ? agiStrip : {});
    controls.set(spec.field, { show: c.show, error: c.error, spec });
    return c.el;
  }

  /** A refused URL value as a problem for the status area (names parameter, value, range). */
  function inputProblem(param, spec, raw, error) {
    const offStep = error && error.kind && error.kind.type === 'off_step';
    const allowed = offStep
      ? t('status.range_step', { min: ctx.fmt.inputValue(spec.range.min, spec.unit), max: ctx.fmt.inputValue(spec.range.max, spec.unit), step: ctx.fmt.number(spec.range.step) })
      : allowedText(ctx, spec);
    const base = activePreset ? presetScenarios.get(activePreset) : defaults;
    const fallback = base && spec.field in base ? inputText(ctx, spec, base[spec.field]) : '';
    return { param, value: raw, allowed, fallback, kind: error && error.kind ? error.kind.type : null };
  }

  // ---- state → DOM -------------------------------------------------------------------------
  /** Write text only when it changed (no needless style and layout work). */
  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function syncControls() {
    for (const [field, c] of controls) {
      const value = scenario[field];
      if (value !== undefined) c.show(value, inputText(ctx, c.spec, value));
    }
    for (const button of presetBar.querySelectorAll('button[data-preset]')) {
      const base = presetScenarios.get(button.dataset.preset);
      // As the address compares them (urlValue), but only where the numbers differ at all:
      // this runs on every frame of a slider drag.
      const same = base && fields.every((f) => scenario[f] === base[f] || urlValue(scenario[f]) === urlValue(base[f]));
      button.setAttribute('aria-pressed', String(Boolean(same)));
    }
  }

  /** The tornado, computed on first use after each recompute (only its words need it). */
  function sensitivity() {
    if (!sensitivityCache) {
      const s = ex.sensitivity();
      sensitivityCache = s && Array.isArray(s.bars) ? s : null;
    }
    return sensitivityCache;
  }

  /** The map, computed on first use after each recompute (drawn only when a slider is let go). */
  function strategyMap() {
    if (!mapCache) {
      const m = ex.strategy_map();
      mapCache = m && m.map && Array.isArray(m.map.cells) ? { ...m.map, reader_row: m.reader_row, reader_column: m.reader_column } : null;
    }
    return mapCache;
  }

  /** The current outputs, as calculator-outputs.js reads them. */
  function model() {
    return { projection, monteCarlo, scenario, specByField, constants, sensitivity, strategyMap };
  }

  /** The accessible equivalent of a model chart: a table, built only while it is open. */
  function fillModelTable(id) {
    const entry = chartEntries.get(id);
    if (!entry || !entry.details.open) return;
    const { head, rows, current } = modelTable(ctx, id, model());
    replaceChildren(entry.tableSlot, tableRegion(chartText(ctx, id, MC_RUNS).title, 'model-table', head, rows, current));
  }

  function writeResult() {
    const own = Object.keys(diffScenario(scenario, defaults, fields)).length > 0;
    setText(scenarioEl, t(own ? 'calculator.scenario.own' : 'calculator.scenario.defaults'));
    const s = resultSentences(ctx, projection, scenario);
    setText(headlineEl, s.headline);
    setText(callBadge, s.callWords);
    const badgeClass = s.call ? `calc-call-badge call-${s.call}` : 'calc-call-badge';
    if (callBadge.className !== badgeClass) callBadge.className = badgeClass;
    setText(atEl, s.at);
    setText(stopsEl, s.stops);
    setText(othersEl, s.china);
    setText(businessEl, businessSentence(ctx, projection));
    setText(notesEl, s.claim);
    const pb = paybackSentences(ctx, projection, paybackIds);
    setText(paybackMain, pb.main);
    setText(paybackCompare, pb.compare);
    if (agiStrip) agiStrip.update(projection);
    game.update(projection, scenario);
    const sure = writeCertainty();
    // The headline chart's caption names the break-even mark only when there is one.
    const breakeven = chartEntries.get('model-breakeven');
    if (breakeven) setText(breakeven.captionEl, chartText(ctx, 'model-breakeven', MC_RUNS, projection).caption);
    announce(joinSentences(ctx, [s.headline, sure, s.at]));
  }

  /**
   * How sure the Monte Carlo is of the US firms' choice, after it; dimmed (and left out of the
   * read-out) while the scenario differs from the one it ran for in an input the run keeps
   * (it draws the AGI year and the inputs in `varied` itself). Returns the words to read.
   */
  function writeCertainty() {
    const { nodes, text } = certainty(ctx, monteCarlo);
    if (certaintyEl.textContent !== text) replaceChildren(certaintyEl, nodes);
    const current = monteCarloCurrent();
    certaintyEl.classList.toggle('is-stale', !current);
    return current ? text : '';
  }

  /** Whether scenarios `a` and `b` hold the same value of every input. */
  function sameScenario(a, b) {
    return Object.keys(diffScenario(a, b, fields)).length === 0;
  }

  /**
   * Whether the last Monte Carlo run is the current scenario's: it draws the AGI year and the
   * inputs in `varied` itself, so only the others count.
   */
  function monteCarloCurrent() {
    if (monteCarloScenario === null) return false;
    const drawn = new Set(['agi_year', ...(monteCarlo ? monteCarlo.varied.map((v) => v.name) : [])]);
    const kept = fields.filter((field) => !drawn.has(field));
    return Object.keys(diffScenario(scenario, monteCarloScenario, kept)).length === 0;
  }

  /** The words of the Monte Carlo run: its sentence, how sure, and which path is steadier. */
  /** The inputs the tornado leaves out, having no effect at the reader's settings. */
  function writeTornadoWords() {
    setText(noEffectEl, noEffectText(ctx, model()));
  }

  function writeMonteCarloWords() {
    setText(mcSentenceEl, mcSentence(ctx, monteCarlo));
    const risk = riskSentences(ctx, monteCarlo, projection ? projection.cny_per_usd : 1);
    if (riskSentencesEl.textContent !== risk.join('')) replaceChildren(riskSentencesEl, risk.map((text) => h('p', {}, text)));
    writeCertainty();
  }

  /**
   * Read `text` out once the reader pauses, when it differs from the result last read out
   * (the first one is on the page to read, not announced on load).
   */
  function announce(text) {
    clearTimeout(announceTimer);
    if (announced === null || text === announced) {
      announced = text;
      return;
    }
    announceTimer = setTimeout(() => {
      announced = text;
      setText(announceEl, text);
    }, ANNOUNCE_DELAY_MS);
  }

  /**
   * The scenario in one line, for a chart's image: the inputs that differ from the defaults,
   * else the headline inputs at their defaults.
   */
  function scenarioNote() {
    const changed = Object.keys(diffScenario(scenario, defaults, fields));
    const shown = changed.length ? changed : HEADLINE_INPUTS;
    const [colon, separator] = ctx.lang === 'en' ? [': ', ' · '] : ['：', '；'];
    const inputs = shown.map((field) => `${inputShortLabel(ctx, field)}${colon}${inputText(ctx, specByField.get(field), scenario[field])}`).join(separator);
    return t(changed.length ? 'share.image_scenario' : 'share.image_defaults', { inputs });
  }

  // ---- recompute ---------------------------------------------------------------------------
  /**
   * Recompute from the core's current scenario and redraw: the headline chart and the result
   * always, at once; with `full`, every chart, the heavy ones (Monte Carlo, tornado, map) as
   * their results are made (makeHeavy).
   */
  function recomputeAndDraw(full) {
    recompute(full);
    writeOut(full);
  }

  /** The core's projection of the current scenario, and the charts it redraws at once. */
  function recompute(full) {
    scenario = ex.scenario() || scenario;
    sensitivityCache = null;
    mapCache = null;
    const p = ex.projection();
    projection = p && p.ok !== false && Array.isArray(p.years) ? p : null;
    // Drawn before the result's words are written: a drawing after DOM writes would make the
    // browser lay the page out first (for a canvas not measured yet).
    drawAtOnce(full, true);
  }

  /** The charts redrawn with the projection (see redrawnAtOnce), the headline chart only if `headline`. */
  function drawAtOnce(full, headline) {
    for (const [id, view] of views) if (redrawnAtOnce(id, full) && (headline || id !== HEADLINE_CHART)) drawSoon(id, view);
  }

  /** Whether chart `id` is redrawn with the projection: the headline chart always; with `full`, all but the heavy ones. */
  function redrawnAtOnce(id, full) {
    return id === HEADLINE_CHART || (full && !HEAVY_CHARTS.has(id));
  }

  /** The result's words and tables for the projection recompute() made; with `full`, the heavy results. */
  function writeOut(full) {
    wordsBefore = false;
    writeResult();
    syncControls();
    for (const id of chartEntries.keys()) if (redrawnAtOnce(id, full)) fillModelTable(id);
    if (full) makeHeavy();
    else stopHeavy();
  }

  /**
   * Stops the run of the heavy results under way (a slider is moving); they are made once it
   * has been still for RESUME_HEAVY_MS, if no letting go has started them before.
   */
  function stopHeavy() {
    stopHeavyRun();
    resumeTimer = setTimeout(makeHeavy, RESUME_HEAVY_MS);
  }

  /** Stop the run of the heavy results under way, and any made after a pause. */
  function stopHeavyRun() {
    heavyRun += 1;
    clearTimeout(resumeTimer);
  }

  /**
   * The heavy results of the current scenario, made in the worker where there is one, and by
   * the page's core whatever it did not make, a slice of SLICE_MS per task so the reader's
   * next input is never kept waiting; each chart is dimmed until its result is made, then
   * drawn. The Monte Carlo is run only when the scenario differs from the one it last ran for
   * (a currency switch redraws the same results).
   */
  async function makeHeavy() {
    const run = ++heavyRun;
    clearTimeout(resumeTimer);
    const started = scenario;
    const left = new Set(HEAVY_CHARTS);
    try {
      markHeavy(true);
      // A currency switch finds them made (the Monte Carlo too, if current), and draws them again.
      if (heavyWorker?.usable && (!monteCarloCurrent() || ex.heavy_pending())) {
        const settings = { median: started.agi_median_year, spread: started.agi_spread_years, runs: MC_RUNS, seed: MC_SEED };
        await heavyWorker.make(started, monteCarloCurrent() ? null : settings, (name, result) => {
          // Taken only for the scenario it was made for: the core's may have moved on before
          // this run was stopped.
          if (run !== heavyRun || !sameScenario(ex.scenario() || {}, started)) return;
          if (ex.take_result(name, result)?.ok) resultMade(name, started, left, 'worker');
        });
        if (run !== heavyRun) return;
      }
      if (!monteCarloCurrent()) ex.start_monte_carlo(started.agi_median_year, started.agi_spread_years, MC_RUNS, MC_SEED);
      for (;;) {
        // Each slice in a task of its own, the first after the redraw that asked for it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (run !== heavyRun) return;
        const r = ex.advance(SLICE_MS) || { finished: [], pending: false };
        for (const name of r.finished) resultMade(name, started, left, 'page');
        if (!r.pending) break;
      }
      // Results made before this run (the same scenario in another currency): drawn again.
      drawHeavy([...left], left);
    } finally {
      if (run === heavyRun) {
        markHeavy(false);
        for (const resolve of heavyWaiters) resolve();
        heavyWaiters = [];
      }
    }
  }

  /**
   * Result `name` (as ex.advance names it) is made for scenario `started`, by the worker or the
   * page's own core (`by`): draw its charts.
   */
  function resultMade(name, started, left, by) {
    heavyMadeBy[by][name] = (heavyMadeBy[by][name] ?? 0) + 1;
    if (name === 'monte_carlo') {
      const mc = ex.monte_carlo_result();
      if (mc && Array.isArray(mc.agi_years)) {
        monteCarlo = mc;
        monteCarloScenario = started;
      }
    }
    sensitivityCache = null;
    mapCache = null;
    drawHeavy(RESULT_CHARTS[name] || [], left);
  }

  /** Draw charts `ids` from their results, just made, and take them off `left`. */
  function drawHeavy(ids, left) {
    for (const id of ids) {
      const view = views.get(id);
      if (view) drawSoon(id, view);
      fillModelTable(id);
      setUpdating(id, false);
      left.delete(id);
    }
    if (ids.some((id) => MONTE_CARLO_CHARTS.includes(id))) writeMonteCarloWords();
    // The tornado's words follow its result, drawn now or once the chart comes near.
    if (ids.includes('model-sensitivity')) writeTornadoWords();
  }

  /**
   * Draw chart `id` now if it is the headline chart (by the sliders) or has not been drawn yet
   * (the page comes to life with every chart drawn); else in the coming frames, one at a time,
   * if it is near the screen. A baked image standing in is replaced as the chart comes near.
   */
  function drawSoon(id, view) {
    if (id === HEADLINE_CHART || !view.drawn) view.drawOrAwaitReader();
    else scheduleDraw(view);
  }

  /** Dim every heavy chart while its result is being made, or none. */
  function markHeavy(updating) {
    for (const id of HEAVY_CHARTS) setUpdating(id, updating);
  }

  /** Dim chart `id` (and tell screen readers it is busy) while its result is being made. */
  function setUpdating(id, updating) {
    const entry = chartEntries.get(id);
    if (!entry) return;
    entry.el.classList.toggle('is-updating', updating);
    if (updating) entry.el.setAttribute('aria-busy', 'true');
    else entry.el.removeAttribute('aria-busy');
  }

  /**
   * Recompute and redraw on the next frame; with `full`, every chart. `computed`: the projection
   * and the headline chart have just been made for this scenario (settle()), and once they are
   * painted the other charts are asked for and the words written (a newer call that has not
   * recomputed undoes it).
   */
  function schedule(full, { computed = false } = {}) {
    if (frame) {
      frame.full ||= full;
      frame.computed = computed;
      return;
    }
    frame = { full, computed };
    const run = () => {
      const { full: wasFull, computed: done } = frame;
      frame = null;
      if (!done) recompute(wasFull);
      // The other charts' drawings asked for from here come in a later frame.
      else drawAtOnce(wasFull, false);
      writeOut(wasFull);
      writeScenarioUrl();
    };
    // A settled change (settled by then: a key on a slider sends its input, which asks for this
    // frame, then its change) has its words written after the paint that shows its chart, in a
    // task of their own: written in that frame, their 10–20 ms (CPU ×4) and the frame's layout
    // and paint made one task of 50–60 ms on a phone, now and then. A slider moved meanwhile
    // joins that task, a frame late.
    requestAnimationFrame(() => (frame.computed ? setTimeout(run, 0) : run()));
  }

  /**
   * A slider let go or a preset chosen: the projection made and the headline chart drawn in
   * the input's own task (once, after its handlers: kept early input sends several), the
   * words written and the other charts asked for after the paint that shows it (schedule). In
   * one frame the two made a task over 50 ms on a phone (the projection alone is 9 ms at CPU
   * ×4, the words' layout more).
   */
  function settle() {
    if (settling) return;
    settling = true;
    queueMicrotask(() => {
      settling = false;
      // The heavy charts now show another scenario's results: busy from this input, not from
      // the frame that starts their run, and the run under way stops now (its next slice would
      // draw the last scenario's results and clear the marks).
      stopHeavyRun();
      markHeavy(true);
      try {
        recompute(false);
      } catch (error) {
        markHeavy(false);
        throw error;
      }
      schedule(true, { computed: true });
    });
  }

  function writeScenarioUrl() {
    const base = activePreset ? presetScenarios.get(activePreset) : defaults;
    const changes = {};
    for (const name of [...fields, ...names.aliases.map(([old]) => old), ...names.retired]) changes[name] = null;
    Object.assign(changes, diffScenario(scenario, base, fields));
    changes.preset = activePreset;
    writeUrl(changes);
  }

  function onInput(spec, raw, final) {
    const c = controls.get(spec.field);
    const r = ex.set_input(spec.field, raw);
    if (!r || !r.ok) {
      c.error.textContent = t('calculator.input_error', { value: raw, allowed: allowedText(ctx, spec) });
      c.error.hidden = false;
      return;
    }
    c.error.hidden = true;
    scenario = ex.scenario() || scenario;
    // The heavy results under way are the last scenario's: stopped now, not from the next frame.
    stopHeavyRun();
    syncControls();
    if (final) settle();
    else schedule(false);
  }

  function applyPreset(id) {
    if (id === null) {
      ex.reset();
      activePreset = null;
    } else {
      const r = ex.apply_preset(id);
      if (!r || !r.ok) return;
      activePreset = id;
    }
    for (const c of controls.values()) c.error.hidden = true;
    scenario = ex.scenario() || scenario;
    syncControls();
    settle();
  }

  // ---- public ------------------------------------------------------------------------------
  build();
  syncControls();
  writeScenarioUrl();
  heavyWorker = startHeavyWorker(module);

  function randomValue(spec) {
    const { min, max, step } = spec.range;
    const n = Math.round((Math.random() * (max - min)) / step);
    return Math.min(max, min + n * step);
  }

  return {
    views: () => [...views.values()],
    /** The last Monte Carlo run (null before the first). */
    monteCarlo: () => monteCarlo,
    /** How many of each heavy result the worker and the page's own core have made: { worker: {name: n}, page }. */
    heavyMadeBy: () => ({ worker: { ...heavyMadeBy.worker }, page: { ...heavyMadeBy.page } }),
    /** Whether the heavy results' worker has started and not failed (tests). */
    heavyWorkerReady: () => Boolean(heavyWorker?.usable),
    /** Recompute and redraw everything on the next frame (colour scheme, pixel ratio). */
    redraw: () => schedule(true),
    /** First drawing, step one, synchronously: the result and the headline chart. */
    drawFirst: () => recomputeAndDraw(false),
    /**
     * First drawing, step two: every other chart, each in a task of its own (`nextTask()`
     * resolves in the next one), then the heavy results (makeHeavy), so the page answers the
     * reader all along. Resolves once a run has drawn them all (a change the reader makes
     * meanwhile starts a newer run, which is drawn as any change is).
     */
    async drawRest(nextTask) {
      for (const [id, view] of views) {
        if (view.drawn || HEAVY_CHARTS.has(id)) continue;
        await nextTask();
        view.drawOrAwaitReader();
        fillModelTable(id);
      }
      const made = new Promise((resolve) => heavyWaiters.push(resolve));
      makeHeavy();
      await made;
    },
    /**
     * What a currency switch's rebuild has still to put on the page, there now, and its words
     * in the new currency (printing: the settle after the swap would come after the page is
     * laid out for paper). The charts are drawn by the caller.
     */
    finishSwap() {
      rebuilds.finish();
      if (!wordsBefore) return;
      recompute(false);
      writeResult();
      for (const id of chartEntries.keys()) fillModelTable(id);
      if (monteCarlo) writeMonteCarloWords(); // the tornado's words hold no money
      wordsBefore = false;
    },
    /** The core was made anew (js/core/core.js): it holds no Monte Carlo run; make one again. */
    coreRestarted() {
      monteCarloScenario = null;
    },
    /** A new context (currency change): rebuild the words that hold money. */
    setContext(next) {
      if (next.currency === ctx.currency && next.lang === ctx.lang) return; // made after the switch
      ctx = next;
      wordsBefore = true;
      const swapped = build();
      const latest = rebuilds.latest();
      syncControls();
      // Redrawn once the rebuilt parts are on the page and laid out: the projection and
      // headline chart in a task, the result's words after the next paint (settle(); all in
      // one frame they were over 100 ms on a phone).
      swapped.then(afterPaint).then(() => latest() && settle());
    },
    /**
     * n × (one random input moved → what a slider drag redraws: projection, headline chart,
     * result); ms each.
     */
    benchRedraw(n = 100) {
      const saved = ex.scenario() || scenario;
      const ranged = specs.filter((s) => s.group !== 'uncertainty');
      const times = [];
      for (let i = 0; i < n; i++) {
        const spec = ranged[i % ranged.length];
        const started = performance.now();
        ex.set_input(spec.field, urlValue(randomValue(spec)));
        recomputeAndDraw(false);
        times.push(performance.now() - started);
      }
      for (const [field, value] of Object.entries(saved)) ex.set_input(field, urlValue(value));
      recomputeAndDraw(true);
      return times;
    },
    /**
     * n × (the game over every AGI year, the Monte Carlo and the tornado: what letting go of a
     * slider adds, each time for another AGI year so nothing is cached); ms each.
     */
    benchMonteCarlo(n = 10) {
      const saved = scenario.agi_year;
      const times = [];
      for (let i = 0; i < n; i++) {
        ex.set_input('agi_year', String(2027 + (i % 8)));
        const started = performance.now();
        ex.projection();
        ex.monte_carlo(scenario.agi_median_year, scenario.agi_spread_years, MC_RUNS, MC_SEED + i);
        ex.sensitivity();
        times.push(performance.now() - started);
      }
      ex.set_input('agi_year', urlValue(saved));
      recomputeAndDraw(true);
      return times;
    },
  };
}
