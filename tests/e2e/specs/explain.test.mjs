// The Explainability view on the car-loan demo with the demo XGBoost model:
// attributions per side and per window, a row's values equal to XGBoost's
// pred_contribs (read from the engine's reference fixture), Cancel, and a
// malformed model file that leaves the loaded data alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixtures = path.join(repoRoot, 'crates/engine/tests/fixtures');
/** xgboost's pred_contribs of the first analysis rows (tools/reference/tree_models.py). */
const reference = JSON.parse(fs.readFileSync(path.join(fixtures, 'reference/tree_xgb_car_loan.json'), 'utf8'));

async function openDemoAndExplain(page) {
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('monitoring-verdict').waitFor({ state: 'attached', timeout: 120000 });
  await page.getByTestId('explain-demo-model').click();
  await page.getByTestId('explain-summary').waitFor({ timeout: 30000 });
  const verdict = page.getByTestId('explain-verdict');
  await verdict.waitFor({ timeout: 120000 });
  return verdict;
}

/** Waits for the waterfall of current row `row` and returns { values, expected }. */
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

test('the demo model explains the car-loan demo, per side and per window', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const verdict = await openDemoAndExplain(page);
  assert.equal(await page.getByTestId('explain-summary').getAttribute('data-trees'), String(25));
  assert.equal(await verdict.getAttribute('data-method'), 'tree_shap');
  assert.equal(await verdict.getAttribute('data-surrogate'), 'false');
  const rows = Number(await verdict.getAttribute('data-rows'));
  assert.equal(rows, 6000);
  const ndcg = Number(await verdict.getAttribute('data-ndcg-min'));
  assert.ok(ndcg > 0 && ndcg <= 1, `ndcg ${ndcg}`);
  console.log(`explain: ${rows} rows in ${await verdict.getAttribute('data-millis')} ms with ${await verdict.getAttribute('data-workers')} worker(s)`);

  // One NDCG point per window of the monitoring timeline.
  const windows = Number(await page.getByTestId('monitoring-verdict').getAttribute('data-windows'));
  const drift = page.getByTestId('explain-drift');
  assert.equal(Number(await drift.getAttribute('data-points')), windows);
  assert.equal(await page.locator('[data-testid^="explain-drift-window-"]').count(), windows);
  assert.equal(Number(await verdict.getAttribute('data-windows')), windows);

  // The charts draw.
  for (const id of ['explain-importance', 'explain-beeswarm', 'explain-waterfall-chart']) {
    const inked = await page.getByTestId(id).evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n += 1;
      return n;
    });
    assert.ok(inked > 2000, `${id}: ${inked} inked pixels`);
  }

  // Every chart downloads as PNG and SVG.
  for (const name of ['importance', 'beeswarm', 'waterfall']) {
    for (const ext of ['png', 'svg']) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`explain-${name}-${ext}`).click()]);
      assert.equal(file.suggestedFilename(), `explain-${name}.${ext}`);
      const bytes = fs.readFileSync(await file.path());
      assert.ok(ext === 'png' ? bytes.subarray(1, 4).toString() === 'PNG' : bytes.toString().includes('<svg'), `${name}.${ext}`);
    }
  }

  // A window opens in the other views, as in the Monitoring view.
  const first = page.locator('[data-testid^="explain-open-window-"]').first();
  await first.click();
  await page.getByTestId('focus-banner').waitFor({ timeout: 30000 });
  await page.getByTestId('focus-close').click();
  await page.getByTestId('focus-banner').waitFor({ state: 'detached' });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('current rows explained in the browser equal XGBoost pred_contribs', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const verdict = await openDemoAndExplain(page);
  const job = await verdict.getAttribute('data-job');
  // The fixture's rows are the first analysis rows: make them the current data.
  await section(page, 'data');
  await page.getByTestId('current-file-0').getByRole('button', { name: /Remove/ }).click();
  await page.getByTestId('current-file-input').setInputFiles(path.join(fixtures, 'models/car_loan_analysis_head.csv'));
  await page.waitForFunction((j) => {
    const v = document.querySelector('[data-testid="explain-verdict"]');
    return v && v.dataset.job !== j && v.dataset.rows === String(3000 + 40);
  }, job, { timeout: 60000 });
  await section(page, 'attributions');
  for (const row of [0, 1, 17, reference.contribs.length - 1]) {
    const got = await waterfall(page, row);
    assert.deepEqual(got.features, reference.features);
    const want = reference.contribs[row][0];
    const scale = Math.max(1, ...want.map(Math.abs));
    want.slice(0, -1).forEach((w, j) => assert.ok(Math.abs(got.values[0][j] - w) <= 1e-5 * scale, `row ${row} ${reference.features[j]}: ${got.values[0][j]} vs ${w}`));
    assert.ok(Math.abs(got.expected[0] - want[want.length - 1]) <= 1e-5 * scale, `row ${row} bias ${got.expected[0]}`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('Cancel stops a run; a malformed model file says why and keeps the data', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const verdict = await openDemoAndExplain(page);
  const job = await verdict.getAttribute('data-job');
  // Kernel SHAP on 6,000 rows takes long enough to cancel.
  await page.getByTestId('explain-method').selectOption('kernel');
  await page.getByTestId('explain-cancel').waitFor({ timeout: 30000 });
  await page.getByTestId('explain-cancel').click();
  await page.getByTestId('explain-cancelled').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('explain-progress').count(), 0);
  assert.equal(await verdict.getAttribute('data-job'), job, 'the last result stays');
  assert.equal(await verdict.getAttribute('data-method'), 'tree_shap');

  await page.getByTestId('explain-model-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"learner": {"gradient_booster": ') });
  const error = page.getByTestId('explain-error');
  await error.waitFor({ timeout: 30000 });
  assert.match(await error.innerText(), /broken\.json/);
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '3000');
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), '3000');
  assert.equal(await page.getByTestId('explain-model-name').innerText(), 'xgb_car_loan.json', 'the model in use stays');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('without a model file, a surrogate of the captured scores is explained and labelled so', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('explain-surrogate-fit').click();
  const note = page.getByTestId('explain-surrogate');
  await note.waitFor({ timeout: 60000 });
  assert.match(await note.innerText(), /^Surrogate attributions: .*y_pred_proba/);
  assert.equal(await note.getAttribute('data-metric'), 'R²');
  assert.ok(Number(await note.getAttribute('data-fidelity')) > 0.5);
  const verdict = page.getByTestId('explain-verdict');
  await verdict.waitFor({ timeout: 60000 });
  assert.equal(await verdict.getAttribute('data-surrogate'), 'true');
  assert.match(await verdict.innerText(), /^Surrogate attributions/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("two Clarify explanations_shap/out.csv files are aggregated (mean |SHAP|) to the spec's example NDCG", async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('explain-model-input').waitFor();
  const ndcg = JSON.parse(fs.readFileSync(path.join(fixtures, 'reference/ndcg.json'), 'utf8'));
  const example = ndcg.cases.find((c) => c.name === 'doc_example');
  // Two rows per feature, +v and -v: the mean |value| is v.
  const csv = (values) => Buffer.from([
    example.features.map((f) => `${f}_label0`).join(','),
    values.join(','),
    values.map((v) => -v).join(','),
  ].join('\n') + '\n');
  const input = page.getByTestId('explain-model-input');
  await input.setInputFiles({ name: 'baseline_out.csv', mimeType: 'text/csv', buffer: csv(example.baseline) });
  await page.getByTestId('explain-precomputed-baseline').waitFor({ timeout: 30000 });
  await input.setInputFiles({ name: 'current_out.csv', mimeType: 'text/csv', buffer: csv(example.current) });
  const verdict = page.getByTestId('explain-verdict');
  await verdict.waitFor({ timeout: 30000 });
  assert.equal(await verdict.getAttribute('data-method'), 'precomputed');
  assert.ok(Math.abs(Number(await verdict.getAttribute('data-ndcg-min')) - example.ndcg) < 1e-9);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("two Clarify analysis.json files give the NDCG of the spec's example", async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('explain-model-input').waitFor();
  const ndcg = JSON.parse(fs.readFileSync(path.join(fixtures, 'reference/ndcg.json'), 'utf8'));
  const example = ndcg.cases.find((c) => c.name === 'doc_example');
  const analysis = (values) => Buffer.from(JSON.stringify({ version: '1.0', explanations: { kernel_shap: { label0: {
    global_shap_values: Object.fromEntries(example.features.map((f, i) => [f, values[i]])), expected_value: 0.5,
  } } } }));
  const input = page.getByTestId('explain-model-input');
  await input.setInputFiles({ name: 'baseline_analysis.json', mimeType: 'application/json', buffer: analysis(example.baseline) });
  await page.getByTestId('explain-precomputed-baseline').waitFor({ timeout: 30000 });
  await input.setInputFiles({ name: 'current_analysis.json', mimeType: 'application/json', buffer: analysis(example.current) });
  const verdict = page.getByTestId('explain-verdict');
  await verdict.waitFor({ timeout: 30000 });
  assert.equal(await verdict.getAttribute('data-method'), 'precomputed');
  assert.ok(Math.abs(Number(await verdict.getAttribute('data-ndcg-min')) - example.ndcg) < 1e-9);
  assert.match(await verdict.innerText(), /moved/);
  assert.match(await page.getByTestId('explain-drift-note').innerText(), /no rows/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
