// Dropping the NannyML car-loan pair: schemas with the right row counts and types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, carLoan, schemaRow, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the car-loan reference and analysis files load with their types', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const reference = carLoan('reference');
  const analysis = carLoan('analysis');
  await page.getByTestId('baseline-file-input').setInputFiles(reference.file);
  await page.getByTestId('current-file-input').setInputFiles(analysis.file);
  await overviewShown(page);
  await section(page, 'data');
  for (const [side, data] of [['baseline', reference], ['current', analysis]]) {
    const rows = page.getByTestId(`${side}-rows`);
    await rows.waitFor({ timeout: 60000 });
    assert.equal(await rows.getAttribute('data-rows'), String(data.rows));
    assert.deepEqual(await schemaRow(page, side, 'car_value'), { type: 'Fractional', kind: 'numerical', role: 'feature' });
    assert.deepEqual(await schemaRow(page, side, 'salary_range'), { type: 'String', kind: 'categorical', role: 'feature' });
    assert.deepEqual(await schemaRow(page, side, 'timestamp'), { type: 'String', kind: 'datetime', role: 'timestamp' });
    assert.deepEqual(await schemaRow(page, side, 'y_pred_proba'), { type: 'Fractional', kind: 'numerical', role: 'predicted_score' });
    assert.deepEqual(await schemaRow(page, side, 'y_pred'), { type: 'Integral', kind: 'categorical', role: 'predicted_label' });
  }
  // The reference writes repaid as 1.0/0.0, the analysis as 1/0: Deequ types differ, the kind does not.
  assert.deepEqual(await schemaRow(page, 'baseline', 'repaid'), { type: 'Fractional', kind: 'categorical', role: 'label' });
  assert.deepEqual(await schemaRow(page, 'current', 'repaid'), { type: 'Integral', kind: 'categorical', role: 'label' });
  // The comparison opens by itself on the first numerical feature, drawn on a canvas.
  await section(page, 'drift');
  await page.getByTestId('compare-canvas').waitFor();
  assert.equal(await page.getByTestId('compare-select').inputValue(), 'car_value');
  await page.getByTestId('compare-select').selectOption('salary_range');
  // The share table (inside a closed <details>) follows the selection.
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-table"] tbody th')?.textContent === '0 - 20K €');
  const bins = await page.getByTestId('compare-table').locator('tbody tr th').allTextContents();
  assert.deepEqual(bins.toSorted(), ['0 - 20K €', '20K - 40K €', '40K - 60K €', '60K+ €'].toSorted());
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('kind and role can be changed once for both sides and stay changed', async () => {
  const { page } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'data');
  await page.getByTestId('baseline-rows').waitFor();
  const row = page.getByTestId('col-loan_length');
  await row.getByTestId('kind').selectOption('categorical');
  await row.getByTestId('role').selectOption('facet');
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="col-loan_length"]');
    return r && r.querySelector('[data-testid="kind"]').value === 'categorical' && r.dataset.role === 'facet';
  });
  for (const side of ['baseline', 'current']) {
    assert.deepEqual(await schemaRow(page, side, 'loan_length'), { type: 'Fractional', kind: 'categorical', role: 'facet' });
  }
  // A unique role moves: making car_value the label takes it from repaid.
  await page.getByTestId('col-car_value').getByTestId('role').selectOption('label');
  await page.waitForFunction(() => document.querySelector('[data-testid="col-repaid"] [data-testid="role"]').value === 'feature');
  // Ignoring a column takes it out of the drift table, with the reason.
  await page.getByTestId('col-driver_tenure').getByTestId('role').selectOption('ignored');
  await page.waitForFunction(() => !document.querySelector('[data-testid="drift-row-driver_tenure"]'), null, { timeout: 60000 });
  assert.match(await page.getByTestId('drift-skipped').textContent(), /driver_tenure: not checked: role ignored/);
  await page.close();
});
