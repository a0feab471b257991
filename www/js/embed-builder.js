// The editors' embed builder (embed-builder.html, never part of the reader's page): pick the
// sections, language, opening scenario, theme, currency and chrome; see them in two frames
// (phone and desktop width) sized by the same host script the article will use; copy the
// snippet (js/embed/embed-snippet.js).
//
// The previews always show this site's copy (the builder's own folder), so they work under
// the page's CSP (frames from 'self' only); the snippet points at the public address field,
// which starts as that same folder. The article is taken to be on that same site (case B, the
// safe snippet) until the editor gives its address on another origin.

import { byId, h, replaceChildren } from './lib/dom.js';
import { articlePlace, embedQuery, embedSnippet, explainerBase, originOf } from './embed/embed-snippet.js';
import { loadWasm } from './core/wasm.js';

const form = byId('builder-form');
const snippetBox = byId('builder-snippet');
const copied = byId('builder-copied');
const problem = byId('builder-problem');
const warning = byId('builder-warning');
const frames = [byId('builder-frame-phone'), byId('builder-frame-desktop')];
const PREVIEW_DELAY_MS = 400;

/** Chart ids in the dataset's order, then the page's own sections (the core's list). */
let sectionIds = [];
const words = new Map(); // language → its words (i18n/<lang>.json)

async function fetchJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function wordsFor(lang) {
  if (!words.has(lang)) words.set(lang, fetchJson(`./i18n/${lang}.json`));
  return words.get(lang);
}

/** What the form says, as the page's options. */
function chosen() {
  const data = new FormData(form);
  return {
    lang: data.get('lang'),
    section: data.getAll('section'),
    preset: data.get('preset'),
    theme: data.get('theme'),
    cur: data.get('cur'),
    chrome: data.get('chrome') || '',
  };
}

function label(text, lang) {
  return h('span', { attrs: { lang } }, text);
}

/** Section and scenario names in the chosen language, keeping what is ticked. */
async function renderChoices(lang) {
  const t = await wordsFor(lang);
  const ticked = new Set(new FormData(form).getAll('section'));
  const pageSectionNames = { calculator: t.calculator.title, sources: t.sources.heading };
  const name = (id) => pageSectionNames[id] || t.charts[id]?.question || id;
  replaceChildren(
    byId('builder-sections'),
    sectionIds.map((id) =>
      h('label', { class: 'builder-check' }, h('input', { type: 'checkbox', name: 'section', value: id, checked: ticked.has(id) }), label(name(id), lang), ' ', h('code', {}, id)),
    ),
  );
  const presetSelect = byId('builder-preset');
  const current = presetSelect.value;
  replaceChildren(
    presetSelect,
    presetSelect.options[0],
    Object.entries(t.calculator.presets).map(([id, preset]) => h('option', { value: id, selected: id === current, attrs: { lang } }, preset.name)),
  );
}

/** Show `text` in `el`, or hide it when there is none. */
function say(el, text) {
  el.hidden = !text;
  el.textContent = text || '';
}

async function renderSnippet() {
  const options = chosen();
  const t = await wordsFor(options.lang);
  const words = (key, vars) => t.builder[key].replace(/\{(\w+)\}/g, (whole, name) => vars[name] ?? whole);
  problem.lang = warning.lang = options.lang;
  const at = explainerBase(byId('builder-base').value, location.href);
  const place = at.base ? articlePlace(byId('builder-article').value, at.base, originOf(location.href)) : {};
  const trouble = at.problem ? at : place.problem && place;
  say(problem, trouble && words(trouble.problem, trouble.vars));
  say(warning, place.sharedDomain && words('shared_domain', { domain: place.sharedDomain }));
  snippetBox.value = trouble ? '' : embedSnippet({ base: at.base, options, title: t.meta.title, otherOrigin: place.otherOrigin, builderOrigin: originOf(location.href) });
}

let previewTimer = null;
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    const src = new URL(`./${embedQuery(chosen())}`, location.href).href;
    for (const frame of frames) if (frame.src !== src) frame.src = src;
  }, PREVIEW_DELAY_MS);
}

/** The page's own sections (calculator, sources), as the core and the bake name them. */
async function corePageSections() {
  // The one way the core is initialised (js/core/wasm.js), so it stays renewable in this page too.
  const core = await loadWasm();
  if (!core.ok) throw new Error(`the core did not load: ${core.detail}`);
  return core.pageSections;
}

async function update({ relabel = false } = {}) {
  if (relabel) await renderChoices(chosen().lang);
  await renderSnippet();
  schedulePreview();
}

/** Copy the snippet; where the clipboard is refused, select it for the editor to copy. */
async function copySnippet() {
  try {
    await navigator.clipboard.writeText(snippetBox.value);
    copied.textContent = 'Copied · 已复制';
  } catch {
    snippetBox.focus();
    snippetBox.select();
    copied.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy · 已选中：按Ctrl+C（Mac上⌘C）复制';
  }
}

async function start() {
  byId('builder-base').value = new URL('./', location.href).href;
  const [dataset, pageSections] = await Promise.all([fetchJson('./data/capex-dataset.json'), corePageSections()]);
  sectionIds = [...dataset.charts.map((chart) => chart.id), ...pageSections];
  form.addEventListener('change', (event) => update({ relabel: event.target.name === 'lang' }));
  form.addEventListener('input', (event) => {
    if (event.target.type === 'url') update();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('builder-copy').addEventListener('click', copySnippet);
  await update({ relabel: true });
}

start().catch((error) => say(problem, `The builder could not start: ${error.message} · 生成器未能启动`));
