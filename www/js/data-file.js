// Reading a dataset file the way an editor saved it: the JSON file itself, or a CSV of the
// figures kept in a spreadsheet and joined with the rest of a JSON file. Places every problem
// the core finds on a line of the file the editor has open, with the record and the field.
//
// Pure functions over bytes and strings (no DOM, no Node APIs), so tools/check-data.mjs and a
// page in a browser can share them. The checking itself is always the core's: callers pass
// `validate(jsonText)`, the page's `Explainer.set_dataset`. Column and number rules are
// documented in www/data/README.md §10.

// ---------------------------------------------------------------------------------------------
// Text encodings: what Chinese spreadsheets export.
// ---------------------------------------------------------------------------------------------

/**
 * Decodes a file's bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); zero bytes mean UTF-16
 * without a BOM (text in UTF-8 or GBK has none); then strict UTF-8, else GBK — what Excel and
 * WPS save as "CSV" on a Chinese Windows — decoded as GB18030, its superset (Node's "gbk"
 * decoder, unlike browsers', misses the four-byte codes, e.g. ¥).
 * @param {Uint8Array} bytes
 * @returns {{text: string, encoding: string}}
 */
export function decodeText(bytes) {
  const startsWith = (...signature) => signature.every((b, i) => bytes[i] === b);
  const decode = (label, from = 0) => new TextDecoder(label, { ignoreBOM: true }).decode(bytes.subarray(from));
  if (startsWith(0xef, 0xbb, 0xbf)) return { text: decode('utf-8', 3), encoding: 'UTF-8 with BOM' };
  if (startsWith(0xff, 0xfe)) return { text: decode('utf-16le', 2), encoding: 'UTF-16LE' };
  if (startsWith(0xfe, 0xff)) return { text: decode('utf-16be', 2), encoding: 'UTF-16BE' };
  const utf16 = utf16ByZeroBytes(bytes);
  if (utf16) return { text: decode(utf16.toLowerCase()), encoding: `${utf16} without BOM` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decode('gb18030'), encoding: 'GBK (GB18030)' };
  }
}

/** 'UTF-16LE' or 'UTF-16BE' when zero bytes fall on one side of the byte pairs, else null. */
function utf16ByZeroBytes(bytes) {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) i % 2 ? odd++ : even++;
  });
  if (even + odd === 0) return null;
  return odd > even ? 'UTF-16LE' : 'UTF-16BE';
}

export const isUtf8 = (encoding) => encoding.startsWith('UTF-8');

/** A problem on every line that holds a character the decoder could not read. */
function unreadableCharacters(text, file, encoding) {
  return text.split('\n').flatMap((lineText, i) =>
    lineText.includes('\uFFFD')
      ? [{ file, line: i + 1, where: 'text', what: `characters that are not valid ${encoding} (shown as \uFFFD); save the file as UTF-8` }]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) and tab-separated text, with the line each record starts on.
// ---------------------------------------------------------------------------------------------

/**
 * Splits delimited text into records of cells. The delimiter is a tab when the header line has
 * more tabs than commas (Excel's "Unicode text"), else a comma. Quoted cells may hold the
 * delimiter, doubled quotes and line breaks (kept as "\n"). Blank lines are skipped.
 * @returns {{delimiter: string, records: {line: number, cells: string[]}[], problems: {line: number, what: string}[]}}
 */
export function parseDelimited(text) {
  const headerLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch) => headerLine.split(ch).length - 1;
  const delimiter = count('\t') > count(',') ? '\t' : ',';
  const records = [];
  const problems = [];
  let i = 0;
  let line = 1;
  const atLineEnd = () => text[i] === '\n' || text[i] === '\r';
  while (i < text.length) {
    const record = { line, cells: [] };
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= text.length) {
            problems.push({ line: opened, what: 'a quoted cell is never closed: add the closing " (a " inside a cell is written "")' });
            break;
          }
          if (text[i] === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else if (atLineEnd()) {
            i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
            cell += '\n';
            line++;
          } else {
            cell += text[i++];
          }
        }
        const after = i;
        while (i < text.length && text[i] !== delimiter && !atLineEnd()) i++;
        if (i > after) problems.push({ line, what: `text after a closing quote: ${JSON.stringify(text.slice(after, i))}; put the whole cell in quotes` });
      } else {
        while (i < text.length && text[i] !== delimiter && !atLineEnd()) cell += text[i++];
      }
      record.cells.push(cell);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (atLineEnd()) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    if (record.cells.some((cell) => cell !== '')) records.push(record);
  }
  return { delimiter, records, problems };
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// Number cells: full-width characters, thousands separators, 万 / 亿 / 万亿 with the unit.
// ---------------------------------------------------------------------------------------------

/** What each unit counts, with the README's example; `power` is 10^power of the thing counted. */
const UNITS = {
  usd_bn: { words: 'billions of US dollars', currency: 'usd', power: 9, example: '364 for 3640亿美元' },
  cny_bn: { words: 'billions of yuan', currency: 'cny', power: 9, example: '380 for 3800亿元' },
  usd_m: { words: 'millions of US dollars', currency: 'usd', power: 6, example: '130 for 1.3亿美元' },
  cny_m: { words: 'millions of yuan', currency: 'cny', power: 6, example: '7.475 for 747.5万元' },
  percent: { words: 'a percentage on a 0–100 scale', example: '27 for 27%' },
  multiple: { words: 'times', example: '17 for 17倍' },
  count_m: { words: 'millions of things', power: 6, example: '650 for 6.5亿' },
  count: { words: 'a plain count', power: 0, example: '40 for 40人' },
  gw: { words: 'gigawatts', example: '59 for 59GW' },
};

const MAGNITUDES = { 万: 4, 亿: 8, 万亿: 12 };
const CURRENCY_WORDS = { 元: 'cny', 人民币: 'cny', 元人民币: 'cny', 美元: 'usd', 美金: 'usd' };
const CURRENCY_NAMES = { usd: 'US dollars', cny: 'yuan' };

const NUMBER_CELL =
  /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?\s*(万亿|亿|万|兆)?\s*(元人民币|人民币|元|美元|美金)?\s*(%)?$/;

/** Full-width digits, signs, point, comma and space (what Chinese input methods type) as ASCII. */
function halfWidth(cell) {
  return cell
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}

/** `digits` (integer and fraction) times 10^shift, by moving the point: exact, no rounding. */
function shiftPoint(sign, integer, fraction, shift) {
  let digits = integer + fraction;
  let point = integer.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  return Number(`${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`);
}

/**
 * Reads a number cell. For `value` and `value_high` pass the row's unit: then 万, 亿 and 万亿,
 * a currency word that agrees with the unit, and % in a percent cell are accepted and converted
 * exactly into the unit (3800亿 in cny_bn → 380). Anything that would need a guess is refused
 * with how to write it. Other number cells (years, rates) take plain numbers only.
 * @param {string} cell
 * @param {{unit?: string, example?: string}} expect  the row's unit, or an example for plain numbers
 * @returns {{value: number} | {problem: string}}
 */
export function readNumberCell(cell, { unit, example } = {}) {
  const text = halfWidth(cell);
  const match = NUMBER_CELL.exec(text);
  const unitInfo = UNITS[unit];
  const howTo = unitInfo
    ? `write the number in ${unit} (${unitInfo.words}), e.g. ${unitInfo.example}`
    : `write a plain number, e.g. ${example ?? '380'}`;
  const refuse = (why) => ({ problem: `"${cell}" ${why}; ${howTo}` });
  if (!match) {
    if (/^[+-]?\d+,\d+$/.test(text.replace(/[^\d,+-]/g, ''))) return refuse('uses a comma that is not a thousands separator (a decimal point is written ".")');
    return refuse('is not a number');
  }
  const [, sign, integer, fraction = '', exponent, magnitude, currencyWord, percent] = match;
  const plain = Number(`${sign}${integer.replaceAll(',', '')}.${fraction || '0'}${exponent ? `e${exponent}` : ''}`);
  if (!magnitude && !currencyWord && !percent) return { value: plain };
  const suffix = text.slice(text.search(/[万亿兆元人美%]/));
  if (!unitInfo) return refuse(`has "${suffix}" in it, which can only be read once unit is one of ${Object.keys(UNITS).join(', ')}`);
  if (percent) {
    return unit === 'percent' && !magnitude && !currencyWord && !exponent ? { value: plain } : refuse(`has "${suffix}" in it, which does not fit unit ${unit}`);
  }
  if (magnitude === '兆') return refuse('uses 兆, which means a million in some places and a trillion in others');
  if (exponent) return refuse('mixes an exponent with a Chinese unit');
  const currency = CURRENCY_WORDS[currencyWord];
  if (currency && !unitInfo.currency) return refuse(`is money (${currencyWord}) but unit ${unit} is not`);
  const digits = integer.replaceAll(',', '');
  if (currency && currency !== unitInfo.currency) {
    const sameScale = Object.keys(UNITS).find((u) => UNITS[u].currency === currency && UNITS[u].power === unitInfo.power);
    const converted = magnitude ? ` and write ${shiftPoint(sign, digits, fraction, MAGNITUDES[magnitude] - unitInfo.power)}` : '';
    return {
      problem: `"${cell}" is in ${CURRENCY_NAMES[currency]} but unit ${unit} is ${unitInfo.words}; money stays in the currency the source used: set unit ${sameScale}${converted}`,
    };
  }
  if (!magnitude) return refuse(`has "${currencyWord}" without 万 or 亿, so its scale is unclear`);
  if (unitInfo.power === undefined) return refuse(`uses ${magnitude}, which does not fit unit ${unit}`);
  return { value: shiftPoint(sign, digits, fraction, MAGNITUDES[magnitude] - unitInfo.power) };
}

// ---------------------------------------------------------------------------------------------
// The CSV columns: one per field of a figure, nested fields flattened with "_".
// ---------------------------------------------------------------------------------------------

const localized = (field) => ['en', 'zh-Hans', 'zh-Hant'].map((lang) => ({ path: [field, lang] }));

/** Every field of a figure (src/data/types.rs `Fact`), in the order of www/data/README.md §2. */
const FIELD_COLUMNS = [
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
  { path: ['source'] },
  { path: ['quote'] },
  { path: ['cny_per_usd'], read: 'number', example: '7.17' },
  { path: ['measure'] },
  { path: ['as_of'] },
  { path: ['grade'] },
  ...localized('note'),
  ...localized('sum_note'),
  ...localized('definition'),
].map((column) => ({ ...column, name: column.path.join('_') }));

/** Which list of the JSON file a row belongs to: figures from the articles or from public records. */
const LIST_COLUMN = 'list';
const LISTS = ['facts', 'reference'];
const CSV_COLUMNS = [LIST_COLUMN, ...FIELD_COLUMNS.map((c) => c.name)];

/** Without these a row cannot be a figure at all; other columns may be left out of the sheet. */
const REQUIRED_COLUMNS = [LIST_COLUMN, 'id', 'entity', 'metric', 'value', 'qualifier', 'unit', 'period_kind', 'period_start', 'period_end', 'period_basis', 'source'];

/**
 * Empty cells of these fields are null, all others are left out: the shipped file writes them
 * so, and keeping to it makes export → import give back the same records.
 */
const NULL_WHEN_EMPTY = ['period.part', 'quote', 'cny_per_usd', 'definition'];

const getPath = (record, path) => path.reduce((node, key) => node?.[key], record);
function setPath(record, path, value) {
  const parent = path.slice(0, -1).reduce((node, key) => (node[key] ??= {}), record);
  parent[path.at(-1)] = value;
}

/** Every leaf of a record as [path, value]. */
function leaves(value, path = []) {
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
        const kept = value === null ? NULL_WHEN_EMPTY.includes(path.join('.')) : known.has(path.join('_'));
        if (!kept) throw new Error(`${list}[${i}] (id ${fact.id}): the CSV cannot hold ${path.join('.')} = ${JSON.stringify(value)}`);
      }
      return [list, ...FIELD_COLUMNS.map((c) => String(getPath(fact, c.path) ?? ''))];
    }),
  );
  return `\uFEFF${[CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
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
    const cellOf = (name) => cells[columns.indexOf(name)] ?? '';
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

// ---------------------------------------------------------------------------------------------
// Where a problem is: the core's location ("facts[12] (id x).value_high") in the file's lines.
// ---------------------------------------------------------------------------------------------

/**
 * The line on which each value of a JSON text starts (a member's: the line of its key), by
 * path (JSON.stringify of the keys and indices). The text must be valid JSON.
 * @returns {Map<string, number>}
 */
export function jsonLinesByPath(text) {
  const lines = new Map();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    for (; /\s/.test(text[i] ?? ''); i++) if (text[i] === '\n') line++;
  };
  const mark = (path) => {
    const key = JSON.stringify(path);
    if (!lines.has(key)) lines.set(key, line);
  };
  const readString = () => {
    const start = i;
    for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const readValue = (path) => {
    skipSpace();
    mark(path);
    const open = text[i];
    if (open === '{' || open === '[') {
      const close = open === '{' ? '}' : ']';
      i++;
      skipSpace();
      for (let index = 0; text[i] !== close; index++) {
        skipSpace();
        if (open === '{') {
          const key = readString();
          mark([...path, key]);
          skipSpace();
          i++; // the colon
          readValue([...path, key]);
        } else {
          readValue([...path, index]);
        }
        skipSpace();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (open === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    }
  };
  readValue([]);
  return lines;
}

const LOCATION = /^([\w-]+)(?:\[(\d+)\](?: \(id (.*)\))?)?((?:\.[\w-]+|\[\d+\])*)$/;

/** "facts[3] (id x).period" → {list: 'facts', index: 3, id: 'x', rest: ['period']}. */
function parseLocation(location) {
  const match = LOCATION.exec(location);
  if (!match || location === 'file') return { rest: [] };
  const [, list, index, id, rest] = match;
  const steps = [...rest.matchAll(/\.([\w-]+)|\[(\d+)\]/g)].map(([, key, n]) => (key ?? Number(n)));
  return index === undefined ? { rest: [list, ...steps] } : { list, index: Number(index), id, rest: steps };
}

/**
 * The entry a location names. The core counts entries among those it could read, so after an
 * unreadable entry its index runs behind the file's: the id decides, from the index on.
 */
function entryIndex(entries, { index, id }) {
  if (id === undefined || entries[index]?.id === id) return index;
  const found = entries.findIndex((entry, i) => i >= index && entry?.id === id);
  return found === -1 ? index : found;
}

/**
 * The field a record-level problem is about, read from the core's message: an unknown choice
 * or a value of the wrong type (the one field holding that value), an unknown or missing field.
 * @returns {(string|number)[]} the path within the record, [] when the message names no field
 */
function fieldOfProblem(record, what) {
  const all = leaves(record);
  const holding = (value) => {
    const found = all.filter(([, v]) => v === value);
    return found.length === 1 ? found[0][0] : [];
  };
  let m;
  if ((m = /unknown variant `([^`]*)`/.exec(what))) return holding(m[1]);
  if ((m = /invalid type: string "((?:[^"\\]|\\.)*)"/.exec(what))) return holding(JSON.parse(`"${m[1]}"`));
  if ((m = /invalid type: (?:floating point|integer) `([^`]*)`/.exec(what))) return holding(Number(m[1]));
  if ((m = /unknown field "([^"]*)"/.exec(what))) {
    const hit = all.find(([path]) => path.includes(m[1]));
    return hit ? hit[0].slice(0, hit[0].indexOf(m[1]) + 1) : [];
  }
  if ((m = /required field "([^"]*)" is missing/.exec(what))) {
    // "en" or "kind" belong to a group (note, period): the one group here that lacks it.
    const key = m[1];
    const groups = FIELD_COLUMNS.filter((c) => c.path.length === 2 && c.path[1] === key).map((c) => c.path[0]);
    const lacking = groups.filter((group) => record[group] && !record[group][key]);
    if (lacking.length === 1) return [lacking[0], key];
    return groups.length ? [] : [key];
  }
  return [];
}

const formatPath = (path) => path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** The core's message without its location prefix. */
const whatOf = ({ location, message }) => (message.startsWith(`${location}: `) ? message.slice(location.length + 2) : message);

/**
 * Places a core problem in a JSON file: its line, and its location with the entry's index in
 * the file and the field, when the core names only the record.
 */
function placeInJson(problem, file, document, linesByPath) {
  const what = whatOf(problem);
  const syntax = /JSON syntax error at line (\d+)/.exec(what);
  if (syntax) return { file, line: Number(syntax[1]), where: problem.location, what };
  if (!document) return { file, line: 1, where: problem.location, what };
  const { list, index, id, rest } = parseLocation(problem.location);
  const entry = list === undefined ? [] : [list, entryIndex(document[list] ?? [], { index, id })];
  const record = getPath(document, [...entry, ...rest]);
  const field = rest.length || !record || typeof record !== 'object' ? [] : fieldOfProblem(record, what);
  const path = [...entry, ...rest, ...field];
  let line = 1;
  for (let n = path.length; n >= 0; n--) {
    const found = linesByPath().get(JSON.stringify(path.slice(0, n)));
    if (found) {
      line = found;
      break;
    }
  }
  const where = list === undefined
    ? formatPath([...rest, ...field]).slice(1) || problem.location
    : `${list}[${entry[1]}]${id ? ` (id ${id})` : ''}${formatPath([...rest, ...field])}`;
  return { file, line, where, what };
}

/** A row of a sheet in a problem: "record s004-x, column value". */
const recordWhere = (id, column) => `record ${id || '(no id)'}${column ? `, column ${column}` : ''}`;

/** The column a path within a record is read from: "value", or "period_*" for a whole group. */
function columnOf(path, columns) {
  const name = path.join('_');
  if (columns.includes(name)) return name;
  return columns.some((c) => c.startsWith(`${name}_`)) ? `${name}_*` : name;
}

// ---------------------------------------------------------------------------------------------
// Checking a file: decode, read, join, validate with the core, place every problem.
// ---------------------------------------------------------------------------------------------

/** Spreadsheet exports: CSV, and Excel's "Unicode text" (tab-separated .txt). */
const isSpreadsheetFile = (name) => /\.(csv|tsv|txt)$/i.test(name);

/**
 * Checks a data file as the page would, and places every problem.
 * @param {object} input
 * @param {string} input.name  the file's name as shown in messages
 * @param {Uint8Array} input.bytes
 * @param {{name: string, bytes: Uint8Array}} [input.base]  for a CSV: the JSON file it is joined with
 * @param {(jsonText: string) => {location: string, message: string}[]} input.validate  the core's check
 * @returns {{encoding: string, problems: {file: string, line: number, where: string, what: string}[], dataset: object|null}}
 *   `dataset` is the checked file (for a CSV, joined with its base) when it has no problems
 */
export function checkDataFile({ name, bytes, base, validate }) {
  const { text, encoding } = decodeText(bytes);
  const unreadable = unreadableCharacters(text, name, encoding);
  const { problems, dataset } = isSpreadsheetFile(name)
    ? checkSpreadsheet({ name, text, base, validate })
    : checkJson({ name, text, encoding, validate });
  const all = [...unreadable, ...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === name ? -1 : 1));
  return { encoding, problems: all, dataset: all.length ? null : dataset };
}

function checkJson({ name, text, encoding, validate }) {
  // The page reads the file as UTF-8 (a BOM is fine): any other encoding garbles the quotes.
  const encodingProblems = isUtf8(encoding)
    ? []
    : [{ file: name, line: 1, where: 'file', what: `the file is saved as ${encoding}, but the page reads it as UTF-8; save it as UTF-8` }];
  const core = validate(text);
  const document = core.length ? parseOrNull(text) : JSON.parse(text);
  const linesByPath = lazy(() => jsonLinesByPath(text));
  return { problems: [...encodingProblems, ...core.map((p) => placeInJson(p, name, document, linesByPath))], dataset: document };
}

function checkSpreadsheet({ name, text, base, validate }) {
  const baseText = decodeText(base.bytes).text;
  const baseDocument = parseOrNull(baseText);
  if (!baseDocument) {
    // The core says where the base file breaks.
    return { problems: checkJson({ name: base.name, text: baseText, encoding: 'UTF-8', validate }).problems, dataset: null };
  }
  const { lists, rowOf, columns, problems } = figuresFromCsv(text);
  const sheetProblems = problems.map((p) => ({ file: name, ...p }));
  if (problems.some((p) => p.where === 'header' || p.where === 'text')) return { problems: sheetProblems, dataset: null };
  const joined = { ...baseDocument, ...lists };
  const linesByPath = lazy(() => jsonLinesByPath(baseText));
  const placed = validate(JSON.stringify(joined)).flatMap((problem) => {
    const { list, index, id, rest } = parseLocation(problem.location);
    if (!LISTS.includes(list)) return [placeInJson(problem, base.name, baseDocument, linesByPath)];
    const record = joined[list][entryIndex(joined[list], { index, id })];
    const row = rowOf.get(record);
    if (row.unreadable) return []; // its own problem says why; the core could not read it
    const what = whatOf(problem);
    const field = rest.length ? rest : fieldOfProblem(record, what);
    return [{ file: name, line: row.line, where: recordWhere(row.id, field.length ? columnOf(field, columns) : null), what }];
  });
  return { problems: [...sheetProblems, ...placed], dataset: joined };
}

function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function lazy(make) {
  let value;
  return () => (value ??= make());
}
