// Whether one wasm-bindgen glue can start both cores (./dev build): the whole core's glue
// (www/pkg/ai_capex_explainer.js) also starts the readers' core, built without the rules and the
// SVG writer. It can when the two export the same, and every import of the smaller core is one of
// the whole core's: the glue hands over an object of every shim the whole core imports, and an
// instance takes the ones its module names (a shim's name carries the hash wasm-bindgen gives its
// declaration). The smaller core imports fewer where the code left out was the only caller (the
// SVG writer's scratch canvas: document.createElement and the like).
//   node tools/check-bindings.mjs <whole.wasm> <smaller.wasm>
import fs from 'node:fs';

const [wholeFile, smallerFile] = process.argv.slice(2);
if (!wholeFile || !smallerFile) {
  console.error('usage: node tools/check-bindings.mjs <whole.wasm> <smaller.wasm>');
  process.exit(2);
}
const whole = new WebAssembly.Module(fs.readFileSync(wholeFile));
const smaller = new WebAssembly.Module(fs.readFileSync(smallerFile));
const exported = (module) => WebAssembly.Module.exports(module).map(({ name, kind }) => `${name} (${kind})`);
const imported = (module) => WebAssembly.Module.imports(module).map(({ module: from, name, kind }) => `${from}.${name} (${kind})`);

const problems = [];
const wholeExports = new Set(exported(whole));
const smallerExports = new Set(exported(smaller));
for (const name of wholeExports) if (!smallerExports.has(name)) problems.push(`does not export ${name}`);
for (const name of smallerExports) if (!wholeExports.has(name)) problems.push(`exports ${name}, which the whole core does not`);
const wholeImports = new Set(imported(whole));
for (const name of imported(smaller)) if (!wholeImports.has(name)) problems.push(`imports ${name}, which the whole core's glue does not give`);

if (problems.length) {
  console.error(`${smallerFile} cannot be started by ${wholeFile}'s glue:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
