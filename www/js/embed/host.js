// The one place that talks to a page embedding this explainer in an <iframe>: whenever the
// layout changes it tells the parent its height, in every dialect a newsroom's host page may
// listen for (README, "Embedding in an article"):
//
//   ours          {type: 'ai-capex:height', height}            (js/embed-host.js)
//   pym.js        'pymxPYMx<childId>xPYMxheightxPYMx<height>'  (childId: from pym's ?childId=)
//   Datawrapper   {'datawrapper-height': {<dw-id>: height}}    (dw-id: ?dw-id=, else 'ai-capex')
//   AMP           {sentinel: 'amp', type: 'embed-size', height} (amp-iframe resizable)
//
// A host that starts late asks (the handshake): our {type: 'ai-capex:hello'} or pym's width
// message, from the parent window only, is answered with the height at once.
//
// Nothing is sent when the page is not framed. The messages carry only a number and ids the
// parent gave us, so the wildcard target origin leaks nothing.

/**
 * Heights are whole CSS px in [0, MAX_HEIGHT]: no host is ever asked for more. Every table
 * open at 320 px is about 100,000 px; a taller page is held at the cap, where js/embed-host.js
 * lets the frame scroll.
 */
const MAX_HEIGHT = 200_000;
/** pym.js puts the id in a RegExp and between its delimiters: only an HTML-id-like token. */
const PYM_ID = /^[A-Za-z][\w:.-]{0,99}$/;
const PYM_PREFIX = 'pymxPYMx';

let lastHeight = -1;
let started = false;
let datawrapperId = 'ai-capex';
let pymId = null;

function framed() {
  try {
    return window.parent && window.parent !== window;
  } catch {
    return true;
  }
}

/**
 * The height of the content in CSS px. The <html> box is as tall as its content (the CSS
 * never stretches it to the viewport), so this also shrinks when the content does, unlike
 * scrollHeight, which never drops below the frame's own height.
 */
function documentHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  return Math.min(MAX_HEIGHT, Math.max(0, height || 0));
}

function post(message) {
  try {
    window.parent.postMessage(message, '*');
  } catch {
    /* the host is gone */
  }
}

function postHeight(height) {
  post({ type: 'ai-capex:height', height });
  post({ 'datawrapper-height': { [datawrapperId]: height } });
  post({ sentinel: 'amp', type: 'embed-size', height });
  if (pymId) post(`${PYM_PREFIX}${pymId}xPYMxheightxPYMx${height}`);
}

/** Post the height now if it changed (or `always`, to answer a host's hello). */
export function sendHeight({ always = false } = {}) {
  if (!framed()) return;
  const height = documentHeight();
  if (height === lastHeight && !always) return;
  lastHeight = height;
  postHeight(height);
}

/** A host script or pym.js parent announcing itself: answer with the height. */
function onParentMessage(event) {
  if (event.source !== window.parent) return;
  const data = event.data;
  const hello = data && typeof data === 'object' && data.type === 'ai-capex:hello';
  const pymWidth = pymId && typeof data === 'string' && data.startsWith(`${PYM_PREFIX}${pymId}xPYMxwidthxPYMx`);
  if (hello || pymWidth) sendHeight({ always: true });
}

/**
 * Start watching the layout (idempotent). `embedId` is the page's validated ?dw-id=, the id
 * Datawrapper's host script looks the frame up by.
 */
export function startHostSync({ embedId = null } = {}) {
  if (!framed()) return;
  if (embedId) datawrapperId = embedId;
  const childId = new URLSearchParams(location.search).get('childId');
  pymId = childId && PYM_ID.test(childId) ? childId : null;
  if (!started) {
    started = true;
    window.addEventListener('message', onParentMessage);
    if (typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(() => sendHeight());
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    }
  }
  sendHeight();
}
