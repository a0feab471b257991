// What the reader did on the baked page before it was live — a button tapped, a slider let go,
// a choice made, a table opened — kept by js/head.js (window.__explainerEarly) and applied here
// to the live controls once their part of the page is live, in the order it was done: never
// silently lost. The article comes to life first; the calculator, whose code comes after the
// wasm, may follow seconds later, and what was done to it is kept until then.
// A control still in the page was live when used (its own handler answered) and is skipped;
// so is one whose live twin is not the same kind of control (the page changed under it). A
// twin is matched by what does not depend on the language (?lang= may differ from the bake's).

/** The live control at `id` and `path` (child indices below it), or null. */
function liveTwin(doc, { id, path }) {
  return path.reduce((at, index) => (at ? at.children[index] : null), doc.getElementById(id));
}

const SAME = ['type', 'name', 'data-figures', 'data-currency'];

function sameKind(live, baked) {
  if (!live || live.tagName !== baked.tagName || SAME.some((name) => live.getAttribute(name) !== baked.getAttribute(name))) return false;
  return baked.type !== 'radio' || live.value === baked.value; // a slider's value is what changed
}

/** Stop keeping, and let no control show it is waiting. Returns what was kept (or null). */
export function stopKeepingEarlyInput(doc = document) {
  const kept = window.__explainerEarly;
  window.__explainerEarly = null;
  doc.documentElement.removeAttribute('data-live');
  for (const el of doc.querySelectorAll('[data-pending]')) el.removeAttribute('data-pending');
  // A tap just before this, on a control already live, was answered and kept both.
  for (const el of doc.querySelectorAll('[data-kept]')) el.removeAttribute('data-kept');
  return Array.isArray(kept) ? kept : null;
}

/**
 * Apply what was kept. With `pending` (an element whose controls are not live yet: the
 * calculator), apply what was done elsewhere and go on keeping only what is done in it, for a
 * later call without; else apply all and stop keeping. Returns how many were applied.
 */
export function applyEarlyInput(doc = document, { pending = null } = {}) {
  let kept;
  if (pending && Array.isArray(window.__explainerEarly)) {
    const later = window.__explainerEarly.filter((entry) => pending.contains(entry.target));
    kept = window.__explainerEarly.filter((entry) => !pending.contains(entry.target));
    // The same list js/head.js fills: from now on only with what is done in `pending`.
    window.__explainerEarly.splice(0, Infinity, ...later);
    doc.documentElement.setAttribute('data-live', '');
    pending.setAttribute('data-pending', '');
    for (const el of doc.querySelectorAll('[data-kept]')) if (!pending.contains(el)) el.removeAttribute('data-kept');
  } else {
    kept = stopKeepingEarlyInput(doc);
  }
  if (!kept) return 0;
  // One per control and kind, the last, in the order of the last: a button tapped twice while
  // waiting is tapped once.
  const last = new Map();
  for (const entry of kept) {
    const key = `${entry.type} ${entry.id} ${entry.path.join(' ')}`;
    last.delete(key);
    last.set(key, entry);
  }
  let applied = 0;
  for (const entry of last.values()) {
    if (entry.target.isConnected) continue;
    const el = liveTwin(doc, entry);
    if (!sameKind(el, entry.target)) continue;
    if (entry.type === 'click') el.click();
    else if (entry.type === 'toggle') el.open = entry.open;
    else {
      if (el.type === 'radio') el.checked = entry.value;
      else el.value = entry.value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    applied += 1;
  }
  return applied;
}
