// The Monitoring view's timeline, timed inside the app's worker: on the wfh
// demo by default, or on BASELINE and CURRENT files with a CONFIG
// (timeline_config.json, imported as a user would). Prints the worker's
// milliseconds and the timeline's size as JSON.
import { serveDist, launch, openApp } from './support.mjs';

const [baseline, current, config] = process.argv.slice(2);
if (baseline && !config) throw new Error('usage: node bench-timeline.mjs [BASELINE CURRENT CONFIG]');
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.origin);
  if (baseline) {
    for (const [side, file] of [['baseline', baseline], ['current', current]]) {
      await page.getByTestId(`${side}-file-input`).setInputFiles(file);
      await page.getByTestId(`${side}-last-job`).waitFor({ timeout: 600000 });
    }
    // The guessed timeline runs first (it may fail: the guess is not the
    // benchmark's configuration); the imported configuration replaces it.
    await page.waitForFunction(() => !document.querySelector('[data-testid="monitoring-running"]')
      && document.querySelector('[data-testid="monitoring-verdict"], [data-testid="monitoring-error"]'), null, { timeout: 600000 });
    const before = await page.evaluate(() => document.querySelector('[data-testid="monitoring-verdict"]')?.dataset.millis ?? null);
    await page.getByTestId('monitoring-import').setInputFiles(config);
    await page.waitForFunction((m) => !document.querySelector('[data-testid="monitoring-running"]')
      && document.querySelector('[data-testid="monitoring-verdict"]')?.dataset.millis !== m, before, { timeout: 600000 });
    const error = await page.getByTestId('monitoring-error').count();
    if (error) throw new Error(await page.getByTestId('monitoring-error').innerText());
  } else {
    await page.getByTestId('open-demo-wfh').click();
  }
  const verdict = page.getByTestId('monitoring-verdict');
  await verdict.waitFor({ timeout: 600000 });
  // Each change of role asks for a new timeline: wait until none is running.
  await page.waitForFunction(() => !document.querySelector('[data-testid="monitoring-running"]'), null, { timeout: 600000 });
  const result = {
    millis: Number(await verdict.getAttribute('data-millis')),
    windows: Number(await verdict.getAttribute('data-windows')),
    series: Number(await verdict.getAttribute('data-series')),
    wasm_bytes: Number(await page.getByTestId('memory').getAttribute('data-wasm-bytes')),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
