// The single-file build (cargo xtask single-file) opens from disk with no
// server, analyses dropped files, and requests nothing: every URL it uses
// is file:, data: or blob:.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, watch, carLoan, repoRoot } from '../support.mjs';

const single = process.env.TIDELINE_SINGLE || path.join(repoRoot, 'dist-single/tideline.html');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single file runs from file:// and analyses two dropped files', async () => {
  assert.ok(fs.existsSync(single), `${single} is missing: run 'cargo xtask single-file'`);
  console.log(`single file: ${(fs.statSync(single).size / 1e6).toFixed(1)} MB`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const seen = watch(page);
  const started = Date.now();
  await page.goto(pathToFileURL(single).href);
  await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 60000 });
  console.log(`file:// to a ready app: ${Date.now() - started} ms`);
  const base = carLoan('reference');
  const cur = carLoan('analysis');
  await page.getByTestId('baseline-file-input').setInputFiles(base.file);
  await page.getByTestId('baseline-file-0').waitFor({ timeout: 60000 });
  await page.getByTestId('current-file-input').setInputFiles(cur.file);
  await page.getByTestId('drift-verdict').waitFor({ state: 'attached', timeout: 120000 });
  assert.ok(Number(await page.getByTestId('drift-verdict').getAttribute('data-tested')) > 0);
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), String(cur.rows));
  const foreign = seen.requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(foreign, [], 'requests outside the file');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
