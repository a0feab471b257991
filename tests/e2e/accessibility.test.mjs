// Accessibility basics, checked in Chromium's own accessibility tree (what a screen reader
// gets): every chart is a named image, every slider and switch has a name, the result
// sentence and the status area are live regions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, DESKTOP } from './harness.mjs';

const env = serverAndBrowser();

/** Chromium's full accessibility tree as [{ role, name, backendId, ignored }]. */
async function axNodes(p) {
  const cdp = await p.context.newCDPSession(p.page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.map((n) => ({
      role: n.role?.value ?? '',
      name: (n.name?.value ?? '').trim(),
      backendId: n.backendDOMNodeId,
      ignored: Boolean(n.ignored),
    }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

for (const lang of ['en', 'zh-Hans']) {
  test(`charts, sliders and switches are named for a screen reader (${lang})`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    try {
      assert.equal(await waitForReady(p.page), 'ready');

      // Every chart canvas: role="img", a non-empty aria-label, keyboard-focusable, described by the key hint.
      const canvases = await p.page.locator('canvas').evaluateAll((cs) =>
        cs.map((c) => ({
          chart: (c.closest('section[data-chart]') || {}).dataset?.chart ?? '(outside any chart section)',
          role: c.getAttribute('role'),
          label: (c.getAttribute('aria-label') || '').trim(),
          tabIndex: c.tabIndex,
          describedBy: (c.getAttribute('aria-describedby') || '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => (document.getElementById(id) || { textContent: '' }).textContent.trim()),
        })),
      );
      assert.ok(canvases.length >= 12, `only ${canvases.length} canvases`);
      for (const c of canvases) {
        assert.equal(c.role, 'img', `${c.chart}: canvas role`);
        assert.ok(c.label.length > 10, `${c.chart}: canvas aria-label is empty or too short (“${c.label}”)`);
        if (lang !== 'en') assert.match(c.label, /[\u4e00-\u9fff]/, `${c.chart}: the aria-label is not in Chinese: “${c.label}”`);
        assert.equal(c.tabIndex, 0, `${c.chart}: the canvas cannot be reached with Tab`);
        assert.ok(c.describedBy.length > 0 && c.describedBy.every(Boolean), `${c.chart}: aria-describedby points at nothing or at empty text`);
      }

      // What Chromium exposes: named images, sliders, comboboxes and buttons (the sliders
      // under "more assumptions" once it is opened).
      await p.page.locator('.calc-more > summary').click();
      const ax = (await axNodes(p)).filter((n) => !n.ignored);
      const images = ax.filter((n) => n.role === 'image' || n.role === 'img');
      assert.ok(images.length >= canvases.length, `the accessibility tree has ${images.length} images for ${canvases.length} chart canvases`);
      assert.deepEqual(images.filter((n) => !n.name).map((n) => n.backendId), [], 'images without a name');

      const ranges = await p.page.locator('input[type="range"]').count();
      const sliders = ax.filter((n) => n.role === 'slider');
      assert.ok(ranges > 0, 'no range inputs');
      assert.equal(sliders.length, ranges, `${ranges} range inputs but ${sliders.length} sliders in the accessibility tree`);
      assert.deepEqual(sliders.filter((n) => !n.name).map((n) => n.backendId), [], 'sliders without an accessible name');
      // Each slider's name comes from its own visible <label>.
      const labelled = await p.page.locator('input[type="range"]').evaluateAll((is) =>
        is.filter((i) => !(i.labels && i.labels.length && i.labels[0].textContent.trim())).map((i) => i.id),
      );
      assert.deepEqual(labelled, [], 'range inputs without a <label>');
      const valueTexts = await p.page.locator('input[type="range"]').evaluateAll((is) => is.filter((i) => !(i.getAttribute('aria-valuetext') || '').trim()).map((i) => i.id));
      assert.deepEqual(valueTexts, [], 'range inputs without aria-valuetext (the value with its unit)');

      const selects = await p.page.locator('#calculator select').count();
      const combos = ax.filter((n) => n.role === 'combobox' || n.role === 'ComboBox' || n.role === 'PopUpButton');
      assert.ok(combos.length >= selects, `${selects} selects but ${combos.length} comboboxes in the accessibility tree`);
      assert.deepEqual(combos.filter((n) => !n.name).map((n) => n.backendId), [], 'select boxes without an accessible name');

      const buttons = ax.filter((n) => n.role === 'button');
      assert.ok(buttons.length > 0, 'no buttons');
      assert.deepEqual(buttons.filter((n) => !n.name).map((n) => n.backendId), [], 'buttons without an accessible name');
      assert.deepEqual(
        await p.page.locator('#currency-switch button, button[data-preset]').evaluateAll((bs) => bs.filter((b) => !['true', 'false'].includes(b.getAttribute('aria-pressed'))).map((b) => b.textContent)),
        [],
        'toggle buttons without aria-pressed',
      );
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}

test('the result is read out politely once the reader pauses, not on load; the status area is a live region', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en&agi_year=abc`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const ANNOUNCER = '#calculator .visually-hidden[aria-live]';
    const announcer = (selector) => {
      const region = document.querySelector(selector);
      return region ? { live: region.getAttribute('aria-live'), text: region.textContent.trim() } : null;
    };
    const status = await p.page.evaluate(() => {
      const r = document.querySelector('#status .message')?.closest('[aria-live], [role="status"], [role="alert"]');
      return r ? { live: r.getAttribute('aria-live') || (r.getAttribute('role') === 'alert' ? 'assertive' : 'polite'), hidden: r.hidden } : null;
    });
    assert.ok(status, 'the bad-parameter message is not inside a live region');
    assert.ok(['polite', 'assertive'].includes(status.live), `the status region has aria-live="${status.live}"`);
    assert.equal(status.hidden, false, 'the status region is hidden');

    const start = await p.page.evaluate(announcer, ANNOUNCER);
    assert.deepEqual(start, { live: 'polite', text: '' }, 'a polite, visually hidden announcer that says nothing on load');
    // The sentence itself is not a live region: a slider step would read it out at every step.
    assert.equal(await p.page.evaluate(() => Boolean(document.querySelector('.calc-sentence').closest('[aria-live]'))), false);

    // The first AGI year: the call at the reader's AGI year names another year.
    const slider = p.page.locator('#in-agi_year');
    await slider.focus();
    await p.page.keyboard.press('Home');
    await p.page.waitForFunction((selector) => document.querySelector(selector).textContent.trim() !== '', ANNOUNCER, { timeout: 5_000 });
    const said = await p.page.evaluate(announcer, ANNOUNCER);
    const headline = (await p.page.locator('.calc-headline').innerText()).trim();
    const sentence = (await p.page.locator('.calc-sentence').innerText()).trim();
    const certainty = (await p.page.locator('.calc-certainty').innerText()).trim();
    // The US firms' choice, how sure, then the call at the reader's AGI year: the page's own sentences.
    assert.equal(said.text, `${headline} ${certainty} ${sentence}`, 'the announcement is not the headline, how sure and the call');
  } finally {
    await p.close();
  }
});
