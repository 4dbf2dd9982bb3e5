// The other six teaching scenarios, each generated at strength 0 (the
// check that catches it stays quiet) and at 1 (it fires), through the view
// the Teach panel names: prior shift in the outcome's drift test, concept
// drift in model quality with quiet inputs, a new category in Model
// Monitor's categorical_values_check, bias drift in the Bias light, and
// gradual vs sudden drift in the timeline's income drift series.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from '../support.mjs';
import { generate, until } from '../teach_support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Waits until the light of `area` is one of `lights` (an earlier
 * generation's light may still show while the new one computes; a light
 * that never gets there fails the test by timeout).
 */
async function lightBecomes(page, area, lights) {
  await page.waitForFunction(([a, ls]) => ls.includes(document.querySelector(`[data-testid="overview-${a}"]`)?.dataset.light), [area, lights], { timeout: 90000 });
}

/** The timeline's income drift series: per window, its status and value. */
async function incomeSeries(page) {
  await page.getByTestId('monitoring-grid').waitFor({ state: 'attached', timeout: 60000 });
  return page.evaluate(() => {
    const row = [...document.querySelectorAll('[data-testid^="monitoring-row-drift:income"]')][0];
    if (!row) return null;
    return [...row.querySelectorAll('[data-testid^="monitoring-cell-"]')].map((c) => ({ status: c.dataset.status, value: Number(c.dataset.value) }));
  });
}

test('prior shift: the outcome drifts at 1 and not at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'prior-shift', 0);
  await until(page, 'drift-row-outcome', 'data-drifted', 'false');
  await generate(page, 'prior-shift', 1);
  await until(page, 'drift-row-outcome', 'data-drifted', 'true');
  assert.match(await page.getByTestId('teach-text').innerText(), /More current applicants repay/);
  assert.deepEqual(seen.errors, []);
});

test('concept drift: model quality falls at 1 while no input drifts; quiet at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'concept-drift', 0);
  await lightBecomes(page, 'model-quality', ['green']);
  await generate(page, 'concept-drift', 1);
  await page.waitForFunction(() => ['amber', 'red'].includes(document.querySelector('[data-testid="overview-model-quality"]')?.dataset.light), null, { timeout: 60000 });
  for (const input of ['income', 'debt_ratio', 'age', 'tenure']) {
    assert.equal(await page.getByTestId(`drift-row-${input}`).getAttribute('data-drifted'), 'false', input);
  }
  assert.match(await page.getByTestId('teach-text').innerText(), /accuracy falls/);
  assert.deepEqual(seen.errors, []);
});

test('new category: categorical_values_check fails at 1 and not at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'new-category', 0);
  await until(page, 'quality-count-categorical_values_check', 'data-failed', '0');
  await generate(page, 'new-category', 1);
  await until(page, 'quality-count-categorical_values_check', 'data-failed', '1');
  assert.match(await page.getByTestId('teach-text').innerText(), /central/);
  assert.deepEqual(seen.errors, []);
});

test('bias drift: the Bias light is red at 1 and not at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'bias-drift', 0);
  await lightBecomes(page, 'bias', ['green', 'amber']);
  await generate(page, 'bias-drift', 1);
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-bias"]')?.dataset.light === 'red', null, { timeout: 60000 });
  assert.match(await page.getByTestId('overview-bias-headline').innerText(), /^Bias drift/);
  assert.deepEqual(seen.errors, []);
});

for (const [scenario, shape] of [['gradual-drift', 'grows'], ['sudden-drift', 'jumps']]) {
  test(`${scenario}: income's timeline series ${shape} at 1 and stays within bounds at 0`, async () => {
    const { page, seen } = await openApp(browser, server.origin);
    await generate(page, scenario, 0);
    // Every window of the income series within its bounds (an earlier
    // generation's grid may show until the new timeline arrives).
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('[data-testid^="monitoring-row-drift:income"]')][0];
      const cells = row ? [...row.querySelectorAll('[data-testid^="monitoring-cell-"]')] : [];
      return cells.length >= 4 && cells.every((c) => c.dataset.status !== 'violation')
        && document.querySelector('[data-testid="overview-timeline"]')?.dataset.light !== 'busy';
    }, null, { timeout: 90000 });
    await generate(page, scenario, 1);
    await page.waitForFunction(() => {
      const row = [...document.querySelectorAll('[data-testid^="monitoring-row-drift:income"]')][0];
      const cells = row ? [...row.querySelectorAll('[data-testid^="monitoring-cell-"]')] : [];
      return cells.length > 0 && cells[cells.length - 1].dataset.status === 'violation';
    }, null, { timeout: 90000 });
    const cells = await incomeSeries(page);
    const n = cells.length;
    assert.equal(cells[0].status, 'ok', 'the first window is like the baseline');
    const first = cells.findIndex((c) => c.status === 'violation');
    const quarter = Math.floor(n / 4);
    const mean = (part) => part.reduce((a, c) => a + c.value, 0) / part.length;
    if (scenario === 'sudden-drift') {
      // The jump is half-way: the first half quiet, every window from the jump on in violation.
      assert.ok(first >= Math.floor(n / 2) - 1 && first <= Math.ceil(n / 2) + 1, `first violation at ${first} of ${n}`);
      assert.ok(cells.slice(first).every((c) => c.status === 'violation'), JSON.stringify(cells));
    } else {
      // Gradual: no violation in the first quarter, the distance climbs
      // (the last quarter's mean well above the first's), and most of the
      // last quarter is in violation.
      assert.ok(cells.slice(0, quarter).every((c) => c.status === 'ok'), JSON.stringify(cells));
      assert.ok(mean(cells.slice(n - quarter)) > 1.5 * mean(cells.slice(0, quarter)), JSON.stringify(cells));
      const late = cells.slice(n - quarter).filter((c) => c.status === 'violation').length;
      assert.ok(late > quarter / 2, `${late} of the last ${quarter} windows in violation`);
    }
    assert.deepEqual(seen.errors, []);
  });
}
