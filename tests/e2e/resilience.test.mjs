// Resilience: when the wasm core, the dataset file or the words cannot be used, the reader
// gets a message in words and as much of the explainer as possible; and no request ever
// leaves the server's origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser } from './shared.mjs';
import { trapHook } from './trap-hook.mjs';
import { openPage, waitForReady, readWwwJson, templatePattern, SUBPATH, DESKTOP, PHONE, openTables } from './harness.mjs';

const messages = { en: readWwwJson('i18n/en.json'), 'zh-Hans': readWwwJson('i18n/zh-Hans.json') };
const dataset = readWwwJson('data/capex-dataset.json');

const env = serverAndBrowser();

const visibleText = (page, selector) =>
  page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.innerText.trim()));

for (const lang of ['en', 'zh-Hans']) {
  test(`the wasm cannot load (${lang}): state "error", a message in words, headline and tables still there`, { timeout: 60_000 }, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, {
      ...PHONE,
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
      route: (context) => context.route('**/pkg/*.wasm', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' })),
    });
    try {
      assert.equal(await waitForReady(p.page), 'error', 'data-state');
      const m = messages[lang];
      const status = await visibleText(p.page, '#status .message-error');
      assert.ok(
        status.some((t) => t.startsWith(m.status.wasm_failed)),
        `no visible message “${m.status.wasm_failed}”; the status area shows ${JSON.stringify(status)}`,
      );
      assert.equal((await p.page.locator('#headline').innerText()).trim(), m.page.headline, 'headline');
      assert.ok(await p.page.locator('#headline').isVisible(), 'the headline is not visible');

      // Every chart's table is still there, with the dataset's rows; each chart says why it is missing.
      await openTables(p.page);
      for (const chart of dataset.charts) {
        const rows = await p.page.locator(`#chart-${chart.id} table.facts tr.fact-row`).count();
        const listed = chart.facts.length + (chart.context || []).length;
        assert.equal(rows, listed, `${chart.id}: ${rows} table rows, the dataset lists ${listed}`);
        const note = await visibleText(p.page, `#chart-${chart.id} .chart-error`);
        assert.deepEqual(note, [m.status.chart_unavailable], `${chart.id}: no visible “chart unavailable” note`);
      }
      const calc = await visibleText(p.page, '#calculator .chart-error');
      assert.deepEqual(calc, [m.status.calculator_unavailable], 'the calculator does not say it is unavailable');
      // Shown without the core's checks, and the page says so, naming the file's version.
      const unchecked = m.status.dataset_unchecked.replace('{version}', dataset.dataset_version);
      assert.deepEqual(await visibleText(p.page, '#status [data-message="dataset"]'), [unchecked], 'the figures are not marked as unchecked');
      assert.equal(await p.page.locator('#boot-error').isVisible(), false, 'the bilingual boot error should stay hidden');
      assert.deepEqual(p.pageErrors, [], 'uncaught page errors');
    } finally {
      await p.close();
    }
  });
}

/** The calculator came to life: its headline chart is drawn and not blank. */
async function assertCalculatorDrawn(page, why) {
  const calc = await page.evaluate(() => {
    const canvas = document.querySelector('#calculator canvas');
    return canvas ? { drawn: canvas.dataset.drawn ?? null, width: canvas.width } : null;
  });
  assert.ok(calc && calc.drawn === '1' && calc.width > 0, `${why}: the calculator's chart is not drawn (${JSON.stringify(calc)})`);
}

/** The first line of each visible "dataset" message. */
const datasetMessage = async (page) => (await visibleText(page, '#status [data-message="dataset"]')).map((t) => t.split('\n')[0].trim());

test('a dataset file that is not JSON: the page says so, shows no figures from it, and the calculator works', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) =>
      context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "facts": [' })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready', 'data-state');
    const st = messages.en.status;
    assert.deepEqual(await datasetMessage(p.page), [st.dataset_unreadable], 'the status area does not say the data file could not be read');
    assert.ok((await p.page.locator('#status [data-message="dataset"]').innerText()).includes(st.dataset_no_charts), 'the message does not say what is left');
    assert.equal(await p.page.locator('#charts section[data-chart]').count(), 0, 'chart sections from an unreadable file');
    await assertCalculatorDrawn(p.page, 'unreadable dataset');
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('a dataset with an unknown source id is refused in words, and none of its figures is shown', { timeout: 60_000 }, async () => {
  const broken = structuredClone(dataset);
  const victim = broken.facts.find((f) => f.id === dataset.charts[0].facts[0]) || broken.facts[0];
  victim.source = 'no-such-source';
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) =>
      context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready', 'data-state');
    const st = messages.en.status;
    const text = await datasetMessage(p.page);
    assert.ok(
      text.some((t) => templatePattern(st.dataset_refused).test(t) || t === st.dataset_refused_one),
      `no visible “data file has problems” message; the status area shows ${JSON.stringify(await visibleText(p.page, '#status'))}`,
    );
    // The developer detail names the bad id.
    const detail = await p.page.locator('#status [data-message="dataset"] details').textContent();
    assert.match(detail, /no-such-source/, `the problem list does not name the unknown source id: ${detail}`);
    // Only checked figures reach the reader: nothing of the refused file is on the page.
    assert.equal(await p.page.locator('#charts section[data-chart], #charts tr.fact-row').count(), 0, 'figures from the refused file are shown');
    await assertCalculatorDrawn(p.page, 'refused dataset');
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('the language files cannot load: a bilingual line says so, state "error"', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans`, {
    ...PHONE,
    route: (context) => context.route('**/i18n/*.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'error', 'data-state');
    assert.ok(await p.page.locator('#boot-error').isVisible(), 'the boot error line is not visible');
    assert.match(await p.page.locator('#boot-error').innerText(), /could not load/);
    assert.deepEqual(p.pageErrors, [], 'page errors');
  } finally {
    await p.close();
  }
});

test('no request leaves the server origin while a reader uses the page (subpath, strict CSP)', { timeout: 90_000 }, async () => {
  const p = await openPage(env.browser, new URL(`${SUBPATH}?lang=en`, env.server.url).href, {
    ...DESKTOP,
    initScript: () => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
    // Anything that tries to leave is recorded by the harness and then stopped here.
    route: (context) =>
      context.route(
        (url) => url.origin !== env.server.origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
        (r) => r.abort('blockedbyclient'),
      ),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready', 'data-state');
    // Use it: hover a chart, press a preset, move a slider, switch currency and language.
    const canvas = p.page.locator('#chart-us-capex canvas');
    const box = await canvas.boundingBox();
    for (let x = 10; x < box.width; x += 40) await p.page.mouse.move(box.x + x, box.y + box.height * 0.9);
    await p.page.locator('button[data-preset="agi_3y"]').click();
    await p.page.locator('#in-agi_year').focus();
    await p.page.keyboard.press('ArrowRight');
    await p.page.locator('#currency-switch button[data-currency="CNY"]').click();
    await Promise.all([p.page.waitForURL(/lang=zh-Hant/), p.page.locator('#lang-switch a[hreflang="zh-Hant"]').click()]);
    assert.equal(await waitForReady(p.page), 'ready', 'data-state after switching language');

    assert.ok(p.requests.length > 5, `only ${p.requests.length} requests recorded`);
    assert.deepEqual(p.foreignRequests(env.server.origin), [], 'requests to another origin');
    assert.ok(
      p.requests.every((u) => !u.startsWith(env.server.origin) || new URL(u).pathname.startsWith(SUBPATH)),
      `requests outside the subpath ${SUBPATH}: ${p.requests.filter((u) => !new URL(u).pathname.startsWith(SUBPATH)).join(', ')}`,
    );
    assert.deepEqual(await p.page.evaluate(() => window.__cspViolations), [], 'Content-Security-Policy violations');
    assert.deepEqual(p.consoleErrors, [], 'console errors');
    assert.deepEqual(p.failedRequests, [], 'failed requests');
  } finally {
    await p.close();
  }
});

test('a chart named like a part of the page (calculator) is refused in words; the page keeps its own parts; every element id is unique', { timeout: 60_000 }, async () => {
  // Issue 9, finding 4: chart ids name elements on the page.
  const renamed = structuredClone(dataset);
  renamed.charts[0].id = 'calculator';
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(renamed) })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const detail = await p.page.locator('#status [data-message="dataset"] details').textContent();
    assert.match(detail, /chart id "calculator" is reserved for one of the page's own sections/, `the problem list does not name the chart id: ${detail}`);
    assert.equal(await p.page.locator('#calculator #in-agi_year').count(), 1, 'the calculator is not in its place');
    const ids = await p.page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate element ids');
  } finally {
    await p.close();
  }
});

test('with the real data every element id is unique and every chart-derived id carries the "chart-" prefix', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans`, { ...DESKTOP });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await openTables(p.page);
    const ids = await p.page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => ({ id: el.id, chart: el.closest('#charts [data-chart]')?.dataset.chart ?? null })));
    const all = ids.map((x) => x.id);
    assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i), [], 'duplicate element ids');
    const unprefixed = ids.filter((x) => x.chart && !x.id.startsWith(`chart-${x.chart}`) && !x.id.startsWith('chart-'));
    assert.deepEqual(unprefixed, [], 'ids inside a chart section without the chart- prefix');
    assert.deepEqual(ids.filter((x) => !x.chart && x.id.startsWith('chart-') && x.id !== 'chart-key-hint'), [], 'page ids that look like chart ids');
  } finally {
    await p.close();
  }
});

/** Open the page with the wasm blocked and the data file replaced by `body`. */
const withoutCore = (body) => ({
  ...DESKTOP,
  route: async (context) => {
    await context.route('**/pkg/*.wasm', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
    await context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  },
});

test('without the core, a file whose fields have the wrong types ({"toString":0}) is not shown, and nothing throws', { timeout: 60_000 }, async () => {
  // Issue 9, finding 3.
  const hostile = structuredClone(dataset);
  hostile.entities[0].name = { toString: 0 };
  hostile.facts[0].value = { toString: 0, valueOf: 0 };
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, withoutCore(JSON.stringify(hostile)));
  try {
    assert.equal(await waitForReady(p.page), 'error');
    assert.deepEqual((await visibleText(p.page, '#status [data-message="dataset"]')).map((t) => t.split('\n')[0]), [messages.en.status.dataset_unreadable]);
    const detail = await p.page.locator('#status [data-message="dataset"] details').textContent();
    assert.match(detail, /entities\[0\]\.name/, detail);
    assert.equal(await p.page.locator('#charts section[data-chart]').count(), 0, 'figures of an unchecked, misshapen file are shown');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a data file nested 10,000 deep is refused in words', { timeout: 60_000 }, async () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  for (const core of [true, false]) {
    const options = core
      ? { ...DESKTOP, route: (context) => context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: deep })) }
      : withoutCore(deep);
    const p = await openPage(env.browser, `${env.server.url}?lang=en`, options);
    try {
      assert.equal(await waitForReady(p.page), core ? 'ready' : 'error');
      const shown = (await visibleText(p.page, '#status [data-message="dataset"]')).map((t) => t.split('\n')[0]);
      assert.ok(shown.length === 1 && shown[0].startsWith('The data file'), `core ${core}: ${JSON.stringify(shown)}`);
      assert.deepEqual(p.pageErrors, [], `core ${core}`);
    } finally {
      await p.close();
    }
  }
});

test('a data file larger than 5 MB is refused without reading it all', { timeout: 60_000 }, async () => {
  const huge = `{"pad": "${'x'.repeat(6 * 1024 * 1024)}"}`;
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: huge })),
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    const detail = await p.page.locator('#status [data-message="dataset"] details').textContent();
    // The one message of www/js/data-file/size-limit.js, as check-data, the preview and the bake say it.
    assert.match(detail, /the file is larger than 5 MB \(\d+ bytes or more\), the most the page reads/, detail);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a data file that never arrives: after 15 s the page says so and the calculator works', { timeout: 60_000 }, async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, {
    ...DESKTOP,
    route: (context) => context.route('**/data/capex-dataset.json', () => {}), // never answered
  });
  try {
    assert.equal(await waitForReady(p.page, { timeout: 40_000 }), 'ready');
    const detail = await p.page.locator('#status [data-message="dataset"] details').textContent();
    assert.match(detail, /no answer within 15 s/, detail);
    await assertCalculatorDrawn(p.page, 'data file never arrived');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a trap in the core (a Rust panic) is worded in the reader\'s language, the core restarts with the last good state, and the page keeps working', { timeout: 60_000 }, async () => {
  // Issue 9, finding 5. The release core aborts on a panic: the browser throws a RuntimeError
  // out of the call. The test makes the next call of one export do exactly that.
  const p = await openPage(env.browser, `${env.server.url}?lang=zh-Hans&agi_year=2031`, {
    ...DESKTOP,
    initScript: trapHook,
  });
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await p.page.locator('#chart-us-capex .figures-switch button[data-figures="articles"]').click();
    const before = await p.page.locator('#in-agi_year').inputValue();
    assert.equal(before, '2031');
    // The next slider change traps inside the core.
    await p.page.evaluate(() => {
      window.__trapNext = 'explainer_set_input';
    });
    await p.page.locator('#in-price_cut').focus();
    await p.page.keyboard.press('ArrowRight');
    const status = p.page.locator('#status [data-message="core-restart"]');
    await status.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal((await status.innerText()).split('\n')[0].trim(), messages['zh-Hans'].status.core_restarted);
    assert.equal(await p.page.evaluate(() => window.__trapNext), null, 'the trap was not sprung');
    // The change went through on the new core, and the old state came along: AGI year, the chart's set of figures.
    await p.page.waitForFunction(() => new URLSearchParams(location.search).get('price_cut') !== null, null, { timeout: 5_000 });
    assert.equal(await p.page.locator('#in-agi_year').inputValue(), '2031', 'the scenario was lost');
    const drawn = await p.page.evaluate(() => window.__explainer.svg('us-capex', 400, 300));
    assert.match(drawn, /<svg/, 'the new core does not draw the dataset chart');
    // And it keeps answering.
    const sentence = await p.page.locator('.calc-sentence').innerText();
    await p.page.locator('#in-agi_year').focus();
    await p.page.keyboard.press('End');
    await p.page.waitForFunction((prev) => document.querySelector('.calc-sentence').innerText !== prev, sentence, { timeout: 5_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
