// The accessible equivalent of every chart: a table of the facts it shows, each row with
// its period, value (as the source worded it, plus a conversion when the reader chose the
// other currency), its source, grade and original quote; then the "why the figures differ"
// note and, at the end of the page, the list of sources.

import { h, replaceChildren } from '../lib/dom.js';
import { detailBlock } from './status.js';
import { localized } from '../core/data.js';

/** The `lang` attribute for a quote from the (Chinese) seed articles. */
const QUOTE_LANG = 'zh-Hans';

/**
 * Significant figures of "the article itself gives …": the article's own converted figure, as
 * it wrote it. A fact keeps its implied rate only when that figure has at least three
 * (www/data/README.md, `cny_per_usd`); four reproduce 7295亿, 1919亿 and 4319亿 exactly.
 */
const ARTICLE_CONVERSION_FIGURES = 4;

/**
 * The reason shown beside a figure's grade: its source's, or, when the figure is graded apart
 * from its source, that grade named first and the source's reason after it, so the two never
 * read as one contradicting the other (the figure's note says why it differs).
 */
function gradeReasonOf(ctx, fact, source, grade) {
  const { t, lang } = ctx;
  // Until the words of a figures part are here, the grade's meaning stands in for the reason.
  const reason = source ? localized(source.grade_reason, lang) || t(`sources.grade_legend.${source.grade}`) : '';
  if (!source || !fact.grade || fact.grade === source.grade) return reason;
  return t('table.grade_own', { grade, source_grade: source.grade, reason });
}

/**
 * What a record measures, in the reader's words: its definition, else its measure's name, or ''.
 */
export function measuresText(ctx, fact) {
  const { data, lang } = ctx;
  if (fact.definition) return localized(fact.definition, lang);
  const measure = fact.measure && (data.raw.measures || []).find((m) => m.id === fact.measure);
  return measure ? localized(measure.name, lang) : '';
}

/** The records a derived figure is computed from (`derived_from`), those the dataset has. */
function inputsOf(data, fact) {
  return (Array.isArray(fact.derived_from) ? fact.derived_from : []).map((id) => data.fact(id)).filter(Boolean);
}

/**
 * Who a figure is credited to: [{source, grade}] — its own source, or for a derived figure the
 * sources of the records it is computed from (once each), never a page that only repeats it.
 */
function creditsOf(data, fact) {
  const inputs = inputsOf(data, fact);
  if (!inputs.length) return [{ source: data.source(fact), grade: data.grade(fact) }];
  const seen = new Set();
  return inputs
    .filter((input) => !seen.has(input.source) && seen.add(input.source))
    .map((input) => ({ source: data.source(input), grade: data.grade(input) }));
}

/** "Outlet, date · grade" for each credit, joined: the line a tooltip or link title shows. */
export function creditText(ctx, d) {
  const { fmt, lang } = ctx;
  return fmt.joined(
    d.credits
      .filter((c) => c.source)
      .map((c) => `${localized(c.source.outlet, lang)}${c.source.date ? `${fmt.comma}${fmt.date(c.source.date)}` : ''} · ${c.grade}`),
    '; ',
  );
}

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
  const articleSaid =
    typeof fact.cny_per_usd === 'number' ? fmt.factConverted(fact, currency, fact.cny_per_usd, ARTICLE_CONVERSION_FIGURES) : null;
  return {
    fact,
    id,
    entity: entity ? localized(entity.name, lang) : fact.entity,
    metric: metric ? localized(metric.name, lang) : fact.metric,
    // An article's "actual" is only what the article states as actual, not a reported figure.
    period: fmt.periodWithBasis(fact.period, { stated: !reference }),
    value: fmt.factValue(fact),
    converted,
    rate,
    articleSaid,
    source,
    grade,
    gradeReason: gradeReasonOf(ctx, fact, source, grade),
    credits: creditsOf(data, fact),
    derived: inputsOf(data, fact).length > 0,
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
    d.articleSaid ? h('span', { class: 'article-rate' }, ' ', t('table.article_rate', { x: d.articleSaid.text, rate: d.articleSaid.rateText })) : null,
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

function factRow(ctx, chartId, d, contextReason) {
  const { t } = ctx;
  const cols = {
    entity: t('table.col.entity'),
    period: t('table.col.period'),
    value: t('table.col.value'),
    source: t('table.col.source'),
  };
  const sourceCell = [];
  const credited = d.credits.filter((c) => c.source);
  if (d.derived) sourceCell.push(h('span', { class: 'derived-from' }, t('table.derived_from')), ' ');
  credited.forEach((c, i) => {
    // A derived figure shows each input's source with that source's own grade and reason.
    const reason = d.derived ? localized(c.source.grade_reason, ctx.lang) : d.gradeReason;
    sourceCell.push(i ? '; ' : null, h('span', { class: 'source-line' }, sourceLine(ctx, c.source)), ' ', gradeBadge(ctx, c.grade, reason));
  });
  if (!credited.length) sourceCell.push(h('span', { class: 'source-line' }, t('table.unknown_source', { id: d.fact.source })));
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
    for (const { source } of credited) {
      if (typeof source.url !== 'string' || !/^https:\/\//.test(source.url)) continue;
      const label = credited.length > 1 ? t('table.open_link_of', { outlet: localized(source.outlet, ctx.lang) }) : t('sources.open_link');
      sourceCell.push(h('a', { class: 'source-link', href: source.url, rel: 'noopener noreferrer', target: '_blank' }, label));
    }
  }

  return h(
    'tr',
    {
      id: factRowId(chartId, d.id),
      tabIndex: -1,
      class: ['fact-row', d.disputed && 'is-disputed', d.reference && 'is-reference', contextReason && 'is-context'],
      dataset: { fact: d.id },
      attrs: { role: 'row' },
    },
    h(
      'th',
      { attrs: { scope: 'row', role: 'rowheader', 'data-label': cols.entity } },
      h('span', { class: 'entity' }, d.entity),
      h('span', { class: 'metric' }, d.metric),
      d.reference ? h('span', { class: 'badge badge-reference' }, t('table.public_record')) : null,
      contextReason ? h('span', { class: 'badge badge-context' }, contextReason) : null,
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

/** The builders of closed <details> blocks, run the first time each opens: { build, ctx, words }. */
const pending = new WeakMap();

/**
 * A <details> whose content is built the first time it opens (a closed table costs no DOM).
 * Before that it holds a line for readers without JavaScript, pointing to the page that has
 * every table (tables.html, baked beside each language page; `fallback` names another line
 * and place on it). `words`, for content that shows the figures' words where those come apart
 * from the figures (js/core/dataset-parts.js): the text keys of its lines while they come and
 * when they could not be had, { loading, failed }.
 */
export function lazyDetails(ctx, { className, summary, open, build, words = null, fallback = { text: ctx.t('table.fallback'), href: 'tables.html' } }) {
  const details = h(
    'details',
    { class: className, on: { toggle: () => details.open && buildDetails(details) } },
    h('summary', {}, summary),
    h('p', { class: 'table-fallback' }, h('a', { href: fallback.href }, fallback.text)),
  );
  pending.set(details, { build, ctx, words });
  if (open) {
    details.open = true;
    buildDetails(details);
  }
  return details;
}

/** The words lines of the figures tables and of "why the figures differ". */
const TABLE_WORDS = { loading: 'table.words_loading', failed: 'table.words_failed' };
const CONFLICT_WORDS = { loading: 'conflicts.words_loading', failed: 'conflicts.words_failed' };

/**
 * Fill a lazy <details> (once); used before jumping to a row inside it. The figures are there at
 * once; where their words come apart and are not here yet, a line says they are on their way,
 * and the content is built again when they come (what had focus keeps it), or the line says
 * they could not be had, and they are asked for again the next time it opens. Resolves once
 * the words are in, or could not be had.
 */
export function buildDetails(details) {
  const entry = details && pending.get(details);
  if (!entry) return Promise.resolve();
  pending.delete(details);
  const { build, ctx, words } = entry;
  const content = () => [build()].flat().filter(Boolean);
  let shown = content();
  details.append(...shown);
  if (!words || ctx.data.complete) return Promise.resolve();
  const status = h('p', { class: 'words-status', attrs: { role: 'status' } });
  details.append(status);
  const retryOnOpen = () => {
    if (!details.open) return;
    details.removeEventListener('toggle', retryOnOpen);
    fill();
  };
  function fill() {
    status.dataset.state = 'loading';
    replaceChildren(status, ctx.t(words.loading));
    return ctx.data.whenComplete().then((complete) => {
      if (!complete) {
        status.dataset.state = 'failed';
        replaceChildren(status, ctx.t(words.failed), ' ', h('a', { href: 'tables.html' }, ctx.t('table.words_elsewhere')), detailBlock(ctx.t, ctx.data.wordsProblem));
        details.addEventListener('toggle', retryOnOpen);
        return;
      }
      const focused = details.contains(document.activeElement) ? document.activeElement.id : '';
      for (const el of shown) el.remove();
      shown = content();
      status.replaceWith(...shown);
      const again = focused && document.getElementById(focused);
      if (again) {
        again.focus({ preventScroll: true });
        again.scrollIntoView({ block: 'nearest' });
      }
    });
  }
  return fill();
}

/** A period's kind and part ("half H1"): a context figure of a kind the chart draws differs by definition. */
const periodShape = (p) => `${p.kind} ${p.part ?? ''}`;

/**
 * Why each context figure of a table (`context`, among `factIds`) is not drawn, as its badge
 * says: Map id → text. A figure covering another kind of period than every figure the chart
 * draws says so ("another period (H1 2025)"); any other measures something else.
 */
export function contextReasons(ctx, factIds, context) {
  const { t, fmt, data } = ctx;
  const facts = factIds.map((id) => data.fact(id)).filter((f) => f && f.period);
  const drawnShapes = new Set(facts.filter((f) => !context.has(f.id)).map((f) => periodShape(f.period)));
  return new Map(
    facts
      .filter((f) => context.has(f.id))
      .map((f) => [f.id, drawnShapes.has(periodShape(f.period)) ? t('table.context_only') : t('table.context_other_period', { period: fmt.period(f.period) })]),
  );
}

/**
 * The "Table and sources" block for a chart: a <details> holding the table of `factIds` in
 * order, built when opened. Ids missing from the dataset are skipped; those in `context`
 * (figures on another definition or period, kept for reference) are marked as not drawn,
 * each with its reason.
 */
export function renderFactTable(ctx, chartId, factIds, { open = false, context = new Set() } = {}) {
  const { t, data } = ctx;
  const count = factIds.filter((id) => data.fact(id)).length;
  const build = () => {
    if (!count) return h('p', { class: 'empty' }, t('table.empty'));
    const rows = factIds.map((id) => describeFact(ctx, id)).filter(Boolean);
    const reasons = contextReasons(ctx, factIds, context);
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
      h('tbody', { attrs: { role: 'rowgroup' } }, rows.map((d) => factRow(ctx, chartId, d, reasons.get(d.id) ?? null))),
    );
  };
  return lazyDetails(ctx, { className: 'table-details', summary: t('table.summary', { count }), open, build, words: TABLE_WORDS });
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
  return lazyDetails(ctx, { className: 'conflicts', summary: t('conflicts.summary', { count: conflicts.length }), open, build, words: CONFLICT_WORDS });
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
        ctx.fmt.labelled(`${d.entity} · ${d.period}`, ''),
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
