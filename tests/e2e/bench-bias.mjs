// Browser half of `cargo xtask bench bias`: loads DATA into the baseline,
// imports CONFIG into the Bias view, waits for the verdict matching the
// attribute selector and prints the worker's milliseconds for
// the metrics alone (`data-metrics-millis`) and with intervals and fairness.
import { serveDist, launch, openApp } from './support.mjs';

const [data, config, selector] = process.argv.slice(2);
if (!data || !config || !selector) throw new Error('usage: node bench-bias.mjs DATA CONFIG VERDICT_ATTRIBUTES');
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(data);
  await page.getByTestId('baseline-last-job').waitFor({ timeout: 600000 });
  await page.getByTestId('bias-import').setInputFiles(config);
  // SELECTOR tells the imported analysis's verdict from the one guessed on load.
  const verdict = page.locator(`[data-testid="bias-verdict"]${selector}`);
  await verdict.waitFor({ timeout: 600000 });
  const result = {
    metrics_millis: Number(await verdict.getAttribute('data-metrics-millis')),
    millis: Number(await verdict.getAttribute('data-millis')),
    wasm_bytes: Number(await page.getByTestId('memory').getAttribute('data-wasm-bytes')),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
