// Where a problem is: the core's location ("facts[12] (id x).value_high") as a line of the file
// the editor has open, with the record and the field.

import { FIELD_COLUMNS, getPath, leaves } from './figures-sheet.js';

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
export function parseLocation(location) {
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
export function entryIndex(entries, { index, id }) {
  if (id === undefined || entries[index]?.id === id) return index;
  const found = entries.findIndex((entry, i) => i >= index && entry?.id === id);
  return found === -1 ? index : found;
}

/**
 * The field a record-level problem is about, read from the core's message: an unknown choice
 * or a value of the wrong type (the one field holding that value), an unknown or missing field.
 * @returns {(string|number)[]} the path within the record, [] when the message names no field
 */
export function fieldOfProblem(record, what) {
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
export const whatOf = ({ location, message }) => (message.startsWith(`${location}: `) ? message.slice(location.length + 2) : message);

/**
 * Places a core problem in a JSON file: its line, and its location with the entry's index in
 * the file and the field, when the core names only the record.
 */
export function placeInJson(problem, file, document, linesByPath) {
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

/** The column a path within a record is read from: "value", or "period_*" for a whole group. */
export function columnOf(path, columns) {
  const name = path.join('_');
  if (columns.includes(name)) return name;
  return columns.some((c) => c.startsWith(`${name}_`)) ? `${name}_*` : name;
}
