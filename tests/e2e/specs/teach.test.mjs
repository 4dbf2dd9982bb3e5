// The Teach panel: each scenario generated at strength 0 leaves its check
// quiet and at strength 1 makes it fire, in the browser, with the panel's
// text saying what to notice; the scenario's model reaches Explainability.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from '../support.mjs';
import { generate, until } from '../teach_support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('covariate shift: income drifts at 1 and not at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'covariate-shift', 0);
  await until(page, 'drift-row-income', 'data-drifted', 'false');
  await until(page, 'drift-row-age', 'data-drifted', 'false');
  await generate(page, 'covariate-shift', 1);
  await until(page, 'drift-row-income', 'data-drifted', 'true');
  assert.equal(await page.getByTestId('drift-row-age').getAttribute('data-drifted'), 'false');
  assert.match(await page.getByTestId('teach-text').innerText(), /Incomes in the current data are higher/);
  assert.deepEqual(seen.errors, []);
});

test('missing values: completeness fails at 1 and not at 0', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'missing-values', 0);
  await until(page, 'quality-count-completeness_check', 'data-failed', '0');
  await generate(page, 'missing-values', 1);
  await until(page, 'quality-count-completeness_check', 'data-failed', '1');
  assert.deepEqual(seen.errors, []);
});

test('attribution drift: the scenario model is explained and its NDCG falls below 0.90 at 1', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'attribution-drift', 1);
  const verdict = page.getByTestId('explain-verdict');
  await verdict.waitFor({ state: 'attached', timeout: 60000 });
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="explain-verdict"]');
    return v && Number(v.dataset.ndcgMin) < 0.9;
  }, null, { timeout: 60000 });
  assert.deepEqual(seen.errors, []);
});
