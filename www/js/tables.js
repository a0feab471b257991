// The accessible equivalent of every chart: a table of the facts it shows, each row with
// its period, value (as the source worded it, plus a conversion when the reader chose the
// other currency), its source, grade and original quote; then the "why the figures differ"
// note and, at the end of the page, the list of sources.

import { h } from './dom.js';
import { localized } from './data.js';

/** The `lang` attribute for a quote from the (Chinese) seed articles. */
const QUOTE_LANG = 'zh-Hans';

/** A grade with its reason, readable by hover (title), tap and keyboard (details). */
export function gradeBadge(ctx, grade, reason) {
  const { t } = ctx;
  return h(
    'details',
    { class: ['grade', `grade-${grade}`] },
    h('summary', { attrs: { title: reason || null } }, t('table.grade', { grade })),
    h('span', { class: 'grade-reason' }, reason || t(`sources.grade_legend.${grade}`)),
  );
}

/** "outlet, date" for a source. */
function sourceLine(ctx, source) {
  const { lang, fmt } = ctx;
  return [
    h('span', { class: 'outlet' }, localized(source.outlet, lang)),
    source.date ? [fmt.comma, h('time', { attrs: { datetime: source.date } }, fmt.date(source.date))] : null,
  ];
}

/** The cells' content for one fact; shared by the table and the tooltip. Null without checked data. */
export function describeFact(ctx, id) {
  const { fmt, data, lang, currency } = ctx;
  const fact = data ? data.fact(id) : undefined;
  if (!fact) return null;
  const entity = data.entity(fact);
  const metric = data.metric(fact);
  const source = data.source(fact);
  const grade = data.grade(fact);
  const reference = data.isReference(id);
  const rate = fact.period ? data.rateFor(fact.period.end) : null;
  const converted = rate ? fmt.factConverted(fact, currency, rate.cny_per_usd) : null;
  // What the article itself said in the other currency (its own implied rate): shown, never used.
  const articleSaid = typeof fact.cny_per_usd === 'number' ? fmt.factConverted(fact, currency, fact.cny_per_usd) : null;
  return {
    fact,
    id,
    entity: entity ? localized(entity.name, lang) : fact.entity,
    metric: metric ? localized(metric.name, lang) : fact.metric,
    period: fmt.periodWithBasis(fact.period),
    value: fmt.factValue(fact),
    converted,
    rate,
    articleSaid,
    source,
    grade,
    gradeReason: source ? localized(source.grade_reason, lang) : '',
    disputed: grade === 'D',
    reference,
    note: fact.note ? localized(fact.note, lang) : '',
    definition: fact.definition ? localized(fact.definition, lang) : '',
    quote: typeof fact.quote === 'string' ? fact.quote : '',
  };
}

function convertedNote(ctx, d) {
  if (!d.converted) return null;
  const { t, lang } = ctx;
  const how = t('table.rate_reference', { rate: d.converted.rateText, year: d.rate.year, basis: localized(d.rate.basis, lang) });
  return h(
    'span',
    { class: 'converted' },
    t('table.converted_line', { converted: d.converted.text, rate: how }),
    d.articleSaid ? h('span', { class: 'article-rate' }, ' ', t('table.article_rate', { x: d.articleSaid.amount, rate: d.articleSaid.rateText })) : null,
  );
}

/**
 * The element id of dataset chart `chartId`'s section. Every id derived from a chart starts
 * with "chart-", which no id of the page's own has: a chart named "calculator" or
 * "model-breakeven" cannot take over the page's elements (the core also refuses such names).
 */
export function chartElementId(chartId) {
  return `chart-${chartId}`;
}

/** The id of fact `factId`'s row in chart `chartId`'s table (a fact can sit in two charts). */
export function factRowId(chartId, factId) {
  return `${chartElementId(chartId)}--${factId}`;
}

function factRow(ctx, chartId, d, contextOnly) {
  const { t } = ctx;
  const cols = {
    entity: t('table.col.entity'),
    period: t('table.col.period'),
    value: t('table.col.value'),
    source: t('table.col.source'),
  };
  const sourceCell = [];
  if (d.source) {
    sourceCell.push(h('span', { class: 'source-line' }, sourceLine(ctx, d.source)), ' ', gradeBadge(ctx, d.grade, d.gradeReason));
  } else {
    sourceCell.push(h('span', { class: 'source-line' }, t('table.unknown_source', { id: d.fact.source })));
  }
  if (d.quote) {
    sourceCell.push(
      h(
        'blockquote',
        { class: 'quote', attrs: { lang: QUOTE_LANG } },
        h('span', { class: 'visually-hidden', attrs: { lang: ctx.lang } }, t('table.quote_label')),
        t('table.quoted', { quote: d.quote }),
      ),
    );
  }
  if (d.reference) {
    if (d.definition) sourceCell.push(h('p', { class: 'definition' }, t('table.definition', { text: d.definition })));
    if (d.source && typeof d.source.url === 'string' && /^https:\/\//.test(d.source.url)) {
      sourceCell.push(
        h('a', { class: 'source-link', href: d.source.url, rel: 'noopener noreferrer', target: '_blank' }, t('sources.open_link')),
      );
    }
  }

  return h(
    'tr',
    {
      id: factRowId(chartId, d.id),
      tabIndex: -1,
      class: ['fact-row', d.disputed && 'is-disputed', d.reference && 'is-reference', contextOnly && 'is-context'],
      dataset: { fact: d.id },
      attrs: { role: 'row' },
    },
    h(
      'th',
      { attrs: { scope: 'row', role: 'rowheader', 'data-label': cols.entity } },
      h('span', { class: 'entity' }, d.entity),
      h('span', { class: 'metric' }, d.metric),
      d.reference ? h('span', { class: 'badge badge-reference' }, t('table.public_record')) : null,
      contextOnly ? h('span', { class: 'badge badge-context' }, t('table.context_only')) : null,
    ),
    h('td', { attrs: { role: 'cell', 'data-label': cols.period } }, d.period),
    h(
      'td',
      { attrs: { role: 'cell', 'data-label': cols.value } },
      h('span', { class: 'value' }, d.value),
      convertedNote(ctx, d),
      d.disputed ? h('strong', { class: 'flag flag-disputed' }, t('table.disputed')) : null,
      d.note ? h('span', { class: 'note' }, d.note) : null,
    ),
    h('td', { attrs: { role: 'cell', 'data-label': cols.source } }, sourceCell),
  );
}

/** The builders of closed <details> blocks, run the first time each opens. */
const pending = new WeakMap();

/**
 * A <details> whose content is built the first time it opens (a closed table costs no DOM).
 * Before that it holds a line for readers without JavaScript, pointing to the page that has
 * every table (tables.html, baked beside each language page).
 */
function lazyDetails(ctx, { className, summary, open, build }) {
  const details = h(
    'details',
    { class: className, on: { toggle: () => details.open && buildDetails(details) } },
    h('summary', {}, summary),
    h('p', { class: 'table-fallback' }, h('a', { href: 'tables.html' }, ctx.t('table.fallback'))),
  );
  pending.set(details, build);
  if (open) {
    details.open = true;
    buildDetails(details);
  }
  return details;
}

/** Fill a lazy <details> now (once); used before jumping to a row inside it. */
export function buildDetails(details) {
  const build = details && pending.get(details);
  if (!build) return;
  pending.delete(details);
  details.append(...[build()].flat().filter(Boolean));
}

/**
 * The "Table and sources" block for a chart: a <details> holding the table of `factIds` in
 * order, built when opened. Ids missing from the dataset are skipped; those in `context`
 * (figures on another definition, kept for reference) are marked as not drawn.
 */
export function renderFactTable(ctx, chartId, factIds, { open = false, context = new Set() } = {}) {
  const { t, data } = ctx;
  const count = factIds.filter((id) => data.fact(id)).length;
  const build = () => {
    if (!count) return h('p', { class: 'empty' }, t('table.empty'));
    const rows = factIds.map((id) => describeFact(ctx, id)).filter(Boolean);
    const head = h(
      'thead',
      { attrs: { role: 'rowgroup' } },
      h(
        'tr',
        { attrs: { role: 'row' } },
        ['entity', 'period', 'value', 'source'].map((c) => h('th', { attrs: { scope: 'col', role: 'columnheader' } }, t(`table.col.${c}`))),
      ),
    );
    return h(
      'table',
      { class: 'facts', attrs: { role: 'table' } },
      h('caption', { class: 'visually-hidden' }, t('table.caption', { question: t(`charts.${chartId}.question`) })),
      head,
      h('tbody', { attrs: { role: 'rowgroup' } }, rows.map((d) => factRow(ctx, chartId, d, context.has(d.id)))),
    );
  };
  return lazyDetails(ctx, { className: 'table-details', summary: t('table.summary', { count }), open, build });
}

/** "Why the figures differ": the conflicts that involve any of `factIds`, or null. */
export function renderConflicts(ctx, factIds, { open = false } = {}) {
  const { t, data, lang } = ctx;
  const conflicts = data.conflictsFor(factIds);
  if (!conflicts.length) return null;
  const build = () =>
    h(
      'ul',
      {},
      conflicts.map((c) =>
        h(
          'li',
          {},
          h('strong', {}, localized(c.title, lang)),
          ' ',
          localized(c.explanation, lang),
          conflictFigures(ctx, c),
        ),
      ),
    );
  return lazyDetails(ctx, { className: 'conflicts', summary: t('conflicts.summary', { count: conflicts.length }), open, build });
}

/** The figures a conflict is about, as a compact list: "US$320 bn (智东西, 2025-02)". */
function conflictFigures(ctx, conflict) {
  const { t, lang } = ctx;
  const items = conflict.facts
    .map((id) => describeFact(ctx, id))
    .filter(Boolean)
    .map((d) =>
      h(
        'li',
        { class: d.disputed ? 'is-disputed' : null },
        `${d.entity} · ${d.period}: `,
        h('span', { class: 'value' }, d.value),
        `${ctx.fmt.dash}${d.source ? localized(d.source.outlet, lang) : d.fact.source}`,
        d.reference ? ctx.fmt.aside(t('table.public_record')) : null,
        d.disputed ? [' ', h('strong', { class: 'flag flag-disputed' }, t('table.disputed'))] : null,
      ),
    );
  return items.length ? h('ul', { class: 'conflict-figures' }, items) : null;
}

/** The sources section body: every source with its kind, date, grade and reason. */
export function renderSources(ctx) {
  const { t, data, lang, fmt } = ctx;
  const all = [...data.sources.values()];
  const seeds = all.filter((s) => s.kind !== 'public_record');
  const records = all.filter((s) => s.kind === 'public_record');
  const item = (s) =>
    h(
      'li',
      { class: ['source', `grade-${s.grade}`], id: `source-${s.id}` },
      h('span', { class: 'outlet' }, localized(s.outlet, lang)),
      s.title ? [fmt.dash, h('cite', { attrs: { lang: s.kind === 'public_record' ? null : QUOTE_LANG } }, localized(s.title, lang))] : null,
      s.date ? [fmt.comma, h('time', { attrs: { datetime: s.date } }, fmt.date(s.date))] : null,
      s.date_note ? h('span', { class: 'date-note' }, fmt.aside(localized(s.date_note, lang))) : null,
      h(
        'p',
        { class: 'grade-line' },
        h('strong', { class: ['grade-chip', `grade-${s.grade}`] }, t('table.grade', { grade: s.grade })),
        ' ',
        localized(s.grade_reason, lang),
      ),
      s.kind === 'public_record' && typeof s.url === 'string' && /^https:\/\//.test(s.url)
        ? h('a', { class: 'source-link', href: s.url, rel: 'noopener noreferrer', target: '_blank' }, t('sources.open_link'))
        : null,
      s.seed_file ? h('span', { class: 'seed-file' }, t('sources.seed_file', { file: s.seed_file })) : null,
    );
  return [
    h('p', {}, t('sources.intro')),
    h(
      'dl',
      { class: 'grade-legend' },
      ['A', 'B', 'C', 'D'].map((g) => [h('dt', { class: ['grade-chip', `grade-${g}`] }, t('table.grade', { grade: g })), h('dd', {}, t(`sources.grade_legend.${g}`))]),
    ),
    h('h3', {}, t('sources.seeds_heading')),
    h('ol', { class: 'source-list' }, seeds.map(item)),
    records.length ? [h('h3', {}, t('sources.records_heading')), h('p', { class: 'muted' }, t('sources.records_intro')), h('ul', { class: 'source-list' }, records.map(item))] : null,
  ];
}
