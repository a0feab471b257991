// The what-if calculator as a reader uses it: sliders moved with the keyboard or dragged
// update the US firms' choice, the call at the reader's AGI year, the headline chart and the
// address (the other charts follow when the slider is let go); the address reproduces the
// scenario; old links with earlier parameter names still open; every preset changes the
// result; the result reads from the language file's templates in all three languages; "too
// close to call" is worded and styled as its own state wherever the engine says so; the method
// tables give units and no file names. Nothing here checks which strategy pays: the expected
// calls are read from the page's own core.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { openPage, waitForReady, readWwwJson, templatePattern, canvasDigest, waitForCanvasChange, waitForParams, DESKTOP, PHONE } from './harness.mjs';

const LANGS = ['en', 'zh-Hans', 'zh-Hant'];
const messages = Object.fromEntries(LANGS.map((lang) => [lang, readWwwJson(`i18n/${lang}.json`)]));
const LOCALE = { en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' };

const env = serverAndBrowser();

const text = (page, selector) => page.locator(selector).evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
const sentence = (page) => text(page, '.calc-sentence');
/** The projection the page shows, from its own core. */
const projection = (page) => page.evaluate(() => window.__explainer.projection());
const result = (page) => text(page, '.calc-result');

/** Wait until the text of `selector` differs from `previous`; returns the new one. */
async function waitForTextChange(page, selector, previous, what) {
  try {
    await page.waitForFunction(
      ([sel, prev]) => document.querySelector(sel).textContent.replace(/\s+/g, ' ').trim() !== prev,
      [selector, previous],
      { timeout: 5_000, polling: 50 },
    );
  } catch {
    assert.fail(`${what} did not change ${selector} (still “${previous}”)`);
  }
  return text(page, selector);
}

/** Every slider of the calculator as { field: value }. */
async function controlValues(page) {
  return page.locator('#calculator input[type="range"]').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.id.replace(/^in-/, ''), el.value])));
}

/** Sets a slider as a drag does: input events while moving, change when let go. */
async function drag(page, field, value, { release }) {
  await page.locator(`#in-${field}`).evaluate(
    (el, [v, up]) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      if (up) el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [String(value), release],
  );
}

test('moving the AGI-year slider with the keyboard updates the call at the reader\'s AGI year, the headline chart and the URL; the URL restores it', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const slider = p.page.locator('#in-agi_year');
    const start = Number(await slider.inputValue());
    const chart0 = await canvasDigest(p.page, '#model-breakeven canvas');
    const sentence0 = await sentence(p.page);
    const words = readWwwJson('i18n/en.json').calculator.scenario;
    assert.equal(await text(p.page, '.calc-scenario'), words.defaults, 'the result says it is at the default assumptions');

    // One step left: the slider, its read-out, the call at the reader's AGI year (it names the
    // year), the headline chart (its AGI rule moves) and the address follow.
    await slider.focus();
    await p.page.keyboard.press('ArrowLeft');
    assert.equal(await slider.inputValue(), String(start - 1));
    await waitForParams(p.page, { agi_year: String(start - 1) });
    await waitForCanvasChange(p.page, '#model-breakeven canvas', chart0.digest);
    assert.match(await p.page.locator('#out-agi_year').textContent(), new RegExp(String(start - 1)));
    const sentence1 = await waitForTextChange(p.page, '.calc-sentence', sentence0, 'one step of the AGI year');
    assert.ok(sentence1.includes(String(start - 1)), `the call does not name AGI in ${start - 1}: “${sentence1}”`);
    assert.equal(await text(p.page, '.calc-scenario'), words.own, 'the result says it is for the reader’s assumptions');

    // A second slider, set as a reader's drag would: the discount rate, which the call names.
    await drag(p.page, 'discount_rate', '11', { release: true });
    const url = await waitForParams(p.page, { agi_year: String(start - 1), discount_rate: '11' });
    const sentence2 = await waitForTextChange(p.page, '.calc-sentence', sentence1, 'a discount rate of 11%');
    assert.ok(sentence2.includes('11%'), `the call does not name the discount rate: “${sentence2}”`);
    const controls = await controlValues(p.page);
    const resultText = await result(p.page);

    // The written address reproduces exactly what the reader saw.
    const q = await openPage(env.browser, url.href, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(q.page), 'ready');
      assert.deepEqual(await controlValues(q.page), controls, 'the link restores different slider values');
      assert.equal(await result(q.page), resultText, 'the link restores a different result');
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

test('while a slider is dragged the headline chart and the result follow; the other charts follow when it is let go, those far from the screen once they come near', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.evaluate(() => document.getElementById('model-breakeven').scrollIntoView({ block: 'start' }));
    const headline0 = await canvasDigest(p.page, '#model-breakeven canvas');
    const position0 = await canvasDigest(p.page, '#model-position canvas');
    const result0 = await result(p.page);
    await drag(p.page, 'us_capex_growth', '20', { release: false });
    await waitForCanvasChange(p.page, '#model-breakeven canvas', headline0.digest);
    await waitForTextChange(p.page, '.calc-result', result0, 'dragging US capex growth');
    assert.equal((await canvasDigest(p.page, '#model-position canvas')).digest, position0.digest, 'the cash chart redrew during the drag');
    await drag(p.page, 'us_capex_growth', '20', { release: true });
    await waitForParams(p.page, { us_capex_growth: '20' });
    await p.page.waitForFunction(() => !document.querySelector('#calculator .is-updating'));
    await p.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const far = await p.page.evaluate(() => document.querySelector('#model-position canvas').getBoundingClientRect().top > innerHeight + 200);
    assert.ok(far, 'the cash chart is not far below the headline chart at this size');
    assert.equal((await canvasDigest(p.page, '#model-position canvas')).digest, position0.digest, 'the cash chart, far from the screen, redrew at once');
    await p.page.locator('#model-position canvas').scrollIntoViewIfNeeded();
    await waitForCanvasChange(p.page, '#model-position canvas', position0.digest);
  } finally {
    await p.close();
  }
});

test('an old link with earlier parameter names opens: renamed ones set their input, retired ones are dropped quietly', { timeout: 60_000 }, async () => {
  // cn_efficiency: one multiple for chips and algorithms together, retired for two inputs.
  const old = 'lang=en&sprint_capex_growth_pct=30&price_decline_pct=12&payoff_multiple=5&horizon_end=2045&sprint_base=s001-us-ai-capex-2025&cn_efficiency=5';
  const p = await openPage(env.browser, `${env.server.url}?${old}`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    assert.equal(await p.page.locator('#in-us_capex_growth').inputValue(), '30');
    assert.equal(await p.page.locator('#in-price_cut').inputValue(), '12');
    assert.equal(await p.page.locator('#status .message-warning').count(), 0, 'an old link shows a warning');
    const url = await waitForParams(p.page, { us_capex_growth: '30', price_cut: '12', sprint_capex_growth_pct: null, price_decline_pct: null, payoff_multiple: null, horizon_end: null, sprint_base: null, cn_efficiency: null });
    assert.ok(url.searchParams.get('lang') === 'en');
    assert.ok((await text(p.page, '.calc-headline')).length > 0, 'no result for an old link');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('every preset changes the result and a preset link restores it; reset brings the defaults back', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const readings = { defaults: await result(p.page) };
    const ids = await p.page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
    for (const id of ['agi_3y', 'agi_10y', 'no_agi', 'price_war']) assert.ok(ids.includes(id), `no “${id}” preset button (have ${ids})`);
    for (const id of ids) {
      const chart = (await canvasDigest(p.page, '#model-breakeven canvas')).digest;
      await p.page.locator(`button[data-preset="${id}"]`).click();
      await waitForParams(p.page, { preset: id });
      assert.equal(await p.page.locator(`button[data-preset="${id}"]`).getAttribute('aria-pressed'), 'true', `${id}: button not pressed`);
      if (id !== 'price_war') await waitForCanvasChange(p.page, '#model-breakeven canvas', chart).catch((e) => assert.fail(`${id}: ${e.message}`));
      readings[id] = await result(p.page);
    }
    await p.page.locator('button.preset-reset').click();
    await waitForParams(p.page, { preset: null, agi_year: null });
    assert.equal(await result(p.page), readings.defaults, 'reset does not bring back the default result');

    const names = Object.keys(readings);
    const same = [];
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) if (readings[names[i]] === readings[names[j]]) same.push(`${names[i]} = ${names[j]}`);
    assert.deepEqual(same, [], `these scenarios read word for word the same: ${same.join(', ')}`);

    const q = await openPage(env.browser, `${env.server.url}?lang=en&preset=agi_10y`, { ...DESKTOP });
    try {
      assert.equal(await waitForReady(q.page), 'ready');
      assert.equal(await result(q.page), readings.agi_10y, 'preset=agi_10y in the link gives a different result');
    } finally {
      await q.close();
    }
  } finally {
    await p.close();
  }
});

/** Whether `value` is the sentences of one template from each list, in order. */
function composedOf(value, lang, ...lists) {
  const sep = lang === 'en' ? ' ' : '';
  let combos = [''];
  for (const list of lists) combos = combos.flatMap((prefix) => list.map((tpl) => (prefix ? prefix + sep : '') + tpl));
  return combos.some((tpl) => templatePattern(tpl).test(value));
}

/** The US firms' choice as the page words it, from the engine's kind and runs. */
function choicePatterns(c, lang) {
  const sep = lang === 'en' ? ' ' : '';
  const heads = Object.entries(c.choice).filter(([k]) => !['close_runs', 'run', 'run_single'].includes(k)).map(([, tpl]) => tpl);
  return [...heads, ...heads.map((tpl) => tpl + sep + c.choice.close_runs)];
}

for (const lang of LANGS) {
  test(`the result, the payback panel and the uncertainty read from the ${lang} templates; the headline names the US firms' choice`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const c = messages[lang].calculator;
      const proj = await projection(p.page);
      const headline = await text(p.page, '.calc-headline');
      assert.ok(headline.includes(c.firms.us), `the headline does not name the US firms: “${headline}”`);
      assert.ok(choicePatterns(c, lang).some((tpl) => templatePattern(tpl).test(headline)), `headline “${headline}”`);
      const kindKey = (k) => (k === 'always' || k === 'never') && proj.us_choice.runs.some((r) => r.call === 'too_close_to_call') ? `${k}_except` : k;
      assert.ok(templatePattern(c.choice[kindKey(proj.us_choice.kind)]).test(headline.split(lang === 'en' ? /(?<=\.) / : /(?<=。)/)[0]), `the headline is not the engine's “${proj.us_choice.kind}”: “${headline}”`);
      if (proj.us_choice.runs.some((r) => r.call === 'too_close_to_call') && proj.us_choice.kind !== 'too_close_to_call') {
        const run = proj.us_choice.runs.find((r) => r.call === 'too_close_to_call');
        assert.ok(headline.includes(c.calls.too_close_to_call) || headline.includes(c.call_words.too_close_to_call), `the headline leaves out the years too close to call: “${headline}”`);
        assert.ok(headline.includes(String(run.from)), `the headline does not name AGI ${run.from}: “${headline}”`);
      }
      const at = proj.us_choice.at_agi_year.call;
      assert.equal(await text(p.page, '.calc-call-badge'), c.calls[at], 'the badge is not the engine’s call at the reader’s AGI year');
      assert.ok(templatePattern(c.at[at]).test(await sentence(p.page)), `the call sentence “${await sentence(p.page)}”`);
      const others = await text(p.page, '.calc-others');
      assert.ok(others.includes(c.firms.cn), `China's choice is not named: “${others}”`);
      assert.ok(composedOf(others, lang, choicePatterns(c, lang)), `China's choice “${others}”`);
      const notes = await text(p.page, '.calc-notes');
      // The claim holds, holds in part (some of sprint early / pace late / pace without AGI), or fails.
      const parts = [proj.claim.early === 'sprint', proj.claim.late === 'pace', proj.claim.without_agi === 'pace'];
      const claimKey = proj.claim.holds ? 'holds' : parts.some(Boolean) ? 'partly' : 'fails';
      assert.ok(composedOf(notes, lang, [c.claim[claimKey]]), `notes “${notes}” are not the claim's “${claimKey}”`);
      // Whether investors stop a sprint, as the engine says.
      const stops = proj.sprints_stopped_by_investors;
      const stopsKey = stops.us && stops.cn ? 'both' : stops.us ? 'us' : stops.cn ? 'cn' : 'none';
      const stopsText = await text(p.page, '.calc-stops');
      assert.ok(templatePattern(c.stops[stopsKey]).test(stopsText), `investors' stops “${stopsText}” are not “${stopsKey}”`);
      if (stops.us) assert.ok(stopsText.includes(String(stops.us)), `the year investors stop the US sprint: “${stopsText}”`);
      assert.ok(templatePattern(c.payback.sentence).test(await text(p.page, '.calc-payback-main')), 'payback sentence');
      assert.ok(templatePattern(c.payback.compare).test(await text(p.page, '.calc-payback-compare')), 'payback comparison');
      const mc = await text(p.page, '.calc-mc-sentence');
      assert.ok(composedOf(mc, lang, [c.monte_carlo.sentence]), `uncertainty sentence “${mc}”`);
      // Nothing left of the old verdict: no sentence compares “the sprint” with “the marathon”.
      const all = await text(p.page, '#calculator');
      for (const word of { en: ['marathon', 'comes out ahead', 'verdict'], 'zh-Hans': ['马拉松'], 'zh-Hant': ['馬拉松'] }[lang]) assert.ok(!all.includes(word), `the calculator still says “${word}”`);
      assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], 'text keys missing from the language file');
      assert.deepEqual(p.consoleErrors, []);
    } finally {
      await p.close();
    }
  });
}

test('“too close to call” is its own state, in words and style, wherever the engine says so', { timeout: 90_000 }, async () => {
  for (const lang of LANGS) {
    const c = messages[lang].calculator;
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      // An AGI year the page's own core calls too close for the US firms, and one it does not.
      const proj = await projection(p.page);
      const close = proj.us_choice.by_agi_year.find((pt) => pt.call === 'too_close_to_call');
      const decisive = proj.us_choice.by_agi_year.find((pt) => pt.call !== 'too_close_to_call');
      assert.ok(close && decisive, 'the default scenario has no AGI year too close to call and one that is not; pick another scenario');
      for (const pt of [close, decisive]) {
        const before = await sentence(p.page);
        await drag(p.page, 'agi_year', String(pt.agi_year), { release: true });
        await waitForParams(p.page, { agi_year: String(pt.agi_year) });
        if (before.includes(String(pt.agi_year)) === false) await waitForTextChange(p.page, '.calc-sentence', before, `AGI in ${pt.agi_year}`);
        const now = await projection(p.page);
        assert.equal(now.us_choice.at_agi_year.call, pt.call, 'the engine changed its call when only the reader’s AGI year moved');
        const badge = p.page.locator('.calc-call-badge');
        assert.equal(await text(p.page, '.calc-call-badge'), c.calls[pt.call], `${lang} AGI ${pt.agi_year}: badge`);
        assert.ok((await badge.getAttribute('class')).split(' ').includes(`call-${pt.call}`), `${lang} AGI ${pt.agi_year}: badge styled ${await badge.getAttribute('class')}`);
        const words = await sentence(p.page);
        assert.ok(templatePattern(c.at[pt.call]).test(words), `${lang} AGI ${pt.agi_year}: “${words}”`);
        if (pt.call === 'too_close_to_call') {
          for (const win of [c.at.sprint, c.at.pace]) assert.ok(!templatePattern(win).test(words), `${lang}: a call too close is worded as a win: “${words}”`);
          // Grey and dashed, never a shade of either answer.
          const style = await badge.evaluate((el) => ({ border: getComputedStyle(el).borderTopStyle }));
          assert.equal(style.border, 'dashed');
        }
      }
      // The AGI-year strip colours each year by the engine's call; "no AGI by 2060" last.
      // One rectangle per run of steps with the same call: expanded to one entry per step.
      const cells = await p.page.locator('.agi-strip rect').evaluateAll((rs) => rs.flatMap((r) => Array(Number(r.getAttribute('width'))).fill(r.getAttribute('class'))));
      const expected = [...proj.us_choice.by_agi_year.map((pt) => `call-${pt.call}`), `call-${proj.us_choice.without_agi.call}`];
      assert.deepEqual(cells, expected, `${lang}: the strip's colours`);
    } finally {
      await p.close();
    }
  }
});

for (const lang of LANGS) {
  test(`the ${lang} method tables give units, the AGI year's last step as “none” and no file names`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...DESKTOP, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const c = messages[lang].calculator;
      const calcText = await text(p.page, '#calculator');
      assert.ok(!/docs\/|\.md\b/.test(calcText), 'the calculator names a project file');
      // Built the first time it opens (a closed block costs no DOM).
      assert.equal(await p.page.locator('#how-calculated table').count(), 0, 'the method tables are built before they are opened');
      await p.page.locator('#how-calculated > summary').click();
      const tables = p.page.locator('#how-calculated table');
      await tables.first().waitFor();
      const rows = (i) => tables.nth(i).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
      const inputs = await rows(0);
      const agi = inputs.find((r) => r[0] === c.inputs.agi_year.label);
      assert.ok(agi && !agi[2].includes('2061'), `AGI-year range “${agi && agi[2]}”`);
      const constants = await rows(1);
      const row = (name) => constants.find((r) => r[0] === c.constants[name]);
      const revenue = row('us_revenue_2025');
      const usd = messages[lang].format.currency.USD;
      assert.ok(revenue[1].includes(usd.prefix.trim()) && revenue[1].includes(usd.suffix.trim()), `US cloud revenue “${revenue[1]}” has no currency`);
      for (const name of ['us_operating_margin', 'cn_operating_margin', 'compute_cost_decline']) assert.match(row(name)[1], /%$/, `${name} “${row(name)[1]}”`);
      // An exchange rate is quoted to its published decimals (7.189); nothing else needs three.
      for (const r of constants.filter((r) => r[0] !== c.constants.cny_per_usd)) assert.ok(!/\d\.\d{3,}/.test(r[1]), `${r[0]}: “${r[1]}” is a raw model number`);
      assert.ok(row('useful_life_years')[3].startsWith(c.origin.published), `useful life “${row('useful_life_years')[3]}” is not given as published`);
      assert.ok(row('cny_per_usd')[3].startsWith(c.origin.published), `the exchange rate “${row('cny_per_usd')[3]}” is not given as the dataset's published rate`);
      assert.ok(row('fixed_cost_share')[3].includes(c.method.constant_reasons.assumption.fixed_cost_share), 'an assumption without its reason');
      const ratio = row('us_capex_ratio');
      assert.ok(templatePattern(c.method.constant_derived.us_capex_ratio).test(ratio[3]), `US capex ratio origin “${ratio[3]}”`);
      const payback = await text(p.page, '.calc-payback-compare');
      assert.ok(payback.includes(messages[lang].format.qualifier.over.replace('{x}', '').trim()), `OpenAI's “over” is lost: “${payback}”`);
    } finally {
      await p.close();
    }
  });
}

test('the headline chart\'s caption promises a break-even mark only when there is a break-even year', { timeout: 60_000 }, async () => {
  const c = messages.en.calculator;
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { ...DESKTOP, locale: 'en-US' });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const year = (await projection(p.page)).us_choice.break_even_agi_year;
    const caption = await text(p.page, '#model-breakeven .chart-caption');
    assert.equal(caption, typeof year === 'number' ? c.charts['model-breakeven'].caption : c.charts['model-breakeven'].caption_no_break_even, `break-even ${year}`);
  } finally {
    await p.close();
  }
});

for (const lang of LANGS) for (const [size, viewport] of [['390 px', PHONE], ['1280 px', DESKTOP]]) {
  test(`${lang} at ${size}: what would change the answer — every bar of the tornado in its table with both ends, the bars that change the call marked, each range's source (in the table and the bar's tooltip), each empty bar's reason, and the reported figures listed`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { ...viewport, locale: LOCALE[lang] });
    try {
      assert.equal(await waitForReady(p.page), 'ready');
      const c = messages[lang].calculator;
      const tornado = await p.page.evaluate(() => window.__explainer.sensitivity());
      await p.page.locator('#model-sensitivity details.table-details > summary').click();
      // Built on the toggle event.
      await p.page.locator('#model-sensitivity table tbody tr').first().waitFor({ timeout: 5_000 });
      const rows = await p.page.locator('#model-sensitivity table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.innerText.trim())));
      assert.equal(rows.length, tornado.bars.length + tornado.fixed_figures.length, 'one row per bar and per reported figure');
      tornado.bars.forEach((bar, i) => {
        const [, , high, source] = rows[i];
        assert.equal(high.includes(c.sensitivity.flips), bar.flips, `${bar.field}: marked as changing the call: ${high}`);
        if (bar.zero_reason) assert.ok(high.includes(c.sensitivity.zero[bar.zero_reason]), `${bar.field}: why its bar is empty: ${high}`);
        assert.ok(source.length > 10, `${bar.field}: no source for its range`);
      });
      assert.ok(tornado.bars.some((bar) => bar.zero_reason) && tornado.bars.some((bar) => bar.flips), 'the defaults have both an empty bar and a bar that changes the call');
      for (const row of rows.slice(tornado.bars.length)) assert.equal(row[2], c.sensitivity.fixed);
      // The chart draws the inputs that move the answer; the still ones are named under it.
      const still = tornado.bars.filter((bar) => bar.zero_reason).map((bar) => rows[tornado.bars.indexOf(bar)][0]);
      const noEffect = await text(p.page, '#model-sensitivity .calc-no-effect');
      assert.ok(templatePattern(c.sensitivity.no_effect).test(noEffect), `the still inputs' line “${noEffect}”`);
      for (const name of still) assert.ok(noEffect.includes(name), `“${name}” has no effect but is not named under the chart`);
      const drawn = await p.page.evaluate(() => window.__explainer.marks('model-sensitivity').map((m) => m.mark));
      assert.deepEqual(new Set(drawn), new Set(tornado.bars.filter((bar) => !bar.zero_reason).map((bar) => bar.field)), 'the chart draws exactly the inputs with an effect');
      // At this width the table scrolls in its own region; the page itself never overflows.
      assert.ok(await p.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the page overflows');
      // A bar's tooltip (from the keyboard) names its input and gives the same range source.
      await p.page.locator('#model-sensitivity canvas').focus();
      await p.page.keyboard.press('ArrowRight');
      const tip = p.page.locator('#model-sensitivity .tooltip');
      await tip.waitFor({ state: 'visible', timeout: 2_000 });
      const [title, ...lines] = await tip.evaluate((el) => [...el.children].map((line) => line.textContent.trim()));
      const row = rows.find((r) => r[0] === title);
      assert.ok(row, `the tooltip's input “${title}” is a row of the table`);
      assert.ok(lines.includes(row[3]), `the tooltip of “${title}” leaves out its range's source “${row[3]}”: ${lines.join(' | ')}`);
      assert.deepEqual(await p.page.evaluate(() => window.__explainer.missingText()), [], 'text keys missing from the language file');
      assert.deepEqual(p.problems(), []);
    } finally {
      await p.close();
    }
  });
}
