// The Monitoring view's timeline, timed inside the app's worker: on the wfh
// demo by default, or on BASELINE and CURRENT files with roles set as
// `column=role,...` (label, predicted_label, predicted_score, timestamp).
// Prints the worker's milliseconds and the timeline's size as JSON.
import { serveDist, launch, openApp } from './support.mjs';

const [baseline, current, roles] = process.argv.slice(2);
if (baseline && !current) throw new Error('usage: node bench-timeline.mjs [BASELINE CURRENT [column=role,...]]');
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.origin);
  if (baseline) {
    for (const [side, file] of [['baseline', baseline], ['current', current]]) {
      await page.getByTestId(`${side}-file-input`).setInputFiles(file);
      await page.getByTestId(`${side}-last-job`).waitFor({ timeout: 600000 });
    }
    for (const pair of (roles || '').split(',').filter(Boolean)) {
      const [column, role] = pair.split('=');
      for (const side of ['baseline', 'current']) {
        await page.getByTestId(`${side}-col-${column}`).getByTestId('role').selectOption(role);
      }
    }
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
