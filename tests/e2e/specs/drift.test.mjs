// The drift view on the demo: the verdict, car_value flagged, presets,
// filtering, a row opening its charts, and downloads (made in the tab).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the demo gets a drift verdict by itself, with car_value flagged', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  const verdict = page.locator('[data-testid="drift-verdict"][data-preset="tideline"]');
  await verdict.waitFor({ timeout: 60000 });
  assert.ok(Number(await verdict.getAttribute('data-tested')) >= 8);
  const carValue = page.getByTestId('drift-row-car_value');
  assert.equal(await carValue.getAttribute('data-drifted'), 'true');
  assert.equal(await carValue.getAttribute('data-test'), 'ks');
  // Drifted rows come first.
  const flags = await page.locator('[data-testid^="drift-row-"]').evaluateAll((rows) => rows.map((r) => r.dataset.drifted));
  assert.deepEqual(flags, flags.toSorted().toReversed());
  // id and timestamp are not tested, and say why.
  const skipped = await page.getByTestId('drift-skipped').textContent();
  assert.match(skipped, /timestamp/);

  // Evidently's preset picks Wasserstein for a 3,000-row reference.
  await page.getByTestId('drift-preset').selectOption('evidently');
  await page.locator('[data-testid="drift-verdict"][data-preset="evidently"]').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('drift-row-car_value').getAttribute('data-test'), 'wasserstein');
  assert.equal(await page.getByTestId('drift-row-car_value').getAttribute('data-drifted'), 'true');

  // Filtering by name.
  await page.getByTestId('drift-filter').fill('salary');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="drift-row-"]').length === 1);
  await page.getByTestId('drift-filter').fill('');

  // A row opens the column's histogram and CDFs.
  await page.getByTestId('drift-row-loan_length').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-select"]').value === 'loan_length');
  await page.getByTestId('cdf-canvas').waitFor();

  // Downloads are made in the tab.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drift-download').click()]);
  assert.equal(json.suggestedFilename(), 'drift.json');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cdf-svg').click()]);
  assert.equal(svg.suggestedFilename(), 'loan_length-cdf.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('histogram-png').click()]);
  assert.equal(png.suggestedFilename(), 'loan_length-histogram.png');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
