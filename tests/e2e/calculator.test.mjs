// The what-if calculator as a reader uses it: sliders moved with the keyboard or set by
// input events update the result sentence, the model-position chart and the address; the
// address reproduces the scenario; the presets change the result, and the articles' claim
// (AGI in 3 years → the sprint ends ahead; in 10 years → the marathon) reads in the sentence.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, templatePattern, canvasDigest, waitForCanvasChange, waitForParams, DESKTOP } from './harness.mjs';

const messages = { en: readWwwJson('i18n/en.json'), 'zh-Hans': readWwwJson('i18n/zh-Hans.json') };

/** Summary kinds of the result sentence, by the side that ends ahead. */
const SPRINT_AHEAD = ['sprint_overtakes', 'sprint_leads_throughout', 'bubble_burst_sprint_ahead', 'no_agi_sprint_ahead'];
const MARATHON_AHEAD = ['marathon_ahead_despite_agi', 'bubble_burst', 'no_agi_marathon_ahead'];

const env = serverAndBrowser();

const sentence = (page) => page.locator('.calc-sentence').evaluate((el) => el.textContent.trim());
const result = (page) =>
  page.locator('.calc-result').evaluate((el) => [...el.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' '));

/** Which summary template (calculator.summary.*) of `lang` the sentence is written from. */
function summaryKind(text, lang) {
  const kinds = Object.entries(messages[lang].calculator.summary)
    .filter(([, template]) => templatePattern(template).test(text))
    .map(([kind]) => kind);
  assert.equal(kinds.length, 1, `the sentence matches ${kinds.length} summary templates of ${lang} (${kinds.join(', ')}): “${text}”`);
  return kinds[0];
}

/** Wait until the sentence differs from `previous`; returns the new one. */
async function waitForSentenceChange(page, previous, what) {
  try {
    await page.waitForFunction((prev) => document.querySelector('.calc-sentence').textContent.trim() !== prev, previous, { timeout: 5_000, polling: 50 });
  } catch {
    assert.fail(`${what} did not change the result sentence (still “${previous}”)`);
  }
  return sentence(page);
}

/** Every range input and select of the calculator as { field: value }. */
async function controlValues(page) {
  return page.locator('#calculator input[type="range"], #calculator select').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.id.replace(/^in-/, ''), el.value])),
  );
}

test('moving the AGI-year slider with the keyboard updates the sentence, the model-position chart and the URL; the URL restores it', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const slider = p.page.locator('#in-agi_year');
    const start = Number(await slider.inputValue());
    const min = Number(await slider.getAttribute('min'));
    assert.ok(start - 1 >= min, `the AGI-year slider starts at its minimum ${min}`);
    const sentence0 = await sentence(p.page);
    const chart0 = await canvasDigest(p.page, '#model-position canvas');

    // One step left: the slider, its read-out, the chart and the address follow.
    await slider.focus();
    await p.page.keyboard.press('ArrowLeft');
    assert.equal(await slider.inputValue(), String(start - 1));
    await waitForParams(p.page, { agi_year: String(start - 1) });
    const chart1 = await waitForCanvasChange(p.page, '#model-position canvas', chart0.digest);
    assert.match(await p.page.locator('#out-agi_year').textContent(), new RegExp(String(start - 1)), 'the slider read-out shows the new year');

    // Further steps until AGI arrives early enough to change the outcome: every step moves
    // the chart and the address, and the sentence ends up naming the new year.
    let year = start - 1;
    let chart = chart1;
    let sentence2 = await sentence(p.page);
    while (sentence2 === sentence0 && year > min) {
      await p.page.keyboard.press('ArrowLeft');
      year -= 1;
      await waitForParams(p.page, { agi_year: String(year) });
      chart = await waitForCanvasChange(p.page, '#model-position canvas', chart.digest);
      sentence2 = await sentence(p.page);
    }
    assert.notEqual(sentence2, sentence0, `moving AGI from ${start} down to ${year} never changed the result sentence (“${sentence0}”)`);
    assert.ok(sentence2.includes(String(year)), `the sentence does not name the new AGI year ${year}: “${sentence2}”`);

    // A second slider, set as a reader's drag would (input events): the last year shown,
    // which every sentence names.
    const horizon = p.page.locator('#in-horizon_end');
    await horizon.fill('2045');
    const url = await waitForParams(p.page, { agi_year: String(year), horizon_end: '2045' });
    const sentence3 = await waitForSentenceChange(p.page, sentence2, 'setting the last year shown to 2045');
    assert.ok(sentence3.includes('2045'), `the sentence does not name the new last year: “${sentence3}”`);
    const controls = await controlValues(p.page);
    const resultText = await result(p.page);
    const readOut = await p.page.locator('#out-horizon_end').textContent();

    // The written address reproduces exactly what the reader saw.
    const q = await openPage(env.browser, url.href, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(q.page), 'ready');
      assert.deepEqual(await controlValues(q.page), controls, 'the link restores different slider values');
      assert.equal(await sentence(q.page), sentence3, 'the link restores a different sentence');
      assert.equal(await result(q.page), resultText, 'the link restores different result notes');
      assert.equal(await q.page.locator('#out-horizon_end').textContent(), readOut, 'the link restores a different read-out');
      assert.deepEqual(q.consoleErrors, [], 'console errors on the restored link');
      assert.equal(await q.page.locator('#status .message-warning').count(), 0, 'the restored link shows a warning');
    } finally {
      await q.close();
    }
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

for (const lang of ['en', 'zh-Hans']) {
  test(`presets (${lang}): the 3-year preset ends with the sprint ahead, the 10-year preset with the marathon, and a preset link restores it`, { timeout: 90_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const ids = await p.page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
      for (const id of ['agi_3y', 'agi_10y', 'no_agi', 'price_war']) assert.ok(ids.includes(id), `no “${id}” preset button (have ${ids})`);

      const sentences = {};
      for (const id of ids) {
        const previousChart = (await canvasDigest(p.page, '#model-position canvas')).digest;
        await p.page.locator(`button[data-preset="${id}"]`).click();
        await waitForParams(p.page, { preset: id });
        assert.equal(await p.page.locator(`button[data-preset="${id}"]`).getAttribute('aria-pressed'), 'true', `${id}: button not pressed`);
        await waitForCanvasChange(p.page, '#model-position canvas', previousChart).catch((e) => assert.fail(`${id}: ${e.message}`));
        sentences[id] = await sentence(p.page);
        assert.ok(sentences[id], `${id}: empty sentence`);
      }

      const kind3 = summaryKind(sentences.agi_3y, lang);
      assert.ok(SPRINT_AHEAD.includes(kind3), `AGI in 3 years should end with the sprint ahead; the sentence (${kind3}) says: “${sentences.agi_3y}”`);
      const kind10 = summaryKind(sentences.agi_10y, lang);
      assert.ok(MARATHON_AHEAD.includes(kind10), `AGI in 10 years should end with the marathon ahead; the sentence (${kind10}) says: “${sentences.agi_10y}”`);

      // A preset link reproduces the preset.
      const q = await openPage(env.browser, `${env.server.url}?lang=${lang}&preset=agi_3y`, { ...DESKTOP });
      try {
        assert.equal(await waitForReady(q.page), 'ready');
        assert.equal(await sentence(q.page), sentences.agi_3y, 'preset=agi_3y in the link gives a different sentence');
        assert.equal(await q.page.locator('button[data-preset="agi_3y"]').getAttribute('aria-pressed'), 'true');
      } finally {
        await q.close();
      }
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}

test('each preset button changes the result sentence (no two presets, nor a preset and the defaults, read the same)', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const readings = { defaults: await result(p.page) };
    const ids = await p.page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
    for (const id of ids) {
      await p.page.locator(`button[data-preset="${id}"]`).click();
      await waitForParams(p.page, { preset: id });
      readings[id] = await result(p.page);
    }
    // Reset brings the defaults back.
    await p.page.locator('button.preset-reset').click();
    await waitForParams(p.page, { preset: null, agi_year: null });
    assert.equal(await result(p.page), readings.defaults, 'the reset button does not bring back the default result');

    const same = [];
    const names = Object.keys(readings);
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) if (readings[names[i]] === readings[names[j]]) same.push(`${names[i]} = ${names[j]}`);
    }
    assert.deepEqual(same, [], `these scenarios give word-for-word the same result, so the preset button does not change the sentence:\n${same.map((s) => `  ${s}: “${readings[s.split(' = ')[0]]}”`).join('\n')}`);
  } finally {
    await p.close();
  }
});
