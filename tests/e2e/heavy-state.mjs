// What the calculator's heavy results (the Monte Carlo run, the tornado, the map) show on a
// page, and waiting for them: shared by the tests of their slices and of their worker.

/** The heavy charts, by id. */
export const HEAVY_CHARTS = ['model-uncertainty', 'model-risk', 'model-sensitivity', 'model-map'];

/** Until no chart of the calculator is being made, then two frames for the last drawing. */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('#calculator .is-updating'), null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * What the heavy results show: the core's results, the marks drawn and their sentences (each
 * chart brought on screen first: one far from it is redrawn only when it comes near, in the
 * frame after the browser reports it near, js/page/chart-view.js).
 */
export function heavyState(page) {
  return page.evaluate(async (ids) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const frames = async () => {
      for (let i = 0; i < 4; i++) await frame();
    };
    for (const id of ids) {
      document.getElementById(id).scrollIntoView();
      await frames();
    }
    const api = window.__explainer;
    const text = (selector) => document.querySelector(selector)?.textContent.trim();
    return {
      monteCarlo: api.monteCarlo(),
      sensitivity: api.sensitivity(),
      marks: Object.fromEntries(ids.map((id) => [id, api.marks(id)])),
      certainty: text('.calc-certainty'),
      risk: text('.calc-risk-sentences'),
      noEffect: text('.calc-no-effect'),
      mc: text('.calc-mc-sentence'),
    };
  }, HEAVY_CHARTS);
}

/** openPage options under which the worker's script is refused, as where none can start: the page makes the results in slices. */
export const NO_WORKER = { route: (context) => context.route('**/js/heavy-worker.*', (route) => route.abort()) };

/** Problems but the refused worker script's own. */
export const withoutRefusedWorker = (problems) => problems.filter((line) => !/heavy-worker\./.test(line));
