// Whether one wasm-bindgen glue can start both cores (./dev build): the whole core's glue
// (www/pkg/ai_capex_explainer.js) also starts the readers' core, built without the rules and the
// SVG writer. The smaller core's own glue is compared with it: they must be the same text but for
// the import shims only the whole core uses (the code left out was their only caller: the SVG
// writer's scratch canvas, document.createElement and the like). Then every shim the smaller core
// imports is the very function the whole glue gives it under that name (names alone are not
// enough: wasm-bindgen numbers some shims per module, __wbindgen_generic_…1, …2), and everything
// else (the exports' wrappers, the start-up) is the same; and the smaller module imports nothing
// its glue does not give.
//   node tools/check-bindings.mjs <whole.js> <smaller.js> <smaller.wasm>
import fs from 'node:fs';

/** The glue's import shims ({ name: text }) and the glue without them (imports are their names). */
function shims(glue, file) {
  const lines = glue.split('\n');
  const start = lines.indexOf('    const import0 = {');
  const end = lines.indexOf('    };', start);
  if (start < 0 || end < 0) throw new Error(`${file}: no import object (const import0 = { … };) where wasm-bindgen writes it`);
  const entries = {};
  let name = null;
  for (const line of lines.slice(start + 1, end)) {
    const opened = /^ {8}([\w$]+): /.exec(line);
    if (opened) entries[(name = opened[1])] = '';
    if (name === null) throw new Error(`${file}: import object starts with ${JSON.stringify(line)}`);
    entries[name] += `${line}\n`;
  }
  return { entries, rest: [...lines.slice(0, start + 1), ...lines.slice(end)].join('\n') };
}

const [wholeGlue, smallerGlue, smallerWasm] = process.argv.slice(2);
if (!wholeGlue || !smallerGlue || !smallerWasm) {
  console.error('usage: node tools/check-bindings.mjs <whole.js> <smaller.js> <smaller.wasm>');
  process.exit(2);
}
const whole = shims(fs.readFileSync(wholeGlue, 'utf8'), wholeGlue);
const smaller = shims(fs.readFileSync(smallerGlue, 'utf8'), smallerGlue);
const problems = [];
if (smaller.rest !== whole.rest) problems.push('the glue differs outside its import shims (exports, start-up)');
for (const [name, text] of Object.entries(smaller.entries)) {
  if (!(name in whole.entries)) problems.push(`imports ${name}, which the whole core's glue does not give`);
  else if (whole.entries[name] !== text) problems.push(`imports ${name} as another function than the whole core's glue gives`);
}
const module = new WebAssembly.Module(fs.readFileSync(smallerWasm));
for (const { name } of WebAssembly.Module.imports(module)) if (!(name in smaller.entries)) problems.push(`imports ${name}, which its own glue does not give`);

if (problems.length) {
  console.error(`${smallerWasm} cannot be started by ${wholeGlue}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
