// The page: read the URL, load the words, the dataset and the wasm core in parallel, render the
// article once the core has checked the dataset, then draw the charts and start the calculator.
// js/main.js boots it with the shipped dataset file; the editors' preview (js/preview.js) with
// a file it has checked.
//
// <html data-state>: "loading" → "ready" (every visible chart drawn once) or "error" (the
// core could not load: a message in words, the tables stay).

import { byId, h, replaceChildren } from '../lib/dom.js';
import { loadMessages, loadCalculatorMessages, createTranslator } from '../lib/i18n.js';
import { currentParams, readPageParams, validateSections, createUrlWriter, defaultCurrency } from './url-state.js';
import { createFormat } from '../lib/format.js';
import { fetchDatasetText, fetchWholeDatasetText, parseJson, indexDataset, localized, shapeProblems } from '../core/data.js';
import { renderHeader, updateCurrencySwitch, buildChartSections, refreshChartText, renderSourcesSection, renderFooter } from './article.js';
import { createChartView, scheduleDraw, currentDpr } from './chart-view.js';
import { nextTask, afterPaint } from '../lib/tasks.js';
import { applyEarlyInput, stopKeepingEarlyInput } from './early-input.js';
import { describeFact, chartElementId } from './tables.js';
import { loadWasm, createExplainer } from '../core/wasm.js';
import { createStatus, paramProblemMessage, datasetErrorsMessage, detailBlock } from './status.js';
import { startHostSync } from '../embed/host.js';
import { LoadTimeout, withinLoadTime } from '../assets.js';
import { preparePrinting } from './print.js';
import { createShare } from '../share/share.js';

const root = document.documentElement;
/**
 * The language of the baked page this script brings to life (tools/bake.mjs), or null on the
 * plain page. A baked page already shows the article: it is rendered again, the same, only once
 * the core can draw, in one task, so the reader sees no gap and nothing moves.
 */
const baked = root.dataset.baked || null;
/** Milliseconds since navigation start at each step (performance.now()). */
const timings = { firstChartMs: null, interactiveMs: null, readyMs: null, wasmMs: null, textMs: null, articleMs: null, coreMs: null };

/** The benchmark hooks (tests/e2e/bench.mjs); filled in once the calculator exists. */
const api = {
  timings,
  benchRedraw() {
    throw new Error('the calculator is not available');
  },
  benchMonteCarlo() {
    throw new Error('the calculator is not available');
  },
  /** Text keys looked up but missing from the language file (for tests; [] when complete). */
  missingText: () => (app.t ? [...app.t.missing] : []),
  /** Whether the core read the figures as the very file the build checked, without its rules again (tests). */
  datasetCheckedByBuild: false,
  /** Whether the page took the core built without the dataset's rules (js/core/wasm.js; tests). */
  coreWithoutRules: false,
  /** Bytes of the core's linear memory (tests/e2e/soak.mjs); 0 until it has loaded. */
  wasmMemoryBytes: () => 0,
  /** The calculator's current projection as the core returns it (tests read the engine's calls). */
  projection: () => (app.ex ? app.ex.projection() : null),
  /** The tornado for the current scenario as the core returns it (tests read its bars). */
  sensitivity: () => (app.ex ? app.ex.sensitivity() : null),
  /** The calculator's last Monte Carlo run, as its sentences and risk chart read it. */
  monteCarlo: () => (app.calculator ? app.calculator.monteCarlo() : null),
  /** How many of the calculator's heavy results its worker and the page's own core have made (tests). */
  heavyMadeBy: () => (app.calculator ? app.calculator.heavyMadeBy() : null),
  /** Whether the calculator's worker has started and not failed (tests). */
  heavyWorkerReady: () => Boolean(app.calculator?.heavyWorkerReady()),
  /** What a hover can find on chart `id` as last drawn: its marks (tests read which are drawn). */
  marks: (id) => (app.ex ? app.ex.marks(id) : []),
  /** Chart `id` as SVG text at `width` × `height` CSS pixels (tools/bake.mjs). */
  svg: (id, width, height) => app.ex.svg(id, width, height),
};
window.__explainer = api;

const app = {
  t: null,
  fmt: null,
  data: null,
  ex: null,
  status: null,
  lang: null,
  currency: null,
  currencyPending: null, // the charts whose words still follow the last currency switch (setCurrency)
  theme: null,
  sections: null, // Set of visible section ids, or null for all
  entries: new Map(), // chart id → DOM entry (article.js)
  views: new Map(), // chart id → chart view (chart-view.js)
  calculator: null,
  share: null, // js/share/share.js: copy link and downloads
  datasetPart: false, // whether that is the figures part, without the words
  datasetText: null, // the dataset file as read (the whole file or its figures), once the core has accepted it
  drawingFirst: true, // until the first drawing of every chart has been attempted
  printing: false, // while the page is being printed (js/page/print.js)
  writeUrl: createUrlWriter(300),
};

/** The context the renderers take. */
const ctx = () => ({ t: app.t, fmt: app.fmt, data: app.data, lang: app.lang, currency: app.currency });

function setState(state) {
  root.dataset.state = state;
  // A page that cannot come to life applies nothing the reader did before: none of it waits.
  if (state === 'error') stopKeepingEarlyInput();
  if (state === 'ready' && timings.readyMs === null) timings.readyMs = performance.now();
}

/** The page answers the reader from here (tests/e2e and ./dev bench read the mark). */
function markInteractive() {
  timings.interactiveMs = performance.now();
  performance.mark('explainer:interactive');
}

/** Reading time after which the figures' words are fetched unasked (fetchWordsOnceSettled). */
const WORDS_AFTER_MS = 10_000;


// ---- colour scheme ------------------------------------------------------------------------

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function isDark() {
  if (app.printing) return false; // paper is white (css/print.css)
  if (app.theme) return app.theme === 'dark';
  return Boolean(darkQuery && darkQuery.matches);
}

function applyTheme(theme) {
  app.theme = theme;
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

// ---- the wasm view and drawing ------------------------------------------------------------

let lastDpr = currentDpr();
/** The scheme of the view the core draws in now ('light' or 'dark'), as last told (pushView). */
let drawnScheme = null;

/**
 * The view the core draws the page's charts in. Their canvases show the chart's background as
 * their CSS background (css/chart.css), so the core does not paint it (backdrop).
 */
const viewOptions = () => ({ lang: app.lang, currency: app.currency, dpr: lastDpr, dark: isDark(), backdrop: true, text: app.t.raw('chart') || {} });

/** Tell the core the language, currency, pixel ratio, scheme and chart words. */
function pushView() {
  if (!app.ex) return true;
  lastDpr = currentDpr();
  try {
    const options = viewOptions();
    app.ex.set_view(JSON.stringify(options));
    drawnScheme = options.dark ? 'dark' : 'light';
    return true;
  } catch (e) {
    app.status.show('view', 'error', app.t('status.view_failed'), detailBlock(app.t, e && e.message ? e.message : e));
    return false;
  }
}

/** Every chart view on the page: the article's and the calculator's. */
const allViews = () => [...app.views.values(), ...(app.calculator ? app.calculator.views() : [])];

/**
 * Chart `id` drawn on `canvas` for an image: `scale` device px per CSS px, in the light colours,
 * its background painted.
 * The core keeps one hover map per chart, so the chart on screen is drawn again after it.
 */
function drawChartImage(id, canvas, scale) {
  try {
    app.ex.set_view(JSON.stringify({ ...viewOptions(), dpr: scale, dark: false, backdrop: false }));
    app.ex.draw(id, canvas);
  } finally {
    pushView();
    allViews().find((view) => view.id === id)?.draw();
  }
}

/** The size of chart `id` on screen, CSS px. */
function chartSize(id) {
  const view = allViews().find((v) => v.id === id);
  if (!view || !view.isVisible()) throw new Error(`chart ${id} is not on the page`);
  return { width: view.canvas.clientWidth, height: view.canvas.clientHeight };
}

function redrawAll() {
  for (const view of app.views.values()) scheduleDraw(view);
  if (app.calculator) app.calculator.redraw();
}

/** Called after every draw attempt of any chart. */
function onDrawn(view, ok) {
  // The canvas shows the background of the scheme its drawing is in (css/chart.css) until it is
  // drawn again: a scheme switched mid-way leaves no light ink on a light background.
  // Written only when it changes: a slider redraws its chart every frame.
  if (ok && view.canvas.dataset.scheme !== drawnScheme) view.canvas.dataset.scheme = drawnScheme;
  if (ok && timings.firstChartMs === null) {
    timings.firstChartMs = performance.now();
    // On a baked page the first chart was the baked SVG, marked at first paint by js/head.js.
    if (!baked) performance.mark('explainer:first-chart');
  }
  checkReady();
}

/**
 * "ready" once every visible chart (article and calculator) has been drawn at least once, or
 * shows its baked drawing until it comes near.
 */
function checkReady() {
  if (root.dataset.state !== 'loading' || !app.ex || app.drawingFirst) return;
  const pending = allViews().filter((v) => v.isVisible() && !v.drawn && !v.standingIn && !v.canvas.dataset.error);
  if (pending.length === 0) setState('ready');
}

/** Tooltip lines for a mark of a dataset chart (mark = fact id). */
function describeDatasetHit(hit) {
  const { t } = app;
  const d = describeFact(ctx(), hit.mark);
  if (!d) return null;
  return [
    { text: `${d.entity} · ${d.metric}`, class: 'tooltip-title' },
    { text: d.period, class: 'tooltip-period' },
    { text: d.value, class: 'tooltip-value' },
    d.converted ? { text: `${d.converted.text}${app.fmt.aside(d.converted.rateText)}`, class: 'tooltip-converted' } : null,
    d.disputed ? { text: `${t('table.disputed')}${d.note ? `${app.fmt.dash}${d.note}` : ''}`, class: 'tooltip-flag' } : null,
    // The correction of an article's figure, where public records say otherwise.
    !d.disputed && !d.reference && d.note ? { text: d.note, class: 'tooltip-note' } : null,
    d.fact.as_of ? { text: t('figures.as_of_line', { date: app.fmt.date(d.fact.as_of) }), class: 'tooltip-as-of' } : null,
    d.reference ? { text: t('table.public_record'), class: 'tooltip-reference' } : null,
    // A derived figure credits the sources of the records it is computed from.
    ...d.credits.map((c) => ({
      text: t('tooltip.source', {
        outlet: c.source ? localized(c.source.outlet, app.lang) : d.fact.source,
        date: c.source ? app.fmt.date(c.source.date) : '',
        grade: c.grade,
      }),
      class: 'tooltip-source',
    })),
  ];
}


function createViews() {
  for (const view of app.views.values()) view.destroy();
  app.views.clear();
  for (const [id, entry] of app.entries) {
    app.views.set(
      id,
      createChartView({
        id,
        elementId: chartElementId(id),
        canvas: entry.canvas,
        frame: entry.frame,
        errorEl: entry.errorEl,
        explainer: () => app.ex,
        describe: describeDatasetHit,
        onDrawn,
        t: app.t,
      }),
    );
  }
}

// ---- article ------------------------------------------------------------------------------

function visibleCharts(data = app.data) {
  return data.charts.filter((c) => !app.sections || app.sections.has(c.id));
}

/**
 * The article's chart sections for the figures of `data` (indexDataset), built but not yet on
 * the page: { data, sections, entries }.
 */
function buildArticle(data) {
  const tools = (chart) => app.share.chartTools(chart.id, () => ({ title: app.t(`charts.${chart.id}.question`) }));
  return { data, ...buildChartSections({ ...ctx(), data }, visibleCharts(data), { onFigures: setFigures, tools }) };
}

/** Put the article on the page: `built` (buildArticle) if it is of app.data, else built now. */
function renderArticle(built = null) {
  const { sections, entries } = built && built.data === app.data ? built : buildArticle(app.data);
  replaceChildren(byId('charts'), sections);
  app.entries = entries;
  replaceChildren(byId('share-bar'), app.datasetText === null ? null : app.share.bar());
  renderPageEnd();
}

/**
 * The list of sources and the footer. A baked page already shows them, made from the same file
 * in the same language: kept as they are. Else drawn now, and again once the words (titles,
 * grade reasons, changes) are here, where the figures came without them.
 */
function renderPageEnd() {
  if (baked === app.lang) return;
  renderSourcesSection(ctx());
  renderFooter(ctx());
  if (!app.data.complete) {
    app.data.whenComplete().then((complete) => {
      if (!complete) {
        app.status.show('words', 'warning', app.t('status.words_failed'), detailBlock(app.t, app.data.wordsProblem));
        return;
      }
      renderSourcesSection(ctx());
      renderFooter(ctx());
    });
  }
}

/** The dataset file as editors keep it, for its download: as read, or fetched where the page read its figures part. */
async function wholeDatasetText() {
  if (app.datasetText !== null && !app.datasetPart) return app.datasetText;
  const file = await fetchWholeDatasetText();
  if (file.error !== undefined) throw new Error(file.error);
  return file.text;
}

/** Draw chart `id` with `which` ("reported" | "articles") as bars, the other set as markers. */
function setFigures(id, which) {
  const view = app.views.get(id);
  if (!app.ex || !view) return;
  try {
    app.ex.set_figures(id, which);
  } catch (e) {
    reportUnexpected(e);
    return;
  }
  view.refresh();
  scheduleDraw(view);
}

/**
 * The reader switched the currency. The switch answers at once with the charts near the screen:
 * their words now, their drawings in the coming frames; after that paint, every other chart's
 * words follow, one chart per task, then the calculator's (phone profile: the click's own work
 * was 25–60 ms when every chart's words were rewritten in it). A newer switch takes over what
 * is left; printing finishes it at once (finishCurrencySwitch).
 */
async function setCurrency(currency) {
  if (currency === app.currency) return;
  app.currency = currency;
  updateCurrencySwitch(currency);
  app.writeUrl({ cur: currency });
  for (const view of app.views.values()) view.refresh();
  const charts = app.data ? visibleCharts() : [];
  const pending = (app.currencyPending = charts.filter((chart) => app.views.get(chart.id)?.near === false));
  refreshChartText(app.entries, ctx(), charts.filter((chart) => !pending.includes(chart)));
  if (pushView()) for (const view of app.views.values()) scheduleDraw(view);
  await afterPaint();
  while (app.currencyPending === pending && pending.length) {
    refreshChartText(app.entries, ctx(), [pending.shift()]);
    await nextTask();
  }
  if (app.currencyPending === pending) finishCurrencySwitch();
}

/** What the last currency switch left to follow, done now: its charts' words, then the calculator's. */
function finishCurrencySwitch() {
  if (!app.currencyPending) return;
  refreshChartText(app.entries, ctx(), app.currencyPending);
  app.currencyPending = null;
  if (app.calculator) app.calculator.setContext(ctx());
}

function showProblems(problems) {
  problems.forEach((p, i) => app.status.show(`param-${p.param}-${i}`, 'warning', paramProblemMessage(app.t, p)));
}

// ---- boot ---------------------------------------------------------------------------------

/** The baked page's chart drawings (its SVGs and SVG pictures), by chart id, before the live page replaces them. */
function bakedDrawings() {
  const drawings = new Map();
  for (const drawing of document.querySelectorAll('[data-chart] .chart-svg')) {
    const id = drawing.closest('[data-chart]').dataset.chart;
    drawings.set(id, [...(drawings.get(id) || []), drawing]);
  }
  return drawings;
}

/** Resolves once the whole document has been parsed. */
function documentParsed() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/**
 * The ids ?section= may name: on a baked page the list the bake wrote for js/head.js, so the
 * page shows what the first paint showed; else the dataset's charts and the core's own page
 * sections. Null when neither is known.
 */
function knownSections(parsed, wasm) {
  const written = document.querySelector('script[data-section-ids]');
  if (written) return written.getAttribute('data-section-ids').split(' ');
  if (parsed.value === undefined || !wasm || !wasm.ok) return null;
  return [...indexDataset(parsed.value).charts.map((c) => c.id), ...wasm.pageSections];
}

/**
 * Bring the page to life. `fetchDataset(lang)` resolves to the dataset file as { text } or
 * { error } (default: the shipped file, js/core/data.js, in parts in `lang` on the baked site).
 */
export async function boot({ fetchDataset = fetchDatasetText } = {}) {
  // js/head.js stopped waiting for this script and said so: the page stays as it said.
  if (root.dataset.state === 'error') return;
  root.dataset.js = '';
  setState('loading');
  const page = readPageParams(currentParams(), { navigatorLanguages: navigator.languages || [navigator.language] });
  // A language page is in its language unless the address asks for another.
  if (baked && !page.langFromUrl) {
    page.lang = baked;
    if (!page.currencyFromUrl) page.currency = defaultCurrency(baked);
  }
  applyTheme(page.theme);
  if (page.chrome === 'none') root.dataset.chrome = 'none';
  else delete root.dataset.chrome;
  app.lang = page.lang;
  app.currency = page.currency;
  root.lang = page.lang;
  // Report the height before anything can fail, so a host sizes the frame even if this page
  // stops here (js/embed-host.js leaves an unsized frame scrollable).
  startHostSync({ embedId: page.embedId });

  // Start the slow things at once. The core comes without the dataset's rules (smaller) when the
  // figures turn out to be the very file the build checked (js/core/wasm.js); the page stops
  // before that is known only where it needs no core.
  let figuresRead;
  const figuresChecked = new Promise((resolve) => (figuresRead = resolve));
  const wasmPromise = loadWasm({ figuresChecked });
  const datasetPromise = fetchDataset(page.lang);
  const messagesPromise = loadMessages(page.lang);
  messagesPromise.catch(() => {}); // handled below, after the wait: not an unhandled rejection
  // A baked page starts this module after its first paint, which on a slow network can come
  // before the rest of the page has arrived: touch the page only once it is all there.
  await documentParsed();

  let messages;
  try {
    messages = await messagesPromise;
  } catch (error) {
    // English instead when the reader's words failed at once (a missing file, say), but not
    // after a timeout: the reader has waited the one load time already. Never the same file
    // again when the page is in English.
    const tryEnglish = page.lang !== 'en' && !(error instanceof LoadTimeout);
    messages = tryEnglish ? await loadMessages('en').catch(() => null) : null;
    if (messages) {
      app.lang = 'en';
      root.lang = 'en';
    }
  }
  if (!messages) {
    // Without any words there is nothing to say in the reader's language: the bilingual
    // line in index.html says it.
    byId('boot-error').hidden = false;
    disableControls(document);
    setState('error');
    return;
  }
  timings.textMs = performance.now();
  app.t = createTranslator(messages, app.lang);
  app.fmt = createFormat(app.lang, app.t);
  app.status = createStatus(byId('status'), { dismissLabel: app.t('status.dismiss') });
  if (!baked) app.status.show('loading', 'info', app.t('status.loading'));
  if (!page.currencyFromUrl) app.currency = defaultCurrency(app.lang);
  app.share = createShare({ context: ctx, flushUrl: () => app.writeUrl.flush(), datasetText: wholeDatasetText, chartSize, drawChart: drawChartImage });
  byId('chart-key-hint').textContent = app.t('page.chart_key_hint');
  if (!baked) renderHeader(ctx(), { onCurrency: setCurrency });

  // The dataset file: read now, shown once the core has checked it. Its texts are in the page's
  // language; a page that speaks English instead (its words failed) reads them in English.
  const file = app.lang === page.lang ? await datasetPromise : await fetchDataset(app.lang);
  const parsed = file.text !== undefined ? parseJson(file.text) : { error: file.error };
  // The core needs its rules only for figures it will read that the build did not check.
  figuresRead(file.checkedByBuild === true || parsed.value === undefined);
  // The sections ?section= may name: a baked page lists them itself, the plain page asks the core.
  const applySections = (known) => {
    const { sections, problem } = validateSections(page.sections, known);
    app.sections = sections;
    // head.js set the same ids at the first paint; on a page without it (or a list it did not
    // have) this keeps the attribute, and so the stylesheet, equal to what the page shows.
    if (sections) document.documentElement.setAttribute('data-sections', [...sections].join(' '));
    else document.documentElement.removeAttribute('data-sections');
    if (problem) page.problems.push({ ...problem, fallback: sections ? [...sections].join(', ') : app.t('status.section_all') });
  };
  const listed = knownSections(parsed, null);
  if (listed) applySections(listed);
  // A baked page's live article is built while the core is still on its way (it is most of the
  // work before the first chart answers), and put on the page only once the core has checked
  // its figures.
  let prepared = null;
  if (baked && listed && parsed.value !== undefined) {
    await nextTask();
    prepared = buildArticle(indexDataset(parsed.value, app.lang));
  }
  const wasm = await wasmPromise;
  const known = listed ? null : knownSections(parsed, wasm);
  if (known) applySections(known);
  showProblems(page.problems.map((p) => ({ ...p, fallback: p.fallback ?? fallbackFor(p.param) })));

  if (!wasm.ok) {
    failCore(wasm.reason === 'unsupported' ? 'status.wasm_unsupported' : 'status.wasm_failed', wasm.detail, file, parsed);
    return;
  }
  timings.wasmMs = performance.now();
  api.wasmMemoryBytes = () => wasm.memory.buffer.byteLength;
  // The calculator's code and words are asked for now that the wasm is in (on the baked site
  // they are files of their own, so they did not share the network with what the first chart
  // needs), and arrive while the core checks the figures and the first chart is drawn.
  const calculatorFiles =
    !app.sections || app.sections.has('calculator') ? Promise.all([withinLoadTime(import('../calculator/calculator.js'), 'js/calculator'), loadCalculatorMessages(app.lang)]) : null;
  calculatorFiles?.catch(() => {}); // reported where it is awaited
  const created = createExplainer(wasm, parsed.value !== undefined ? file.text : undefined, onCoreRestart, { checkedByBuild: file.checkedByBuild === true });
  if (!created.ok) {
    failCore('status.wasm_failed', created.detail, file, parsed);
    return;
  }
  app.ex = created.ex;
  api.datasetCheckedByBuild = file.checkedByBuild === true;
  api.coreWithoutRules = wasm.checkedOnly === true;
  if (parsed.value !== undefined && !created.errors.length) {
    app.data = prepared ? prepared.data : indexDataset(parsed.value, app.lang);
    app.datasetText = file.text;
    app.datasetPart = !app.data.complete;
  } else showDatasetProblem(created.errors, file.error || parsed.error);

  timings.coreMs = performance.now();
  // The reader's taps are answered between the core's check of the data and the article.
  await nextTask();
  // From here to the first drawing nothing awaits: a baked article is replaced by the same one,
  // live, within this task. Without checked figures a baked page keeps its published charts.
  // Charts away from the screen keep their baked drawings until they come near.
  const published = baked ? bakedDrawings() : new Map();
  if (baked) renderHeader(ctx(), { onCurrency: setCurrency });
  if (app.data) renderArticle(prepared);
  timings.articleMs = performance.now();
  if (!pushView()) {
    setState('error');
    return;
  }
  createViews();
  let later = [];
  for (const view of app.views.values()) {
    if (view.nearViewport()) view.draw();
    else later.push(view);
  }
  for (const view of later) view.standIn(published.get(view.id));
  // What the reader did to the article before it was live is done now; what was done to the
  // calculator waits for it (its code comes after the wasm).
  applyEarlyInput(document, { pending: calculatorFiles ? byId('calculator') : null });
  // The article is live. The first chart's inline drawing (the first screen's, when the reader
  // has not scrolled) is replaced in a task of its own, before the calculator is made.
  await nextTask();
  const inline = later.filter((view) => (published.get(view.id) || []).some((drawing) => drawing.localName === 'svg'));
  if (inline.length) {
    for (const view of inline) view.draw();
    later = later.filter((view) => !inline.includes(view));
    await nextTask();
  }

  // The calculator (issue 3) lives in its own section.
  const calcVisible = !app.sections || app.sections.has('calculator');
  if (!calcVisible) byId('skip-link').hidden = true;
  if (calcVisible) {
    try {
      const [{ createCalculator }, words] = await calculatorFiles;
      if (words) app.t.extend(words);
      app.calculator = createCalculator(byId('calculator'), {
        ex: app.ex,
        ctx: ctx(),
        params: currentParams(),
        writeUrl: app.writeUrl,
        share: app.share,
        chartViews: { createChartView, scheduleDraw },
        module: wasm.module,
        onDrawn,
        showProblem: (p) => app.status.show(`param-${p.param}`, 'warning', paramProblemMessage(app.t, p)),
      });
      api.benchRedraw = (n) => app.calculator.benchRedraw(n);
      api.benchMonteCarlo = (n) => app.calculator.benchMonteCarlo(n);
    } catch (e) {
      app.calculator = null;
      app.status.show('calculator', 'error', app.t('status.calculator_failed'), detailBlock(app.t, e && e.message ? e.message : e));
      // A baked calculator's controls would move without effect.
      disableControls(byId('calculator'));
      byId('calculator').classList.add('is-unavailable');
    }
  }

  app.status.clear('loading');
  // The calculator made, its baked drawings standing in, in this task; its result and headline
  // chart in the next (together over 100 ms on a phone); the controls answer from the one after,
  // while the other model charts are drawn a task each. "ready" once every visible chart is on
  // screen.
  for (const view of app.calculator ? app.calculator.views() : []) view.standIn(published.get(view.id));
  if (app.calculator) {
    await nextTask();
    app.calculator.drawFirst();
  }
  await nextTask();
  markInteractive();
  applyEarlyInput();
  // Charts away from the screen keep their baked image, drawn live as they come near; the
  // others (a plain page has no images) are drawn now, a task each.
  for (const view of later) if (view.drawOrAwaitReader()) await nextTask();
  if (app.calculator) await app.calculator.drawRest(nextTask);
  app.drawingFirst = false;
  checkReady();
  if (root.dataset.state === 'loading') {
    // Something visible could not be laid out yet (e.g. fonts or a late layout): retry
    // on the next frames, then give up waiting and call it ready.
    let tries = 0;
    const retry = () => {
      for (const view of app.views.values()) if (!view.drawn) view.draw();
      checkReady();
      if (root.dataset.state === 'loading' && ++tries < 30) requestAnimationFrame(retry);
      else if (root.dataset.state === 'loading') setState('ready');
    };
    requestAnimationFrame(retry);
  }

  watchEnvironment();
  fetchWordsOnceSettled();
}

/**
 * The figures' words (js/core/dataset-parts.js) come when a reader asks, and in any case once the
 * reader has stayed a while: a page printed, or a table opened offline, later, then has them.
 */
function fetchWordsOnceSettled() {
  // An embed of the calculator alone shows none of them: they come only if a download asks.
  if (!app.data || app.data.complete || app.entries.size === 0) return;
  const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (f) => setTimeout(f, 0);
  setTimeout(() => idle(() => app.data.whenComplete({ retry: false })), WORDS_AFTER_MS);
}

/**
 * The core failed and restarted with the last good state (js/core/core.js): say so in the reader's
 * words, with the core's own account for whoever fixes it, and draw everything again.
 */
function onCoreRestart({ method, message }) {
  app.status.show('core-restart', 'warning', app.t('status.core_restarted'), detailBlock(app.t, `${method}: ${message}`));
  // After the call that failed has been retried and returned. The new core has no Monte
  // Carlo run: the calculator makes it again.
  setTimeout(() => {
    if (app.calculator) app.calculator.coreRestarted();
    if (pushView()) redrawAll();
  }, 0);
}

/** Redraw when the colour scheme or the pixel ratio changes, and for paper when printing. */
function watchEnvironment() {
  preparePrinting((printing) => {
    app.printing = printing;
    if (printing) {
      finishCurrencySwitch();
      app.calculator?.finishSwap();
    }
    // At once, not on the next frame: the page is laid out for paper right after this.
    if (pushView()) for (const view of allViews()) view.draw();
  });
  if (darkQuery && typeof darkQuery.addEventListener === 'function') {
    darkQuery.addEventListener('change', () => {
      if (!app.theme && pushView()) redrawAll();
    });
  }
  window.addEventListener('resize', () => {
    if (currentDpr() !== lastDpr && pushView()) redrawAll();
  });
}

/**
 * The dataset file is unusable (unreadable, or refused by the core's checks): say so and what
 * the reader still has — a baked page its published charts, the plain page none; the
 * calculator works either way.
 */
function showDatasetProblem(errors, detail) {
  const { t } = app;
  const consequence = h('p', {}, t(baked ? 'status.dataset_kept_published' : 'status.dataset_no_charts'));
  if (errors.length) app.status.show('dataset', 'warning', [...datasetErrorsMessage(t, errors), consequence]);
  else app.status.show('dataset', 'warning', [h('p', {}, t('status.dataset_unreadable')), consequence], detailBlock(t, detail || ''));
}

/**
 * The core is unavailable: say so in words, keep what can be read, hide what needs the core. A
 * baked page keeps its published charts; the plain page shows the file's tables only if it
 * passes the page's own shape check, and says they were not fully checked.
 */
function failCore(key, detail, file, parsed) {
  const { t } = app;
  app.status.clear('loading');
  app.status.show('core', 'error', t(key), detailBlock(t, detail));
  if (!baked) {
    const problems = parsed.value !== undefined ? shapeProblems(parsed.value) : [file.error || parsed.error || ''];
    if (problems.length) {
      app.status.show('dataset', 'error', t('status.dataset_unreadable'), detailBlock(t, problems.join('\n')));
    } else {
      app.data = indexDataset(parsed.value, app.lang);
      renderArticle();
      app.status.show('dataset', 'warning', t('status.dataset_unchecked', { version: app.data.version }));
    }
  }
  // Nothing on a baked page was brought to life; on the plain page the header was.
  disableControls(baked ? document : byId('charts'));
  for (const entry of app.entries.values()) {
    entry.errorEl.textContent = t('status.chart_unavailable');
    entry.errorEl.hidden = false;
    entry.frame.classList.add('is-unavailable');
  }
  const calc = byId('calculator');
  if (calc && (!app.sections || app.sections.has('calculator'))) {
    calc.hidden = false;
    calc.classList.add('is-unavailable');
    calc.replaceChildren();
    const h2 = document.createElement('h2');
    h2.textContent = t('calculator.title');
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = t('status.calculator_unavailable');
    calc.append(h2, p);
  }
  setState('error');
}

/**
 * The controls under `scope` cannot work (the page could not load what they need): disable
 * them, so none moves and changes nothing. The message in #status says why.
 */
function disableControls(scope) {
  for (const control of scope.querySelectorAll('button, input, select, textarea')) control.disabled = true;
}

function fallbackFor(param) {
  const { t } = app;
  switch (param) {
    case 'lang':
      return t(`page.lang_names.${app.lang}`);
    case 'cur':
      return t(`page.currency_names.${app.currency}`);
    case 'theme':
      return t('status.theme_system');
    default:
      return undefined;
  }
}

// A last safety net: an unexpected exception becomes a message instead of a blank or a
// console error. (The code above is written not to throw; this only catches the unforeseen.)
export function reportUnexpected(error) {
  try {
    if (app.status && app.t) {
      app.status.show('unexpected', 'error', app.t('status.unexpected'), detailBlock(app.t, error && error.stack ? error.stack : error));
    }
  } catch {
    /* nothing more to do */
  }
  if (root.dataset.state === 'loading') setState(app.ex ? 'ready' : 'error');
}
window.addEventListener('error', (event) => {
  event.preventDefault();
  reportUnexpected(event.error || event.message);
});
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reportUnexpected(event.reason);
});

