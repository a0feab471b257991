// One chart on the page: sizes its <canvas> to CSS size × devicePixelRatio, asks the wasm
// core to draw it, and turns pointer, tap and arrow keys into a tooltip about the mark
// under them (ex.hit / ex.marks map device pixels back to the fact or model year).
//
// Redraws are batched: scheduleDraw() marks a view dirty and the coming animation frames draw
// the dirty views near the screen, a few milliseconds of drawing each (unless a view is drawn
// before then); the others when they come near. A ResizeObserver on each canvas schedules a
// redraw when its CSS size changes (the CSS decides the size; see css/chart.css).

import { createTooltip } from './tooltip.js';

/** The device pixel ratio the charts are drawn at (1–4, as the Rust style clamps it). */
export function currentDpr() {
  const dpr = Number(globalThis.devicePixelRatio) || 1;
  return Math.min(4, Math.max(1, dpr));
}

const dirty = new Set();
let frameRequested = false;

/**
 * How long one frame may spend drawing charts (ms) before the rest wait for the next: a
 * chart takes 20–40 ms on a phone (the bench's CPU ×4), and several in one frame made one
 * long task the reader's input waited behind. One chart is always drawn per frame.
 */
const FRAME_BUDGET_MS = 8;

function flush() {
  frameRequested = false;
  const started = performance.now();
  for (const view of dirty) {
    if (performance.now() - started > FRAME_BUDGET_MS) {
      requestFrame();
      return;
    }
    dirty.delete(view);
    view.drawWhenNear();
  }
}

function requestFrame() {
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(flush);
  }
}

/** Draw `view` on a coming animation frame, unless it is drawn before (once, however often this is called). */
export function scheduleDraw(view) {
  dirty.add(view);
  requestFrame();
}

/** How far off screen a chart still counts as near the reader (CSS px). */
const NEAR_PX = 200;

/**
 * Whether each chart is on screen or within NEAR_PX of it, as the browser reports it (no
 * layout is forced): a chart far from the reader is redrawn when it comes near, not before.
 */
const nearObserver =
  // In an article's frame the browser measures against the article's screen and ignores the
  // margin: a chart would be redrawn only once in view. There, every chart is drawn at once.
  typeof IntersectionObserver === 'function' && window === window.top
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) entry.target.__chartView?.setNear(entry.isIntersecting);
        },
        { rootMargin: `${NEAR_PX}px 0px` },
      )
    : null;

const resizeObserver =
  typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
        for (const entry of entries) {
          const view = entry.target.__chartView;
          if (!view) continue;
          view.observedSize(entry.contentRect.width, entry.contentRect.height);
          if (view.sizeChanged()) scheduleDraw(view);
        }
      })
    : null;

/**
 * options:
 *   id         chart id passed to ex.draw / ex.hit / ex.marks
 *   elementId  its section's element id (default: id), the stem of the tooltip's id
 *   canvas     the <canvas>
 *   frame      positioned wrapper (holds canvas and tooltip)
 *   errorEl    element for a short "could not draw" message
 *   explainer  () => the Explainer or null
 *   describe   (hit) => array of tooltip lines, or null
 *   onDrawn    (view, ok, ms) => void, after every draw attempt
 *   t          translator (for the draw-failure message)
 *   drawn      the canvas already shows this chart, perhaps out of date (a view made anew for
 *              it): redrawn when near, not at once
 */
export function createChartView({ id, elementId = id, canvas, frame, errorEl, explainer, describe, onDrawn, t, drawn = false }) {
  const tooltip = createTooltip(frame, { id: `${elementId}-tooltip` });
  const listening = new AbortController(); // the canvas may outlive this view
  const on = (type, handler) => canvas.addEventListener(type, handler, { signal: listening.signal });
  let marks = null; // cached ex.marks() of the last draw
  let focusIndex = -1;
  let lastCss = { w: 0, h: 0, dpr: 0 };
  // The CSS size as the ResizeObserver last reported it. Reading clientWidth instead would
  // force a synchronous layout whenever the page changed since the last frame (a slider's
  // value text, say), which costs more than drawing the chart.
  let observed = null;
  let drawnOnce = drawn;
  let imageStandsIn = false; // a baked image (not inline SVG) shows the chart until drawn live
  let tapped = null;
  let near = null; // on screen or nearly (nearObserver); null until it has said
  let stale = false; // the last drawing is out of date, redrawn when the chart comes near

  const view = {
    id,
    canvas,
    get drawn() {
      return drawnOnce;
    },
    /** Whether a baked image stands in for it, until it comes near (see standIn()). */
    get standingIn() {
      return !drawnOnce && imageStandsIn;
    },
    /** Whether the canvas is laid out (visible) at all. */
    isVisible() {
      if (!canvas.isConnected) return false;
      if (observed) return observed.w > 0 && observed.h > 0;
      return canvas.getClientRects().length > 0 && canvas.clientWidth > 0;
    },
    observedSize(w, h) {
      observed = { w, h };
    },
    /** Whether the chart is on screen or nearly; true until the observer has said otherwise. */
    get near() {
      return near !== false;
    },
    setNear(isNear) {
      near = isNear;
      if (near && stale) scheduleDraw(view); // in the frame's budget, with the others near
    },
    /**
     * Draw now if the chart is on screen or nearly; else keep its last drawing (or the baked
     * one) and draw it when it comes near: a phone shows one chart at a time, and a slider let
     * go or a resize should not wait for the other eleven. Returns whether it drew.
     */
    drawWhenNear() {
      if (!nearObserver) return view.draw();
      // Not yet reported (a chart just made): the observer reports a chart as soon as it starts
      // watching it, and setNear draws it then if it is near. Measuring now instead would force
      // a layout of a page still being rebuilt (a currency switch rebuilds the calculator):
      // 30 ms and more on a phone.
      if (!near) {
        stale = true;
        return false;
      }
      return view.draw();
    },
    sizeChanged() {
      const { w, h } = cssSize();
      return w !== lastCss.w || h !== lastCss.h || currentDpr() !== lastCss.dpr;
    },
    /** Draw now. Returns true on success, false when hidden, unavailable or failed. */
    draw() {
      const ex = explainer();
      if (!ex || !view.isVisible()) return false;
      // A drawing answers any redraw asked for before it (as the resize observer's first
      // report of a chart does); one that fails is asked for again, once.
      const asked = dirty.delete(view);
      const started = performance.now();
      const dpr = currentDpr();
      const { w: cssW, h: cssH } = cssSize();
      const w = Math.max(1, Math.round(cssW * dpr));
      const hgt = Math.max(1, Math.round(cssH * dpr));
      let snapshot = null;
      if (canvas.width !== w || canvas.height !== hgt) {
        snapshot = drawnOnce ? copyOf(canvas) : null;
        canvas.width = w;
        canvas.height = hgt;
      }
      lastCss = { w: cssW, h: cssH, dpr };
      let ok = true;
      try {
        ex.draw(id, canvas);
        marks = null;
        drawnOnce = true;
        stale = false;
        if (frame.classList.contains('is-baked')) {
          for (const drawing of frame.querySelectorAll(':scope > .chart-svg')) drawing.remove();
          frame.classList.remove('is-baked');
        }
        canvas.dataset.drawn = '1';
        delete canvas.dataset.error;
        if (errorEl) errorEl.hidden = true;
      } catch (e) {
        ok = false;
        if (asked) scheduleDraw(view);
        if (snapshot) restore(canvas, snapshot);
        canvas.dataset.error = '1';
        if (errorEl) {
          errorEl.textContent = t('status.chart_failed', { message: messageOf(e) });
          errorEl.hidden = false;
        }
      }
      if (tooltipShown()) refreshFocus();
      if (onDrawn) onDrawn(view, ok, performance.now() - started);
      return ok;
    },
    hideTooltip() {
      tooltip.hide();
      tapped = null;
    },
    /**
     * Show `drawings` (the baked page's SVGs of this chart) in the canvas's place until the
     * first live drawing, so a chart drawn later never shows as a blank box.
     */
    standIn(drawings) {
      if (drawnOnce || !drawings || !drawings.length) return;
      frame.prepend(...drawings);
      frame.classList.add('is-baked');
      // An inline drawing is hundreds of elements: replaced as soon as the page can.
      imageStandsIn = drawings.every((drawing) => drawing.localName !== 'svg');
    },
    /**
     * The first drawing: now, or, while a baked image stands in, as the chart comes near.
     * Returns whether it drew.
     */
    drawOrAwaitReader() {
      return view.standingIn ? view.drawWhenNear() : view.draw();
    },
    /** Whether the canvas is on screen or nearly (drawn first when the page comes to life). */
    nearViewport() {
      const r = canvas.getBoundingClientRect();
      return r.bottom > -NEAR_PX && r.top < innerHeight + NEAR_PX;
    },
    /** Stop watching the canvas (its section is being rebuilt). */
    destroy() {
      dirty.delete(view);
      tooltip.hide();
      listening.abort();
      if (resizeObserver) resizeObserver.unobserve(canvas);
      if (nearObserver) nearObserver.unobserve(canvas);
      delete canvas.__chartView;
    },
    /** Re-describe the mark that has keyboard focus (after a language/currency change). */
    refresh() {
      if (tooltipShown()) refreshFocus();
    },
  };
  // Unreported, measured as the observer would: in fractions of a pixel (clientHeight rounds).
  function cssSize() {
    if (observed) return observed;
    const box = canvas.getBoundingClientRect();
    return { w: box.width, h: box.height };
  }

  canvas.__chartView = view;
  if (resizeObserver) resizeObserver.observe(canvas);
  if (nearObserver) nearObserver.observe(canvas);

  const tooltipShown = () => !tooltip.element.hidden;

  function getMarks() {
    if (marks) return marks;
    const ex = explainer();
    if (!ex || !drawnOnce) return [];
    try {
      const list = ex.marks(id);
      marks = Array.isArray(list) ? list : [];
    } catch {
      marks = [];
    }
    return marks;
  }

  /** Device px → CSS px relative to the frame. */
  function toFrame(box) {
    const sx = canvas.clientWidth / (canvas.width || 1);
    const sy = canvas.clientHeight / (canvas.height || 1);
    return {
      x: canvas.offsetLeft + box.left * sx,
      y: canvas.offsetTop + box.top * sy,
      width: (box.right - box.left) * sx,
      height: (box.bottom - box.top) * sy,
    };
  }

  function showFor(hit, anchor, ringBox) {
    let lines = null;
    try {
      lines = describe(hit);
    } catch {
      lines = null;
    }
    if (!lines || !lines.length) {
      tooltip.hide();
      return;
    }
    tooltip.show(lines, anchor);
    tooltip.highlight(ringBox || null);
  }

  function hitAt(event) {
    const ex = explainer();
    if (!ex || !drawnOnce) return null;
    const rect = canvas.getBoundingClientRect();
    const cx = event.clientX - rect.left;
    const cy = event.clientY - rect.top;
    const x = Math.round((cx * canvas.width) / (rect.width || 1));
    const y = Math.round((cy * canvas.height) / (rect.height || 1));
    try {
      const hit = ex.hit(id, x, y);
      return hit ? { hit, anchor: { x: canvas.offsetLeft + cx, y: canvas.offsetTop + cy, width: 0, height: 0 } } : null;
    } catch {
      return null;
    }
  }

  // Mouse and pen: follow the pointer. Touch: a tap shows the mark, a second tap on it or a
  // tap on empty space hides it.
  on('pointermove', (event) => {
    if (event.pointerType === 'touch') return;
    const found = hitAt(event);
    if (found) showFor(found.hit, found.anchor);
    else tooltip.hide();
  });
  on('pointerleave', (event) => {
    if (event.pointerType !== 'touch' && document.activeElement !== canvas) tooltip.hide();
  });
  on('pointerdown', (event) => {
    if (event.pointerType !== 'touch') return;
    const found = hitAt(event);
    if (!found || (tapped === found.hit.mark && tooltipShown())) {
      tooltip.hide();
      tapped = null;
      return;
    }
    tapped = found.hit.mark;
    showFor(found.hit, found.anchor);
  });

  // Keyboard: the canvas is focusable; arrow keys step through the marks in order.
  function focusMark(index) {
    const list = getMarks();
    if (!list.length) return;
    focusIndex = ((index % list.length) + list.length) % list.length;
    const m = list[focusIndex];
    const box = toFrame(m);
    showFor(m, box, box);
  }
  function refreshFocus() {
    if (focusIndex >= 0 && document.activeElement === canvas) focusMark(focusIndex);
    else tooltip.hide();
  }
  on('keydown', (event) => {
    const keys = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    if (event.key in keys) {
      event.preventDefault();
      focusMark(focusIndex < 0 ? (keys[event.key] > 0 ? 0 : -1) : focusIndex + keys[event.key]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusMark(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusMark(-1);
    } else if (event.key === 'Escape') {
      tooltip.hide();
    }
  });
  on('blur', () => {
    tooltip.hide();
  });

  return view;
}

function messageOf(e) {
  return e && e.message ? e.message : String(e);
}

function copyOf(canvas) {
  try {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d').drawImage(canvas, 0, 0);
    return copy;
  } catch {
    return null;
  }
}

function restore(canvas, snapshot) {
  try {
    // What the failed drawing left would show through the snapshot's clear background.
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(snapshot, 0, 0, canvas.width, canvas.height);
  } catch {
    /* nothing to keep */
  }
}
