// Input responsiveness for the page bench (tests/e2e/bench.mjs): on a ready page, real input —
// a calculator slider released from the keyboard (ArrowRight or ArrowLeft: input then change,
// which the calculator takes as the release that recomputes everything), a preset clicked and
// the currency switched — ROUNDS times each. After each action, for WINDOW_MS:
//   longest task   the longest main-thread task that started in the window (Long Tasks API: only
//                  tasks over 50 ms are reported, so "none" means none over 50 ms);
//   interaction    its duration by Event Timing (input to the next paint after its handlers;
//                  per interactionId the longest of its events, e.g. keydown/keyup or
//                  pointerdown/pointerup/click). Entries start at 16 ms (durationThreshold), so an
//                  interaction with none took less, and counts as 16 in the p95.

import { fmt, percentile } from '../harness.mjs';

const WINDOW_MS = 2000;
/** Observer callbacks arrive after the entries' frame: wait this much past the window. */
const DELIVERY_MS = 300;

const ACTIONS = {
  release: async (page, round) => {
    const sliders = page.locator('#calculator input[type=range]');
    const slider = sliders.nth(round % (await sliders.count()));
    await slider.focus();
    const atMax = await slider.evaluate((el) => Number(el.value) >= Number(el.max));
    return () => page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
  },
  preset: async (page, round) => {
    const presets = page.locator('#calculator .presets button.preset:not(.preset-reset)');
    const preset = presets.nth(round % (await presets.count()));
    await preset.scrollIntoViewIfNeeded();
    return () => preset.click();
  },
  currency: async (page) => {
    const other = page.locator('#currency-switch button[data-currency][aria-pressed="false"]').first();
    await other.scrollIntoViewIfNeeded();
    return () => other.click();
  },
};

// Runs in the page: keep every long task and event timing entry from here on.
function observeInput() {
  const seen = (window.__benchInput = { tasks: [], events: [] });
  new PerformanceObserver((list) => seen.tasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
  new PerformanceObserver((list) =>
    seen.events.push(...list.getEntries().filter((e) => e.interactionId).map((e) => ({ id: e.interactionId, start: e.startTime, duration: e.duration }))),
  ).observe({ type: 'event', durationThreshold: 16 });
}

// Runs in the page: what happened in the window from `t0`.
function readWindow([t0, windowMs]) {
  const { tasks, events } = window.__benchInput;
  const longest = Math.max(0, ...tasks.filter((t) => t.start >= t0 && t.start < t0 + windowMs).map((t) => t.duration));
  const byInteraction = new Map();
  for (const e of events) if (e.start >= t0) byInteraction.set(e.id, Math.max(e.duration, byInteraction.get(e.id) ?? 0));
  return { longest, interaction: Math.max(16, ...byInteraction.values()) };
}

/** Perform each action `rounds` times; resolves to { kind: [{ longest, interaction }] }. */
export async function measureInteractions(page, rounds) {
  await page.evaluate(observeInput);
  const results = {};
  for (let round = 0; round < rounds; round++) {
    for (const [kind, prepare] of Object.entries(ACTIONS)) {
      const act = await prepare(page, round);
      const t0 = await page.evaluate(() => performance.now());
      await act();
      await page.waitForTimeout(WINDOW_MS + DELIVERY_MS);
      (results[kind] ??= []).push(await page.evaluate(readWindow, [t0, WINDOW_MS]));
    }
  }
  return results;
}

/** The printed lines: per kind and over all actions. */
export function interactionLines(results) {
  const line = (label, rows) => {
    const longest = Math.max(...rows.map((r) => r.longest));
    const over50 = rows.filter((r) => r.longest > 0).length;
    const inp = rows.map((r) => r.interaction);
    return `  ${label.padEnd(10)}${String(rows.length).padStart(4)}${fmt(percentile(inp, 95)).padStart(10)}${fmt(Math.max(...inp)).padStart(8)}${(longest ? fmt(longest) : 'none').padStart(14)}${String(over50).padStart(12)}`;
  };
  return [
    `  ${'action'.padEnd(10)}${'n'.padStart(4)}${'INP p95'.padStart(10)}${'max'.padStart(8)}${'longest task'.padStart(14)}${'with >50 ms'.padStart(12)}`,
    ...Object.entries(results).map(([kind, rows]) => line(kind, rows)),
    line('all', Object.values(results).flat()),
  ];
}
