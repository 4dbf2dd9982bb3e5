// One file with both periods (UCI Adult's `dataset` = train/test) is split
// into baseline and current in the page, then tested for drift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The committed Adult slices stacked into one file with a `dataset` column. */
function adultFile() {
  const dir = path.join(repoRoot, 'crates/engine/tests/fixtures/reference');
  const [train, testPart] = ['adult_train_slice.csv', 'adult_test_slice.csv'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'));
  const lines = [`${train[0]},dataset`, ...train.slice(1).map((l) => `${l},train`), ...testPart.slice(1).map((l) => `${l},test`)];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tideline-')), 'adult.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('Adult split by dataset gets train vs test drift', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(adultFile());
  await page.getByTestId('split-control').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('split-column').inputValue(), 'dataset');
  assert.equal(await page.getByTestId('split-baseline').inputValue(), 'train');
  assert.equal(await page.getByTestId('split-current').inputValue(), 'test');
  await page.getByTestId('split-apply').click();
  // The two parts are a pair: the Overview opens; the drift table is a click away.
  await overviewShown(page);
  await section(page, 'drift');
  const verdict = page.locator('[data-testid="drift-verdict"]');
  await verdict.waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '1200');
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), '1200');
  // The split column is not tested; income_per_year is the label (label
  // drift, outside the feature share); the other 14 are features.
  assert.equal(await verdict.getAttribute('data-tested'), '14');
  assert.equal(await page.getByTestId('drift-row-income_per_year').getAttribute('data-role'), 'label');
  assert.equal(await page.getByTestId('drift-row-dataset').count(), 0);
  // Evidently's preset flags capital_gain alone (tools/reference/drift_report.py, case "adult").
  await page.getByTestId('drift-preset').selectOption('evidently');
  await page.locator('[data-testid="drift-verdict"][data-preset="evidently"]').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('drift-row-capital_gain').getAttribute('data-drifted'), 'true');
  assert.equal(await page.locator('[data-testid="drift-verdict"]').getAttribute('data-drifted'), '1');
  await page.getByTestId('split-control').waitFor({ state: 'detached' });
  assert.deepEqual(seen.errors, []);
  await page.close();
});
