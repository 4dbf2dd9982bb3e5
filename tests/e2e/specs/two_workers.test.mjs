// Big files and drift runs shared with a helper worker. A CSV over 32 MB is
// read by two workers at once into the table one worker would build (types,
// missing and distinct counts computed here from the same rows); a quoted
// field in its second half sends that half back to the engine worker; and a
// drift run whose numeric columns a helper judges gives the Wasserstein
// distances computed here, to 1e-9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, appears, helpersReady, section, overviewShown } from '../support.mjs';

let server, browser, dir;
before(async () => {
  server = await serveDist();
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tideline-two-workers-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** xorshift64 as doubles in [0, 1): the same rows on every run. */
function rng(seed) {
  let s = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return () => {
    s ^= (s << 13n) & mask;
    s ^= s >> 7n;
    s ^= (s << 17n) & mask;
    return Number(s >> 11n) / 2 ** 53;
  };
}

/**
 * About 40 MB: an id, a full-precision float, a column of small whole
 * numbers that turns to text in its last quarter, a category, and a column
 * mostly empty or `NA`. Returns the file and what a reader must find.
 */
function bigCsv(name, { quoteRow } = {}) {
  const rows = 1_200_000;
  const next = rng(2026);
  const lines = ['id,x,late,cat,sparse'];
  const x = new Set();
  const late = new Set();
  let sparseMissing = 0;
  for (let i = 0; i < rows; i++) {
    const xv = next() * 10 - 2;
    x.add(xv);
    const lv = i > rows * 0.75 && i % 1000 === 7 ? 'word' : String(Math.floor(next() * 9));
    late.add(lv);
    const sparse = i % 3 === 0 ? '' : i % 3 === 1 ? 'NA' : String(i % 50);
    if (i % 3 !== 2) sparseMissing++;
    const cat = i === quoteRow ? '"c,\nquoted"' : `c${i % 4}`;
    lines.push(`${i},${xv},${lv},${cat},${sparse}`);
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const cats = quoteRow === undefined ? 4 : 5;
  return { file, rows, distinct: { id: rows, x: x.size, late: late.size, cat: cats }, sparseMissing };
}

async function shown(page, side, column, cell) {
  return (await page.getByTestId(`col-${column}`).getByTestId(cell).getAttribute(`data-${side}`)).trim();
}

test('a 40 MB CSV is read by two workers into the table one would build', async () => {
  const big = bigCsv('big.csv');
  assert.ok(fs.statSync(big.file).size > 32 * 1024 * 1024);
  const { page, seen } = await openApp(browser, server.origin);
  const cores = await helpersReady(page);
  await page.getByTestId('baseline-file-input').setInputFiles(big.file);
  await appears(page, '[data-testid="baseline-last-job"]', 120000);
  const last = page.getByTestId('baseline-last-job');
  if (cores > 1) assert.equal(await last.getAttribute('data-workers'), '2', 'the helper read the second half');
  assert.equal(Number(await page.getByTestId('baseline-rows').getAttribute('data-rows')), big.rows);
  for (const [column, distinct] of Object.entries(big.distinct)) {
    assert.equal(Number((await shown(page, 'baseline', column, 'distinct')).replace(/\D/g, '')), distinct, column);
  }
  assert.equal(await shown(page, 'baseline', 'x', 'inferred-type'), 'Fractional');
  assert.equal(await shown(page, 'baseline', 'late', 'inferred-type'), 'String', 'text only in the second half');
  assert.equal(await shown(page, 'baseline', 'sparse', 'missing'), `${((100 * big.sparseMissing) / big.rows).toFixed(1)}%`);
  assert.deepEqual(seen.errors, []);
});

test('a quoted newline in the second half: that half is read in order, rows intact', async () => {
  const quoted = bigCsv('quoted.csv', { quoteRow: 1_100_000 });
  const { page, seen } = await openApp(browser, server.origin);
  const said = [];
  page.on('console', (m) => said.push(m.text()));
  const cores = await helpersReady(page);
  await page.getByTestId('baseline-file-input').setInputFiles(quoted.file);
  await appears(page, '[data-testid="baseline-last-job"]', 120000);
  assert.equal(await page.getByTestId('baseline-last-job').getAttribute('data-workers'), '1');
  if (cores > 1) assert.ok(said.some((t) => t.includes('reading a part here (it holds a quote)')), said.join('\n'));
  assert.equal(Number(await page.getByTestId('baseline-rows').getAttribute('data-rows')), quoted.rows);
  assert.equal(Number((await shown(page, 'baseline', 'cat', 'distinct')).replace(/\D/g, '')), 5);
  assert.deepEqual(seen.errors, []);
});

/** scipy's wasserstein_distance(u, v) / np.std(u), as Evidently's `wasserstein` stattest. */
function wassersteinNormed(u, v) {
  const a = Float64Array.from(u).sort();
  const b = Float64Array.from(v).sort();
  const all = Float64Array.from([...a, ...b]).sort();
  let i = 0, j = 0, total = 0;
  for (let k = 0; k + 1 < all.length; k++) {
    while (i < a.length && a[i] <= all[k]) i++;
    while (j < b.length && b[j] <= all[k]) j++;
    total += Math.abs(i / a.length - j / b.length) * (all[k + 1] - all[k]);
  }
  const mean = u.reduce((s, x) => s + x, 0) / u.length;
  const std = Math.sqrt(u.reduce((s, x) => s + (x - mean) ** 2, 0) / u.length);
  return total / Math.max(std, 0.001);
}

test('a drift run shared with a helper gives the distances computed here', async () => {
  const rows = 120_000;
  const sides = {};
  for (const [side, seed, shift] of [['baseline', 7, 0], ['current', 11, 0.5]]) {
    const next = rng(seed);
    const columns = { a: [], b: [], c: [], d: [] };
    const lines = ['a,b,c,d'];
    for (let i = 0; i < rows; i++) {
      const row = [next() * 10 + shift, next() * 3, next() * 100 - 50, Math.round(next() * 1e6) / 1e3];
      row.forEach((v, k) => columns['abcd'[k]].push(v));
      lines.push(row.join(','));
    }
    const file = path.join(dir, `${side}.csv`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    sides[side] = { file, columns };
  }
  const { page, seen } = await openApp(browser, server.origin);
  const cores = await helpersReady(page);
  // A load of over 4 MB starts the helpers; they are ready by the drift run.
  await page.getByTestId('baseline-file-input').setInputFiles(sides.baseline.file);
  await appears(page, '[data-testid="baseline-last-job"]');
  await section(page, 'drift');
  await page.getByTestId('drift-preset').selectOption('evidently');
  await page.getByTestId('current-file-input').setInputFiles(sides.current.file);
  await appears(page, '[data-testid="drift-verdict"][data-preset="evidently"]');
  await overviewShown(page);
  await section(page, 'drift');
  const verdict = page.getByTestId('drift-verdict');
  if (cores > 1) assert.equal(await verdict.getAttribute('data-workers'), '2', 'a helper judged columns');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drift-download').click()]);
  const report = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(report.columns.length, 4);
  for (const column of report.columns) {
    assert.equal(column.test, 'wasserstein', column.name);
    const expected = wassersteinNormed(sides.baseline.columns[column.name], sides.current.columns[column.name]);
    assert.ok(Math.abs(column.statistic - expected) <= 1e-9 * Math.max(1, expected), `${column.name}: ${column.statistic} vs ${expected}`);
  }
  assert.deepEqual(report.columns.filter((c) => c.drifted).map((c) => c.name), ['a']);
  assert.deepEqual(seen.errors, []);
});
