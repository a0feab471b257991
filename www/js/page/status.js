// Messages to the reader in #status: loading, bad link parameters, a refused data file, a
// core that could not load. Each message is words in the reader's language; developer
// detail (English) goes into a <details> underneath.

import { h, append } from '../lib/dom.js';

/**
 * A status area over `el` (role=status, aria-live=polite in the HTML). Its button, shown only
 * where the messages lie over the content (an article's frame, css/base.css), hides them until
 * the next one.
 */
export function createStatus(el, { dismissLabel }) {
  const byKey = new Map();
  const dismiss = h('button', { class: 'status-dismiss', attrs: { type: 'button' }, on: { click: () => (el.hidden = true) } }, dismissLabel);

  function put(key, node) {
    const old = byKey.get(key);
    if (old) old.replaceWith(node);
    else if (dismiss.isConnected) dismiss.before(node);
    else append(el, [node, dismiss]);
    byKey.set(key, node);
    el.hidden = false;
  }

  return {
    /** Show or replace the message `key`. `kind`: info | warning | error. */
    show(key, kind, ...content) {
      put(key, h('div', { class: ['message', `message-${kind}`], dataset: { message: key } }, content));
    },
    /** Remove message `key`. */
    clear(key) {
      const node = byKey.get(key);
      if (node) node.remove();
      byKey.delete(key);
      if (byKey.size) return;
      dismiss.remove();
      el.hidden = true;
    },
    has: (key) => byKey.has(key),
  };
}

/** A bad URL parameter, in words: names the parameter, what was given, what is allowed. */
export function paramProblemMessage(t, problem) {
  const fallback = problem.fallback === undefined || problem.fallback === null || problem.fallback === '' ? t('status.param_default') : problem.fallback;
  return h(
    'p',
    {},
    t('status.param_problem', {
      param: problem.param,
      value: truncate(problem.value, 40),
      allowed: problem.allowed,
      fallback,
    }),
  );
}

/** The dataset file was refused: a count in words and the list in a <details>. */
export function datasetErrorsMessage(t, errors) {
  const shown = errors.slice(0, 50);
  return [
    h('p', {}, t('status.dataset_refused', { count: errors.length })),
    h(
      'details',
      { class: 'dev-detail' },
      h('summary', {}, t('status.dataset_errors_heading', { count: errors.length })),
      h(
        'ul',
        { attrs: { lang: 'en' } },
        shown.map((e) => {
          const location = String(e && e.location ? e.location : '');
          const message = String(e && e.message ? e.message : e);
          // The core's message usually starts with the location already.
          return h('li', {}, message.startsWith(location) ? message : [h('code', {}, location), ' ', message]);
        }),
        errors.length > shown.length ? h('li', {}, `… ${errors.length - shown.length} more`) : null,
      ),
    ),
  ];
}

/** A technical detail under a message, in English for whoever fixes it. */
export function detailBlock(t, text) {
  return h('details', { class: 'dev-detail' }, h('summary', {}, t('status.technical_detail')), h('pre', { attrs: { lang: 'en' } }, String(text)));
}

function truncate(value, n) {
  const s = String(value);
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
