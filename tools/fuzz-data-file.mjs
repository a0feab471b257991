#!/usr/bin/env node
// Fuzzes the editors' file readers (www/js/data-file/): random bytes, BOMs, UTF-16 with and
// without a BOM, GBK, stray NULs, mixed delimiters, quotes, huge cells and number cells as
// editors type them (thousands separators, negative, percent, U+2212, full-width digits,
// 万/亿/万亿). The readers never throw; what the writers write reads back the same (a sheet
// of figures, any row of cells, any number); every problem of checkDataFile (with the real
// core from www/pkg/) names its file and a line in it. Part of `./dev fuzz`.
//
// Usage: node tools/fuzz-data-file.mjs [--seconds S (60)] [--cases N] [--seed S] [--replay CASE]
// Runs cases until S seconds or N cases, whichever comes first; a case's input depends only on
// the seed and its number. The cases run in a worker thread; a watchdog here stops a case that
// runs past 5 s (a hang) and names it, as it does a case that throws or breaks a check. Exit 0
// when all pass, 1 on a failure, 2 on a usage error.

import { isMainThread, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCore } from './core.mjs';
import { readFuzzOptions, runFuzzWorker, fuzzCases } from './fuzz-runner.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A case that checks a whole file with the core takes about 0.2 s; a hang is far longer. */
const CASE_LIMIT_MS = 5000;

async function main(args) {
  const options = readFuzzOptions('data-file', args, { seconds: 60, cases: Number.MAX_SAFE_INTEGER });
  if (!options) return 2;
  return runFuzzWorker({ name: 'data-file', moduleUrl: import.meta.url, options, caseLimitMs: CASE_LIMIT_MS, countLabel: 'checked by the core' });
}

/** The worker: loads the core and the readers, then runs cases until the time or the count is up. */
async function fuzz(options) {
  const core = await loadCore();
  const load = (file) => import(pathToFileURL(path.join(REPO_ROOT, 'www', 'js', file)).href);
  const datasetBytes = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'));
  const world = {
    ...(await load('data-file/data-file.js')),
    ...(await load('data-file/delimited.js')),
    ...(await load('data-file/encoding.js')),
    ...(await load('data-file/locate.js')),
    validate: (text) => {
      const ex = new core.Explainer();
      try {
        return ex.set_dataset(text);
      } finally {
        ex.free();
      }
    },
    datasetBytes,
    dataset: JSON.parse(datasetBytes.toString('utf8')),
  };
  world.exportedCsv = world.figuresToCsv(world.dataset);
  world.validate(datasetBytes.toString('utf8')); // the core's first check compiles it: not part of any case

  fuzzCases(options, (rng) => runCase(world, rng));
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** Characters editors' files hold, and those that break naive readers. */
const CHARS = [
  ...'abcXYZ019 .,;"\'\t\r\n=+-@%$¥€·，。；：（）「」“”',
  '资', '本', '開', '支', '亿', '万', '元', '美', '％', '－', '\u2212', '\u3000', '\u00a0', '\uFEFF', '\u0000', '\uFFFD', '\u202e', '😀', '𠀀',
];
const TRICKY = ['1e999', '=HYPERLINK("https://example.com","x")', '+1', '-1', '@SUM(A1)', "'=1", "''+x", '"', '""', '","', '\r\n', '\r', 'a,b\tc', '\uFEFFlist', ' =1', '\u00a0+1', '\u200b@x', '\uFEFF-1', '\uff1d1', '\uff0b1', '\uff0d1', '\uff20x', '-20%', '-1,234.5', "'-20%", '（', '「'];

function text(rng, max = 24) {
  if (rng.chance(0.15)) return rng.pick(TRICKY) + (rng.chance(0.5) ? text(rng, 6) : '');
  if (rng.chance(0.002)) return 'x'.repeat(rng.below(200_000)); // a huge cell now and then
  return Array.from({ length: rng.below(max) }, () => rng.pick(CHARS)).join('');
}

/** A decimal written plainly: sign, integer part without leading zeros, a fraction sometimes. */
function decimal(rng) {
  const integer = rng.chance(0.2) ? '0' : String(1 + rng.below(9)) + Array.from({ length: rng.below(11) }, () => rng.below(10)).join('');
  const fraction = rng.chance(0.5) ? Array.from({ length: 1 + rng.below(6) }, () => rng.below(10)).join('') : '';
  return { sign: rng.chance(0.4) ? '-' : '', integer, fraction };
}

const plainDecimal = ({ sign, integer, fraction }) => `${sign}${integer}${fraction ? `.${fraction}` : ''}`;

const grouped = (integer) => integer.replace(/\B(?=(\d{3})+$)/g, ',');
const fullWidth = (s) => s.replace(/[0-9.,%-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/**
 * A number cell as an editor might type it, the unit it is typed in, and the number it means:
 * the typed decimal times 10^power, which JavaScript's own reading of "…e<power>" rounds exactly
 * once (independent of the reader's way of moving the point).
 */
function numberCell(rng) {
  const d = decimal(rng);
  const plain = plainDecimal(d);
  const forms = [
    { unit: 'usd_bn', cell: plain, power: 0 },
    { unit: 'cny_bn', cell: `${d.sign}${grouped(d.integer)}${d.fraction ? `.${d.fraction}` : ''}`, power: 0 },
    { unit: 'percent', cell: `${plain}%`, power: 0 },
    { unit: 'cny_bn', cell: `${plain}亿`, power: -1 },
    { unit: 'cny_bn', cell: `${plain} 亿元`, power: -1 },
    { unit: 'usd_bn', cell: `${plain}万亿美元`, power: 3 },
    { unit: 'cny_m', cell: `${plain}万`, power: -2 },
    { unit: 'count_m', cell: `${plain}亿`, power: 2 },
  ];
  const { unit, cell: typed, power } = rng.pick(forms);
  const value = Number(`${plain}e${power}`);
  let cell = typed;
  if (rng.chance(0.3)) cell = fullWidth(cell);
  if (rng.chance(0.3)) cell = cell.replace(/^[-－]/, '\u2212');
  if (rng.chance(0.3)) cell = `${rng.pick([' ', '\u3000', '\u00a0'])}${cell}${rng.pick(['', ' ', '\u3000'])}`;
  return { unit, cell, value };
}

/**
 * Text in UTF-16 without a BOM as spreadsheets save it, none NUL, two ASCII characters at least
 * and a line end after the last row: every fourth character ASCII, or mostly Chinese (few zero
 * bytes: an ASCII one in 8 to 40).
 */
function utf16Text(rng) {
  const asciiEvery = rng.chance(0.5) ? 4 : 8 + rng.below(33);
  return Array.from({ length: 2 * asciiEvery + rng.below(300) }, (_, i) =>
    i % asciiEvery === asciiEvery - 1
      ? rng.pick([...'abc,019\t\n'])
      : asciiEvery > 4 || rng.chance(0.5)
        ? rng.pick([...'资本開支亿万元美投资人民币数据中心，。（）「」'])
        : rng.pick([...'xyz;."']),
  ).join('') + '\r\n';
}

function randomBytes(rng) {
  const bytes = Uint8Array.from({ length: rng.below(rng.chance(0.05) ? 20_000 : 300) }, () => (rng.chance(0.3) ? rng.pick([0, 0x22, 0x2c, 0x0a, 0x0d, 0x09]) : rng.below(256)));
  const bom = rng.pick([[], [], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]);
  return Uint8Array.from([...bom, ...bytes]);
}

/** The exported sheet with a few edits: cells, quotes, delimiters and lines changed at random. */
function editedSheet(rng, csv) {
  let sheet = csv.slice(1); // the BOM
  for (let n = 1 + rng.below(4); n > 0; n--) {
    const at = rng.below(sheet.length);
    const edit = rng.below(5);
    const cut = edit === 0 ? 0 : rng.below(40);
    const insert = [text(rng, 8), rng.pick([',', '\t', '"', '\r\n', '""']), numberCell(rng).cell, rng.pick(TRICKY), ''][edit];
    sheet = sheet.slice(0, at) + insert + sheet.slice(at + cut);
  }
  return rng.chance(0.2) ? sheet.replaceAll(',', '\t') : sheet;
}

/** `text` as bytes in one of the encodings editors save in, with or without a BOM. */
function encoded(rng, text) {
  switch (rng.below(4)) {
    case 0:
      return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    case 1:
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text)]);
    default:
      return new TextEncoder().encode(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const ENCODINGS = ['UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE', 'UTF-16LE without BOM', 'UTF-16BE without BOM', 'GBK (GB18030)'];
const asRead = (s) => s.replace(/\r\n?/g, '\n'); // parseDelimited reads a line break in a cell as "\n"

/** One case: one of the checks below (the core's, at about 0.1 s a file, one case in twelve); 1 when it ran the core. */
function runCase(world, rng) {
  const checks = [decodingNeverThrows, decodingNeverThrows, textDecodesBack, textDecodesBack, rowsReadBack, rowsReadBack, numbersReadBack, numbersReadBack, numbersReadBack, figuresReadBack, locationsNeverThrow, checkedFilesArePlaced];
  return rng.pick(checks)(world, rng);
}

function decodingNeverThrows({ decodeText, parseDelimited, unreadableCharacters, figuresFromCsv }, rng) {
  const bytes = randomBytes(rng);
  const { text: decoded, encoding } = decodeText(bytes);
  check(ENCODINGS.includes(encoding), 'an encoding the readers name', encoding);
  for (const p of unreadableCharacters(decoded, 'f', encoding)) check(p.line >= 1 && p.line <= decoded.split('\n').length && p.what, 'a problem on a line of the text', p);
  const lines = decoded.split(/\r\n?|\n/).length; // parseDelimited's lines end at CR, LF or CRLF
  const { records, problems, delimiter } = parseDelimited(decoded);
  check([',', '\t'].includes(delimiter), 'a comma or a tab', delimiter);
  let previous = 0;
  for (const r of records) {
    check(r.line >= previous && r.line <= lines + 1 && r.cells.length > 0, 'records in order, each on a line of the text', r.line);
    previous = r.line;
  }
  for (const p of problems) check(p.line >= 1 && p.line <= lines + 1 && p.what, 'a syntax problem on a line', p);
  sheetProblemsArePlaced(figuresFromCsv(decoded), lines);
  return 0;
}

function textDecodesBack({ decodeText, unreadableCharacters }, rng) {
  if (rng.chance(0.5)) {
    const original = utf16Text(rng);
    const le = Buffer.from(original, 'utf16le');
    const [bytes, expected] = rng.chance(0.5) ? [le, 'UTF-16LE without BOM'] : [Buffer.from(le).swap16(), 'UTF-16BE without BOM'];
    const { text: decoded, encoding } = decodeText(bytes);
    check(encoding === expected && decoded === original, `UTF-16 without a BOM read as ${expected}`, { encoding, original: original.slice(0, 80) });
    return 0;
  }
  // UTF-8 with one stray NUL: UTF-8 still, the NUL reported on its line.
  const chars = Array.from({ length: 1 + rng.below(200) }, () => rng.pick(CHARS.filter((c) => c !== '\u0000' && c !== '\uFFFD' && c !== '\uFEFF')));
  const before = chars.slice(0, rng.below(chars.length + 1)).join('');
  const withNul = `${before}\u0000${chars.join('').slice(before.length)}`;
  const { text: decoded, encoding } = decodeText(new TextEncoder().encode(withNul));
  check(encoding === 'UTF-8' && decoded === withNul, 'UTF-8 with a stray NUL read as UTF-8', { encoding, withNul });
  const problems = unreadableCharacters(decoded, 'f', encoding);
  const line = before.split('\n').length;
  check(problems.length === 1 && problems[0].line === line && /NUL/.test(problems[0].what), `the NUL reported on line ${line}`, problems);
  return 0;
}

function rowsReadBack({ csvText, parseDelimited, cellText, decodeText }, rng) {
  const width = 1 + rng.below(6);
  const header = Array.from({ length: width + 1 }, (_, i) => `column${i}`);
  const rows = Array.from({ length: rng.below(8) }, () =>
    Array.from({ length: 1 + rng.below(width) }, () => (rng.chance(0.3) ? Number(plainDecimal(decimal(rng))) : text(rng))),
  );
  const bytes = encoded(rng, csvText([header, ...rows]).slice(1)); // without the writer's BOM: encoded() adds one or none
  const { records } = parseDelimited(decodeText(bytes).text);
  const expected = [header, ...rows].map((row) => row.map((cell) => asRead(String(cell)))).filter((row) => row.some((cell) => cell !== ''));
  const read = records.map((r) => r.cells.map(cellText));
  check(JSON.stringify(read) === JSON.stringify(expected), 'every row written reads back the same', { expected, read });
  for (const r of records) {
    for (const cell of r.cells) check(!/^[\t\r\n]|^[\s\u0085\u200b-\u200f\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell) || /^[+-](\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(cell), 'no text cell a spreadsheet would run as a formula', cell);
  }
  return 0;
}

function numbersReadBack({ readNumberCell }, rng) {
  const { unit, cell, value } = numberCell(rng);
  const read = readNumberCell(cell, { unit });
  check(read.value === value, `${JSON.stringify(cell)} in ${unit} reads back ${value}`, read);
  const junk = rng.chance(0.5) ? text(rng) : cell.slice(0, rng.below(cell.length + 1)) + text(rng, 4);
  const result = readNumberCell(junk, { unit: rng.pick([unit, 'gw', undefined, text(rng, 4)]), example: '2025' });
  const keys = Object.keys(result);
  check(
    keys.length === 1 && (keys[0] === 'value' ? Number.isFinite(result.value) : typeof result.problem === 'string' && result.problem.includes(junk)),
    'a finite number, or a problem that quotes the cell',
    { junk, result },
  );
  return 0;
}

/** Figures with every text field random (formula starts included) and every number random. */
function figuresReadBack({ dataset, figuresToCsv, figuresFromCsv, decodeText }, rng) {
  const pick = (list) => Array.from({ length: 1 + rng.below(4) }, () => structuredClone(rng.pick(list)));
  const mutate = (value, key) => {
    if (Array.isArray(value)) return value.map(() => `id-${rng.below(1000)}`);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rng.chance(0.5) ? mutate(v, k) : v]));
    if (typeof value === 'number') return Number(plainDecimal(decimal(rng))) || 1;
    if (typeof value === 'string' && key !== 'unit') return text(rng).replace(/^\s*$/, 'x');
    return value;
  };
  const figures = { facts: pick(dataset.facts).map((f) => mutate(f)), reference: pick(dataset.reference).map((f) => mutate(f)) };
  const csv = figuresToCsv(figures);
  const { lists, problems } = figuresFromCsv(decodeText(encoded(rng, csv.slice(1))).text);
  check(problems.length === 0, 'an exported sheet reads without problems', problems);
  const expected = JSON.parse(JSON.stringify(figures), (key, value) => (typeof value === 'string' ? asRead(value) : value));
  const difference = firstDifference(expected, lists);
  check(difference === null, 'the exported figures read back the same', difference);
  return 0;
}

function locationsNeverThrow({ jsonLinesByPath, parseLocation, placeInJson, dataset }, rng) {
  const value = rng.chance(0.5) ? { facts: [rng.pick(dataset.facts)], [text(rng, 6)]: [text(rng), 1, null, { [text(rng, 4)]: true }] } : text(rng);
  const json = JSON.stringify(value, null, rng.pick([0, 1, 2, '\t']));
  const lines = json.split('\n').length;
  const byPath = jsonLinesByPath(json);
  for (const line of byPath.values()) check(line >= 1 && line <= lines, 'a line of the JSON text', line);
  const location = rng.chance(0.5) ? text(rng) : `facts[${rng.below(3)}] (id ${text(rng, 6)})${rng.pick(['', '.value', '.note.en', '[2]'])}`;
  parseLocation(location);
  const placed = placeInJson({ location, message: `${location}: ${text(rng)}` }, 'f.json', value, () => byPath);
  check(placed.line >= 1 && placed.line <= lines, 'a problem placed on a line of the file', placed);
  return 0;
}

/** checkDataFile with the real core: a sheet or JSON file edited at random, in some encoding. */
function checkedFilesArePlaced({ checkDataFile, validate, datasetBytes, exportedCsv }, rng) {
  const asSheet = rng.chance(0.6);
  const name = asSheet ? rng.pick(['f.csv', 'f.txt', 'f.tsv']) : 'f.json';
  let content;
  if (asSheet) content = editedSheet(rng, exportedCsv);
  else {
    const json = datasetBytes.toString('utf8');
    const at = rng.below(json.length);
    content = json.slice(0, at) + rng.pick([text(rng, 6), '"', ',', '}', '-1e999', '"=cmd"', '']) + json.slice(at + rng.below(20));
  }
  const bytes = rng.chance(0.05) ? randomBytes(rng) : encoded(rng, content);
  const base = { name: 'base.json', bytes: datasetBytes };
  const { problems, dataset } = checkDataFile({ name, bytes, base, validate });
  check((dataset === null) === problems.length > 0, 'a dataset only when there is no problem', problems.length);
  const lines = { [name]: Buffer.from(bytes).toString('latin1').split('\n').length * 2, 'base.json': datasetBytes.toString('utf8').split('\n').length };
  for (const p of problems) {
    check(p.file in lines && Number.isInteger(p.line) && p.line >= 1 && p.line <= lines[p.file] + 1, 'a problem on a line of its file', p);
    check(typeof p.where === 'string' && typeof p.what === 'string' && p.what.length > 0, 'a problem that says where and what', p);
  }
  return 1;
}

/** Where two JSON values first differ (in any order of keys), and the two values there; null when equal. */
function firstDifference(a, b, at = '') {
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${at}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : { at, expected: a, read: b };
}

function sheetProblemsArePlaced({ problems }, lines) {
  for (const p of problems) check(p.line >= 1 && p.line <= lines + 1 && p.where && p.what, 'a sheet problem on a line', p);
}

function check(ok, what, found) {
  if (!ok) throw new Error(`expected ${what}; found ${JSON.stringify(found)?.slice(0, 600)}`);
}

// Last, after every constant above is initialised.
if (isMainThread) process.exitCode = await main(process.argv.slice(2));
else await fuzz(workerData);
