// The Explainability view's dependence scatter and attribution-drift chart
// on the car-loan demo with the demo XGBoost model: the scatter draws the
// top-ranked feature's sampled rows and follows the picker; the drift chart
// has one column per window, and a click on a window (the demo's last, or
// the first in violation of the Teach panel's attribution-drift scenario)
// opens it as the table's button does. Both download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openDemoAndExplain(page) {
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('monitoring-verdict').waitFor({ state: 'attached', timeout: 120000 });
  await page.getByTestId('explain-demo-model').click();
  await page.getByTestId('explain-verdict').waitFor({ timeout: 120000 });
}

/** Pixels of `canvas` that are not (nearly) white. */
function inked(locator) {
  return locator.evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n += 1;
    return n;
  });
}

/**
 * Pixels of the canvas column at `x` in the drift chart's violation shading:
 * the charts' HIGHLIGHT (213, 94, 0) at 12 % opacity over white, about
 * (250, 236, 224) (crates/charts: VIOLATION_SHADE).
 */
const SHADE = [250, 236, 224];
function shadedPixels(chart, x) {
  return chart.evaluate((canvas, [x, shade]) => {
    const { data } = canvas.getContext('2d').getImageData(x, 0, 1, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if ([0, 1, 2].every((c) => Math.abs(data[i + c] - shade[c]) <= 3)) n += 1;
    return n;
  }, [x, SHADE]);
}

async function counts(chart) {
  const number = async (name) => Number(await chart.getAttribute(name));
  return {
    feature: await chart.getAttribute('data-feature'),
    rows: await number('data-rows'),
    baseline: await number('data-baseline-points'),
    current: await number('data-current-points'),
    missing: await number('data-missing'),
  };
}

async function downloads(page, name) {
  for (const ext of ['png', 'svg']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`explain-${name}-${ext}`).click()]);
    assert.equal(file.suggestedFilename(), `explain-${name}.${ext}`);
    const bytes = fs.readFileSync(await file.path());
    assert.ok(ext === 'png' ? bytes.subarray(1, 4).toString() === 'PNG' : bytes.toString().includes('<svg'), `${name}.${ext}`);
  }
}

test('the dependence scatter draws the top feature, then the one picked', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await openDemoAndExplain(page);
  const chart = page.getByTestId('explain-dependence');
  const picker = page.getByTestId('explain-dependence-feature');
  const options = await picker.locator('option').allTextContents();
  const features = (await page.getByTestId('explain-waterfall').getAttribute('data-features')).split(',');
  assert.deepEqual([...options].sort(), [...features].sort(), 'every feature can be picked');
  // Options run from the largest global attribution down, and the first is shown.
  assert.equal(await picker.inputValue(), options[0]);
  let got = await counts(chart);
  assert.equal(got.feature, options[0]);
  // Every sampled row of both sides is a point, in the scatter or the missing strip.
  assert.ok(got.baseline > 0 && got.current > 0, JSON.stringify(got));
  assert.equal(got.baseline + got.current + got.missing, got.rows);
  assert.ok(await inked(chart) > 2000);

  await picker.selectOption(options[1]);
  await page.waitForFunction((f) => document.querySelector('[data-testid="explain-dependence"]')?.dataset.feature === f, options[1], { timeout: 10000 });
  got = await counts(chart);
  assert.equal(got.baseline + got.current + got.missing, got.rows);
  assert.equal(await picker.inputValue(), options[1]);
  await downloads(page, 'dependence');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

/** The drift table's windows, in order: { index, violation }. */
function tableWindows(page) {
  return page.locator('[data-testid^="explain-drift-window-"]').evaluateAll((trs) => trs.map((tr) => ({
    index: Number(tr.dataset.testid.replace('explain-drift-window-', '')),
    violation: tr.dataset.violation === 'true',
  })));
}

/** Checks the drift chart against the table, clicks the column of chart window `pick(table)` and returns its timeline index. */
async function checkAndClick(page, pick) {
  const chart = page.getByTestId('explain-drift-chart');
  const table = await tableWindows(page);
  assert.ok(table.length > 0);
  assert.equal(Number(await chart.getAttribute('data-windows')), table.length);
  assert.equal(Number(await chart.getAttribute('data-violations')), table.filter((w) => w.violation).length);
  const centres = JSON.parse(await chart.getAttribute('data-centres'));
  assert.equal(centres.length, table.length);
  assert.ok(centres.every((c, i) => i === 0 || c > centres[i - 1]), `centres ${centres}`);
  assert.ok(await inked(chart) > 2000);
  const k = pick(table);
  const box = await chart.boundingBox();
  const width = await chart.evaluate((c) => c.width);
  await chart.click({ position: { x: centres[k] * box.width / width, y: box.height * 0.4 } });
  const banner = page.getByTestId('focus-banner');
  await banner.waitFor({ timeout: 30000 });
  assert.equal(Number(await banner.getAttribute('data-window')), table[k].index);
  console.log(`drift chart: ${table.length} windows, ${table.filter((w) => w.violation).length} in violation; clicked window ${table[k].index}`);
  return table;
}

test('the attribution-drift chart has a column per window and a click opens it', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await openDemoAndExplain(page);
  const windows = Number(await page.getByTestId('monitoring-verdict').getAttribute('data-windows'));
  await downloads(page, 'drift');
  // The demo has no window in violation: nothing is shaded; open the last one.
  const chart = page.getByTestId('explain-drift-chart');
  const centres = JSON.parse(await chart.getAttribute('data-centres'));
  assert.equal(centres.length, windows, 'the chart is drawn');
  for (const [i, x] of centres.entries()) {
    const pixels = await shadedPixels(chart, x);
    assert.ok(pixels < 10, `window ${i} is not in violation but its column has ${pixels} shaded pixels`);
  }
  const table = await checkAndClick(page, (t) => t.length - 1);
  assert.equal(table.length, windows);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a window in violation (the Teach panel's attribution drift) is shaded and opens on a click", async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('start-teach').click();
  await page.getByTestId('teach-scenario').selectOption('attribution-drift');
  const slider = page.getByTestId('teach-strength');
  await slider.fill('1');
  await slider.dispatchEvent('change');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="explain-drift-chart"]')?.dataset.violations) > 0, null, { timeout: 90000 });
  await section(page, 'attributions');
  // The shading is drawn: down the column of every window in violation (both
  // panels, a few hundred pixels), and nowhere in the others'.
  const chart = page.getByTestId('explain-drift-chart');
  const windows = await tableWindows(page);
  await page.waitForFunction(([k, shade]) => {
    const canvas = document.querySelector('[data-testid="explain-drift-chart"]');
    const x = JSON.parse(canvas.dataset.centres || '[]')[k];
    if (x === undefined) return false;
    const { data } = canvas.getContext('2d').getImageData(x, 0, 1, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if ([0, 1, 2].every((c) => Math.abs(data[i + c] - shade[c]) <= 3)) n += 1;
    return n > 100;
  }, [windows.findIndex((w) => w.violation), SHADE], { timeout: 30000 });
  const centres = JSON.parse(await chart.getAttribute('data-centres'));
  assert.equal(centres.length, windows.length);
  const shaded = [];
  for (const [i, w] of windows.entries()) shaded.push({ violation: w.violation, pixels: await shadedPixels(chart, centres[i]) });
  const pixels = (violation) => shaded.filter((w) => w.violation === violation).map((w) => w.pixels);
  console.log(`shaded pixels per column: ${Math.min(...pixels(true))} or more in violation, ${Math.max(0, ...pixels(false))} at most elsewhere`);
  for (const [i, { violation, pixels }] of shaded.entries()) {
    if (violation) assert.ok(pixels > 100, `window ${i} is in violation but its column has ${pixels} shaded pixels`);
    else assert.ok(pixels < 10, `window ${i} is not in violation but its column has ${pixels} shaded pixels`);
  }
  const table = await checkAndClick(page, (t) => t.findIndex((w) => w.violation));
  assert.ok(table.some((w) => w.violation));
  assert.deepEqual(seen.errors, []);
  await page.close();
});
