// Every element id the live page makes from a chart's id ends in one of the endings the core
// reserves (CHART_ELEMENT_SUFFIXES in src/data/chart_def.rs), so no dataset chart can be named
// to repeat another chart's element id (issue 17, finding 7: `us-capex-figures-label`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serverAndBrowser } from './shared.mjs';
import { openPage, openTables, waitForReady, readWwwJson, REPO_ROOT, DESKTOP } from './harness.mjs';

const env = serverAndBrowser();

/** The reserved endings, as the core declares them. */
function reservedSuffixes() {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'src', 'data', 'chart_def.rs'), 'utf8');
  const list = /pub const CHART_ELEMENT_SUFFIXES: \[&str; \d+\] = \[([^\]]*)\]/.exec(source);
  assert.ok(list, 'src/data/chart_def.rs declares no CHART_ELEMENT_SUFFIXES');
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

test('each element id made from a chart id ends in a reserved ending', { timeout: 60_000 }, async () => {
  const suffixes = reservedSuffixes();
  const chartIds = readWwwJson('data/capex-dataset.json').charts.map((c) => c.id);
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, DESKTOP);
  try {
    assert.equal(await waitForReady(p.page), 'ready');
    await openTables(p.page);
    const ids = await p.page.evaluate(() => [...document.querySelectorAll('[id^="chart-"]')].map((el) => el.id));
    const endings = new Set();
    for (const id of ids) {
      // The longest chart id the element id starts with (a chart "a" and a chart "a-b" can both exist).
      const chart = chartIds.filter((c) => id === `chart-${c}` || id.startsWith(`chart-${c}-`)).sort((a, b) => b.length - a.length)[0];
      if (!chart) continue;
      const ending = id.slice(`chart-${chart}`.length);
      // Fact rows are chart-<id>--<fact>: no chart id holds "--".
      if (ending && !ending.startsWith('--')) endings.add(ending);
    }
    assert.ok(endings.has('-heading'), `no chart-derived ids found: ${ids.join(' ')}`);
    for (const ending of endings) assert.ok(suffixes.includes(ending), `the page makes chart-<id>${ending}, which the core does not reserve (${suffixes.join(', ')})`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
