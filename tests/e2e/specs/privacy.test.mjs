// No byte leaves the device: every request stays on the page's own origin,
// and the Content-Security-Policy blocks nothing the app needs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, carLoan, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page requests nothing outside its own origin', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'data');
  await page.getByTestId('baseline-file-input').setInputFiles(carLoan('reference').file);
  await page.getByTestId('baseline-add').click();
  await page.getByTestId('baseline-file-1').waitFor({ state: 'attached', timeout: 60000 });
  await section(page, 'drift');
  await page.getByTestId('compare-canvas').waitFor();
  const foreign = seen.requests.filter((url) => new URL(url).origin !== server.origin);
  assert.deepEqual(foreign, [], 'requests outside the origin');
  assert.ok(seen.requests.some((u) => u.endsWith('/worker_bg.wasm')), 'the worker loaded from the origin');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(seen.errors, []);
  // The policy itself forbids connections elsewhere.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  const blocked = await page.evaluate(async () => {
    try { await fetch('https://example.com/'); return 'fetched'; } catch { return 'blocked'; }
  });
  assert.equal(blocked, 'blocked');
  // Nothing is stored unless the user asks.
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await page.close();
});

test('a full analysis and every export request nothing outside the origin', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'attributions');
  await page.getByTestId('explain-demo-model').click();
  // Drift, data quality, model quality, the timeline and attributions all settle.
  await page.waitForFunction(() => {
    const lights = ['drift', 'data-quality', 'model-quality', 'timeline', 'attributions']
      .map((a) => document.querySelector(`[data-testid="overview-${a}"]`)?.dataset.light);
    return lights.every((l) => l && l !== 'busy' && l !== 'grey');
  }, null, { timeout: 120000 });
  await section(page, 'export');
  for (const kind of ['report', 'model-card', 'audit', 'zip']) {
    await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId(`export-${kind}`).click()]);
  }
  const foreign = seen.requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== server.origin);
  assert.deepEqual(foreign, [], 'requests outside the origin');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
