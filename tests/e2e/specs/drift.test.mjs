// The drift view on the demo: the verdict, car_value flagged, presets,
// filtering, a row opening its charts, and downloads (made in the tab).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Evidently 0.7.23's own DataDriftPreset on the demo pair, recorded by
 * tools/reference/drift_report.py (case car_loan_demo): what the downloaded
 * report must hold, computed without the app.
 */
const EVIDENTLY = JSON.parse(fs.readFileSync(path.join(repoRoot, 'crates/engine/tests/fixtures/reference/drift_report.json'), 'utf8'))
  .cases.find((c) => c.name === 'car_loan_demo');

/** The demo files' data rows (public/demo, 3,000 each). */
const demoRows = (side) => fs.readFileSync(path.join(repoRoot, `public/demo/car_loan_${side}.csv`), 'utf8').trim().split('\n').length - 1;

/** Parses `text` as an SVG document in the page: its root's name, or the parser's error. */
function parseSvg(page, text) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return error ? `error: ${error.textContent}` : doc.documentElement.localName;
  }, text);
}

/** Decodes PNG `bytes` in the page: its size and how many pixels are not (nearly) white. */
function decodePng(page, bytes) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked += 1;
    return { width: canvas.width, height: canvas.height, inked };
  }, bytes.toString('base64'));
}

test('the demo gets a drift verdict by itself, with car_value flagged', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'drift');
  const verdict = page.locator('[data-testid="drift-verdict"][data-preset="tideline"]');
  await verdict.waitFor({ timeout: 60000 });
  // 7 features count toward the share; the label and the model's two outputs get their own rows.
  assert.equal(Number(await verdict.getAttribute('data-tested')), 7);
  assert.equal(await page.locator('[data-testid^="drift-row-"]').count(), 10);
  assert.match(await page.getByTestId('drift-row-y_pred_proba').innerText(), /prediction drift/);
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
  // The file is the Evidently preset's report (picked above) and says what Evidently says of the demo pair.
  const report = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(report.preset, 'evidently');
  assert.deepEqual([report.n_baseline, report.n_current], [demoRows('reference'), demoRows('analysis')]);
  assert.deepEqual([report.n_tested, report.n_drifted, report.dataset_drift], [10, 5, true], 'the demo: 5 of 10 columns drift');
  assert.deepEqual(
    [report.n_tested, report.n_drifted, report.dataset_drift],
    [EVIDENTLY.number_of_columns, EVIDENTLY.number_of_drifted_columns, EVIDENTLY.dataset_drift],
  );
  assert.deepEqual(report.columns.map((c) => c.name).toSorted(), EVIDENTLY.columns.map((c) => c.name).toSorted());
  for (const want of EVIDENTLY.columns) {
    const got = report.columns.find((c) => c.name === want.name);
    assert.equal(got.test, want.test, want.name);
    assert.equal(got.drifted, want.drifted, want.name);
    assert.equal(got.threshold, want.threshold, want.name);
    const tolerance = 1e-9 * Math.max(1, Math.abs(want.drift_score));
    assert.ok(Math.abs(got.statistic - want.drift_score) <= tolerance, `${want.name}: ${got.statistic}, Evidently ${want.drift_score}`);
  }
  assert.deepEqual(report.skipped.map((s) => s.name).toSorted(), ['id', 'timestamp']);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cdf-svg').click()]);
  assert.equal(svg.suggestedFilename(), 'loan_length-cdf.svg');
  // An SVG document that parses, names its column and draws both sides' curves.
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  assert.equal(await parseSvg(page, svgText), 'svg');
  assert.ok(svgText.includes('loan_length'), 'the chart names its column');
  const curves = (svgText.match(/<(polyline|path)\b/g) ?? []).length;
  assert.ok(curves >= 2, `${curves} polylines or paths`);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('histogram-png').click()]);
  assert.equal(png.suggestedFilename(), 'loan_length-histogram.png');
  // A PNG that decodes, as large as the histogram on screen, with the bars drawn.
  const pngBytes = fs.readFileSync(await png.path());
  assert.equal(pngBytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'the PNG signature');
  const decoded = await decodePng(page, pngBytes);
  const onScreen = await page.getByTestId('compare-canvas').evaluate((c) => ({ width: c.width, height: c.height }));
  assert.deepEqual({ width: decoded.width, height: decoded.height }, onScreen);
  assert.ok(decoded.inked > 2000, `${decoded.inked} inked pixels`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
