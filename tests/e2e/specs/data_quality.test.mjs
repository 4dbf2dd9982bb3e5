// The data-quality view on the demo: Model Monitor's checks with suggested
// constraints, car_value's baseline drift, editing constraints, downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The demo's reference file (no quoted cells) as { header, rows }, read here, not by the app. */
function demoReference() {
  const [header, ...lines] = fs.readFileSync(path.join(repoRoot, 'public/demo/car_loan_reference.csv'), 'utf8').trim().split('\n');
  return { header: header.split(','), rows: lines.map((l) => l.split(',')) };
}

/**
 * Model Monitor's checks of the demo's analysis file against the constraints
 * suggested from its reference: (feature, check) of each violation, as
 * `tideline report --zip` gives them on public/demo (car_value, loan_length
 * and repaid_loan_on_prev_car drift). `id` and `timestamp` are not checked
 * (their roles), and repaid written 1 where the reference wrote 1.0 is a
 * representation, not a type change, outside the sagemaker preset.
 */
const DEMO_VIOLATIONS = [
  ['car_value', 'baseline_drift_check'],
  ['loan_length', 'baseline_drift_check'],
  ['repaid_loan_on_prev_car', 'baseline_drift_check'],
];
/** The demo's columns no check looks at, by role. */
const NOT_CHECKED = ['id', 'timestamp'];

const close = (got, want) => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));

test('suggested constraints flag car_value; edited ones are used; files download', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'data-quality');
  const verdict = page.getByTestId('quality-verdict');
  await verdict.waitFor({ timeout: 60000 });
  assert.ok(Number(await verdict.getAttribute('data-violations')) > 0);
  const carValue = page.getByTestId('violation-baseline_drift_check-car_value');
  await carValue.waitFor();
  assert.match(await carValue.textContent(), /Numerical distance: 0\.\d+ exceeds numerical threshold: 0\.1/);
  assert.equal(await page.getByTestId('quality-count-missing_column_check').getAttribute('data-failed'), '0');

  // Raise the numeric drift threshold: car_value's distance no longer exceeds it.
  await page.locator('.constraints-editor summary').click();
  const text = await page.getByTestId('constraints-text').inputValue();
  const edited = JSON.parse(text);
  edited.monitoring_config.distribution_constraints.comparison_threshold = 0.9;
  await page.getByTestId('constraints-text').fill(JSON.stringify(edited, null, 1));
  await page.getByTestId('constraints-apply').click();
  await page.waitForFunction(() => /your edited constraints/.test(document.querySelector('[data-testid="quality-verdict"]')?.textContent ?? ''));
  assert.equal(await page.getByTestId('violation-baseline_drift_check-car_value').count(), 0);

  // Broken JSON is refused with a message; the last result stays.
  await page.getByTestId('constraints-text').fill('{"features": [');
  await page.getByTestId('constraints-apply').click();
  await page.getByTestId('notice').waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /constraints\.json cannot be used/);
  assert.equal(await page.getByTestId('quality-verdict').count(), 1);

  await page.getByTestId('constraints-reset').click();
  await page.getByTestId('violation-baseline_drift_check-car_value').waitFor({ timeout: 30000 });

  const files = {};
  for (const [id, name] of [['download-statistics', 'statistics.json'], ['download-constraints', 'constraints.json'], ['download-violations', 'constraint_violations.json']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    assert.equal(download.suggestedFilename(), name);
    files[name] = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  }
  // The baseline statistics describe the reference file, as counted here.
  const { header, rows } = demoReference();
  const statistics = files['statistics.json'];
  assert.equal(statistics.dataset.item_count, rows.length);
  assert.deepEqual(statistics.features.map((f) => f.name), header.filter((h) => !NOT_CHECKED.includes(h)));
  const carValues = rows.map((r) => Number(r[header.indexOf('car_value')]));
  const car = statistics.features.find((f) => f.name === 'car_value');
  assert.equal(car.inferred_type, 'Fractional');
  const numbers = car.numerical_statistics;
  assert.equal(numbers.common.num_present, rows.length);
  const sum = carValues.reduce((a, b) => a + b, 0);
  for (const [what, got, want] of [['sum', numbers.sum, sum], ['mean', numbers.mean, sum / rows.length], ['min', numbers.min, Math.min(...carValues)], ['max', numbers.max, Math.max(...carValues)]]) {
    assert.ok(close(got, want), `car_value ${what}: ${got} vs ${want}`);
  }
  const salaries = rows.map((r) => r[header.indexOf('salary_range')]);
  const salary = statistics.features.find((f) => f.name === 'salary_range');
  assert.equal(salary.inferred_type, 'String');
  const buckets = Object.fromEntries(salary.string_statistics.distribution.categorical.buckets.map((b) => [b.value, b.count]));
  const counted = {};
  for (const s of salaries) counted[s] = (counted[s] ?? 0) + 1;
  assert.deepEqual(buckets, counted);

  // The suggested constraints: every checked column, the default drift threshold, salary_range's values as its domain.
  const constraints = files['constraints.json'];
  assert.deepEqual(constraints.features.map((f) => f.name), header.filter((h) => !NOT_CHECKED.includes(h)));
  for (const name of NOT_CHECKED) {
    assert.match(await page.getByTestId(`quality-not-checked-${name}`).innerText(), /not checked: role (join_id|timestamp)/);
  }
  assert.equal(constraints.monitoring_config.distribution_constraints.comparison_threshold, 0.1);
  const domain = constraints.features.find((f) => f.name === 'salary_range').string_constraints.domains;
  assert.deepEqual(domain.toSorted(), Object.keys(counted).toSorted());

  // The violations: the demo's known ones, and the count the view shows.
  const violations = files['constraint_violations.json'].violations;
  assert.deepEqual(violations.map((v) => [v.feature_name, v.constraint_check_type]).toSorted(), DEMO_VIOLATIONS);
  assert.equal(violations.length, Number(await page.getByTestId('quality-verdict').getAttribute('data-violations')));
  const carDrift = violations.find((v) => v.feature_name === 'car_value');
  assert.match(carDrift.description, /Numerical distance: 0\.\d+ exceeds numerical threshold: 0\.1/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
