// The article around the charts: kicker, headline, dek, the language and currency switches,
// one section per dataset chart (question, one-line takeaway, canvas, table, conflicts),
// the sources and the footer. Everything here works without the wasm core: the tables and
// takeaways come straight from the dataset JSON.

import { h, replaceChildren, byId } from '../lib/dom.js';
import { LANGS } from '../lib/i18n.js';
import { hrefWith, currentParams, onUrlChange, CURRENCIES } from './url-state.js';
import { renderFactTable, renderConflicts, renderSources, describeFact, creditText, factRowId, chartElementId, buildDetails } from './tables.js';
import { localized } from '../core/data.js';
import { toBillions, currencyOfUnit } from '../lib/format.js';


/**
 * Fill the page header: title, meta description, kicker, headline, dek, language links and
 * the currency switch. `onCurrency(cur)` is called when the reader picks a currency.
 */
export function renderHeader(ctx, { onCurrency }) {
  const { t, lang, currency } = ctx;
  document.title = t('meta.title');
  const meta = document.querySelector('meta[name="description"]');
  if (meta) meta.content = t('meta.description');
  byId('kicker').textContent = t('page.kicker');
  byId('headline').textContent = t('page.headline');
  byId('dek').textContent = t('page.dek');
  const skip = byId('skip-link');
  if (skip) skip.textContent = t('page.skip_to_calculator');

  const langNav = byId('lang-switch');
  langNav.setAttribute('aria-label', t('page.language'));
  replaceChildren(
    langNav,
    h(
      'ul',
      {},
      LANGS.map((code) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: langHref(code),
              attrs: { lang: code, hreflang: code, 'aria-current': code === lang ? 'true' : null },
            },
            t(`page.lang_names.${code}`),
          ),
        ),
      ),
    ),
  );

  // The language links carry the whole state (scenario, currency): refresh them whenever
  // the address changes.
  if (!renderHeader.watching) {
    renderHeader.watching = true;
    onUrlChange(refreshLangLinks);
  }

  const curBox = byId('currency-switch');
  const labelId = 'currency-label';
  replaceChildren(
    curBox,
    h('span', { id: labelId, class: 'switch-label' }, t('page.currency')),
    h(
      'span',
      { class: 'segmented', attrs: { role: 'group', 'aria-labelledby': labelId } },
      CURRENCIES.map((code) =>
        h(
          'button',
          {
            type: 'button',
            dataset: { currency: code },
            attrs: { 'aria-pressed': String(code === currency) },
            on: { click: () => onCurrency(code) },
          },
          t(`page.currency_names.${code}`),
        ),
      ),
    ),
  );
}

function refreshLangLinks() {
  for (const a of document.querySelectorAll('#lang-switch a[hreflang]')) a.href = langHref(a.getAttribute('hreflang'));
}

/**
 * The link to the page in language `code`, keeping the rest of the state: on the baked pages
 * each language has its own path (data-lang-paths, written by tools/bake.mjs), else `?lang=`.
 */
function langHref(code) {
  let paths = null;
  try {
    paths = JSON.parse(document.documentElement.dataset.langPaths || 'null');
  } catch {
    paths = null;
  }
  if (!paths || typeof paths[code] !== 'string') return hrefWith({ lang: code });
  const query = new URLSearchParams(currentParams());
  query.delete('lang');
  const rest = query.toString();
  return `${paths[code]}${rest ? `?${rest}` : ''}${globalThis.location ? globalThis.location.hash : ''}`;
}

/** Reflect the chosen currency on the switch buttons. */
export function updateCurrencySwitch(currency) {
  for (const button of document.querySelectorAll('#currency-switch button[data-currency]')) {
    button.setAttribute('aria-pressed', String(button.dataset.currency === currency));
  }
}

/**
 * Split a takeaway template into text and figures: `{fact:ID}` is the value as the source
 * worded it (money rounded to 0.1 bn, as prose writes it), `{fact_cur:ID}` the value in the
 * reader's currency (converted at the stated rate when needed). Returns [string | {id, text}], or null when a fact is missing from the dataset.
 */
export function resolveFactPlaceholders(template, ctx) {
  const { data, fmt, currency } = ctx;
  const parts = [];
  let last = 0;
  for (const match of template.matchAll(/\{(fact|fact_cur):([\w.-]+)\}/g)) {
    const [whole, kind, id] = match;
    const fact = data.fact(id);
    if (!fact) return null;
    const rate = kind === 'fact_cur' && fact.period ? data.rateFor(fact.period.end) : null;
    const converted = rate ? fmt.factConverted(fact, currency, rate.cny_per_usd) : null;
    parts.push(template.slice(last, match.index));
    parts.push({ id, text: converted ? ctx.t('format.converted_prose', { x: converted.amount }) : fmt.factProse(fact) });
    last = match.index + whole.length;
  }
  parts.push(template.slice(last));
  return parts;
}

/**
 * A figure in a takeaway: hover names its source; a tap (or Enter) opens the chart's table
 * and moves to the figure's row, with the quote and the grade — one step from any number
 * to where it comes from.
 */
function figureLink(ctx, chartId, { id, text }) {
  const d = describeFact(ctx, id);
  const source = d ? creditText(ctx, d) : '';
  const rowId = factRowId(chartId, id);
  return h(
    'a',
    {
      class: 'fact-ref',
      href: `#${rowId}`,
      title: source,
      on: {
        click(event) {
          // The table is built when first opened: build it, then find the row (its quote and
          // notes follow when they come apart from the figures; the row keeps the focus).
          const details = document.querySelector(`#${CSS.escape(chartElementId(chartId))} details.table-details`);
          buildDetails(details);
          const row = document.getElementById(rowId);
          if (!row) return;
          event.preventDefault();
          if (details) details.open = true;
          row.scrollIntoView({ block: 'center', behavior: 'smooth' });
          row.focus({ preventScroll: true });
        },
      },
    },
    text,
  );
}

/**
 * The conversion note under a chart whose money figures are not all in the reader's
 * currency: the one reference rate of each year it converts, or ''.
 */
export function rateNote(ctx, factIds) {
  const { t, fmt, data, currency } = ctx;
  const money = { usd_bn: 'USD', usd_m: 'USD', cny_bn: 'CNY', cny_m: 'CNY' };
  const converted = factIds.map((id) => data.fact(id)).filter((f) => f && f.period && money[f.unit] && money[f.unit] !== currency);
  const rates = new Map();
  for (const f of converted) {
    const r = data.rateFor(f.period.end);
    if (r) rates.set(r.year, r);
  }
  if (!rates.size) return '';
  const list = [...rates.values()]
    .sort((a, b) => a.year - b.year)
    .map((r) => t('format.rate_year', { year: r.year, rate: fmt.rateText(r.cny_per_usd) }))
    .join(ctx.lang === 'en' ? '; ' : '；');
  return t('charts.rate_note', { currency: t(`page.currency_names.${currency}`), rates: list });
}

/** The one-line takeaway of chart `id`: text, and its figures as links to their rows. */
export function takeaway(ctx, id) {
  const { t } = ctx;
  const key = `charts.${id}.takeaway`;
  if (!t.has(key)) return [];
  const parts = resolveFactPlaceholders(t.raw(key), ctx);
  if (parts !== null) return parts.map((p) => (typeof p === 'string' ? p : figureLink(ctx, id, p)));
  return t.has(`charts.${id}.takeaway_plain`) ? [t(`charts.${id}.takeaway_plain`)] : [];
}

/** A total over several years: shown in the chart's pledge strip, never among yearly bars. */
const isPledge = (fact) => fact && fact.period && (fact.period.kind === 'multi_year' || fact.period.kind === 'cumulative');

/** Whether chart `chart` draws both the articles' figures and public records (so it gets a switch). */
function hasBothSets(ctx, chart) {
  const drawn = chart.drawn.filter((id) => !isPledge(ctx.data.fact(id)));
  return drawn.some((id) => ctx.data.isReference(id)) && drawn.some((id) => !ctx.data.isReference(id));
}

/**
 * The switch between "what the articles said" and "what was reported": two pressed-state
 * buttons (mouse, tap, keyboard), the chosen set drawn as bars and the other as markers.
 */
function figuresSwitch(ctx, chartId, onFigures) {
  const { t } = ctx;
  const labelId = `${chartElementId(chartId)}-figures-label`;
  const buttons = ['reported', 'articles'].map((which) =>
    h(
      'button',
      {
        type: 'button',
        dataset: { figures: which },
        attrs: { 'aria-pressed': String(which === 'reported') },
        on: {
          click(event) {
            const group = event.currentTarget.parentElement;
            for (const b of group.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.figures === which));
            onFigures(chartId, which);
          },
        },
      },
      t(`figures.${which}`),
    ),
  );
  return h(
    'div',
    { class: 'figures-switch' },
    h('span', { id: labelId, class: 'switch-label' }, t('figures.label')),
    h('span', { class: 'segmented', attrs: { role: 'group', 'aria-labelledby': labelId } }, buttons),
  );
}

/**
 * The pledge strip: totals over several years (a three-year pledge, a running total), each
 * with its span and, where the span is known, what it comes to a year.
 */
function pledgeStrip(ctx, chart) {
  const { t, fmt, data, lang } = ctx;
  const pledges = chart.drawn.map((id) => data.fact(id)).filter(isPledge);
  if (!pledges.length) return null;
  const items = pledges.map((fact) => {
    const entity = data.entity(fact);
    const source = data.source(fact);
    return h(
      'li',
      { dataset: { fact: fact.id } },
      h('strong', {}, fmt.labelled(entity ? localized(entity.name, lang) : fact.entity, fmt.factValue(fact))),
      ` ${pledgeSpan(ctx, fact)} · ${fmt.basis(fact.period, { stated: !data.isReference(fact.id) })}`,
      source ? ` · ${localized(source.outlet, lang)}${source.date ? `${fmt.comma}${fmt.date(source.date)}` : ''}` : '',
    );
  });
  return h('div', { class: 'pledges' }, h('p', { class: 'pledges-heading' }, t('figures.pledges_heading')), h('ul', {}, items));
}

/**
 * The span of a pledge in words. A pledge over named years (multi_year) is also put per year —
 * "about" that much (or "at least", "over", as the pledge was worded), since spending is never
 * even; a running total is not, since its calendar years are not a count of years of spending.
 */
function pledgeSpan(ctx, fact) {
  const { t, fmt } = ctx;
  const { start, end, kind } = fact.period;
  if (kind === 'multi_year') {
    const years = end - start + 1;
    const money = /_(bn|m)$/.test(fact.unit);
    const perYear = (v) => (money ? fmt.moneyBn(toBillions(v / years, fact.unit), currencyOfUnit(fact.unit)) : fmt.number(v / years, 1));
    const word = fact.qualifier === 'at_least' || fact.qualifier === 'over' ? fact.qualifier : 'about';
    return t('figures.pledge_span', { start, end, per_year: t(`format.qualifier.${word}`, { x: perYear(fact.value) }) });
  }
  return start < end ? t('figures.pledge_running', { start, end }) : t('figures.pledge_cumulative', { year: end });
}


/**
 * Build one <section data-chart> per chart, for the page to put in place. Returns { sections,
 * entries }: the elements, and a Map id → { section, canvas, frame, errorEl, takeawayEl,
 * tableSlot, factIds }. `onFigures(id, which)` is called when the reader switches a chart
 * between the articles' figures and public records; `tools(chart)` gives the controls under a
 * chart (its download), or null.
 */
export function buildChartSections(ctx, charts, { onFigures = () => {}, tools = () => null } = {}) {
  const { t } = ctx;
  const entries = new Map();
  // Tables and conflicts start closed and are built when opened: the page stays light.
  const open = false;
  const sections = charts.map((chart) => {
    const elementId = chartElementId(chart.id);
    const headingId = `${elementId}-heading`;
    const descriptionKey = `charts.${chart.id}.description`;
    const canvas = h('canvas', {
      class: 'chart-canvas',
      tabIndex: 0,
      attrs: {
        role: 'img',
        'aria-label': t.has(descriptionKey) ? t(descriptionKey) : t(`charts.${chart.id}.question`),
        'aria-describedby': 'chart-key-hint',
      },
    });
    const frame = h('div', { class: 'chart-frame' }, canvas);
    const errorEl = h('p', { class: 'chart-error', hidden: true, attrs: { role: 'status' } });
    const takeawayEl = h('p', { class: 'takeaway' }, takeaway(ctx, chart.id));
    const noteEl = h('figcaption', { class: 'chart-note' }, rateNote(ctx, chart.drawn));
    const tableSlot = h('div', { class: 'table-slot' });
    const conflictsSlot = h('div', { class: 'conflicts-slot' });
    const section = h(
      'section',
      { id: elementId, class: 'chart-section', dataset: { chart: chart.id }, attrs: { 'aria-labelledby': headingId } },
      h('h2', { id: headingId }, t(`charts.${chart.id}.question`)),
      takeawayEl,
      hasBothSets(ctx, chart) ? figuresSwitch(ctx, chart.id, onFigures) : null,
      h('figure', { class: 'chart-figure' }, frame, pledgeStrip(ctx, chart), noteEl, errorEl, tools(chart)),
      tableSlot,
      conflictsSlot,
    );
    const entry = { id: chart.id, section, canvas, frame, errorEl, takeawayEl, noteEl, tableSlot, conflictsSlot, factIds: chart.facts, drawn: chart.drawn };
    fillTables(entry, ctx, open);
    entries.set(chart.id, entry);
    return section;
  });
  return { sections, entries };
}

function fillTables(entry, ctx, open, conflictsOpen = open) {
  const context = new Set(entry.factIds.filter((id) => !entry.drawn.includes(id)));
  replaceChildren(entry.tableSlot, renderFactTable(ctx, entry.id, entry.factIds, { open, context }));
  replaceChildren(entry.conflictsSlot, renderConflicts(ctx, entry.factIds, { open: conflictsOpen }));
}

/**
 * Re-render takeaways, tables and conflicts (after a currency change). Keeps each <details>'
 * open state and the canvases.
 */
export function refreshChartText(entries, ctx, charts) {
  for (const chart of charts) {
    const entry = entries.get(chart.id);
    if (!entry) continue;
    entry.factIds = chart.facts;
    entry.drawn = chart.drawn;
    const details = entry.tableSlot.querySelector('details');
    const conflicts = entry.conflictsSlot.querySelector('details');
    const open = details ? details.open : false;
    replaceChildren(entry.takeawayEl, takeaway(ctx, chart.id));
    entry.noteEl.textContent = rateNote(ctx, chart.drawn);
    fillTables(entry, ctx, open, conflicts ? conflicts.open : open);
  }
}

/** The sources section at the end of the article. */
export function renderSourcesSection(ctx) {
  const { t } = ctx;
  const el = byId('sources');
  replaceChildren(el, h('h2', { id: 'sources-heading' }, t('sources.heading')), renderSources(ctx));
  el.setAttribute('aria-labelledby', 'sources-heading');
  el.hidden = false;
}

/** The footer: method note, what changed (corrections are published, not made silently), dataset version. */
export function renderFooter(ctx) {
  const { t, data, lang, fmt } = ctx;
  const updated = byId('updated');
  const latest = data.changelog[0];
  if (updated) {
    const edited = latest ? h('a', { href: '#updates' }, t('footer.updated', { date: fmt.date(latest.date) })) : null;
    const cutoff = data.cutoff ? h('span', { class: 'cutoff' }, t('footer.data_cutoff', { date: fmt.date(data.cutoff) })) : null;
    replaceChildren(updated, edited, edited && cutoff ? ' · ' : null, cutoff);
  }
  replaceChildren(
    byId('footer'),
    h('p', {}, t('footer.method')),
    data.changelog.length
      ? h(
          'section',
          { id: 'updates', class: 'updates', attrs: { 'aria-labelledby': 'updates-heading' } },
          h('h2', { id: 'updates-heading' }, t('footer.updates_heading')),
          h(
            'ul',
            {},
            data.changelog.map((c) => h('li', {}, h('time', { attrs: { datetime: c.date } }, fmt.date(c.date)), fmt.dash, localized(c.text, lang))),
          ),
        )
      : null,
    h('p', { class: 'muted' }, t('footer.dataset_version', { version: data.version || '–', facts: data.facts.size, sources: data.sources.size })),
  );
}
