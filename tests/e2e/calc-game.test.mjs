// The strategy game as a reader sees it, on the baked pages in all three languages at 390 and
// 1280 px: the 2×2 table (four cells, each with both sides' NPV and value per unit invested;
// best replies and equilibria marked in words, as the page's own core computes them; the
// marks follow a preset that changes the game), how sure the Monte Carlo is of the US firms'
// choice (shares of scenarios, too close to call a state of its own, read out once with the
// result), and "Steadier?" (the risk chart, its table and one sentence per side naming the path
// with fewer losing scenarios), and business quality apart from strategy (its own block after
// the table: the like-for-like chart, its table and the sentence). Nothing here hard-codes an
// answer: the expected marks and figures are read from window.__explainer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bakedSiteAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, templatePattern, templateLiterals, PHONE, DESKTOP, BAKED_PAGES } from './harness.mjs';

const env = bakedSiteAndBrowser();
const LOCALE = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };
const messages = Object.fromEntries(Object.keys(BAKED_PAGES).map((lang) => [lang, readWwwJson(`i18n/${lang}.json`)]));

const squash = (s) => s.replace(/\s+/g, ' ').trim();
/** A fraction as the page writes it: a percentage with at most one decimal ("14.5"). */
const percentText = (fraction) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(fraction * 100);

/** What the table shows: per cell its strategies, sides' lines, marks and equilibrium. */
function readTable() {
  return [...document.querySelectorAll('#calc-game td.game-cell')].map((td) => ({
    us: td.dataset.us,
    cn: td.dataset.cn,
    usLine: td.querySelector('.game-us')?.textContent.replace(/\s+/g, ' ').trim() || '',
    cnLine: td.querySelector('.game-cn')?.textContent.replace(/\s+/g, ' ').trim() || '',
    usMark: td.querySelector('.game-us .game-mark')?.textContent.trim() || null,
    cnMark: td.querySelector('.game-cn .game-mark')?.textContent.trim() || null,
    equilibrium: td.classList.contains('game-equilibrium'),
    equilibriumMark: td.querySelector('.game-eq-mark')?.textContent.trim() || null,
  }));
}

/** The marks the engine's game calls for: best replies (with their call) and equilibria. */
function expectedMarks(game, g) {
  return (cell) => {
    const usReply = game.us_best_responses.find((r) => r.against === cell.cn && r.best === cell.us);
    const cnReply = game.cn_best_responses.find((r) => r.against === cell.us && r.best === cell.cn);
    const word = (reply) => (reply ? (reply.call === 'too_close_to_call' ? g.best_close : g.best) : null);
    const equilibrium = game.equilibria.some((e) => e.us === cell.us && e.cn === cell.cn);
    return { usMark: word(usReply), cnMark: word(cnReply), equilibrium, equilibriumMark: equilibrium ? g.equilibrium : null };
  };
}

/** Checks the table against the page's projection; returns the marks (to compare later). */
async function checkTable(page, lang, what) {
  const g = messages[lang].calculator.game;
  const projection = await page.evaluate(() => window.__explainer.projection());
  const { game } = projection;
  const cells = await page.evaluate(readTable);
  assert.equal(cells.length, 4, `${what}: four cells`);
  const expect = expectedMarks(game, g);
  for (const cell of cells) {
    const c = game.cells.find((x) => x.us_strategy === cell.us && x.cn_strategy === cell.cn);
    assert.ok(c, `${what}: a cell for US ${cell.us}, China ${cell.cn}`);
    for (const side of ['us', 'cn']) {
      const line = cell[`${side}Line`];
      assert.ok(line.includes(messages[lang].calculator.firms_label[side]), `${what}: ${side} line names the side: “${line}”`);
      assert.ok(line.includes(c[`${side}_value_per_unit`].toFixed(2)), `${what}: ${side} line gives its value per unit invested (${c[`${side}_value_per_unit`].toFixed(2)}): “${line}”`);
      const npv = g.npv.replace('{money}', '');
      assert.ok(line.includes(npv.trim()), `${what}: ${side} line gives its NPV: “${line}”`);
    }
    const { usLine, cnLine, ...marks } = cell;
    assert.deepEqual(marks, { us: cell.us, cn: cell.cn, ...expect(cell) }, `${what}: marks of US ${cell.us} / China ${cell.cn}`);
  }
  const reading = squash(await page.locator('.game-reading').textContent());
  const n = game.equilibria.length;
  const eqTemplate = n === 0 ? g.equilibria.none : n === 1 ? g.equilibria.one : g.equilibria.many;
  assert.ok(templateLiterals(eqTemplate).every((part) => reading.includes(part)), `${what}: the reading does not give ${n} equilibria: “${reading}”`);
  // Both best replies the same and beyond the band: "whatever China does, … pays the US firms".
  const us = game.us_best_responses;
  if (us[0].call === us[1].call && us[0].call !== 'too_close_to_call') {
    const words = g.reading.us_same.replace('{call}', messages[lang].calculator.call_words[us[0].call]);
    assert.ok(reading.includes(words), `${what}: the reading lacks “${words}”: “${reading}”`);
  }
  // "The two choices are separate" exactly when neither side's choice moves the other's NPV
  // beyond that side's band (5% of its PV of capex when pacing, at the reader's AGI year).
  const moves = (side) => {
    const [own, other] = side === 'us' ? ['us_strategy', 'cn_strategy'] : ['cn_strategy', 'us_strategy'];
    return Math.max(...['sprint', 'pace'].map((s) => {
      const [a, b] = game.cells.filter((c) => c[own] === s).map((c) => c[`${side}_npv`]);
      return Math.abs(a - b);
    }));
  };
  const separate = ['us', 'cn'].every((side) => moves(side) <= 0.05 * Math.abs(projection[`${side}_choice`].at_agi_year.pv_capex_pacing));
  const separateWords = templateLiterals(g.separate).filter((part) => part.length > 3);
  assert.equal(separateWords.every((part) => reading.includes(part)), separate, `${what}: “separate” said ${separate ? 'not ' : ''}where the engine's figures ${separate ? 'are' : 'are not'}: “${reading}”`);
  return cells.map((c) => `${c.us}/${c.cn}:${c.usMark}|${c.cnMark}|${c.equilibrium}`).join(' ');
}

/** The Monte Carlo run the page's sentences and risk chart read. */
/**
 * Business quality, apart: a block of its own after the 2×2 table (not in the result), whose
 * sentence says which side's firms get back more per unit invested — in every pair of
 * strategies or depending on them, as the engine's cells have it — with the like-for-like
 * figures its chart's table gives.
 */
async function checkBusiness(page, lang) {
  const c = messages[lang].calculator;
  const { game } = await page.evaluate(() => window.__explainer.projection());
  const place = await page.evaluate(() => {
    const block = document.getElementById('model-business');
    return {
      inResult: Boolean(block.closest('.calc-result')),
      afterTable: Boolean(document.getElementById('calc-game').compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
  assert.deepEqual(place, { inResult: false, afterTable: true }, 'business quality stands apart, after the 2×2 table');
  const cells = game.cells;
  const ahead = cells.every((x) => x.us_value_per_unit > x.cn_value_per_unit) ? 'us_ahead' : cells.every((x) => x.cn_value_per_unit > x.us_value_per_unit) ? 'cn_ahead' : 'mixed';
  const s = squash(await page.locator('.calc-business-sentence').textContent());
  assert.ok(templatePattern(c.business[ahead]).test(s), `business quality: the sentence is not “${ahead}”: “${s}”`);
  await page.locator('#model-business details > summary').click();
  await page.locator('#model-business table tbody tr').first().waitFor();
  const rows = await page.locator('#model-business table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
  assert.equal(rows.length, 2, 'the chart\'s table has both pace and both sprint');
  for (const [i, strategy] of ['pace', 'sprint'].entries()) {
    const cell = cells.find((x) => x.us_strategy === strategy && x.cn_strategy === strategy);
    const [us, cn] = [cell.us_value_per_unit.toFixed(2), cell.cn_value_per_unit.toFixed(2)];
    assert.deepEqual(rows[i].slice(1), [us, cn], `both ${strategy}: the table's values`);
    assert.ok(s.includes(us) && s.includes(cn), `both ${strategy}: the sentence gives ${us} and ${cn}: “${s}”`);
  }
}

const monteCarlo = (page) => page.evaluate(() => window.__explainer.monteCarlo());

for (const [lang, dir] of Object.entries(BAKED_PAGES)) {
  for (const [size, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
    test(`${lang} at ${size}: the 2×2 table, how sure, which path is steadier and business quality apart, as the core computes them`, { timeout: 90_000 }, async () => {
      const g = messages[lang].calculator.game;
      const c = messages[lang].calculator;
      // The first HTML already holds the table, and the risk and business charts as images (baked), before any script.
      const html = await (await fetch(`${env.server.url}${dir}`)).text();
      assert.equal((html.match(/class="game-cell/g) || []).length, 4, 'the baked page has the four cells');
      for (const id of ['model-risk', 'model-business']) {
        const picture = new RegExp(`id="${id}"[^]*?<picture class="chart-canvas chart-svg">[^]*?src="charts/${id}\\.narrow\\.[0-9a-f]{10}\\.svg"`);
        assert.match(html, picture, `the baked page has ${id} as an SVG image`);
      }

      const p = await openPage(env.browser, `${env.server.url}${dir}`, { ...viewport, locale: LOCALE[lang] });
      try {
        assert.equal(await waitForReady(p.page), 'ready');
        await checkTable(p.page, lang, 'defaults');

        // Readable at this width: nothing wider than the page, the table within the screen.
        const widths = await p.page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          screen: document.documentElement.clientWidth,
          table: document.querySelector('.game-table').getBoundingClientRect().right,
        }));
        assert.ok(widths.page <= widths.screen, `the page overflows: ${widths.page} > ${widths.screen}`);
        assert.ok(widths.table <= widths.screen + 0.5, `the table overflows: right edge ${widths.table} > ${widths.screen}`);

        const mc = await monteCarlo(p.page);
        assert.ok(mc && mc.runs > 0, 'the page has run the Monte Carlo');

        // How sure: each call's share of scenarios, in the engine's figures, after the choice.
        const sure = squash(await p.page.locator('.calc-certainty').textContent());
        assert.ok(templatePattern(g.certainty.sentence).test(sure), `how sure: “${sure}”`);
        for (const [call, share] of [['sprint', mc.us_share_sprint_pays], ['pace', mc.us_share_pace_pays], ['too_close_to_call', mc.us_share_too_close]]) {
          const shown = await p.page.locator(`.calc-certainty .calc-share.call-${call}`).textContent();
          assert.ok(shown.includes(c.call_words[call]), `how sure: ${call} is worded: “${shown}”`);
          assert.ok(shown.includes(percentText(share)), `how sure: ${call} share ${share}: “${shown}”`);
        }
        assert.equal(await p.page.locator('.calc-certainty .swatch.call-too_close_to_call').count(), 1, 'too close to call has its own swatch');
        assert.ok(!(await p.page.locator('.calc-certainty').getAttribute('class')).includes('is-stale'), 'how sure is for this scenario');

        // Steadier? one sentence per side, the engine's verdict with both paths' figures.
        const sentences = await p.page.locator('.calc-risk-sentences p').allTextContents();
        assert.equal(sentences.length, 2, 'one sentence per side');
        for (const [i, side] of ['us', 'cn'].entries()) {
          const r = mc[`${side}_risk`];
          const s = squash(sentences[i]);
          assert.ok(s.includes(c.firms[side]), `${side}: the sentence names the side: “${s}”`);
          assert.ok(templatePattern(g.risk[r.steadier]).test(s), `${side}: the sentence is the engine's “${r.steadier}”: “${s}”`);
          // Both paths' shares are given; a steadier path never loses money in more than 5%
          // more of the scenarios than the other (the engine's band on each measure).
          for (const path of ['sprint', 'pace']) assert.ok(s.includes(percentText(r[path].share_loss)), `${side}: the ${path} share is given: “${s}”`);
          if (r.steadier === 'sprint' || r.steadier === 'pace') {
            const [steady, other] = r.steadier === 'sprint' ? [r.sprint, r.pace] : [r.pace, r.sprint];
            assert.ok(steady.share_loss <= other.share_loss || steady.share_loss - other.share_loss <= 0.05 * steady.share_loss, `${side}: the steadier path loses money far more often`);
          }
        }
        // The chart's table: one row per path with its share of losing scenarios.
        await p.page.locator('#model-risk details > summary').click();
        await p.page.locator('#model-risk table tbody tr').first().waitFor();
        const rows = await p.page.locator('#model-risk table tbody tr').count();
        assert.equal(rows, 4, 'the risk table has a row per path');
        await checkBusiness(p.page, lang);
        assert.deepEqual(p.problems(), []);
      } finally {
        await p.close();
      }
    });
  }
}

test('business quality: where the other side\'s firms get back more in every pair (China open to the world, the US shut out of China), the sentence says so', { timeout: 60_000 }, async () => {
  for (const lang of ['en', 'zh-Hant']) {
    const p = await openPage(env.browser, `${env.server.url}${BAKED_PAGES[lang]}?cn_access=100&us_access=0`, { ...PHONE, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const { game } = await p.page.evaluate(() => window.__explainer.projection());
      assert.ok(game.cells.some((x) => x.cn_value_per_unit > x.us_value_per_unit), 'this scenario no longer puts the Chinese firms ahead anywhere; pick another');
      await checkBusiness(p.page, lang);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  }
});

test('the table follows what it is made from: after the discount rate is let go its caption names the new rate and its figures are the engine\'s', { timeout: 60_000 }, async () => {
  const lang = 'en';
  const p = await openPage(env.browser, `${env.server.url}${BAKED_PAGES[lang]}`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const rate = await p.page.evaluate(() => {
      const slider = document.getElementById('in-discount_rate');
      slider.value = String(Number(slider.value) + 2 * Number(slider.step));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      return Number(slider.value);
    });
    await p.page.waitForFunction((r) => window.__explainer.projection() && document.querySelector('#calc-game caption').textContent.includes(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(r)}%`), rate, { timeout: 5_000 });
    await p.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await checkTable(p.page, lang, `discount rate ${rate}`);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test('the marks follow a preset that changes the game, and the result with its certainty is read out once', { timeout: 90_000 }, async () => {
  const lang = 'en';
  const g = messages[lang].calculator.game;
  const p = await openPage(env.browser, `${env.server.url}${BAKED_PAGES[lang]}`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const defaults = await checkTable(p.page, lang, 'defaults');
    await p.page.evaluate(() => (window.__gameTable = document.querySelector('#calc-game table')));
    // A preset whose game differs (the engine decides which: the first one that changes it).
    const presets = await p.page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
    let changed = null;
    for (const id of ['price_war', ...presets.filter((x) => x !== 'price_war')]) {
      await p.page.locator(`button[data-preset="${id}"]`).click();
      await p.page.waitForFunction((preset) => document.querySelector(`button[data-preset="${preset}"]`).getAttribute('aria-pressed') === 'true', id);
      // The calculator writes a preset's words in a task after the paint (a timer set in that
      // frame): one set after it, in the same frame, runs after it.
      await p.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(done), 0))));
      const marks = await checkTable(p.page, lang, id);
      if (marks !== defaults) {
        changed = id;
        break;
      }
    }
    assert.ok(changed, 'no preset changes the marks of the 2×2 table');
    // Changed in place, not rebuilt: only what changed is styled and laid out anew.
    assert.equal(await p.page.evaluate(() => document.querySelector('#calc-game table') === window.__gameTable), true, 'the table was rebuilt whole');

    // The announcement: once the reader pauses, the choice with how sure, in one message.
    const announced = p.page.locator('.visually-hidden[aria-live]').filter({ hasText: /./ });
    await p.page.locator('#in-agi_year').focus();
    await p.page.keyboard.press('ArrowLeft');
    await p.page.waitForFunction(() => [...document.querySelectorAll('.visually-hidden[aria-live]')].some((el) => el.textContent.trim()), null, { timeout: 5_000 });
    const said = squash(await announced.first().textContent());
    const sure = squash(await p.page.locator('.calc-certainty').textContent());
    assert.ok(said.includes(squash(await p.page.locator('.calc-headline').textContent())), `the read-out lacks the choice: “${said}”`);
    assert.ok(said.includes(sure), `the read-out lacks how sure: “${said}”`);
    assert.ok(templatePattern(g.certainty.sentence).test(sure));

    // An input the run keeps (the likely AGI year), moved without letting go: how sure is
    // dimmed, as it is for the scenario before; let go, the run follows and it is current.
    const stale = () => p.page.locator('.calc-certainty').evaluate((el) => el.classList.contains('is-stale'));
    const median = p.page.locator('#in-agi_median_year');
    const setMedian = (release) =>
      median.evaluate((el, up) => {
        el.value = String(Number(el.value) + Number(el.step || 1));
        el.dispatchEvent(new Event('input', { bubbles: true }));
        if (up) el.dispatchEvent(new Event('change', { bubbles: true }));
      }, release);
    await setMedian(false);
    await p.page.waitForFunction(() => document.querySelector('.calc-certainty').classList.contains('is-stale'), null, { timeout: 5_000 });
    await setMedian(true);
    await p.page.waitForFunction(() => !document.querySelector('.calc-certainty').classList.contains('is-stale'), null, { timeout: 10_000 });
    assert.equal(await stale(), false);
    assert.deepEqual(p.problems(), []);
  } finally {
    await p.close();
  }
});

test("where one side's choice moves the other's NPV beyond its band, the table does not call the choices separate", { timeout: 60_000 }, async () => {
  // Markets open both ways, China's chips as cheap as America's and no lag, compute bringing
  // AGI priced against world output: the US firms' sprint moves China's NPV.
  const race = 'cn_chip_growth=60&cn_capex_growth=100&cn_patience=3&cn_compute_per_dollar=2&cn_algorithm_lag=0&us_access=100&cn_access=100&winner_take_all=1&agi_mode=1&prize_anchor=1&agi_gdp_share=45&provider_capture=20&us_capex_growth=20';
  for (const lang of ['en', 'zh-Hant']) {
    const p = await openPage(env.browser, `${env.server.url}${BAKED_PAGES[lang]}?${race}`, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      await checkTable(p.page, lang, `open race, ${lang}`);
      const reading = await p.page.locator('.game-reading').textContent();
      assert.ok(!reading.includes(templateLiterals(messages[lang].calculator.game.separate)[0]), `the choices are not separate here: “${reading}”`);
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  }
});
