// The files a reader downloads, made on their device when they ask: a chart as a PNG at twice
// its size on screen (the core draws it; its title, the scenario, its sources and the credit
// are written around it), every figure as CSV, and a scenario's inputs and yearly results as
// CSV. Loaded only on a click (js/share/share.js); tools/bake.mjs bundles it apart from the page,
// so the helpers it imports cost the reader nothing until then.

import { csvText } from '../data-file/delimited.js';
import { localized } from '../core/data.js';
import { measuresText } from '../page/tables.js';
import { inputText, inputShortLabel, businessSentence } from '../calculator/calculator-text.js';
import { gameRows, riskTable, riskSentences, certainty } from '../calculator/calculator-game.js';
import { chartText } from '../calculator/calculator-outputs.js';
import { MAP_CHART, mapTable } from '../calculator/calculator-map.js';

/** Image pixels per CSS pixel of the chart on screen. */
const IMAGE_SCALE = 2;
/** The chart's light colours (src/charts/style.rs): an image is read on paper and light pages. */
const IMAGE_COLORS = { background: '#ffffff', ink: 'rgb(28, 28, 28)', muted: 'rgb(96, 96, 96)' };
/** CSS pixels: margin, and the size of the title and of the lines under it and the chart. */
const IMAGE_PX = { margin: 12, title: 17, note: 12, gap: 6 };

/** Offer `blob` to the reader as the file `name`. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const csvBlob = (rows) => new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' });

/**
 * Every figure (the articles', then public records, in the file's order), one row each, in the
 * reader's words: who, what, when, the number and its unit, as the source worded it, what it
 * measures, the source, the original quote and the grade; no internal ids (readers never see them). `ctx` is the
 * page's context ({t, fmt, data, lang, currency}).
 */
export function figuresRows(ctx) {
  const { t, data, lang } = ctx;
  const chartsOf = new Map();
  for (const chart of data.charts) {
    for (const id of chart.facts) chartsOf.set(id, [...(chartsOf.get(id) || []), t(`charts.${chart.id}.question`)]);
  }
  const columns = ['list', 'entity', 'metric', 'period', 'value', 'value_high', 'unit', 'as_stated', 'measures', 'source', 'source_date', 'source_url', 'quote', 'grade', 'note', 'charts'];
  const rows = ['facts', 'reference'].flatMap((list) =>
    data.raw[list].map((fact) => {
      const source = data.source(fact);
      const cells = {
        list: t(`share.csv.lists.${list}`),
        entity: localized(data.entity(fact)?.name, lang),
        metric: localized(data.metric(fact)?.name, lang),
        period: ctx.fmt.periodWithBasis(fact.period, { stated: list === 'facts' }),
        value: fact.value,
        value_high: fact.value_high,
        unit: t(`share.csv.units.${fact.unit}`),
        as_stated: ctx.fmt.factValue(fact),
        // What the figure measures: gross or net, with or without leases, which fiscal year.
        measures: measuresText(ctx, fact),
        source: localized(source?.outlet, lang),
        source_date: source?.date,
        source_url: source?.url,
        quote: fact.quote,
        grade: data.grade(fact),
        note: localized(fact.note, lang),
        charts: (chartsOf.get(fact.id) || []).join(' / '),
      };
      return columns.map((column) => cells[column]);
    }),
  );
  return [columns.map((column) => t(`share.csv.columns.${column}`)), ...rows];
}

/** What each side's column holds, and how a year's side gives it. */
const RESULT_COLUMNS = [
  { output: 'capex', money: (s) => s.capex },
  { output: 'revenue', money: (s) => s.revenue },
  { output: 'prize_revenue', money: (s) => s.prize_revenue },
  { output: 'running_costs', money: (s) => s.running_costs },
  { output: 'operating_cash', money: (s) => s.operating_cash },
  { output: 'cumulative', money: (s) => s.cumulative_free_cash },
  { output: 'demand_vs_capacity', plain: (s) => (100 * s.demand) / s.capacity, unit: '%' },
  { output: 'price_index', plain: (s) => s.price_index },
];
/** The four paths: each side sprinting and pacing (src/model/project.rs). */
const PATHS = ['us_sprint', 'us_pace', 'cn_sprint', 'cn_pace'];

/**
 * The scenario's inputs (label, value in words, the link parameter) and the link that restores
 * it; the page's strategy story in its own words (the 2×2 table and business quality,
 * "Steadier?" with how sure the answer is, the map's calls); then one row per projection year: each side's money in the
 * reader's currency (billions in English, 亿 in Chinese, as the charts' axes count), demand
 * over capacity and price. `model`: the calculator's outputs (js/calculator/calculator.js model())
 * with specs, monteCarloSeed and link.
 */
export function resultsRows(ctx, model) {
  const { specs, scenario, projection, link } = model;
  const { t, currency, lang } = ctx;
  const rate = projection.cny_per_usd;
  const perBillion = lang === 'en' ? 1 : 10;
  // The US paths are computed in US$ bn, China's in ¥ bn (src/model/project.rs).
  const toReader = (bn, path) => {
    const inCurrency = path.startsWith('cn_') ? (currency === 'USD' ? bn / rate : bn) : currency === 'CNY' ? bn * rate : bn;
    return round(inCurrency * perBillion, 2);
  };
  const moneyUnit = t(`share.csv.money.${currency}`);
  const column = (name, unit) => t('share.csv.unit_column', { name, unit });
  const head = [t('calculator.tables.year')];
  for (const path of PATHS) {
    for (const c of RESULT_COLUMNS) {
      const name = t('share.csv.side_column', { side: t(`calculator.sides.${path}`), output: t(`calculator.outputs.${c.output}`) });
      head.push(column(name, c.money ? moneyUnit : c.unit || t('share.csv.index')));
    }
  }
  const years = projection.years.map((row) => [
    row.year,
    ...PATHS.flatMap((path) => RESULT_COLUMNS.map((c) => (c.money ? toReader(c.money(row[path]), path) : round(c.plain(row[path]), 3)))),
  ]);
  return [
    [t('share.csv.input'), t('share.csv.input_value'), t('share.csv.input_param')],
    ...specs.map((spec) => [inputShortLabel(ctx, spec.field), inputText(ctx, spec, scenario[spec.field]), `${spec.field}=${scenario[spec.field]}`]),
    [t('share.csv.link'), link],
    [],
    ...gameRows(ctx, projection, scenario),
    [businessSentence(ctx, projection)],
    [],
    ...riskRows(ctx, model),
    [],
    ...mapRows(ctx, model),
    [],
    head,
    ...years,
  ];
}

/**
 * "Steadier?": the risk chart's title, caption and table as the page gives them, the runs and
 * seed, one sentence per side and how sure the US firms' answer is; while the run has not
 * finished, words saying so (never the block silently left out).
 */
function riskRows(ctx, { projection, monteCarlo, monteCarloSeed }) {
  const { t } = ctx;
  if (!monteCarlo || !monteCarlo.us_risk) return [[t('calculator.game.risk.title')], [t('share.csv.risk_pending')]];
  const { title, caption } = chartText(ctx, 'model-risk', monteCarlo.runs);
  const { head, rows } = riskTable(ctx, monteCarlo, projection.cny_per_usd);
  return [
    [title],
    [caption],
    [t('share.csv.risk_runs', { runs: ctx.fmt.number(monteCarlo.runs, 0), seed: monteCarloSeed })],
    head,
    ...rows,
    ...riskSentences(ctx, monteCarlo, projection.cny_per_usd).map((sentence) => [sentence]),
    [certainty(ctx, monteCarlo).text],
  ];
}

/** The map's calls as its table gives them (the reader's cell marked in words), under its title and caption. */
function mapRows(ctx, model) {
  const { head, rows, current } = mapTable(ctx, model);
  if (!head.length) return [];
  const { title, caption } = chartText(ctx, MAP_CHART);
  const marked = (row, r) => (current && r === current.row ? row.map((c, i) => (i === current.cell ? `${c}${current.words}` : c)) : row);
  return [[title], [caption], head, ...rows.map(marked)];
}

const round = (x, digits) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : '');

/**
 * A chart as a PNG: `title` above; the chart at IMAGE_SCALE × (`width` × `height`) CSS pixels,
 * drawn by `drawChart(canvas, scale)` (the core; it writes the source and credit line along
 * its bottom); `notes` under it (the scenario, the sources, the link). Resolves to a Blob.
 */
export async function chartImage({ width, height, drawChart, title, notes }) {
  const px = (css) => Math.round(css * IMAGE_SCALE);
  const chart = document.createElement('canvas');
  chart.width = px(width);
  chart.height = px(height);
  drawChart(chart, IMAGE_SCALE);
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const image = document.createElement('canvas');
  const g = image.getContext('2d');
  const textWidth = chart.width - 2 * px(IMAGE_PX.margin);
  const block = (text, size, weight, color) => {
    g.font = `${weight} ${px(size)}px ${family}`;
    return { font: g.font, color, lineHeight: px(size * 1.35), lines: wrapText(g, text, textWidth) };
  };
  const above = [block(title, IMAGE_PX.title, 700, IMAGE_COLORS.ink)];
  const below = notes.filter(Boolean).map((note) => block(note, IMAGE_PX.note, 400, IMAGE_COLORS.muted));
  const blockHeight = (blocks) => blocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight, 0);
  const top = px(IMAGE_PX.margin) + blockHeight(above) + px(IMAGE_PX.gap);
  image.width = chart.width;
  image.height = top + chart.height + px(IMAGE_PX.gap) + blockHeight(below) + px(IMAGE_PX.margin);
  g.fillStyle = IMAGE_COLORS.background;
  g.fillRect(0, 0, image.width, image.height);
  g.textBaseline = 'top';
  const write = (blocks, y) => {
    for (const b of blocks) {
      g.font = b.font;
      g.fillStyle = b.color;
      for (const line of b.lines) {
        g.fillText(line, px(IMAGE_PX.margin), y);
        y += b.lineHeight;
      }
    }
  };
  write(above, px(IMAGE_PX.margin));
  g.drawImage(chart, 0, top);
  write(below, top + chart.height + px(IMAGE_PX.gap));
  return new Promise((resolve, reject) => image.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png'));
}

/** Han, kana and full-width forms: a line may break before any of them. */
const BREAK_ANYWHERE = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const PIECES = new RegExp(`[${BREAK_ANYWHERE}]|[^\\s${BREAK_ANYWHERE}]+\\s*|\\s+`, 'g');

/**
 * `text` in lines no wider than `width` in the context's font: at spaces and between Chinese
 * characters; a word wider than a line (an address) anywhere.
 */
function wrapText(g, text, width) {
  const fits = (s) => g.measureText(s).width <= width;
  const lines = [];
  let line = '';
  for (const piece of String(text).match(PIECES) || []) {
    for (const part of fits(piece) ? [piece] : [...piece]) {
      if (line && !fits(line + part)) {
        lines.push(line.trimEnd());
        line = part.trimStart();
      } else line += part;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
