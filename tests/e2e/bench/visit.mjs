// A full visit for the page bench (tests/e2e/bench.mjs), from a cold load with the reader
// scrolling at once (issue 20): from the first paint the reader goes down the page, each chart
// on screen DWELL_MS; then taps a figure in a takeaway (its source row), moves a slider and
// opens the largest table (the strategy map's, 37 columns). Measured:
//   per chart   when it came on screen and when it was live (its canvas drawn: hover and the
//               figures switch answer), ms since navigation; the calculator is live when the
//               page marks it interactive (its headline and chart follow a slider);
//   bytes       everything the visit fetched (transfer sizes: gzip on the wire), and requests.

import { openPage, median } from '../harness.mjs';

const DWELL_MS = 2000;

// Runs before any page script: when each chart's canvas is first drawn (data-drawn), by chart.
function liveProbe() {
  const live = (window.__benchLive = {});
  new MutationObserver((records) => {
    for (const r of records) {
      const chart = r.target.closest && r.target.closest('[data-chart]');
      if (chart && r.target.dataset.drawn === '1' && !(chart.dataset.chart in live)) live[chart.dataset.chart] = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-drawn'] });
}

/** The visit under `profile` (bench.mjs's PROFILES entry); resolves to { rows, bytes, requests }. */
export async function measureVisit(browser, url, profile, throttle) {
  const p = await openPage(browser, url, { ...profile.size, locale: 'en-US', initScript: liveProbe, goto: false });
  try {
    await throttle(p);
    await p.page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await p.page.waitForSelector('section[data-chart]', { timeout: 60_000 });
    // The page is still arriving: the stops after the first are read once it is on screen.
    const first = await p.page.evaluate(() => document.querySelector('section[data-chart]').dataset.chart);
    const rows = [];
    for (let stops = [first], i = 0; i < stops.length; i++) {
      const id = stops[i];
      const selector = id === 'calculator' ? '#calculator' : `section[data-chart="${id}"]`;
      const onScreen = await p.page.evaluate((s) => {
        document.querySelector(s).scrollIntoView({ block: 'start' });
        return performance.now();
      }, selector);
      await p.page.waitForTimeout(DWELL_MS);
      rows.push({ id, onScreen });
      if (i === 0) stops.push(...(await p.page.evaluate(() => [...document.querySelectorAll('section[data-chart], #calculator')].map((el) => el.dataset.chart || el.id))).slice(1));
    }
    await p.page.locator('.fact-ref').first().click();
    const slider = p.page.locator('#in-demand_growth');
    await slider.focus();
    await p.page.keyboard.press('ArrowRight');
    await p.page.locator('#model-map details.table-details > summary').click();
    await p.page.waitForTimeout(DWELL_MS);
    const seen = await p.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      return {
        live: { ...window.__benchLive, calculator: performance.getEntriesByName('explainer:interactive')[0]?.startTime },
        bytes: (nav?.transferSize ?? 0) + resources.reduce((n, r) => n + (r.transferSize || 0), 0),
        requests: resources.length + 1,
      };
    });
    return { rows: rows.map((r) => ({ ...r, live: seen.live[r.id] ?? NaN })), bytes: seen.bytes, requests: seen.requests };
  } finally {
    await p.close();
  }
}

/**
 * The printed lines for one or more visits (`visits`, each as measureVisit resolves): with
 * several, each chart's figures are the medians over the visits (its wait the median of its
 * waits, so not always live − on screen of the medians), and the first chart's live times are
 * listed one by one (the one most held up by the network, so the one that varies most).
 */
export function visitLines(visits, fmt) {
  const waited = (r) => Math.max(0, r.live - r.onScreen);
  const [first] = visits;
  const many = visits.length > 1;
  const rows = first.rows.map(({ id }) => {
    const same = visits.map((v) => v.rows.find((r) => r.id === id)).filter(Boolean);
    return { id, onScreen: median(same.map((r) => r.onScreen)), live: median(same.map((r) => r.live)), waited: median(same.map(waited)) };
  });
  return [
    `full visit on the phone profile (cold load, scrolling at once, ${DWELL_MS / 1000} s per chart; a figure's source, a slider, the largest table)${many ? `, ${visits.length} visits, medians` : ''}: ${fmt(median(visits.map((v) => v.bytes)) / 1024, 1)} KB gzip, ${fmt(median(visits.map((v) => v.requests)))} requests`,
    `  ${'chart'.padEnd(20)}${'on screen'.padStart(11)}${'live'.padStart(8)}${'waited'.padStart(9)}   (ms since navigation; waited = live after on screen, 0 if before${many ? '; each a median' : ''})`,
    ...rows.map((r) => `  ${r.id.padEnd(20)}${fmt(r.onScreen).padStart(11)}${fmt(r.live).padStart(8)}${fmt(r.waited).padStart(9)}`),
    ...(many ? [`  ${first.rows[0].id} live, each visit: ${visits.map((v) => fmt(v.rows[0].live)).join(', ')} ms`] : []),
  ];
}
