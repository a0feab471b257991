// The built wasm core (www/pkg/) in Node, for the tools that ask it what the page would.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PKG = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www', 'pkg');

/** The core's module (Explainer, page_sections, …), ready to call. */
export async function loadCore() {
  const glue = path.join(PKG, 'ai_capex_explainer.js');
  if (!fs.existsSync(glue)) throw new Error('www/pkg/ is missing: run ./dev build first');
  const core = await import(pathToFileURL(glue).href);
  core.initSync({ module: fs.readFileSync(path.join(PKG, 'ai_capex_explainer_bg.wasm')) });
  return core;
}
