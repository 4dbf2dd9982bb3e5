// The Bias view on the Adult slice with a logistic model's predictions
// (tools/reference/bias.py): the page shows smclarify's numbers, the score
// threshold slider updates them, and bias drift fires when the current data
// treats women worse than the baseline did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const fixtures = path.join(repoRoot, 'crates/engine/tests/fixtures/reference');
const slice = path.join(fixtures, 'bias_adult_slice.csv');
const cases = JSON.parse(fs.readFileSync(path.join(fixtures, 'bias_cases.json'), 'utf8')).cases;
const byName = (name) => cases.find((c) => c.name === name);

/** Every metric value smclarify reported for one facet value, as [stage, metric, value]. */
function expectedMetrics(caseName, facet, value) {
  const out = [];
  const expected = byName(caseName).expected;
  for (const stage of ['pre_training_bias_metrics', 'post_training_bias_metrics']) {
    const report = expected[stage]?.facets[facet]?.find((r) => r.value_or_threshold === value);
    for (const m of report?.metrics ?? []) if (typeof m.value === 'number') out.push([stage, m.name, m.value]);
  }
  return out;
}

async function shownValue(page, facet, value, metric) {
  const row = page.getByTestId(`bias-metric-${facet}-${value.replace(/[^A-Za-z0-9]/g, '_')}-${metric}`).first();
  return Number(await row.getAttribute('data-value'));
}

function close(a, b) { return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)); }

test('the Bias view shows smclarify\'s metrics for sex = Female on Adult', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(slice);
  await page.getByTestId('baseline-rows').waitFor({ timeout: 60000 });
  await section(page, 'bias');
  const verdict = page.getByTestId('bias-verdict');
  await verdict.waitFor({ timeout: 60000 });
  // Guessed from the roles: label income_per_year = >50K, facet sex = Female, predicted label `prediction`.
  assert.equal(await page.getByTestId('bias-label').inputValue(), 'income_per_year');
  assert.equal(await page.getByTestId('bias-facet').inputValue(), 'sex');
  assert.equal(await page.getByTestId('bias-facet-values').inputValue(), 'Female');
  const expected = expectedMetrics('adult_sex_female_pre_post', 'sex', 'Female');
  assert.ok(expected.length >= 18, `${expected.length} metrics`);
  for (const [, metric, value] of expected) {
    const shown = await shownValue(page, 'sex', 'Female', metric);
    assert.ok(close(shown, value), `${metric}: page ${shown}, smclarify ${value}`);
  }
  // A bootstrap interval beside DI, the bars with the 4/5ths lines, the confusion matrices, Fairlearn's groups.
  const di = page.getByTestId('bias-metric-sex-Female-DI').first();
  assert.match(await di.locator('td').nth(2).innerText(), /^\[\d/);
  await page.getByTestId('bias-bars-DI').waitFor();
  await page.getByTestId('bias-confusion').waitFor();
  await page.getByTestId('bias-fairness-sex').waitFor();

  // Scores with a threshold of 0.6 instead of the predicted label (case adult_score_threshold_0_6).
  await page.getByTestId('bias-prediction').selectOption('score:score');
  const slider = page.getByTestId('bias-threshold');
  await slider.waitFor();
  await slider.fill('0.6');
  const scoreCase = expectedMetrics('adult_score_threshold_0_6', 'sex', 'Female').filter(([stage]) => stage === 'post_training_bias_metrics');
  const diExpected = scoreCase.find(([, m]) => m === 'DI')[2];
  await page.waitForFunction(([v]) => {
    const row = document.querySelector('[data-testid="bias-metric-sex-Female-DI"]');
    return row && Math.abs(Number(row.dataset.value) - v) < 1e-9;
  }, [diExpected], { timeout: 30000 });
  for (const [, metric, value] of scoreCase) {
    const shown = Number(await page.locator(`tr[data-testid="bias-metric-sex-Female-${metric}"]`).last().getAttribute('data-value'));
    assert.ok(close(shown, value), `${metric} at 0.6: page ${shown}, smclarify ${value}`);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

/** The slice with every woman's prediction turned negative: DI and DPPL move away from no bias. */
function driftedSlice() {
  const lines = fs.readFileSync(slice, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const [sex, prediction] = [header.indexOf('sex'), header.indexOf('prediction')];
  const out = [lines[0], ...lines.slice(1).map((l) => {
    const cells = l.split(',');
    if (cells[sex] === 'Female') cells[prediction] = '<=50K';
    return cells.join(',');
  })];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tideline-')), 'adult_drifted.csv');
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

test('bias drift fires when the current predictions treat women worse', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(slice);
  await page.getByTestId('current-file-input').setInputFiles(driftedSlice());
  await overviewShown(page);
  await section(page, 'bias');
  const verdict = page.locator('[data-testid="bias-drift-verdict"]');
  await verdict.waitFor({ timeout: 60000 });
  assert.ok(Number(await verdict.getAttribute('data-violations')) >= 2);
  assert.equal(await page.getByTestId('bias-drift-DI-Female').getAttribute('data-violated'), 'true');
  assert.equal(await page.getByTestId('bias-drift-DPPL-Female').getAttribute('data-violated'), 'true');
  // Every woman predicted negative: far beyond the current bootstrap interval, so flagged.
  assert.equal(await page.getByTestId('bias-drift-DI-Female').getAttribute('data-beyond-noise'), 'true');
  assert.ok(Number(await verdict.getAttribute('data-beyond-noise')) >= 2);
  // The label distribution did not change: CI and DPL are not violations.
  assert.equal(await page.getByTestId('bias-drift-CI-Female').getAttribute('data-violated'), 'false');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
