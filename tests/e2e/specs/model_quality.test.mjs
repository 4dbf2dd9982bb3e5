// The Model quality view (issue 17, item 1; issue 16, item 6) for a binary,
// a multiclass and a regression pair: the model read from the roles, each
// followed metric on both sides with an interval around it, the same light
// as the Overview's, confusion matrices whose cells add up to the labelled
// rows and give the accuracy shown, per-class rows, ROC / PR / reliability
// curves (one class against the rest for the multiclass score family), a
// predicted-against-actual chart for regression, and the Overview's link
// landing on the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, sharedFile, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function loadPair(page, name) {
  await page.getByTestId('baseline-file-input').setInputFiles(sharedFile(`nannyml_${name}_reference.csv`));
  await page.getByTestId('current-file-input').setInputFiles(sharedFile(`nannyml_${name}_analysis.csv`));
}

/** Waits for the view's verdict and returns the metric rows' data. */
async function metrics(page) {
  await overviewShown(page);
  await section(page, 'model-quality');
  await page.getByTestId('quality-model-verdict').waitFor({ timeout: 120000 });
  await page.locator('[data-testid="overview-model-quality"]:not([data-light="busy"])').waitFor({ state: 'attached', timeout: 120000 });
  return page.locator('[data-testid^="quality-metric-"]').evaluateAll((rows) => rows.map((r) => ({ name: r.dataset.testid.slice('quality-metric-'.length), ...r.dataset })));
}

/** Each metric's value lies within its own interval, on both sides. */
function intervalsHold(rows, name) {
  for (const r of rows) {
    for (const side of ['baseline', 'current']) {
      const [v, lo, hi] = [r[side], r[`${side}Lower`], r[`${side}Upper`]].map(Number);
      assert.ok(Number.isFinite(v), `${name} ${r.name} ${side} value`);
      assert.ok(lo <= v && v <= hi && hi > lo, `${name} ${r.name} ${side}: ${v} outside [${lo}, ${hi}]`);
    }
  }
}

/** The matrix's cells, rows by true class. */
const matrix = (page, side) => page.getByTestId(`confusion-${side}`).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.dataset.count))));

async function agreesWithOverview(page, name) {
  const view = await page.getByTestId('quality-model-verdict').getAttribute('data-light');
  assert.notEqual(view, 'grey', name);
  assert.equal(await page.getByTestId('overview-model-quality').getAttribute('data-light'), view, `${name}: the Overview and the view agree`);
  assert.equal((await page.getByTestId('overview-model-quality-headline').innerText()).trim(), (await page.getByTestId('quality-model-verdict').innerText()).trim(), name);
}

test('binary (the car-loan demo): metrics with intervals, confusion matrices, curves, and the Overview link', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  const rows = await metrics(page);
  assert.deepEqual(rows.map((r) => r.name), ['accuracy', 'precision', 'recall', 'f1', 'auc']);
  intervalsHold(rows, 'car loan');
  await agreesWithOverview(page, 'car loan');
  assert.match(await page.getByTestId('quality-model').innerText(), /Binary classifier: label repaid, prediction y_pred, score y_pred_proba/);
  for (const side of ['baseline', 'current']) {
    const m = await matrix(page, side);
    assert.equal(m.length, 2);
    const total = m.flat().reduce((a, b) => a + b, 0);
    const accuracy = (m[0][0] + m[1][1]) / total;
    const shown = Number(rows.find((r) => r.name === 'accuracy')[side]);
    assert.ok(Math.abs(accuracy - shown) < 1e-9, `${side}: the matrix gives accuracy ${accuracy}, the table ${shown}`);
  }
  assert.equal(await page.locator('[data-testid^="quality-class-"]').count(), 2);
  for (const chart of ['quality-roc', 'quality-pr', 'quality-calibration']) assert.ok(await page.getByTestId(chart).isVisible(), chart);
  assert.equal(await page.getByTestId('quality-scatter').count(), 0);
  // The Overview's link lands on the view, at the top of the window.
  await section(page, 'overview');
  await page.getByTestId('overview-open-model-quality').click();
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="model-quality-view"]').getBoundingClientRect();
    return location.hash === '#model-quality' && r.top >= -2 && r.top < window.innerHeight / 2;
  }, null, { timeout: 10000 });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('binary: choosing the other positive class recomputes precision and recall for it', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  const before = await metrics(page);
  const m = await matrix(page, 'current');
  await page.getByTestId('quality-positive').selectOption('0');
  await page.waitForFunction(() => document.querySelector('[data-testid="quality-model"]')?.querySelector('select')?.value === '0'
    && document.querySelector('[data-testid="quality-metric-recall"]'), null, { timeout: 60000 });
  await page.waitForFunction((old) => document.querySelector('[data-testid="quality-metric-recall"]').dataset.current !== old,
    before.find((r) => r.name === 'recall').current, { timeout: 60000 });
  const after = await page.locator('[data-testid^="quality-metric-"]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.testid.slice(15), r.dataset])));
  // With 0 as the positive class, recall is the first row's diagonal share of the matrix computed before.
  const recall = m[0][0] / (m[0][0] + m[0][1]);
  assert.ok(Math.abs(Number(after.recall.current) - recall) < 1e-9, `${after.recall.current} vs ${recall}`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('multiclass (credit card): a verdict, a 3 × 3 matrix, per-class rows and one-vs-rest curves from the score family', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await loadPair(page, 'multiclass_credit_card');
  const rows = await metrics(page);
  assert.deepEqual(rows.map((r) => r.name), ['accuracy', 'weighted_precision', 'weighted_recall', 'weighted_f1']);
  intervalsHold(rows, 'credit card');
  await agreesWithOverview(page, 'credit card');
  for (const side of ['baseline', 'current']) {
    const m = await matrix(page, side);
    assert.equal(m.length, 3);
    const accuracy = (m[0][0] + m[1][1] + m[2][2]) / m.flat().reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(accuracy - Number(rows[0][side])) < 1e-9, side);
  }
  assert.equal(await page.locator('[data-testid^="quality-class-"]').count(), 3);
  const classes = await page.getByTestId('quality-curve-class').locator('option').allTextContents();
  assert.equal(classes.length, 3, classes.join());
  await page.getByTestId('quality-curve-class').selectOption({ index: 2 });
  assert.ok(await page.getByTestId('quality-roc').isVisible());
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('regression (car price): error metrics with intervals and predicted against actual', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await loadPair(page, 'car_price_regression');
  const rows = await metrics(page);
  assert.deepEqual(rows.map((r) => r.name), ['mae', 'rmse', 'mse', 'r2']);
  intervalsHold(rows, 'car price');
  await agreesWithOverview(page, 'car price');
  const r = Object.fromEntries(rows.map((x) => [x.name, x]));
  assert.ok(Math.abs(Number(r.rmse.current) ** 2 - Number(r.mse.current)) < 1e-6 * Number(r.mse.current));
  assert.ok(await page.getByTestId('quality-scatter').isVisible());
  assert.equal(await page.getByTestId('confusion-baseline').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
