// The data-quality view on the demo: Model Monitor's checks with suggested
// constraints, car_value's baseline drift, editing constraints, downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('suggested constraints flag car_value; edited ones are used; files download', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
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

  for (const [id, name] of [['download-statistics', 'statistics.json'], ['download-constraints', 'constraints.json'], ['download-violations', 'constraint_violations.json']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    assert.equal(download.suggestedFilename(), name);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});
