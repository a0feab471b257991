// Tiny DOM helpers. Elements are built with properties and text nodes only: no innerHTML,
// no inline style attributes, so the page runs under a strict Content-Security-Policy.

/**
 * Create an element. `props`: `class`, `text`, `dataset` (object), `attrs` (object of
 * attributes), `on` (object of event listeners), any other key is set as a property.
 * `children`: nodes, strings (become text nodes), arrays, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) {
        if (name === 'style') throw new Error('inline style is not allowed (CSP)');
        if (v !== undefined && v !== null && v !== false) el.setAttribute(name, v === true ? '' : String(v));
      }
    } else if (key === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (key === 'style') {
      throw new Error('inline style is not allowed (CSP)');
    } else el[key] = value;
  }
  append(el, children);
  return el;
}

/** Append children (nodes, strings, nested arrays; null/false skipped). */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replace all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * `old` made to read as `fresh`: where the two trees have the same shape, texts and attributes
 * are changed in place, elsewhere the fresh part replaces the old; so the browser styles and
 * lays out anew only what changed (a table rebuilt whole after each slider made one frame over
 * 50 ms on a phone). For trees without listeners. Returns the node on the page.
 */
export function morph(old, fresh) {
  const freshChildren = [...fresh.childNodes];
  if (old.nodeName !== fresh.nodeName || old.childNodes.length !== freshChildren.length) {
    old.replaceWith(fresh);
    return fresh;
  }
  if (old.nodeType === Node.TEXT_NODE) {
    if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
    return old;
  }
  if (old.nodeType === Node.ELEMENT_NODE) {
    for (const { name } of [...old.attributes]) if (!fresh.hasAttribute(name)) old.removeAttribute(name);
    for (const { name, value } of fresh.attributes) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  [...old.childNodes].forEach((child, i) => morph(child, freshChildren[i]));
  return old;
}

/** `document.getElementById` that tolerates a missing element. */
export const byId = (id) => document.getElementById(id);
