// The Monitoring view on the work-from-home demo: monthly windows, drift and
// performance series judged against the reference, M-of-N alerts recomputed
// at once, the chart, the downloads, and a bad window text that leaves the
// loaded data alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Calendar months from the first to the last timestamp of the demo's analysis slice. */
function expectedMonths() {
  const lines = fs.readFileSync(path.join(repoRoot, 'public/demo/wfh_analysis.csv'), 'utf8').trim().split('\n');
  const column = lines[0].split(',').indexOf('timestamp');
  const months = lines.slice(1).map((l) => l.split(',')[column].slice(0, 7)).sort();
  const [fy, fm] = months[0].split('-').map(Number);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  return (ly - fy) * 12 + (lm - fm) + 1;
}

async function cells(page) {
  return page.locator('[data-testid^="monitoring-cell-"]').evaluateAll((tds) => tds.map((td) => ({
    id: td.dataset.testid, status: td.dataset.status, alert: td.dataset.alert,
  })));
}

async function openWfh(page) {
  await page.getByTestId('open-demo-wfh').click();
  await overviewShown(page);
  await section(page, 'timeline');
  const verdict = page.locator('[data-testid="monitoring-verdict"]');
  await verdict.waitFor({ timeout: 120000 });
  return verdict;
}

test('the wfh demo gives monthly windows with drift late in the analysis period', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const verdict = await openWfh(page);
  const windows = expectedMonths();
  assert.equal(Number(await verdict.getAttribute('data-windows')), windows);
  assert.ok(Number(await verdict.getAttribute('data-series')) > 10);
  assert.equal(await page.getByTestId('monitoring-window').inputValue(), '1mo');
  assert.equal(await page.getByTestId('monitoring-time').inputValue(), 'timestamp');
  assert.equal(await page.getByTestId('monitoring-label').inputValue(), 'work_home_actual');

  // Some drift series fails in the last quarter of the windows and not in the first window.
  const all = await cells(page);
  const bySeries = new Map();
  for (const c of all) {
    const m = c.id.match(/^monitoring-cell-(.*)-(\d+)$/);
    if (!bySeries.has(m[1])) bySeries.set(m[1], []);
    bySeries.get(m[1])[Number(m[2])] = c;
  }
  assert.ok([...bySeries.values()].every((s) => s.length === windows));
  const lateDrift = [...bySeries.entries()].filter(([name, s]) => name.startsWith('drift:')
    && s[0].status !== 'violation'
    && s.slice(Math.floor(windows * 0.75)).some((c) => c.status === 'violation'));
  assert.ok(lateDrift.length > 0, 'no drift series fails late but not first');
  // The last window (one row on 2021-01-01) is shown but not judged, and says why.
  const minRows = Number(await page.getByTestId('monitoring-min-rows').inputValue());
  assert.ok(minRows >= 2, `min rows ${minRows}`);
  assert.ok([...bySeries.values()].every((s) => s[windows - 1].status === 'missing'));
  assert.match(await page.getByTestId('monitoring-warnings').innerText(), new RegExp(`fewer than ${minRows} rows`));
  // Realised and estimated performance pair up.
  assert.ok([...bySeries.keys()].some((n) => n.startsWith('model_quality:')));
  assert.ok([...bySeries.keys()].some((n) => n.startsWith('estimated_performance:')));

  // The chart draws; clicking a cell picks the series and shows its window's detail.
  const [name] = lateDrift[0];
  const last = bySeries.get(name).findLastIndex((c) => c.status === 'violation');
  await page.getByTestId(`monitoring-cell-${name}-${last}`).locator('button').click();
  await page.getByTestId('monitoring-detail').waitFor();
  assert.equal(await page.getByTestId('monitoring-detail').getAttribute('data-status'), 'violation');
  assert.match(await page.getByTestId('monitoring-chart-title').innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const inked = await page.getByTestId('monitoring-chart').evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n += 1;
    return n;
  });
  assert.ok(inked > 2000, `${inked} inked pixels`);

  // The window opens in the other views: drift and data quality run again on its rows only.
  const windowRows = Number((await page.locator('th.window').nth(last).getAttribute('title')).match(/\((\d+) rows\)/)[1]);
  const driftBefore = await page.getByTestId('drift-verdict').getAttribute('data-millis');
  const qualityBefore = await page.getByTestId('quality-verdict').getAttribute('data-millis');
  await page.getByTestId('monitoring-open-window').click();
  const banner = page.getByTestId('focus-banner');
  await banner.waitFor();
  assert.equal(Number(await banner.getAttribute('data-window')), last);
  assert.equal(Number(await banner.getAttribute('data-rows')), windowRows);
  await page.waitForFunction(([d, q]) => document.querySelector('[data-testid="drift-verdict"]')?.dataset.millis !== d
    && document.querySelector('[data-testid="quality-verdict"]')?.dataset.millis !== q, [driftBefore, qualityBefore], { timeout: 30000 });
  await page.getByTestId('focus-close').click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('M of N changes alerts at once; downloads; a bad window keeps the data', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  const verdict = await openWfh(page);
  const windows = Number(await verdict.getAttribute('data-windows'));
  const millis = Number(await verdict.getAttribute('data-millis'));
  const alerts = async () => Number(await verdict.getAttribute('data-alerts'));
  // The default is 2 of the last 3 windows: a lone failed window is a
  // violation, not an alert, so both states appear on wfh.
  assert.match(await verdict.innerText(), /2 of the last 3 windows failed/);
  const twoOfThree = await alerts();
  const states = await page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid^="monitoring-cell-"]')];
    return {
      violation: cells.filter((c) => c.dataset.status === 'violation' && c.dataset.alert === 'ok').length,
      alert: cells.filter((c) => c.dataset.status === 'violation' && c.dataset.alert === 'in_alert').length,
    };
  });
  assert.ok(states.violation > 0 && states.alert > 0, JSON.stringify(states));

  // 3 of 3: only series failing their last three windows stay in alert; no worker run.
  const started = Date.now();
  await page.getByTestId('monitoring-alert-n').fill('3');
  await page.getByTestId('monitoring-alert-m').fill('3');
  await page.waitForFunction(() => document.querySelector('[data-testid="monitoring-verdict"]').textContent.includes('3 of the last 3'), null, { timeout: 2000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1500, `${elapsed} ms`);
  assert.equal(await page.getByTestId('monitoring-running').count(), 0, 'M/N must not rebuild the timeline');
  assert.equal(Number(await verdict.getAttribute('data-millis')), millis);
  const threeOfThree = await alerts();
  assert.ok(threeOfThree <= twoOfThree, `${threeOfThree} > ${twoOfThree}`);
  // 1 of 1: the last window alone decides.
  await page.getByTestId('monitoring-alert-m').fill('1');
  await page.getByTestId('monitoring-alert-n').fill('1');
  await page.waitForFunction(() => document.querySelector('[data-testid="monitoring-verdict"]').textContent.includes('1 of the last 1'), null, { timeout: 2000 });
  const oneOfOne = await alerts();
  assert.ok(oneOfOne > 0, 'some series fails its last window');
  // 1 of 3: at least as many as 1 of 1 and as 2 of 3 (a failure among the last three).
  await page.getByTestId('monitoring-alert-n').fill('3');
  await page.waitForFunction(() => document.querySelector('[data-testid="monitoring-verdict"]').textContent.includes('1 of the last 3'), null, { timeout: 2000 });
  const oneOfThree = await alerts();
  assert.ok(oneOfThree >= oneOfOne && oneOfThree >= twoOfThree && oneOfThree > threeOfThree, `1/3 ${oneOfThree}, 1/1 ${oneOfOne}, 2/3 ${twoOfThree}, 3/3 ${threeOfThree}`);
  // M > N is refused with a message.
  await page.getByTestId('monitoring-alert-m').fill('5');
  assert.match(await page.getByTestId('monitoring-alert-error').innerText(), /1 ≤ M ≤ N/);

  // Downloads: the timeline (with the shown alert rule) and its configuration.
  const [timelineFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-timeline').click()]);
  const timeline = JSON.parse(fs.readFileSync(await timelineFile.path(), 'utf8'));
  assert.equal(timelineFile.suggestedFilename(), 'timeline.json');
  assert.equal(timeline.windows.length, windows);
  assert.deepEqual(timeline.alert_rule, { datapoints_to_alert: 1, evaluation_period: 3 });
  assert.ok(timeline.checks.every((c) => c.cells.length === windows && c.alert_states.length === windows));
  const [configFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-timeline-config').click()]);
  const config = JSON.parse(fs.readFileSync(await configFile.path(), 'utf8'));
  assert.equal(config.window, '1mo');
  assert.equal(config.time_column, 'timestamp');
  assert.equal(config.model.label, 'work_home_actual');

  // A bad window: a message, no run, the data and the last timeline stay.
  await page.getByTestId('monitoring-window').fill('7x');
  await page.getByTestId('monitoring-window').press('Enter');
  assert.match(await page.getByTestId('monitoring-window-error').innerText(), /unknown unit/);
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '5000');
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), '5000');
  assert.equal(Number(await verdict.getAttribute('data-windows')), windows);
  // Judging every window rebuilds the timeline; the last one is judged.
  await page.getByTestId('monitoring-min-rows').fill('0');
  await page.getByTestId('monitoring-min-rows').press('Enter');
  const lastCell = page.locator(`[data-testid="monitoring-cell-data_quality:violations-${windows - 1}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.dataset.status !== 'missing', `monitoring-cell-data_quality:violations-${windows - 1}`, { timeout: 60000 });
  assert.notEqual(await lastCell.getAttribute('data-status'), 'missing');
  // A good one builds the timeline again: quarterly windows.
  await page.getByTestId('monitoring-window').fill('3mo');
  await page.getByTestId('monitoring-window').press('Enter');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="monitoring-verdict"]')?.dataset.windows) < n, windows, { timeout: 60000 });
  assert.equal(await page.getByTestId('monitoring-window-error').innerText(), '');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('with the Explainability model the timeline gains the attribution check, equal to the view\'s NDCG per window', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'timeline');
  const verdict = page.getByTestId('monitoring-verdict');
  await verdict.waitFor({ timeout: 120000 });
  assert.equal(await page.locator('[data-testid^="monitoring-cell-attribution"]').count(), 0, 'no model, no attribution series');
  await section(page, 'attributions');
  await page.getByTestId('explain-demo-model').click();
  await page.getByTestId('explain-verdict').waitFor({ timeout: 120000 });
  const millis = await verdict.getAttribute('data-millis');
  await section(page, 'timeline');
  await page.getByTestId('monitoring-run').click();
  await page.waitForFunction((m) => !document.querySelector('[data-testid="monitoring-running"]')
    && document.querySelector('[data-testid="monitoring-verdict"]')?.dataset.millis !== m, millis, { timeout: 120000 });
  const timeline = await page.locator('[data-testid^="monitoring-cell-attribution"]').evaluateAll((tds) => tds.map((td) => ({
    id: td.dataset.testid, status: td.dataset.status, value: td.dataset.value === undefined ? null : Number(td.dataset.value),
  })));
  const view = await page.locator('[data-testid^="explain-drift-window-"]').evaluateAll((trs) => trs.map((tr) => ({
    index: Number(tr.dataset.testid.split('-').pop()), ndcg: Number(tr.dataset.ndcg), violation: tr.dataset.violation === 'true',
  })));
  assert.ok(view.length > 1, `the view has NDCG windows: ${view.length}`);
  for (const w of view) {
    const cell = timeline.find((c) => c.id.endsWith(`-${w.index}`));
    assert.ok(cell, `a timeline cell for window ${w.index}: ${JSON.stringify(timeline)}`);
    assert.ok(Math.abs(cell.value - w.ndcg) < 1e-9, `window ${w.index}: ${cell.value} vs ${w.ndcg}`);
    assert.equal(cell.status, w.violation ? 'violation' : 'ok', `window ${w.index}`);
  }
  assert.deepEqual(seen.errors, []);
});
