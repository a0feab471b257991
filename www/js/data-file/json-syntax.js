// A dataset file's JSON syntax, checked here before the core reads the text: the page parses
// the file too (JSON.parse), and engines word and place a syntax error each their own way
// (WebKit gives no position at all), so this scan finds the line and column of the first one.

/**
 * The core's check of a JSON text: `validate(text)` once the text parses, else the syntax
 * problem worded as the core words problems. A leading byte-order mark is ignored, as the core
 * ignores it.
 * @param {string} text
 * @param {(text: string) => {location: string, message: string}[]} validate  the core's check
 * @returns {{location: string, message: string}[]}
 */
export function validateJsonText(text, validate) {
  const body = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(body);
  } catch {
    return [syntaxProblem(body)];
  }
  // The text itself, so that what the core refuses in it (a number too large, lists nested too
  // deep) is placed at its line in the editor's file.
  return validate(text);
}

function syntaxProblem(text) {
  const { offset, expected } = firstSyntaxError(text);
  const lines = text.slice(0, offset).split('\n');
  const found = offset < text.length ? '' : ', but the file ends';
  return { location: 'file', message: `file: JSON syntax error at line ${lines.length}, column ${lines.at(-1).length + 1}: expected ${expected}${found}` };
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

/**
 * Where `text` first breaks JSON's grammar: {offset, expected}, or {offset: text.length,
 * expected: 'nothing more'} for a text JSON.parse refused but this scan passes (none known).
 * A loop with a stack rather than recursion, so any depth of nesting is scanned.
 */
export function firstSyntaxError(text) {
  let i = 0;
  const match = (pattern) => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const stop = (expected) => ({ offset: i, expected });
  const closers = []; // '}' or ']' for each open object or list
  let want = 'value'; // 'value', 'key' (in an object) or 'next' (after a value)
  let empty = false; // just after { or [: a closer may follow at once
  for (;;) {
    match(WHITESPACE);
    const c = text[i];
    const closer = closers.at(-1);
    if (empty && c === closer) {
      i++;
      closers.pop();
      want = 'next';
      empty = false;
      continue;
    }
    empty = false;
    if (want === 'next') {
      if (!closer) return c === undefined ? stop('nothing more') : stop('nothing more after the value');
      if (c === ',') {
        i++;
        want = closer === '}' ? 'key' : 'value';
      } else if (c === closer) {
        i++;
        closers.pop();
      } else return stop(`a comma , or ${closer}`);
    } else if (want === 'key') {
      if (!match(STRING)) return stop('a field name in double quotes');
      match(WHITESPACE);
      if (text[i] !== ':') return stop('a colon : after the field name');
      i++;
      want = 'value';
    } else if (c === '{' || c === '[') {
      i++;
      closers.push(c === '{' ? '}' : ']');
      want = c === '{' ? 'key' : 'value';
      empty = true;
    } else if (c === '"') {
      if (!match(STRING)) return stop('text closed by " (a line end, tab or \\ inside it must be written \\n, \\t or \\\\)');
      want = 'next';
    } else if (match(NUMBER) || match(LITERAL)) want = 'next';
    else return stop('a value: "text", a number, true, false, null, { … } or [ … ]');
  }
}
