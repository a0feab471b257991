// The one place that talks to a page embedding this explainer in an <iframe>: it sends the
// document height whenever the layout changes, so the host can size the frame to fit.
//
//   parent.postMessage({ type: 'ai-capex:height', height }, '*')
//
// Nothing is sent when the page is not framed. The message carries only a number, so the
// wildcard target origin leaks nothing.

let lastHeight = -1;
let observer = null;

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
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

/** Post the height now if it changed. */
export function sendHeight() {
  if (!framed()) return;
  const height = documentHeight();
  if (height === lastHeight) return;
  lastHeight = height;
  try {
    window.parent.postMessage({ type: 'ai-capex:height', height }, '*');
  } catch {
    /* the host is gone */
  }
}

/** Start watching the layout (idempotent). */
export function startHostSync() {
  if (!framed() || observer || typeof ResizeObserver !== 'function') {
    sendHeight();
    return;
  }
  observer = new ResizeObserver(() => sendHeight());
  observer.observe(document.documentElement);
  if (document.body) observer.observe(document.body);
  sendHeight();
}
