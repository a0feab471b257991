// The map's words: the US firms' call over every AGI year × the prize (ex.strategy_map(), drawn
// by the Rust chart `model-map`), its title and caption, the tooltip of a cell and the table
// that is its accessible equivalent (rows: the prize's values, largest first as on the chart;
// columns: the AGI years, then no AGI by 2060; the reader's cell marked in words).
// `model` is the calculator's current outputs, with strategyMap() computed on first use.

import { inputText, inputShortLabel, sideMoney, shareOfCapex } from './calculator-text.js';

export const MAP_CHART = 'model-map';

/** Title, caption and description of the map. */
export function mapText(ctx) {
  const caption = ctx.t('calculator.map.caption');
  return { title: ctx.t('calculator.map.title'), caption, description: caption };
}

/** The map's rows top to bottom (value indices, largest value first). */
const rowOrder = (map) => map.values.map((_, i) => map.values.length - 1 - i);

const columnsOf = (map) => map.cells.length / Math.max(1, map.values.length);

/** An AGI year of the map (null: none by 2060) in words. */
const yearWords = (ctx, year) => (typeof year === 'number' ? ctx.fmt.year(year) : ctx.t('calculator.monte_carlo.no_agi'));

/** A value of the map's input in words ("1.5×", "20%"). */
function valueWords(ctx, model, map, value) {
  const spec = model.specByField.get(map.field);
  return spec ? inputText(ctx, spec, value) : ctx.fmt.number(value, 2);
}

/** The tooltip lines for a hit on the map (mark "<AGI year|none>:<value index>"), or null. */
export function describeMapHit(ctx, hit, model) {
  const map = model.strategyMap();
  const [yearText, indexText] = String(hit.mark || '').split(':');
  const index = Number(indexText);
  if (!map || !Number.isInteger(index) || index < 0 || index >= map.values.length) return null;
  const columns = columnsOf(map);
  const row = map.cells.slice(index * columns, (index + 1) * columns);
  const year = yearText === 'none' ? null : Number(yearText);
  const column = row.findIndex((c) => c.agi_year === year);
  const cell = row[column];
  if (!cell) return null;
  const { t } = ctx;
  const cnyPerUsd = model.projection ? model.projection.cny_per_usd : 1;
  const yours = index === map.reader_row && column === map.reader_column;
  return [
    { text: typeof year === 'number' ? ctx.fmt.labelled(t('calculator.tables.agi_year'), ctx.fmt.year(year)) : yearWords(ctx, year), class: 'tooltip-title' },
    { text: ctx.fmt.labelled(inputShortLabel(ctx, map.field), valueWords(ctx, model, map, cell.value)), class: null },
    { text: t(`calculator.calls.${cell.call}`), class: cell.call === 'too_close_to_call' ? 'tooltip-flag' : 'tooltip-value' },
    {
      text: ctx.fmt.labelled(t('calculator.tables.sprint_minus_pace', { side: t('calculator.firms_label.us') }), `${sideMoney(ctx, 'us', cell.sprint_minus_pace, cnyPerUsd)}${ctx.fmt.aside(shareOfCapex(ctx, cell))}`),
      class: 'tooltip-period',
    },
    yours ? { text: t('calculator.map.yours'), class: 'tooltip-period' } : null,
  ];
}

/**
 * The map's table: head, rows (first cell the row's value) and the reader's cell
 * `{row, cell, words}` (cell counts the row header), for tableRegion.
 */
export function mapTable(ctx, model) {
  const map = model.strategyMap();
  if (!map) return { head: [], rows: [] };
  const { t } = ctx;
  const columns = columnsOf(map);
  const order = rowOrder(map);
  const firstRow = map.cells.slice(0, columns);
  const readerAt = order.indexOf(map.reader_row);
  return {
    head: [t('calculator.map.corner', { field: inputShortLabel(ctx, map.field) }), ...firstRow.map((c) => yearWords(ctx, c.agi_year))],
    rows: order.map((vi) => [
      valueWords(ctx, model, map, map.values[vi]),
      ...map.cells.slice(vi * columns, (vi + 1) * columns).map((c) => t(`calculator.calls.${c.call}`)),
    ]),
    current: readerAt >= 0 && typeof map.reader_column === 'number' ? { row: readerAt, cell: map.reader_column + 1, words: ctx.fmt.aside(t('calculator.map.yours')) } : null,
  };
}
