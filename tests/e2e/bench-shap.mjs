// The Explainability view's path-dependent TreeSHAP, timed inside the app:
// BASELINE and CURRENT CSVs and an XGBoost JSON MODEL (written by the
// engine's tree_shap example) loaded through the file inputs as a user
// would, the explanation started by the model, the time and workers read
// from the verdict. Runs once with every core the browser reports and once
// with the worker told there is one core (navigator.hardwareConcurrency
// overridden in the worker scripts), and prints both as JSON.
import { serveDist, launch, openApp } from './support.mjs';

const [baseline, current, model] = process.argv.slice(2);
if (!model) throw new Error('usage: node bench-shap.mjs BASELINE CURRENT MODEL');
const LONG = { timeout: 1200000 };

/** One run; `cores` overrides what the workers read as hardwareConcurrency. */
async function run(browser, origin, cores) {
  const { page, seen } = await openApp(browser, origin);
  if (cores) {
    // The engine worker and its helpers start from worker_loader.js.
    await page.context().route('**/worker_loader.js', async (route) => {
      const response = await route.fetch();
      const body = `Object.defineProperty(WorkerNavigator.prototype,'hardwareConcurrency',{get:()=>${cores}});${await response.text()}`;
      await route.fulfill({ response, body });
    });
    await page.reload();
    await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 30000 });
  }
  for (const [side, file] of [['baseline', baseline], ['current', current]]) {
    await page.getByTestId(`${side}-file-input`).setInputFiles(file);
    await page.getByTestId(`${side}-last-job`).waitFor(LONG);
  }
  // The other views compute in the same worker: let them finish first.
  await page.waitForFunction(() => !document.querySelector('[data-testid="monitoring-running"], [data-testid="drift-running"]')
    && document.querySelector('[data-testid="monitoring-verdict"], [data-testid="monitoring-error"]'), null, LONG);
  const rows = Number(await page.getByTestId('baseline-rows').getAttribute('data-rows'))
    + Number(await page.getByTestId('current-rows').getAttribute('data-rows'));
  await page.getByTestId('explain-model-input').setInputFiles(model);
  await page.waitForFunction((n) => {
    const error = document.querySelector('[data-testid="explain-error"]');
    if (error) return true;
    const v = document.querySelector('[data-testid="explain-verdict"]');
    return v && v.dataset.rows === String(n) && !document.querySelector('[data-testid="explain-progress"]');
  }, rows, LONG);
  if (await page.getByTestId('explain-error').count()) throw new Error(await page.getByTestId('explain-error').innerText());
  const verdict = page.getByTestId('explain-verdict');
  const result = {
    rows,
    method: await verdict.getAttribute('data-method'),
    millis: Number(await verdict.getAttribute('data-millis')),
    workers: Number(await verdict.getAttribute('data-workers')),
    cores: await page.evaluate(() => navigator.hardwareConcurrency),
    errors: seen.errors,
  };
  await page.context().unrouteAll();
  await page.close();
  return result;
}

const server = await serveDist();
const browser = await launch();
try {
  const all = await run(browser, server.origin, 0);
  const one = await run(browser, server.origin, 1);
  console.log(JSON.stringify({ all, one }));
} finally {
  await browser.close();
  await server.close();
}
