// CSV (RFC 4180) and tab-separated text, with the line each record starts on.

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

/**
 * Whether a spreadsheet could run `text` as a formula (OWASP's "CSV injection"). The rule, the
 * same as the validator's (src/data/validate.rs, reads_as_formula), is documented in
 * www/data/README.md §10: text starting with a tab or a line break, or whose first character
 * after white space, zero-width characters (U+200B–U+200F, U+2060) and BOMs (U+FEFF) is = + - @
 * or their full-width forms ＝ ＋ － ＠ — unless the text is a plain signed number (-20%,
 * +1,234.5), which a spreadsheet reads as a number.
 */
export const readsAsFormula = (text) => (FORMULA_START.test(text) || IGNORED_THEN_FORMULA.test(text)) && !PLAIN_SIGNED_NUMBER.test(text);
const FORMULA_START = /^[\t\r\n]/;
// The white space of Rust's char::is_whitespace, the zero-width characters and the BOM.
const IGNORED_THEN_FORMULA = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_SIGNED_NUMBER = /^[+-](\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

/**
 * The writer puts one ' in front of formula-like text, and in front of text that is quote marks
 * before formula-like text, so that the reader taking one off gives back exactly the text written.
 */
const neutralised = (text) => (readsAsFormula(text.replace(/^'+/, '')) ? `'${text}` : text);

/** A cell as written: numbers as they are (negative ones too), text neutralised and quoted as needed. */
export function csvCell(cell) {
  const text = typeof cell === 'number' ? String(cell) : neutralised(String(cell ?? ''));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as read back: the ' the writer put in front of formula-like text taken off. */
export const cellText = (cell) => (cell.startsWith("'") && readsAsFormula(cell.replace(/^'+/, '')) ? cell.slice(1) : cell);

/**
 * Rows of cells (strings or numbers; null and undefined are empty) as CSV text that Excel opens
 * right in Chinese as in English: a UTF-8 BOM (else it reads the bytes in the system's code
 * page), CRLF line ends. An empty row is a blank line. Every CSV the project writes goes
 * through here, so no text cell reaches a spreadsheet as a formula.
 */
export function csvText(rows) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
