// The pieces of www/js/data-file/data-file.js on their own: what Chinese spreadsheets save
// (encodings, delimiters, number cells), the CSV ↔ figures mapping, the JSON syntax check and the
// JSON line finder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeText,
  parseDelimited,
  readNumberCell,
  figuresToCsv,
  figuresFromCsv,
  jsonLinesByPath,
  checkDataFile,
  validateJsonText,
} from '../../www/js/data-file/data-file.js';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { csvText, cellText, csvCell } from '../../www/js/data-file/delimited.js';
import { readWwwJson, encodeGb18030, REPO_ROOT } from './harness.mjs';

const utf8 = (text) => new TextEncoder().encode(text);

test('decodeText: a BOM decides, zero bytes mean UTF-16, else strict UTF-8, else GBK', () => {
  const cases = [
    [Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('中,1')]), 'UTF-8 with BOM'],
    [Uint8Array.from([0xff, 0xfe, ...Buffer.from('中\t1', 'utf16le')]), 'UTF-16LE'],
    [Uint8Array.from([0xfe, 0xff, ...Buffer.from('中\t1', 'utf16le').swap16()]), 'UTF-16BE'],
    [Uint8Array.from(Buffer.from('中\t1', 'utf16le')), 'UTF-16LE without BOM'],
    [Uint8Array.from(Buffer.from('中\t1', 'utf16le').swap16()), 'UTF-16BE without BOM'],
    [utf8('中,1'), 'UTF-8'],
    [encodeGb18030('中,1'), 'GBK (GB18030)'],
    [encodeGb18030('¥,1'), 'GBK (GB18030)'],
  ];
  for (const [bytes, encoding] of cases) {
    const decoded = decodeText(bytes);
    assert.equal(decoded.encoding, encoding);
    assert.match(decoded.text, /^[中¥][,\t]1$/, encoding);
  }
});

test('decodeText: one NUL in a UTF-8 file is a NUL on its line, not UTF-16', () => {
  const sheet = utf8('list,id,value\nfacts,a\0b,1\nfacts,c,2\n');
  const { text, encoding } = decodeText(sheet);
  assert.equal(encoding, 'UTF-8');
  const { problems } = checkDataFile({ name: 'f.csv', bytes: sheet, base: { name: 'base.json', bytes: utf8('{}') }, validate: () => [] });
  const nul = problems.filter((p) => /NUL/.test(p.what));
  assert.deepEqual(nul.map((p) => [p.line, p.what]), [[2, 'a NUL character (a zero byte, never text) at column 8; delete it (editors show it as \\0, ^@ or NUL)']], text);
  assert.ok(!problems.some((p) => /UTF-16/.test(p.what)), JSON.stringify(problems));
  // Real UTF-16 without a BOM, mostly Chinese, is still found.
  const chinese = Buffer.from('list,id,note_zh-Hans\nfacts,a,资本开支同比增长\n', 'utf16le');
  assert.equal(decodeText(chinese).encoding, 'UTF-16LE without BOM');
  assert.equal(decodeText(Buffer.from(chinese).swap16()).encoding, 'UTF-16BE without BOM');
});

test('decodeText: a tab-separated UTF-16 sheet without a BOM, mostly Chinese, is read as UTF-16, LE and BE', () => {
  // Issue 17 review: few zero bytes (Chinese code units have none) made it GBK.
  // Tabs and line ends are one code unit in eight or fewer: as few zero bytes as that.
  const sheet = [
    '清单\t编号\t数值\t单位\t说明',
    '事实\t微软资本开支\t八百亿\t亿美元\t公司财报所述全年资本开支总额，含融资租赁，不含收购，按财政年度计算并以公司公布口径为准',
    '事实\t阿里巴巴资本开支\t三千八百亿\t亿元人民币\t未来三年云和人工智能基础设施投入合计',
    '参考\t全国数据中心投资\t一千二百亿\t亿元人民币\t国家统计局公布的年度固定资产投资口径，包括新建与改扩建项目，按开工年份归属',
  ].join('\r\n');
  const le = Buffer.from(sheet, 'utf16le');
  for (const [bytes, encoding] of [[le, 'UTF-16LE without BOM'], [Buffer.from(le).swap16(), 'UTF-16BE without BOM']]) {
    const decoded = decodeText(Uint8Array.from(bytes));
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.text, sheet, encoding);
  }
});

test('decodeText: a GBK sheet with two stray NULs is GBK with its NULs, wherever they fall, never UTF-16', () => {
  // Issue 17 review: two zero bytes on one side of the pairs made some GBK files UTF-16.
  const gbk = (hex) => Buffer.from(hex.replace(/ /g, ''), 'hex');
  // 中文数据资本 and 中文 in GBK: bytes that, paired, make valid UTF-16 (no surrogates).
  const sheet = Buffer.concat([Buffer.from('list,id,note\nfacts,a,'), gbk('d6d0 cec4 cafd bedd d7ca b1be'), Buffer.from('\nfacts,bb,'), gbk('d6d0 cec4'), Buffer.from('\n')]);
  let misread = [];
  for (let first = 0; first < sheet.length; first++) {
    for (let second = first + 2; second < sheet.length; second += 2) {
      const bytes = Uint8Array.from(sheet);
      bytes[first] = 0;
      bytes[second] = 0;
      if (/UTF-16/.test(decodeText(bytes).encoding)) misread.push([first, second]);
    }
  }
  assert.deepEqual(misread, []);
});

test('parseDelimited: RFC 4180 quoting, line breaks in cells, CRLF, each record with its first line', () => {
  const { delimiter, records, problems } = parseDelimited('a,b\r\n"x, ""y""","one\r\ntwo"\r\n\r\nlast,\n');
  assert.equal(delimiter, ',');
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['x, "y"', 'one\ntwo'] },
    { line: 5, cells: ['last', ''] },
  ]);
});

test('parseDelimited: tab-separated when the header has more tabs than commas', () => {
  const { delimiter, records } = parseDelimited('id\tnote_en\nx\t"a, b"\n');
  assert.equal(delimiter, '\t');
  assert.deepEqual(records[1].cells, ['x', 'a, b']);
});

test('parseDelimited: a quote left open is a problem on the line it opens', () => {
  const { problems } = parseDelimited('a,b\nx,"never closed\ny,z\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 2);
  assert.match(problems[0].what, /never closed/);
});

test('readNumberCell: full-width characters, thousands commas and 万/亿/万亿 read exactly into the unit', () => {
  const accepted = [
    ['１２．５', 'usd_bn', 12.5],
    ['－３', 'percent', -3],
    ['＋7', 'percent', 7],
    [' 3,800 ', 'cny_bn', 3800],
    ['３，８００', 'cny_bn', 3800],
    ['3800亿', 'cny_bn', 380],
    ['3,800 亿元', 'cny_bn', 380],
    ['３８００亿元人民币', 'cny_bn', 380],
    ['3640亿美元', 'usd_bn', 364],
    ['1.1万亿', 'cny_bn', 1100],
    ['0.3亿', 'usd_bn', 0.03],
    ['1.3亿美金', 'usd_m', 130],
    ['747.5万元', 'cny_m', 7.475],
    ['6.5亿', 'count_m', 650],
    ['40万', 'count', 400000],
    ['27%', 'percent', 27],
    ['２７％', 'percent', 27],
  ];
  for (const [cell, unit, value] of accepted) assert.deepEqual(readNumberCell(cell, { unit }), { value }, `${cell} in ${unit}`);
});

test('readNumberCell: refuses what would need a guess, saying how to write it', () => {
  const refused = [
    ['3800兆', 'cny_bn', /兆, which means a million in some places and a trillion in others; write the number in cny_bn \(billions of yuan\), e\.g\. 380 for 3800亿元/],
    ['600亿美元', 'cny_bn', /in US dollars but unit cny_bn is billions of yuan; .*set unit usd_bn and write 60$/],
    ['380元', 'cny_bn', /without 万 or 亿, so its scale is unclear/],
    ['3800亿', 'percent', /does not fit unit percent; write the number in percent/],
    ['6.5亿元', 'count_m', /is money \(元\) but unit count_m is not/],
    ['27%', 'usd_bn', /"%" in it, which does not fit unit usd_bn/],
    ['1,5', 'usd_bn', /not a thousands separator/],
    ['约380', 'cny_bn', /is not a number/],
    ['3800亿', 'usd_bnn', /can only be read once unit is one of/],
    // Found by tools/fuzz-data-file.mjs: these read as Infinity, written to the file as null.
    ['1e999', 'usd_bn', /"1e999" is too large to be a number; write the number in usd_bn/],
    [`${'9'.repeat(320)}亿`, 'cny_bn', /is too large to be a number/],
  ];
  for (const [cell, unit, message] of refused) {
    const read = readNumberCell(cell, { unit });
    assert.ok('problem' in read, `${cell} in ${unit} is refused`);
    assert.match(read.problem, message);
  }
  assert.match(readNumberCell('2025年', { example: '2025' }).problem, /write a plain number, e.g\. 2025/);
  assert.match(readNumberCell('3800亿', { example: '7.17' }).problem, /write a plain number, e.g\. 7\.17/);
});

test('figures → CSV → figures gives back the same records, every field of every figure', () => {
  const dataset = readWwwJson('data/capex-dataset.json');
  const csv = figuresToCsv(dataset);
  assert.ok(csv.startsWith('\uFEFFlist,id,'), 'a UTF-8 BOM, so Excel reads the Chinese');
  const { lists, problems } = figuresFromCsv(decodeText(utf8(csv)).text);
  assert.deepEqual(problems, []);
  assert.deepStrictEqual(lists.facts, dataset.facts);
  assert.deepStrictEqual(lists.reference, dataset.reference);
});

test('figuresToCsv refuses a field no column holds, rather than dropping it', () => {
  const dataset = readWwwJson('data/capex-dataset.json');
  dataset.reference[0].colour = 'red';
  assert.throws(() => figuresToCsv(dataset), /reference\[0\] .*cannot hold colour/);
});

test('figuresFromCsv: a sheet without a required column is not read', () => {
  const { problems, lists } = figuresFromCsv('id,value\nx,1\n');
  assert.equal(lists.facts.length, 0);
  assert.match(problems.at(-1).what, /missing columns list, entity, metric, qualifier, unit, period_kind/);
});

test('jsonLinesByPath: the line of every value, by path', () => {
  const lines = jsonLinesByPath('{\n  "facts": [\n    {"id": "a",\n     "period": {"kind": "x"}},\n    {"id": "b\\"c"}\n  ]\n}\n');
  assert.equal(lines.get(JSON.stringify(['facts', 0, 'id'])), 3);
  assert.equal(lines.get(JSON.stringify(['facts', 0, 'period', 'kind'])), 4);
  assert.equal(lines.get(JSON.stringify(['facts', 1])), 5);
});

// Every CSV the project writes (the readers' figures and results, ./dev check-data --export-csv)
// goes through csvText: text a spreadsheet would run as a formula gets a ' in front (OWASP).
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

test('csvText: text starting with = + - @ tab or CR is neutralised with a quote mark; numbers, negative ones too, stay numbers', () => {
  const texts = FORMULA_STARTS.map((start) => `${start}HYPERLINK("https://example.com","x")`);
  const [line] = csvText([[...texts, -5, -0.25, 3, '-']]).slice(1).split('\r\n');
  const cells = parseDelimited(line).records[0].cells;
  texts.forEach((text, i) => assert.equal(cells[i], `'${text.replace('\r', '\n')}`, JSON.stringify(text)));
  assert.deepEqual(cells.slice(texts.length), ['-5', '-0.25', '3', "'-"]);
  // Read back, each cell is the text written; text that starts with a quote mark keeps it.
  for (const text of ["=1+2", "'=1+2", "''@x", "'plain", 'plain', '']) {
    const [cell] = parseDelimited(csvText([[text, 'x']]).slice(1)).records[0]?.cells ?? [''];
    assert.equal(cellText(cell), text);
  }
});

// One table of texts through the CSV writer and the core's validator (the same wasm that
// ./dev check-data and the page run): they agree on every one, so their rules cannot drift.
const FORMULA_TABLE = (() => {
  const starters = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];
  const ignored = ['', ' ', '  ', '\u00a0', '\u3000', '\u2002', '\u0085', '\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\ufeff', '\u00a0\u200b'];
  const harmless = ['（', '「', '1', 'a', '\u2212', '\uff08'];
  return [
    ...ignored.flatMap((before) => starters.map((start) => [`${before}${start}HYPERLINK("https://example.com")`, true])),
    ...ignored.flatMap((before) => harmless.map((start) => [`${before}${start}x`, false])),
    ...['\t', '\r', '\n'].map((start) => [`${start}x`, true]),
    ...['-20%', '+5', '-1,234.5', '-0.25', '+12.5%', '\u221220%', '\uff0d20%'].map((n) => [n, n === '\uff0d20%']),
    ...['-1+1', '-A1', '-1,23', '-20%x', '-', '+', '- 20%', ' -20%', '-.5', '-1,234,56'].map((t) => [t, true]),
  ];
})();

test('one rule for formula text: the CSV writer neutralises exactly what the validator refuses', async () => {
  const pkg = path.join(REPO_ROOT, 'www', 'pkg');
  const { initSync, Explainer } = await import(pathToFileURL(path.join(pkg, 'ai_capex_explainer.js')).href);
  initSync({ module: fs.readFileSync(path.join(pkg, 'ai_capex_explainer_bg.wasm')) });
  const dataset = readWwwJson('data/capex-dataset.json');
  const refused = (text) => {
    dataset.facts[0].quote = text;
    return new Explainer().set_dataset(JSON.stringify(dataset)).some((p) => /reads as a formula/.test(p.message));
  };
  for (const [text, formula] of FORMULA_TABLE) {
    const [cell] = parseDelimited(`${csvCell(text)},x`).records[0].cells;
    assert.equal(cell.startsWith("'"), formula, `writer: ${JSON.stringify(text)} → ${JSON.stringify(cell)}`);
    assert.equal(refused(text), formula, `validator: ${JSON.stringify(text)}`);
    assert.equal(cellText(cell), text.replace(/\r/g, '\n'), `read back: ${JSON.stringify(text)}`);
  }
});

test('what the core refuses in a file that parses (a number too large to store) is placed at its line in the editor\'s file', async () => {
  const pkg = path.join(REPO_ROOT, 'www', 'pkg');
  const { initSync, Explainer } = await import(pathToFileURL(path.join(pkg, 'ai_capex_explainer.js')).href);
  initSync({ module: fs.readFileSync(path.join(pkg, 'ai_capex_explainer_bg.wasm')) });
  const text = fs.readFileSync(path.join(REPO_ROOT, 'www', 'data', 'capex-dataset.json'), 'utf8');
  const at = text.indexOf('"value": ');
  const line = text.slice(0, at).split('\n').length;
  const column = at - text.lastIndexOf('\n', at) - 1 + '"value": 1e400'.length; // its last digit, as serde_json places it
  const edited = `${text.slice(0, at)}"value": 1e400${text.slice(text.indexOf(',', at))}`;
  const { problems } = checkDataFile({ name: 'x.json', bytes: utf8(edited), validate: (t) => new Explainer().set_dataset(t) });
  assert.deepEqual(
    problems.map((p) => [p.line, p.what]),
    [[line, `JSON syntax error at line ${line}, column ${column}: number out of range`]],
  );
});

test('figures → CSV: formula-like text is neutralised in the sheet, numbers stay numbers, and the sheet reads back unchanged', () => {
  const dataset = readWwwJson('data/capex-dataset.json');
  const fact = dataset.facts[0];
  const touched = FORMULA_STARTS.map((start, i) => {
    const target = dataset.facts[i];
    target.quote = `${start}HYPERLINK("https://example.com/${i}")`;
    return target;
  });
  fact.note = { en: '@everyone', 'zh-Hans': '+5% y/y', 'zh-Hant': "'=already quoted" };
  fact.value = -5;
  const csv = figuresToCsv(dataset);
  const [header, ...rows] = parseDelimited(csv.slice(1)).records;
  const column = (name) => header.cells.indexOf(name);
  touched.forEach((target, i) => {
    const row = rows.find((r) => r.cells[column('id')] === target.id);
    assert.equal(row.cells[column('quote')], `'${target.quote.replace('\r', '\n')}`);
  });
  const row = rows.find((r) => r.cells[column('id')] === fact.id);
  assert.equal(row.cells[column('value')], '-5', 'a negative number stays a number');
  assert.equal(row.cells[column('note_en')], "'@everyone");
  assert.equal(row.cells[column('note_zh-Hans')], "'+5% y/y");
  assert.equal(row.cells[column('note_zh-Hant')], "''=already quoted");
  const { lists, problems } = figuresFromCsv(csv.slice(1));
  assert.deepEqual(problems, []);
  const crAsRead = (records) => JSON.parse(JSON.stringify(records).replaceAll('\\r', '\\n'));
  assert.deepStrictEqual(lists.facts, crAsRead(dataset.facts));
  assert.deepStrictEqual(lists.reference, dataset.reference);
});

test('validateJsonText: a text that is not JSON gets the line and column where it breaks; one that is goes to the core parsed', () => {
  const refused = (text) => {
    const problems = validateJsonText(text, () => assert.fail(`the core was asked about ${JSON.stringify(text)}`));
    assert.equal(problems.length, 1, text);
    assert.equal(problems[0].location, 'file');
    return problems[0].message;
  };
  const cases = [
    ['{"schema_version": 1,', 'line 1, column 22: expected a field name in double quotes, but the file ends'],
    ['{\n  "a": 1\n  "b": 2\n}', 'line 3, column 3: expected a comma , or }'],
    ['{\n  "a": [1, 2,]\n}', 'line 2, column 14: expected a value'],
    ['{"a": tru}', 'line 1, column 7: expected a value'],
    ['{"a": "x\ty"}', 'line 1, column 7: expected text closed by "'],
    ['{"a" 1}', 'line 1, column 6: expected a colon : after the field name'],
    ['{} {}', 'line 1, column 4: expected nothing more after the value'],
    ['', 'line 1, column 1: expected a value'],
    [`${'['.repeat(100000)}1`, 'line 1, column 100002: expected a comma , or ], but the file ends'],
  ];
  for (const [text, where] of cases) assert.ok(refused(text).startsWith(`file: JSON syntax error at ${where}`), `${text.slice(0, 40)}: ${refused(text)}`);
  const seen = [];
  assert.deepEqual(validateJsonText('\uFEFF{"a": [1]}', (text) => (seen.push(text), [])), []);
  assert.deepEqual(seen, ['\uFEFF{"a": [1]}'], 'the text goes to the core as it is (the core ignores a byte-order mark)');
});
