// Printing: the story, the charts, every table and the sources (css/print.css hides the
// controls). Tables are built the first time their <details> opens, so every one is opened
// before printing and the ones the reader had closed are closed again after. Both signals are
// watched: `beforeprint` (the print dialog) and the print media query (emulation, some
// browsers' previews).

import { buildDetails } from './tables.js';

const TABLES = 'details.table-details, details.conflicts';

/** Start watching; `onPrinting(true | false)` lets the page redraw its charts for paper. */
export function preparePrinting(onPrinting) {
  let opened = null; // the <details> this opened, while printing

  const start = () => {
    if (opened) return;
    opened = [...document.querySelectorAll(TABLES)].filter((details) => !details.open);
    for (const details of opened) {
      buildDetails(details);
      details.open = true;
    }
    onPrinting(true);
  };
  const end = () => {
    if (!opened) return;
    for (const details of opened) details.open = false;
    opened = null;
    onPrinting(false);
  };

  addEventListener('beforeprint', start);
  addEventListener('afterprint', end);
  const print = typeof matchMedia === 'function' ? matchMedia('print') : null;
  if (print && typeof print.addEventListener === 'function') print.addEventListener('change', (e) => (e.matches ? start() : end()));
}
