// The calculator beside its charts: three headline controls up front and the rest under "more
// assumptions", grouped by side; on wide screens the result and the headline chart stay in
// view while the reader moves any control; on phones the headline controls are a compact strip
// that stays on screen with the chart; the AGI-year slider shows the US firms' call at each AGI year.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, waitForParams, DESKTOP, PHONE } from './harness.mjs';

const env = serverAndBrowser();
const en = readWwwJson('i18n/en.json');
const WORDS = { en, 'zh-Hans': readWwwJson('i18n/zh-Hans.json'), 'zh-Hant': readWwwJson('i18n/zh-Hant.json') };

/** Where the workbench's parts are, in CSS pixels relative to the viewport. */
function layout() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  };
  const q = (s) => document.querySelector(s);
  return {
    viewport: { width: innerWidth, height: innerHeight },
    scrollY,
    headline: [...document.querySelectorAll('.calc-headline-controls input[type="range"]')].map((i) => i.id),
    more: [...document.querySelectorAll('.calc-more input[type="range"]')].map((i) => i.id),
    framing: [...document.querySelectorAll('.calc-framing .control')].filter((c) => c.getClientRects().length).map((c) => c.dataset.field),
    groups: [...document.querySelectorAll('.calc-more fieldset > legend')].map((l) => l.textContent.trim()),
    moreOpen: q('.calc-more').open,
    controls: box(q('.calc-headline-controls')),
    stage: box(q('.calc-stage')),
    verdict: box(q('.calc-headline')),
    chart: box(q('#model-breakeven canvas')),
  };
}

const visibleShare = (r, height) => Math.max(0, Math.min(r.bottom, height) - Math.max(r.top, 0)) / r.height;

test('desktop: three headline controls beside the chart, the rest grouped by side; result and chart stay in view while a control far down moves', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const start = await p.page.evaluate(layout);
    // The reader's AGI year, then the three page inputs with the widest bars in the page's own
    // tornado at the defaults (framing inputs have no bar).
    const topThree = await p.page.evaluate(() =>
      window.__explainer
        .sensitivity()
        .bars.filter((bar) => bar.is_input && bar.field !== 'agi_year')
        .sort((a, b) => b.swing - a.swing)
        .slice(0, 3)
        .map((bar) => `in-${bar.field}`),
    );
    assert.deepEqual(start.headline, ['in-agi_year', ...topThree]);
    // How the race is set up, in view without opening "more assumptions".
    assert.deepEqual(start.framing, ['agi_mode', 'prize_anchor', 'us_access', 'cn_access']);
    assert.equal(start.moreOpen, false, '"more assumptions" starts closed');
    assert.ok(start.more.length >= 8, `only ${start.more.length} controls under "more assumptions"`);
    assert.deepEqual(start.groups, ['race', 'us', 'cn', 'market'].map((g) => en.calculator.groups[g]), 'grouped by side');
    assert.ok(start.controls.right <= start.stage.left, `the controls (right edge ${start.controls.right}) are not beside the chart (left edge ${start.stage.left})`);

    // The last control under "more assumptions", scrolled into view and moved by keyboard.
    await p.page.locator('.calc-more > summary').click();
    const last = p.page.locator('.calc-more input[type="range"]').last();
    await last.scrollIntoViewIfNeeded();
    const before = await p.page.locator('.calc-sentence').innerText();
    await last.focus();
    await p.page.keyboard.press('End');
    await p.page.waitForFunction((prev) => document.querySelector('.calc-sentence').innerText !== prev, before, { timeout: 5_000 });
    const moved = await p.page.evaluate(layout);
    assert.ok(moved.scrollY - start.scrollY > start.stage.height, 'the page did not scroll past the chart: nothing to stay in view for');
    assert.equal(visibleShare(moved.verdict, moved.viewport.height), 1, 'the US firms\' choice left the screen');
    assert.ok(visibleShare(moved.chart, moved.viewport.height) >= 0.8, `only ${Math.round(visibleShare(moved.chart, moved.viewport.height) * 100)}% of the chart is on screen`);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('phone: the headline controls are a compact strip that stays on screen with the chart', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans`, { ...PHONE, hasTouch: true, isMobile: true });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    // Wherever the reader has the chart on screen, the strip is on screen too, whole.
    let at = null;
    for (const chartTop of [700, 450, 200, 60, -150]) {
      await p.page.evaluate((y) => window.scrollBy(0, document.querySelector('#model-breakeven canvas').getBoundingClientRect().top - y), chartTop);
      at = await p.page.evaluate(layout);
      const { height } = at.viewport;
      assert.ok(at.controls.top >= 0 && at.controls.bottom <= height + 1, `chart top at ${chartTop}px: the strip is off screen (${Math.round(at.controls.top)}–${Math.round(at.controls.bottom)} of ${height})`);
      assert.ok(at.controls.height <= height * 0.3, `the strip takes ${Math.round(at.controls.height)} of ${height}px`);
    }
    await p.page.evaluate(() => window.scrollBy(0, document.querySelector('#model-breakeven canvas').getBoundingClientRect().top - 60));
    at = await p.page.evaluate(layout);
    const { height } = at.viewport;
    assert.ok(visibleShare(at.chart, at.controls.top) >= 0.8, 'the strip hides the chart');

    // Moving the AGI year from the strip redraws the chart above it.
    const before = await p.page.locator('.calc-sentence').innerText();
    const slider = p.page.locator('#in-agi_year');
    const box = await slider.boundingBox();
    assert.ok(box.y >= at.controls.top - 1 && box.y + box.height <= height + 1, 'the AGI slider is not in the strip on screen');
    await p.page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
    await p.page.waitForFunction((prev) => document.querySelector('.calc-sentence').innerText !== prev, before, { timeout: 5_000 });
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the AGI-year slider shows the US firms\' call at each AGI year, as the engine makes it', { timeout: 60_000 }, async () => {
  for (const query of ['lang=en', 'lang=en&us_capex_growth=10']) {
    const p = await openPage(env.browser, `${env.server.url}?${query}`, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const strip = await p.page.evaluate(() => {
        const input = document.getElementById('in-agi_year');
        // One rectangle per run of steps with the same call, in order: one entry per step.
        const rects = [...document.querySelectorAll('.agi-strip rect')];
        const contiguous = rects.every((r, i) => Number(r.getAttribute('x')) === (i ? Number(rects[i - 1].getAttribute('x')) + Number(rects[i - 1].getAttribute('width')) : 0));
        const cells = contiguous ? rects.flatMap((r) => Array(Number(r.getAttribute('width'))).fill(r.getAttribute('class'))) : [];
        return { min: Number(input.min), step: Number(input.step), max: Number(input.max), cells, note: document.querySelector('.agi-strip-text').textContent, choice: window.__explainer.projection().us_choice };
      });
      assert.equal(strip.cells.length, Math.round((strip.max - strip.min) / strip.step) + 1, 'the runs cover every slider step, in order, without gaps');
      // Each AGI year by the engine's call (too close to call its own colour); the last step is
      // "no AGI by 2060".
      const calls = [...strip.choice.by_agi_year.map((pt) => pt.call), strip.choice.without_agi.call];
      assert.deepEqual(strip.cells, calls.map((call) => `call-${call}`), `${query}: the strip's colours`);
      const close = strip.choice.runs.some((r) => r.call === 'too_close_to_call');
      const kind = strip.choice.kind;
      const key = kind === 'too_close_to_call' ? 'kind_too_close_to_call' : (kind === 'always' || kind === 'never') && close ? `${kind}_except` : kind;
      assert.equal(strip.note, en.calculator.agi_strip[key].replace('{year}', String(strip.choice.break_even_agi_year)), `${query}: the strip's note`);
      const described = await p.page.locator('#in-agi_year').evaluate((i) => i.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
      assert.ok(described.includes(strip.note), 'the slider description does not say where the call changes');
      for (const call of ['sprint', 'pace', 'too_close_to_call']) assert.ok(described.includes(en.calculator.agi_strip[call]), `the legend leaves out “${en.calculator.agi_strip[call]}”`);
    } finally {
      await p.close();
    }
  }
});

for (const lang of ['zh-Hans', 'en', 'zh-Hant']) {
  for (const [name, size] of [
    ['390', PHONE],
    ['1280', DESKTOP],
  ]) {
    test(`${lang} at ${name} px: how AGI comes and market access are in view, a choice is two radio buttons that follow the keyboard, the address and the answer`, { timeout: 60_000 }, async () => {
      const words = WORDS[lang].calculator.inputs;
      const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...size });
      try {
        assert.equal(await waitForReady(p.page), 'ready');
        const mode = p.page.locator('.calc-framing [data-field="agi_mode"]');
        assert.equal((await mode.locator('legend').innerText()).trim(), words.agi_mode.label);
        for (const field of ['agi_mode', 'us_access', 'cn_access']) {
          assert.ok(await p.page.locator(`.calc-framing [data-field="${field}"]`).isVisible(), `${field} is not in view without opening "more assumptions"`);
        }
        const options = mode.locator('label.choice-option');
        assert.deepEqual((await options.allInnerTexts()).map((x) => x.trim()), [words.agi_mode.option_0, words.agi_mode.option_1]);
        assert.equal(await p.page.locator('#in-agi_mode-0').isChecked(), true, 'the default is the year the reader sets');
        // By keyboard: the checked radio takes the focus, an arrow key chooses the other.
        await p.page.locator('#in-agi_mode-0').focus();
        await p.page.keyboard.press('ArrowRight');
        assert.equal(await p.page.locator('#in-agi_mode-1').isChecked(), true);
        await waitForParams(p.page, { agi_mode: '1' });
        await p.page.waitForFunction(() => window.__explainer.projection().agi_mode === 'compute', null, { timeout: 5_000 });
        assert.deepEqual(p.problems(), []);
      } finally {
        await p.close();
      }
      // A link with the second framing opens with its radio checked.
      const linked = await openPage(env.browser, `${env.server.url}?lang=${lang}&agi_mode=1&prize_anchor=1`, { ...size });
      try {
        assert.equal(await waitForReady(linked.page), 'ready');
        assert.equal(await linked.page.locator('#in-agi_mode-1').isChecked(), true);
        assert.equal(await linked.page.locator('#in-prize_anchor-1').isChecked(), true);
        assert.deepEqual(linked.problems(), []);
      } finally {
        await linked.close();
      }
    });
  }
}
