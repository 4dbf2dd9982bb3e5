// Any format (issue 19): a Parquet baseline against gzip'd SageMaker capture
// gives the drift table of the same data as CSV and plain JSON Lines; a
// folder of parts in mixed formats (Spark's Parquet parts beside a gzip'd
// CSV, with _SUCCESS and .crc files) is read as one dataset; Arrow IPC reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, openApp, section, overviewShown } from '../support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const columnar = (name) => path.join(here, '../../../crates/engine/tests/fixtures/columnar', name);

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Loads the pair and returns the drift table: per column its test, statistic, p-value and verdict. */
async function driftTable(baseline, current) {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(baseline);
  await page.getByTestId('current-file-input').setInputFiles(current);
  await overviewShown(page);
  await section(page, 'drift');
  await page.getByTestId('drift-table').waitFor({ timeout: 60000 });
  const rows = await page.locator('[data-testid^="drift-row-"]').evaluateAll((trs) => trs.map((tr) => ({
    column: tr.dataset.testid.slice('drift-row-'.length),
    test: tr.dataset.test,
    p: tr.dataset.p,
    drifted: tr.dataset.drifted,
    cells: [...tr.querySelectorAll('td')].slice(0, 7).map((td) => td.textContent.trim()),
  })));
  assert.deepEqual(seen.errors, []);
  return { page, rows };
}

test('a Parquet baseline against gzip\'d capture gives the drift table of the CSV and plain JSON Lines', async () => {
  const typed = await driftTable(columnar('car_loan_zstd.parquet'), columnar('car_loan_capture.jsonl.gz'));
  const text = await driftTable(columnar('car_loan.csv'), columnar('car_loan_capture.jsonl'));
  assert.equal(typed.rows.length, 7, JSON.stringify(typed.rows));
  assert.deepEqual(typed.rows, text.rows);
  await typed.page.close();
  await text.page.close();
});

test('an Arrow IPC stream and a Zstandard CSV read as their CSV twin', async () => {
  const ipc = await driftTable(columnar('car_loan.arrows'), columnar('car_loan.csv.zst'));
  const text = await driftTable(columnar('car_loan.csv'), columnar('car_loan.csv'));
  assert.ok(ipc.rows.length >= 7);
  assert.deepEqual(ipc.rows, text.rows);
  await ipc.page.close();
  await text.page.close();
});

test('a folder of parts in mixed formats is one dataset; markers and checksums are left out', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tideline-folder-'));
  const parts = path.join(dir, 'capture', 'hour=01');
  fs.mkdirSync(parts, { recursive: true });
  fs.copyFileSync(columnar('car_loan_snappy.parquet'), path.join(parts, 'part-0000.parquet'));
  fs.copyFileSync(columnar('car_loan.csv.gz'), path.join(parts, 'part-0001.csv.gz'));
  fs.writeFileSync(path.join(dir, 'capture', '_SUCCESS'), '');
  fs.writeFileSync(path.join(parts, '.part-0000.parquet.crc'), 'junk');
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-folder-input').setInputFiles(path.join(dir, 'capture'));
  await page.getByTestId('current-file-input').setInputFiles(columnar('car_loan.csv'));
  await overviewShown(page);
  await section(page, 'data');
  const files = page.getByTestId('baseline-files').locator('li');
  const names = await files.locator('.file-name').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()), ['part-0000.parquet', 'part-0001.csv.gz']);
  const meta = await files.locator('.file-meta').allTextContents();
  assert.match(meta[0], /parquet · 3,000 rows/);
  assert.match(meta[1], /csv · 3,000 rows/);
  assert.deepEqual(seen.errors, []);
  await page.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
