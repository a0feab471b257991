// Share and reuse: copy a link to exactly what the reader sees (or, where the browser will not
// let the page copy, the link in a field to copy by hand), and buttons that download a chart as
// a PNG, the figures as JSON and CSV, and the calculator's results as CSV. The files are made by
// js/share/share-files.js, loaded on the first click. Every control says how it went beside itself,
// in the reader's words; a failure never reaches the rest of the page.

import { h, replaceChildren } from '../lib/dom.js';
import { hrefWith } from '../page/url-state.js';
import { localized } from '../core/data.js';
import { withinLoadTime } from '../assets.js';

/**
 * options:
 *   context()                 the page context {t, fmt, data, lang, currency}
 *   flushUrl()                writes pending changes into the address at once
 *   datasetText()             resolves to the whole dataset file, as editors keep it
 *   chartSize(id)             {width, height} of chart `id` on screen, CSS px
 *   drawChart(id, canvas, scale)  draws chart `id` on `canvas` at `scale` device px per CSS px
 * Returns { bar(), chartTools(id, describe), resultsTools(model) }.
 */
export function createShare({ context, flushUrl, datasetText, chartSize, drawChart }) {
  const t = (key, vars) => context().t(key, vars);
  // Like every file the page waits for, the download code may take LOAD_TIMEOUT_MS at most.
  const files = () => withinLoadTime(import('./share-files.js'), 'js/share/share-files.js');

  /** The address of this page as the reader sees it: language and currency always written. */
  function link() {
    flushUrl();
    const { lang, currency } = context();
    return new URL(hrefWith({ lang, cur: currency }), location.href).href;
  }

  /**
   * A row of controls, `controls(message)`, with a line beside them that says how the last
   * click went.
   */
  function tools(cls, controls, attrs = {}) {
    const message = h('p', { class: 'share-message', attrs: { role: 'status' } });
    return h('div', { class: ['share-ui', cls], attrs }, controls(message), message);
  }

  const button = (label, onClick, name) => h('button', { type: 'button', class: 'share-button', attrs: { 'aria-label': name || null }, on: { click: onClick } }, label);

  /** Save what `make(files)` resolves to ({blob, name}); a failure is said in `message`. */
  async function download(message, make) {
    replaceChildren(message);
    let m;
    try {
      m = await files();
    } catch {
      replaceChildren(message, t('share.unavailable'));
      return;
    }
    try {
      const { blob, name } = await make(m);
      m.saveFile(blob, name);
    } catch (e) {
      replaceChildren(message, t('share.failed', { message: e && e.message ? e.message : String(e) }));
    }
  }

  async function copyLink(message) {
    const address = link();
    try {
      // In a frame the host did not allow to copy, asking would only log an error (Chromium).
      const policy = document.featurePolicy;
      if (policy && !policy.allowsFeature('clipboard-write')) throw new Error('clipboard-write is not allowed here');
      await navigator.clipboard.writeText(address);
      replaceChildren(message, t('share.link_copied'));
    } catch {
      // Blocked (a frame without clipboard permission, an older browser): the link to copy by hand.
      const field = h('input', { type: 'text', readOnly: true, value: address, class: 'share-link-field', attrs: { 'aria-label': t('share.link_label') } });
      replaceChildren(message, t('share.copy_blocked'), ' ', field);
      field.focus();
      field.select();
    }
  }

  /** The page's own name for its files: ai-capex-<what>-<language>.<ext>. */
  const fileName = (what, ext) => `ai-capex-${what}-${context().lang}.${ext}`;

  return {
    /** Copy link; the data as JSON or CSV. */
    bar() {
      const data = (message, format, make) => button(format, () => download(message, make), t('share.data_label', { format }));
      return tools(
        'share-bar',
        (message) => [
          button(t('share.copy_link'), () => copyLink(message)),
          h('span', { class: 'switch-label' }, t('share.data')),
          data(message, 'JSON', async () => ({ blob: new Blob([await datasetText()], { type: 'application/json' }), name: `ai-capex-dataset-${context().data.version || 'data'}.json` })),
          data(message, 'CSV', async (m) => {
            // The figures with their quotes, notes and addresses: the words first, where they come apart.
            const { data } = context();
            if (!(await data.whenComplete())) throw new Error(t('share.words_missing'));
            return { blob: m.csvBlob(m.figuresRows(context())), name: fileName('figures', 'csv') };
          }),
        ],
        { role: 'group', 'aria-label': t('share.label') },
      );
    },
    /**
     * "Download PNG" for chart `id`. `describe()` gives { title, notes } for the image: notes
     * are lines under the chart (the scenario of a calculator chart); the sources of a dataset
     * chart's figures and the link are added here.
     */
    chartTools(id, describe) {
      const image = async (m) => {
        const { title, notes = [] } = describe();
        const blob = await m.chartImage({
          ...chartSize(id),
          title,
          notes: [...notes, sourcesNote(id), t('share.image_link', { link: link() })],
          drawChart: (canvas, scale) => drawChart(id, canvas, scale),
        });
        return { blob, name: fileName(id, 'png') };
      };
      return tools('share-chart', (message) => [button(t('share.chart_png'), () => download(message, image), t('share.chart_png_label', { title: describe().title }))]);
    },
    /** "Download these results (CSV)": `model()` gives the calculator's outputs (share-files.js resultsRows). */
    resultsTools(model) {
      const results = async (m) => ({ blob: m.csvBlob(m.resultsRows(context(), { ...model(), link: link() })), name: fileName('scenario', 'csv') });
      return tools('share-results', (message) => [button(t('share.results_csv'), () => download(message, results))]);
    },
  };

  /** "Sources: …" of the figures a dataset chart draws ('' for a calculator chart). */
  function sourcesNote(id) {
    const { data, lang } = context();
    const chart = data && data.charts.find((c) => c.id === id);
    if (!chart) return '';
    const outlets = new Set(chart.drawn.map((factId) => data.source(data.fact(factId))).filter(Boolean).map((s) => localized(s.outlet, lang)));
    return t('share.image_sources', { sources: [...outlets].join(lang === 'en' ? '; ' : '；') });
  }
}
