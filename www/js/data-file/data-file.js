// Reading a dataset file the way an editor saved it: the JSON file itself, or a CSV of the
// figures kept in a spreadsheet and joined with the rest of a JSON file. Places every problem
// the core finds on a line of the file the editor has open, with the record and the field.
//
// Pure functions over bytes and strings (no DOM, no Node APIs), so tools/check-data.mjs and a
// page in a browser can share them. The checking itself is always the core's: callers pass
// `validate(text)`: the page's `Explainer.set_dataset`, which reads a file's JSON text (its
// syntax is checked first, in json-syntax.js, so that every browser words it the same).
// Column and number rules are documented in www/data/README.md §10.
//
// The parts, one concern each, are beside it in data-file/: encoding, delimited, number-cell,
// figures-sheet, json-syntax, locate and size-limit.

import { decodeText, isUtf8, unreadableCharacters } from './encoding.js';
import { MAX_DATASET_BYTES, tooLargeMessage } from './size-limit.js';
import { figuresFromCsv, LISTS, recordWhere } from './figures-sheet.js';
import { validateJsonText } from './json-syntax.js';
import { columnOf, entryIndex, fieldOfProblem, jsonLinesByPath, parseLocation, placeInJson, whatOf } from './locate.js';

export { decodeText, isUtf8 } from './encoding.js';
export { parseDelimited } from './delimited.js';
export { readNumberCell } from './number-cell.js';
export { figuresToCsv, figuresFromCsv } from './figures-sheet.js';
export { jsonLinesByPath } from './locate.js';
export { validateJsonText } from './json-syntax.js';

/** Spreadsheet exports: CSV, and Excel's "Unicode text" (tab-separated .txt). */
const isSpreadsheetFile = (name) => /\.(csv|tsv|txt)$/i.test(name);

/**
 * Checks a data file as the page would, and places every problem.
 * @param {object} input
 * @param {string} input.name  the file's name as shown in messages
 * @param {Uint8Array} input.bytes
 * @param {number} [input.size]  the file's size in bytes, when over the limit and so not read whole
 * @param {{name: string, bytes: Uint8Array, size?: number}} [input.base]  for a CSV: the JSON file it is joined with
 * @param {(text: string) => {location: string, message: string}[]} input.validate  the core's check of a file's JSON text
 * @returns {{encoding: string, problems: {file: string, line: number, where: string, what: string}[], dataset: object|null}}
 *   `dataset` is the checked file (for a CSV, joined with its base) when it has no problems
 */
export function checkDataFile({ name, bytes, size = bytes.length, base, validate }) {
  // Over the page's limit (the file or, for a sheet, the JSON file it joins): the page would
  // not read it, so neither is it decoded nor checked.
  const tooLarge = [{ name, size }, ...(base && isSpreadsheetFile(name) ? [{ name: base.name, size: base.size ?? base.bytes.length }] : [])]
    .filter((file) => file.size > MAX_DATASET_BYTES)
    .map((file) => ({ file: file.name, line: 1, where: 'file', what: tooLargeMessage(file.size) }));
  if (tooLarge.length) return { encoding: 'UTF-8', problems: tooLarge, dataset: null };
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
  const core = validateJsonText(text, validate);
  const document = core.length ? parseOrNull(text) : JSON.parse(text);
  const linesByPath = lazy(() => jsonLinesByPath(text));
  // The core reads the baked site's figures part without its words; an editor checks the whole file.
  const part = document && typeof document === 'object' && 'split' in document ? [{ file: name, line: 1, where: 'split', what: 'this is a copy the bake cut from the dataset file for readers\' pages, in one language and without its quotes and notes; check and edit www/data/capex-dataset.json itself' }] : [];
  return { problems: [...encodingProblems, ...part, ...core.map((p) => placeInJson(p, name, document, linesByPath))], dataset: part.length ? null : document };
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
