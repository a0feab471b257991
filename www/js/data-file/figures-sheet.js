// The figures as a sheet: one row per figure, one column per field (nested fields flattened
// with "_"), and back. Columns: www/data/README.md §10.

import { cellText, csvText, parseDelimited } from './delimited.js';
import { readNumberCell } from './number-cell.js';

const localized = (field) => ['en', 'zh-Hans', 'zh-Hant'].map((lang) => ({ path: [field, lang] }));

/** Every field of a figure (src/data/types.rs `Fact`), in the order of www/data/README.md §2. */
export const FIELD_COLUMNS = [
  { path: ['id'] },
  { path: ['entity'] },
  { path: ['metric'] },
  { path: ['value'], read: 'amount' },
  { path: ['value_high'], read: 'amount' },
  { path: ['qualifier'] },
  { path: ['unit'] },
  { path: ['period', 'kind'] },
  { path: ['period', 'start'], read: 'number', example: '2025' },
  { path: ['period', 'end'], read: 'number', example: '2025' },
  { path: ['period', 'part'] },
  { path: ['period', 'basis'] },
  { path: ['period', 'fiscal_year_end'] },
  { path: ['period', 'end_month'] },
  { path: ['source'] },
  { path: ['quote'] },
  { path: ['cny_per_usd'], read: 'number', example: '7.17' },
  { path: ['measure'] },
  { path: ['level'] },
  { path: ['as_of'] },
  { path: ['grade'] },
  { path: ['derived_from'], read: 'ids' },
  ...localized('note'),
  ...localized('sum_note'),
  ...localized('definition'),
].map((column) => ({ ...column, name: column.path.join('_') }));

/** A list of record ids, written in one cell separated by spaces: "ref-a ref-b". */
const isIdList = (path) => FIELD_COLUMNS.some((c) => c.read === 'ids' && c.path[0] === path[0]);
const idListCell = (value) => (Array.isArray(value) ? value.join(' ') : value);

/** Which list of the JSON file a row belongs to: figures from the articles or from public records. */
const LIST_COLUMN = 'list';
export const LISTS = ['facts', 'reference'];
const CSV_COLUMNS = [LIST_COLUMN, ...FIELD_COLUMNS.map((c) => c.name)];

/** Without these a row cannot be a figure at all; other columns may be left out of the sheet. */
const REQUIRED_COLUMNS = [LIST_COLUMN, 'id', 'entity', 'metric', 'value', 'qualifier', 'unit', 'period_kind', 'period_start', 'period_end', 'period_basis', 'source'];

/**
 * Empty cells of these fields are null, all others are left out: the shipped file writes them
 * so, and keeping to it makes export → import give back the same records.
 */
const NULL_WHEN_EMPTY = ['period.part', 'quote', 'cny_per_usd', 'definition'];

export const getPath = (record, path) => path.reduce((node, key) => node?.[key], record);
function setPath(record, path, value) {
  const parent = path.slice(0, -1).reduce((node, key) => (node[key] ??= {}), record);
  parent[path.at(-1)] = value;
}

/** Every leaf of a record as [path, value]. */
export function leaves(value, path = []) {
  if (value === null || typeof value !== 'object') return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/**
 * The figures of a dataset as CSV text: a UTF-8 BOM (so Excel opens it as Chinese), a header of
 * CSV_COLUMNS, one row per figure (facts, then reference), CRLF line ends.
 * @param {object} dataset  the parsed JSON file
 */
export function figuresToCsv(dataset) {
  const known = new Set(FIELD_COLUMNS.map((c) => c.name));
  const rows = LISTS.flatMap((list) =>
    dataset[list].map((fact, i) => {
      for (const [path, value] of leaves(fact)) {
        // A null comes back as null only where NULL_WHEN_EMPTY says so; elsewhere it would come back absent.
        const kept = value === null ? NULL_WHEN_EMPTY.includes(path.join('.')) : isIdList(path) || known.has(path.join('_'));
        if (!kept) throw new Error(`${list}[${i}] (id ${fact.id}): the CSV cannot hold ${path.join('.')} = ${JSON.stringify(value)}`);
      }
      return [list, ...FIELD_COLUMNS.map((c) => idListCell(getPath(fact, c.path)))];
    }),
  );
  return csvText([CSV_COLUMNS, ...rows]);
}

/**
 * Reads the rows of a figures CSV into facts and reference records.
 * @returns {{lists: {facts: object[], reference: object[]}, rowOf: Map<object, {line: number, id: string, unreadable: boolean}>,
 *   columns: string[], problems: {line: number, where: string, what: string}[]}}
 *   `rowOf` maps each record to its row; a row with a problem of its own is still passed on (with
 *   the unreadable cell as text) so that its id is known, and is marked `unreadable`.
 */
export function figuresFromCsv(text) {
  const { records, problems: syntax } = parseDelimited(text);
  const problems = syntax.map((p) => ({ ...p, where: 'text' }));
  const lists = { facts: [], reference: [] };
  const rowOf = new Map();
  const [header, ...rows] = records;
  if (!header) return { lists, rowOf, columns: [], problems: [...problems, { line: 1, where: 'text', what: `the file is empty; the first line names the columns (${CSV_COLUMNS.join(', ')})` }] };
  const columns = header.cells.map((cell) => cell.trim());
  columns.forEach((name, i) => {
    const where = `column ${i + 1} "${name}"`;
    if (!CSV_COLUMNS.includes(name)) problems.push({ line: header.line, where, what: 'unknown column; the columns are listed in www/data/README.md §10' });
    else if (columns.indexOf(name) !== i) problems.push({ line: header.line, where, what: 'this column appears twice' });
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length) {
    problems.push({ line: header.line, where: 'header', what: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the columns are listed in www/data/README.md §10` });
    return { lists, rowOf, columns, problems };
  }
  for (const { line, cells } of rows) {
    const cellOf = (name) => cellText(cells[columns.indexOf(name)] ?? '');
    const id = cellOf('id');
    const rowProblems = [];
    const refuse = (column, what) => rowProblems.push({ line, where: recordWhere(id, column), what });
    if (cells.length !== columns.length && cells.slice(columns.length).some((cell) => cell !== '')) {
      refuse(null, `${cells.length} cells, but the header has ${columns.length} columns; a cell with a comma or a line break must be in double quotes`);
    }
    const list = cellOf(LIST_COLUMN);
    if (!LISTS.includes(list)) refuse(LIST_COLUMN, `"${list}" is not a list; write facts (a figure from the articles) or reference (a figure from public records)`);
    const fact = {};
    for (const column of FIELD_COLUMNS) {
      const cell = cellOf(column.name);
      if (cell === '') continue;
      if (!column.read) {
        setPath(fact, column.path, cell);
        continue;
      }
      if (column.read === 'ids') {
        setPath(fact, column.path, cell.split(/[\s,]+/).filter(Boolean));
        continue;
      }
      const read = readNumberCell(cell, column.read === 'amount' ? { unit: cellOf('unit') } : { example: column.example });
      if ('problem' in read) refuse(column.name, read.problem);
      setPath(fact, column.path, read.value ?? cell);
    }
    for (const path of NULL_WHEN_EMPTY.map((p) => p.split('.'))) {
      if (getPath(fact, path) === undefined && (path.length === 1 || getPath(fact, path.slice(0, -1)))) setPath(fact, path, null);
    }
    lists[LISTS.includes(list) ? list : 'facts'].push(fact);
    rowOf.set(fact, { line, id, unreadable: rowProblems.length > 0 });
    problems.push(...rowProblems);
  }
  return { lists, rowOf, columns, problems };
}

/** A row of a sheet in a problem: "record s004-x, column value". */
export const recordWhere = (id, column) => `record ${id || '(no id)'}${column ? `, column ${column}` : ''}`;
