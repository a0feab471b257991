// An editor without a Rust toolchain checks a data file with the shipped core: the same
// validation the page runs, in words, with the location of each problem and an exit code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, readWwwJson } from './harness.mjs';

const SCRIPT = path.join(REPO_ROOT, 'tools', 'check-data.mjs');

test('the shipped data file checks clean', () => {
  const out = execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  assert.match(out, /^ok: .*capex-dataset\.json — \d+ figures from the articles/);
});

test('a broken data file is refused with every problem located, and exit code 1', () => {
  const data = readWwwJson('data/capex-dataset.json');
  data.facts[0].value = 1.7e308;
  data.charts[0].facts.push('no-such-fact');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'broken.json');
  fs.writeFileSync(file, JSON.stringify(data));
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /2 problems/);
  assert.match(run.stderr, new RegExp(`facts\\[0\\] \\(id ${data.facts[0].id}\\)\\.value: value 1\\.7e308 is too large`));
  assert.match(run.stderr, /charts\[0\] \(id us-capex\)\.facts\[\d+\]: fact "no-such-fact" is not the id/);
});

test('a file that is not JSON says where it breaks', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'check-data-')), 'not-json.json');
  fs.writeFileSync(file, '{"schema_version": 1,');
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /line 1/);
});
