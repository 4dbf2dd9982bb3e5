// The Explainability view's other methods in Chromium, against the engine's
// reference fixtures: interventional TreeSHAP (shap 0.51.0 on the XGBoost
// and LightGBM car-price models, tools/reference/tree_models.py), Kernel and
// linear SHAP (shap's KernelExplainer with every coalition and
// LinearExplainer, tools/reference/kernel_shap.py), and a multiclass model
// (XGBoost multi:softprob on wine) explained class by class. The fixture's
// background is the baseline file, its rows the current file, both written
// from the fixture here; each current row's values are read from the
// waterfall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixtures = path.join(repoRoot, 'crates/engine/tests/fixtures');
const read = (file) => JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'));

// The tolerances of the engine's replays (crates/engine/tests/explainer.rs):
// tree values relative to the row's largest |value| (the libraries work in
// float32); Kernel and linear SHAP relative to max(1, |expected|).
const TREE_TOL = 1e-6;
const KERNEL_TOL = 1e-9;
const LINEAR_TOL = 1e-12;

/** `rows` under `features` as CSV; NaN (the fixtures' "nan") is an empty cell. */
function csv(features, rows) {
  const cell = (v) => (v === 'nan' || v === null || Number.isNaN(v) ? '' : String(v));
  return Buffer.from([features.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n');
}

/**
 * Opens the app, loads baseline and current rows, sets the method (and
 * Kernel SHAP's options) before the model, so that the model starts the one
 * run; waits for its verdict.
 */
async function explain({ features, baseline, rows, model, method }) {
  const { page, seen } = await openApp(browser, server.origin);
  for (const [side, data] of [['baseline', baseline], ['current', rows]]) {
    await page.getByTestId(`${side}-file-input`).setInputFiles({ name: `${side}.csv`, mimeType: 'text/csv', buffer: csv(features, data) });
    await page.waitForFunction(([s, n]) => document.querySelector(`[data-testid="${s}-rows"]`)?.dataset.rows === String(n), [side, data.length], { timeout: 60000 });
  }
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('explain-method').selectOption(method);
  await page.getByTestId('explain-model-input').setInputFiles(model);
  await page.waitForFunction((n) => {
    const v = document.querySelector('[data-testid="explain-verdict"]');
    return document.querySelector('[data-testid="explain-error"]')
      || (v && v.dataset.rows === String(n) && !document.querySelector('[data-testid="explain-progress"]'));
  }, baseline.length + rows.length, { timeout: 120000 });
  if (await page.getByTestId('explain-error').count()) assert.fail(await page.getByTestId('explain-error').innerText());
  return { page, seen, verdict: page.getByTestId('explain-verdict') };
}

/** Current row `row`'s waterfall: { values: [output][feature], expected: [output], features }. */
async function waterfall(page, row) {
  await page.getByTestId('explain-row').fill(String(row));
  await page.getByTestId('explain-row').press('Enter');
  await page.waitForFunction((r) => document.querySelector('[data-testid="explain-waterfall"]')?.dataset.row === String(r), row, { timeout: 30000 });
  const el = page.getByTestId('explain-waterfall');
  return {
    values: JSON.parse(await el.getAttribute('data-values')),
    expected: JSON.parse(await el.getAttribute('data-expected')),
    features: (await el.getAttribute('data-features')).split(','),
  };
}

/** |got − want| ≤ tol · scale, with a message naming where. */
function near(got, want, tol, scale, where) {
  assert.ok(Math.abs(got - want) <= tol * scale, `${where}: ${got} vs ${want} (tolerance ${tol * scale})`);
}

/**
 * Every current row's values and expected values against `want[row][output]`
 * (features) and `expected[output]`; `scale(row values, expected)` gives the
 * tolerance's scale.
 */
async function compareRows(page, features, want, expected, tol, scale) {
  for (let row = 0; row < want.length; row += 1) {
    const got = await waterfall(page, row);
    assert.deepEqual(got.features, features);
    assert.equal(got.values.length, want[row].length, `row ${row}: one set of values per output`);
    want[row].forEach((w, k) => {
      const s = scale(w, expected[k]);
      w.forEach((v, j) => near(got.values[k][j], v, tol, s, `row ${row} output ${k} ${features[j]}`));
      near(got.expected[k], expected[k], tol, s, `row ${row} output ${k} expected value`);
    });
  }
}

/** The tree fixtures' scale: the row's largest |value| with its expected value (at least 1). */
const rowScale = (values, expected) => Math.max(1, Math.abs(expected), ...values.map(Math.abs));

for (const name of ['xgb_car_price', 'lgb_car_price']) {
  test(`interventional TreeSHAP on ${name} equals shap's`, async () => {
    const ref = read(`reference/tree_${name}.json`);
    const { page, seen, verdict } = await explain({
      features: ref.features,
      baseline: ref.background,
      rows: ref.rows,
      model: path.join(fixtures, ref.model),
      method: 'tree-interventional',
    });
    assert.equal(await verdict.getAttribute('data-method'), 'tree_shap');
    const shap = ref.shap_interventional;
    await compareRows(page, ref.features, shap.values, shap.expected_value, TREE_TOL, rowScale);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

const kernel = read('reference/kernel_shap.json');
const modelFile = (c) => ({ name: `${c.name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c.model)) });
const featuresOf = (c) => Object.keys(Array.isArray(c.model.coefficients) ? c.model.coefficients[0] : c.model.coefficients);
const maxScale = (_, expected) => Math.max(1, Math.abs(expected));

// The view's baseline is a file of rows with equal weights: the cases whose
// recorded baseline weights are equal (breast cancer's are k-means sizes).
for (const c of kernel.cases.filter((c) => c.baseline_weights.every((w) => w === c.baseline_weights[0]))) {
  test(`Kernel SHAP on ${c.name} equals shap's with every coalition`, async () => {
    const entry = c.kernel.find((k) => k.link === 'identity');
    const features = featuresOf(c);
    const { page, seen, verdict } = await explain({ features, baseline: c.baseline, rows: c.rows, model: modelFile(c), method: 'kernel' });
    assert.equal(await verdict.getAttribute('data-method'), 'kernel_shap');
    await compareRows(page, features, entry.kernel_exact, entry.expected_value, KERNEL_TOL, maxScale);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

for (const c of kernel.cases) {
  test(`linear SHAP on ${c.name} equals shap's LinearExplainer`, async () => {
    const features = featuresOf(c);
    const { page, seen, verdict } = await explain({ features, baseline: c.baseline, rows: c.rows, model: modelFile(c), method: 'auto' });
    assert.equal(await verdict.getAttribute('data-method'), 'linear_shap');
    await compareRows(page, features, c.linear.values, c.linear.expected_value, LINEAR_TOL, maxScale);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
}

test('a multiclass model gives one attribution set per class, equal to pred_contribs', async () => {
  const ref = read('reference/tree_xgb_wine.json');
  const { page, seen, verdict } = await explain({
    features: ref.features,
    baseline: ref.background,
    rows: ref.rows,
    model: path.join(fixtures, ref.model),
    method: 'auto',
  });
  assert.equal(await verdict.getAttribute('data-method'), 'tree_shap');
  assert.equal(await page.getByTestId('explain-summary').getAttribute('data-objective'), 'multi:softprob');
  const labels = await page.getByTestId('explain-label').locator('option').allInnerTexts();
  assert.deepEqual(labels, ['label0', 'label1', 'label2']);
  // pred_contribs: per row and class, the features' values then the bias.
  const values = ref.contribs.map((row) => row.map((c) => c.slice(0, -1)));
  const bias = ref.contribs[0].map((c) => c[c.length - 1]);
  await compareRows(page, ref.features, values, bias, TREE_TOL, rowScale);
  // Each class's output shows its own values in the table.
  const got = await waterfall(page, 3);
  for (const k of [0, 1, 2]) {
    await page.getByTestId('explain-label').selectOption(String(k));
    const j = got.values[k].map(Math.abs).indexOf(Math.max(...got.values[k].map(Math.abs)));
    const cell = page.getByTestId(`explain-waterfall-${ref.features[j]}`);
    assert.equal(Number(await cell.getAttribute('data-value')), got.values[k][j], `label${k}`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});
