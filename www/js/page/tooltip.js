// The tooltip over a chart: a positioned box inside the chart frame. Content is built from
// DOM nodes; its position is set through the CSSOM (el.style.left/top), which a strict
// style-src policy allows (only style *attributes* in markup are blocked).

import { h, replaceChildren } from '../lib/dom.js';

/**
 * Create the tooltip for `frame` (the element that holds the canvas). Tooltip and ring live in
 * the frame's parent, the chart's figure (positioned; the frame at its top left), so a tooltip
 * taller than a phone's chart runs over what follows the chart, above it.
 * Returns { show(lines, anchor), hide(), element, highlight(box) }.
 *   lines: array of { text, class? } or DOM nodes
 *   anchor: { x, y, width, height } of the mark in CSS px relative to the frame
 */
export function createTooltip(frame, { id } = {}) {
  const box = h('div', { class: 'tooltip', id, hidden: true, attrs: { role: 'status', 'aria-live': 'polite' } });
  const ring = h('div', { class: 'mark-ring', hidden: true, attrs: { 'aria-hidden': 'true' } });
  (frame.parentElement || frame).append(ring, box);

  function show(lines, anchor) {
    replaceChildren(
      box,
      lines.filter(Boolean).map((line) => (line instanceof Node ? line : h('span', { class: ['tooltip-line', line.class] }, line.text))),
    );
    box.hidden = false;
    place(anchor);
  }

  function place(anchor) {
    // Measured where it may be widest: at the left edge its text wraps as little as it can.
    box.style.left = '0px';
    const fw = frame.clientWidth;
    const fh = frame.clientHeight;
    const bw = box.offsetWidth;
    const bh = box.offsetHeight;
    const gap = 8;
    const cx = anchor.x + anchor.width / 2;
    let left = Math.round(cx - bw / 2);
    left = Math.max(0, Math.min(left, fw - bw));
    // Above the mark when there is room, else below it.
    let top = Math.round(anchor.y - bh - gap);
    if (top < 0) top = Math.round(anchor.y + anchor.height + gap);
    top = Math.max(0, Math.min(top, Math.max(0, fh - bh)));
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  }

  /** Outline the focused mark (keyboard stepping). */
  function highlight(anchor) {
    if (!anchor) {
      ring.hidden = true;
      return;
    }
    ring.hidden = false;
    ring.style.left = `${Math.round(anchor.x) - 2}px`;
    ring.style.top = `${Math.round(anchor.y) - 2}px`;
    ring.style.width = `${Math.max(4, Math.round(anchor.width) + 4)}px`;
    ring.style.height = `${Math.max(4, Math.round(anchor.height) + 4)}px`;
  }

  function hide() {
    box.hidden = true;
    ring.hidden = true;
  }

  return { show, hide, highlight, element: box };
}
