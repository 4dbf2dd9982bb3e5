// Browser half of `cargo xtask bench`: loads FILE into the baseline through the
// file picker and prints what the worker measured, as one JSON line.
import { serveDist, launch, openApp, appears, helpersReady } from './support.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench.mjs FILE');
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.origin);
  // As when a person drops a file: the helper workers have started by then.
  await helpersReady(page);
  await page.getByTestId('baseline-file-input').setInputFiles(file);
  const last = page.getByTestId('baseline-last-job');
  await appears(page, '[data-testid="baseline-last-job"]');
  const memory = page.getByTestId('memory');
  await memory.waitFor();
  const result = {
    rows: Number(await last.getAttribute('data-rows')),
    bytes: Number(await last.getAttribute('data-bytes')),
    millis: Number(await last.getAttribute('data-millis')),
    read_millis: Number(await last.getAttribute('data-read-millis')),
    ingest_millis: Number(await last.getAttribute('data-ingest-millis')),
    workers: Number(await last.getAttribute("data-workers")),
    wasm_bytes: Number(await memory.getAttribute('data-wasm-bytes')),
    typed_bytes: Number(await memory.getAttribute('data-typed-bytes')),
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
}
