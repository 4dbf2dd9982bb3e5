// Browser half of `cargo xtask bench` for drift: picks the preset, loads BASE
// into the baseline and CUR into the current side, and waits for the drift
// verdict; prints wall-clock seconds (parsing included) and worker memory.
import { serveDist, launch, openApp, appears, helpersReady } from './support.mjs';

const [base, cur, preset = 'evidently'] = process.argv.slice(2);
if (!base || !cur) throw new Error('usage: node bench-drift.mjs BASE CUR [PRESET]');
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.origin);
  // As when a person drops a file: the helper workers have started by then.
  await helpersReady(page);
  const started = Date.now();
  await page.getByTestId('baseline-file-input').setInputFiles(base);
  await appears(page, '[data-testid="baseline-last-job"]');
  // The drift view appears once a side holds data; its preset applies to the first run.
  await page.getByTestId('drift-preset').selectOption(preset);
  await page.getByTestId('current-file-input').setInputFiles(cur);
  const verdict = page.locator(`[data-testid="drift-verdict"][data-preset="${preset}"]`);
  await appears(page, `[data-testid="drift-verdict"][data-preset="${preset}"]`);
  const seconds = (Date.now() - started) / 1000;
  const quality = page.getByTestId('quality-verdict');
  await quality.waitFor({ timeout: 600000 });
  const memory = page.getByTestId('memory');
  const result = {
    seconds,
    drift_millis: Number(await verdict.getAttribute('data-millis')),
    drifted: Number(await verdict.getAttribute('data-drifted')),
    quality_millis: Number(await quality.getAttribute('data-millis')),
    tested: Number(await verdict.getAttribute('data-tested')),
    wasm_bytes: Number(await memory.getAttribute('data-wasm-bytes')),
    typed_bytes: Number(await memory.getAttribute('data-typed-bytes')),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
