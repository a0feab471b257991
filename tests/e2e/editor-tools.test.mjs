// An editor without a Rust toolchain checks a data file with the shipped core: the same
// validation the page runs, in words, with the location of each problem and an exit code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, readWwwJson, encodeGb18030 } from './harness.mjs';
import { decodeText, parseDelimited } from '../../www/js/data-file/data-file.js';

const SCRIPT = path.join(REPO_ROOT, 'tools', 'check-data.mjs');

test('the shipped data file checks clean', () => {
  const out = execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  assert.match(out, /^ok: .*capex-dataset\.json — \d+ figures from the articles/);
});

test('a broken data file is refused with every problem located, and exit code 1', () => {
  const data = readWwwJson('data/capex-dataset.json');
  data.facts[0].value = 1.7e308;
  data.charts[0].facts.push('no-such-fact');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'broken.json');
  fs.writeFileSync(file, JSON.stringify(data));
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /2 problems/);
  assert.match(run.stderr, new RegExp(`facts\\[0\\] \\(id ${data.facts[0].id}\\)\\.value: value 1\\.7e308 is too large`));
  assert.match(run.stderr, /charts\[0\] \(id us-capex\)\.facts\[\d+\]: fact "no-such-fact" is not the id/);
});

test("the baked site's figures part, which the core reads without its words, is refused to an editor, who is sent to the whole file", () => {
  const baked = path.join(REPO_ROOT, 'dist', 'data');
  const figures = fs.existsSync(baked) ? fs.readdirSync(baked).find((f) => /^capex-figures\.en\.[0-9a-f]{10}\.json$/.test(f)) : undefined;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'part.json');
  const data = readWwwJson('data/capex-dataset.json');
  fs.writeFileSync(file, figures ? fs.readFileSync(path.join(baked, figures)) : JSON.stringify({ ...data, split: { part: 'figures', of: 'sha256:test' } }));
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /a copy the bake cut from the dataset file.*check and edit www\/data\/capex-dataset\.json itself/);
});

test('a chart renamed to an id the calculator uses (model-position) is refused, and says why', () => {
  // Issue 17, finding 7: it passed and drew the calculator's chart above the data's table.
  const data = readWwwJson('data/capex-dataset.json');
  data.charts[1].id = 'model-position';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'reserved.json');
  fs.writeFileSync(file, JSON.stringify(data));
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /charts\[1\] \(id model-position\)\.id: chart id "model-position" is reserved for the calculator's charts \(model-…\); give the chart another id/);
});

test('a file that is not JSON says where it breaks', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'not-json.json');
  fs.writeFileSync(file, '{"schema_version": 1,');
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /line 1/);
});

// ---------------------------------------------------------------------------------------------
// The figures kept in a spreadsheet: exported, edited, saved the ways Chinese spreadsheets save.
// ---------------------------------------------------------------------------------------------

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-'));
const check = (...args) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

/** The exported sheet as {header, rows: [{line, cells}]}, to edit cells by column name. */
function exportedSheet() {
  const file = path.join(scratch(), 'figures.csv');
  const run = check('--export-csv', file);
  assert.equal(run.status, 0, run.stderr);
  const { text } = decodeText(fs.readFileSync(file));
  const [header, ...rows] = parseDelimited(text).records;
  const sheet = {
    header: header.cells,
    rows,
    cell: (row, column) => row.cells[sheet.header.indexOf(column)],
    set: (row, column, value) => {
      row.cells[sheet.header.indexOf(column)] = value;
    },
    /** The first row whose cells pass `test`. */
    find: (test) => rows.find((row) => test((column) => sheet.cell(row, column))),
    text: (delimiter = ',') => {
      const cell = (value) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
      return [sheet.header, ...rows.map((r) => r.cells)].map((cells) => cells.map(cell).join(delimiter)).join('\r\n') + '\r\n';
    },
  };
  return sheet;
}

function writeScratch(name, bytes) {
  const file = path.join(scratch(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

test('export → check: the sheet Excel opens checks clean, with a UTF-8 BOM and every figure', () => {
  const file = path.join(scratch(), 'figures.csv');
  const exported = check('--export-csv', file);
  assert.equal(exported.status, 0, exported.stderr);
  const data = readWwwJson('data/capex-dataset.json');
  assert.match(exported.stdout, new RegExp(`${data.facts.length + data.reference.length} figures`));
  assert.deepEqual([...fs.readFileSync(file).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const run = check(file);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '', 'UTF-8 with a BOM is UTF-8: no encoding note');
  assert.match(run.stdout, new RegExp(`^ok: .*figures\\.csv — ${data.facts.length} figures from the articles, ${data.reference.length} from public records`));
});

test('a sheet saved as GBK ("CSV" in a Chinese Excel) is read, and the encoding is said', () => {
  const run = check(writeScratch('figures.csv', encodeGb18030(exportedSheet().text())));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /read as GBK \(GB18030\)/);
});

test('a sheet saved as UTF-16LE with a BOM, tab-separated (Excel "Unicode text"), is read', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exportedSheet().text('\t'), 'utf16le')]);
  const run = check(writeScratch('figures.txt', bytes));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /read as UTF-16LE/);
});

test('full-width digits and "3800亿" in a value cell are read in the row\'s unit', () => {
  const sheet = exportedSheet();
  const yuan = sheet.find((cell) => cell('unit') === 'cny_bn' && /^\d+$/.test(cell('value')));
  const dollars = sheet.find((cell) => cell('unit') === 'usd_bn' && /^\d+$/.test(cell('value')) && cell('list') === 'reference');
  sheet.set(yuan, 'value', `${Number(sheet.cell(yuan, 'value')) * 10}亿`);
  sheet.set(dollars, 'value', sheet.cell(dollars, 'value').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
  const run = check(writeScratch('figures.csv', sheet.text()));
  assert.equal(run.status, 0, run.stderr);
});

test('an amount that needs a guess is refused with how to write it, on its line, record and column', () => {
  const sheet = exportedSheet();
  const row = sheet.find((cell) => cell('unit') === 'cny_bn' && /^\d+$/.test(cell('value')));
  const id = sheet.cell(row, 'id');
  sheet.set(row, 'value', '3800兆');
  const run = check(writeScratch('figures.csv', sheet.text()));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /1 problem\n/);
  assert.match(
    run.stderr,
    new RegExp(`figures\\.csv:${row.line}: record ${id}, column value: "3800兆" uses 兆, .*; write the number in cny_bn \\(billions of yuan\\), e\\.g\\. 380 for 3800亿元`),
  );
});

test("a problem the core finds in a sheet is reported with the sheet's line, the record id and the column", () => {
  const sheet = exportedSheet();
  const row = sheet.find((cell) => cell('qualifier') === 'exact');
  const id = sheet.cell(row, 'id');
  sheet.set(row, 'value_high', String(Number(sheet.cell(row, 'value')) + 1));
  const unit = sheet.find((cell) => cell('list') === 'reference');
  sheet.set(unit, 'unit', 'usd_bnn');
  const run = check(writeScratch('figures.csv', sheet.text()));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /2 problems/);
  assert.match(run.stderr, new RegExp(`figures\\.csv:${row.line}: record ${id}, column value_high: value_high is .* but qualifier is "exact"`));
  assert.match(run.stderr, new RegExp(`figures\\.csv:${unit.line}: record ${sheet.cell(unit, 'id')}, column unit: wrong value: unknown variant \`usd_bnn\``));
});

test('an unknown column is refused on the header line', () => {
  const sheet = exportedSheet();
  sheet.header.push('valeu');
  const run = check(writeScratch('figures.csv', sheet.text()));
  assert.equal(run.status, 1);
  assert.match(run.stderr, new RegExp(`figures\\.csv:1: column ${sheet.header.length} "valeu": unknown column`));
});

test('a JSON problem is reported with the line of its field', () => {
  const data = readWwwJson('data/capex-dataset.json');
  data.facts[5].value_high = 123456.5;
  data.facts[5].qualifier = 'exact';
  data.facts[9].unit = 'usd_bnn';
  const text = JSON.stringify(data, null, 2);
  const lineOf = (snippet) => text.slice(0, text.indexOf(snippet)).split('\n').length;
  const run = check(writeScratch('broken.json', text));
  assert.equal(run.status, 1);
  assert.match(run.stderr, new RegExp(`broken\\.json:${lineOf('"value_high": 123456.5')}: facts\\[5\\] \\(id ${data.facts[5].id}\\)\\.value_high: value_high is 123456\\.5`));
  assert.match(run.stderr, new RegExp(`broken\\.json:${lineOf('"unit": "usd_bnn"')}: facts\\[9\\] \\(id ${data.facts[9].id}\\)\\.unit: wrong value: unknown variant`));
});

test('a JSON file saved as GBK is refused: the page reads UTF-8', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
  const run = check(writeScratch('gbk.json', encodeGb18030(text)));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /gbk\.json:1: file: the file is saved as GBK \(GB18030\), but the page reads it as UTF-8; save it as UTF-8/);
});

test('exit codes: 0 clean, 1 problems, 2 a file that cannot be read or a wrong command', () => {
  assert.equal(check().status, 0);
  assert.equal(check(writeScratch('figures.csv', 'id,value\nx,1\n')).status, 1);
  const missing = check(path.join(scratch(), 'nowhere.csv'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
  const wrong = check('--frobnicate');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /unknown option --frobnicate\nusage:/);
});

test('./dev check-data runs the check with Node only, from the caller\'s directory', () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, 'figures.csv'), 'id,value\nx,1\n');
  const run = spawnSync(path.join(REPO_ROOT, 'dev'), ['check-data', 'figures.csv'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: path.dirname(process.execPath) + ':/usr/bin:/bin' } });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /^ {2}figures\.csv:1: header: missing columns list,/m);
});

test('text a spreadsheet would run as a formula is refused on its line, and never exported', () => {
  const data = readWwwJson('data/capex-dataset.json');
  data.facts[0].quote = '=HYPERLINK("https://example.com/steal","Meta")';
  const file = writeScratch('formula.json', JSON.stringify(data, null, 2));
  const run = check(file);
  assert.equal(run.status, 1);
  const line = JSON.stringify(data, null, 2).split('\n').findIndex((l) => l.includes('HYPERLINK')) + 1;
  assert.match(run.stderr, new RegExp(`formula\\.json:${line}: facts\\[0\\] \\(id ${data.facts[0].id}\\)\\.quote: text "=HYPERLINK.*" starts with a character a spreadsheet reads as a formula`));
  const exported = check('--export-csv', path.join(scratch(), 'figures.csv'), '--base', file);
  assert.equal(exported.status, 1, 'a file with problems is not exported');
});

test('a file over the page\'s 5 MB limit is refused by check-data with the page\'s message', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
  const big = `${text.trimEnd()}${' '.repeat(5 * 1024 * 1024)}\n`; // valid JSON, only too large
  const run = check(writeScratch('big.json', big));
  assert.equal(run.status, 1);
  assert.match(run.stderr, new RegExp(`big\\.json:1: file: the file is larger than 5 MB \\(${Buffer.byteLength(big)} bytes or more\\), the most the page reads`));
});

test('a 600 MB file is refused by its size before it is read: the 5 MB message, quickly', () => {
  // Issue 17, finding 9: it used to be read whole and decoded first (a TypeError from the decoder).
  const file = path.join(scratch(), 'big.json');
  fs.truncateSync((fs.writeFileSync(file, ''), file), 600 * 1024 * 1024); // sparse: nothing written to disk
  const started = performance.now();
  const run = check(file);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`big\\.json:1: file: the file is larger than 5 MB \\(${600 * 1024 * 1024} bytes or more\\), the most the page reads`));
  assert.ok(seconds < 5, `took ${seconds.toFixed(1)} s: the file was read`);
  // The JSON file a sheet is joined with, and the one exported, are held to the same limit.
  const sheet = writeScratch('figures.csv', 'list,id\n');
  for (const args of [[sheet, '--base', file], ['--export-csv', path.join(scratch(), 'out.csv'), '--base', file]]) {
    const run = check(...args);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`big\\.json(:1: file)?: the file is larger than 5 MB \\(${600 * 1024 * 1024} bytes or more\\)`), args.join(' '));
  }
});

test('the bake refuses a file over the 5 MB limit up front, with the same message', async () => {
  const { readDatasetFile } = await import('../../tools/bake.mjs');
  const file = writeScratch('big.json', `{}${' '.repeat(5 * 1024 * 1024)}`);
  assert.throws(() => readDatasetFile(file), new RegExp(`big\\.json: the file is larger than 5 MB \\(${5 * 1024 * 1024 + 2} bytes or more\\), the most the page reads`));
  assert.equal(readDatasetFile().schema_version, readWwwJson('data/capex-dataset.json').schema_version);
});

test('a stray NUL in a UTF-8 data file is reported as a NUL on its line, not as UTF-16', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
  const lines = text.split('\n');
  lines[4] = `${lines[4]}\0`;
  const run = check(writeScratch('nul.json', lines.join('\n')));
  assert.equal(run.status, 1);
  assert.doesNotMatch(run.stderr, /UTF-16/);
  assert.match(run.stderr, new RegExp(`nul\\.json:5: text: a NUL character \\(a zero byte, never text\\) at column ${lines[4].length}`));
});
