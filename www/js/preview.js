// The editors' preview (preview.html, never part of the reader's page): check a replacement
// data file exactly as `./dev check-data` does — the page's own core, every problem with its
// line — and, when it is clean, show the article with its figures under a PREVIEW banner.
//
// The file comes from this site (?file=data/candidate.json: same origin only, so a link cannot
// put someone else's figures under our name) or from the editor's computer (the file picker;
// nothing leaves the browser). The reader's page takes no data file from its address at all.

import { boot, reportUnexpected } from './page/page.js';
import { checkDataFile, isUtf8 } from './data-file/data-file.js';
import { MAX_DATASET_BYTES, readWithinLimit } from './data-file/size-limit.js';
import { loadWasm } from './core/wasm.js';
import { byId, h, replaceChildren } from './lib/dom.js';

const SHIPPED = 'data/capex-dataset.json';
const DATA_FILE = /\.(json|csv|tsv|txt)$/i;

const summary = byId('preview-summary');
const problemList = byId('preview-problems');

/** Why `requested` cannot be previewed (null if it can): this origin, a data file's name. */
export function refusedAddress(requested, here) {
  let url;
  try {
    url = new URL(requested, here);
  } catch {
    return `"${requested}" is not an address`;
  }
  if (url.origin !== new URL(here).origin) return `only a file on this site can be previewed, not ${url.origin}`;
  if (!DATA_FILE.test(url.pathname)) return 'the file must be .json, or a sheet saved as .csv, .tsv or .txt';
  return null;
}

/** A file the preview will not show, and why (English, Simplified and Traditional Chinese). */
class Refusal extends Error {
  constructor(en, zhHans = '', zhHant = '') {
    super(en);
    this.zhHans = zhHans;
    this.zhHant = zhHant;
  }
}

/**
 * The bytes at `url` and their size, read no further than the page's limit (checkDataFile
 * refuses a larger file, as it does a local one). Only the file at that very address: a
 * redirect, which could lead to another site, is refused, not followed.
 */
async function fetchBytes(url) {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' });
  if (response.type === 'opaqueredirect') {
    throw new Refusal(
      `${url} redirects to another address; only a file served at its own address on this site can be previewed`,
      '该地址会转向别处；只能预览本站上以其本身地址提供的文件',
      '該網址會轉向別處；只能預覽本站上以其本身網址提供的檔案',
    );
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return readWithinLimit(response);
}

/** Say why nothing is previewed, in the three languages. */
function refuse({ message, zhHans, zhHant }) {
  say(`Not previewed: ${message}. · 未预览${zhHans ? `：${zhHans}` : ''}。 · 未預覽${zhHant ? `：${zhHant}` : ''}。`);
  document.documentElement.dataset.state = 'refused';
}

function say(text) {
  summary.textContent = text;
}

function showProblems(problems) {
  replaceChildren(problemList, ...problems.map((p) => h('li', {}, `${p.file}:${p.line}: ${p.where}: ${p.what}`)));
  problemList.hidden = problems.length === 0;
}

/** Check `name` (its `bytes`, or only its `size` when over the limit) with the core; boot the article with it when it is clean. */
async function preview(name, { bytes, size }) {
  say(`Checking ${name}…`);
  const wasm = await loadWasm();
  if (!wasm.ok) throw new Error(`the core did not load: ${wasm.detail}`);
  const validate = (text) => {
    const checker = new wasm.Explainer();
    try {
      return checker.set_dataset(text);
    } finally {
      checker.free();
    }
  };
  const base = DATA_FILE.test(name) && !/\.json$/i.test(name) ? { name: SHIPPED, ...(await fetchBytes(SHIPPED)) } : undefined;
  const { encoding, problems, dataset } = checkDataFile({ name, bytes, size, base, validate });
  showProblems(problems);
  const readAs = isUtf8(encoding) ? '' : ` (read as ${encoding})`;
  if (problems.length) {
    say(`${name}${readAs}: ${problems.length} problem${problems.length === 1 ? '' : 's'}. The reader's page would refuse this file and keep the published figures. · 读者页面会拒绝此文件。`);
    document.documentElement.dataset.state = 'refused';
    return;
  }
  say(`${name}${readAs}: no problems — ${dataset.facts.length} figures from the articles, ${dataset.reference.length} from public records. Below: the article with these figures, not yet published. · 以下为未发布的预览。`);
  document.title = `PREVIEW ${name} · ${document.title}`;
  await boot({ fetchDataset: async () => ({ text: JSON.stringify(dataset) }) });
}

function choose() {
  const form = byId('preview-choose');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = String(new FormData(form).get('file') || '').trim();
    if (file) location.search = `?${new URLSearchParams({ file })}`;
  });
  byId('preview-local').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    form.hidden = true;
    const tooLarge = file.size > MAX_DATASET_BYTES;
    await preview(file.name, { bytes: tooLarge ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer()), size: file.size }).catch(failed);
  });
}

function failed(error) {
  if (error instanceof Refusal) return refuse(error);
  say(`The preview failed: ${error && error.message ? error.message : error}`);
  document.documentElement.dataset.state = 'error';
  reportUnexpected(error);
}

async function start() {
  choose();
  const requested = new URLSearchParams(location.search).get('file');
  if (requested === null) {
    say('Choose a data file to check and preview. · 请选择要检查和预览的数据文件。');
    document.documentElement.dataset.state = 'waiting';
    return;
  }
  byId('preview-choose').hidden = true;
  const refused = refusedAddress(requested, location.href);
  if (refused) return refuse({ message: refused });
  const url = new URL(requested, location.href);
  await preview(url.pathname.split('/').pop(), await fetchBytes(url.href));
}

start().catch(failed);
