// The first screen's three starts: "Drop your files" brings the baseline's
// drop zone into view with its file button focused (keyboard users press
// Enter next), the demos load, and "Teach" opens the Teach panel with its
// scenario picker focused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('three starts: files, demo, teach', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  for (const id of ['start-files', 'open-demo', 'open-demo-wfh', 'start-teach']) {
    assert.ok(await page.getByTestId(id).isVisible(), `${id} is on the first screen`);
  }
  assert.equal(await page.getByTestId('teach-panel').isVisible(), false, 'the Teach panel waits to be asked for');
  await page.getByTestId('start-files').click();
  const inDrop = await page.evaluate(() => document.activeElement?.closest('[data-testid="baseline-drop"]') !== null);
  assert.ok(inDrop, 'focus is in the baseline drop zone');
  await page.getByTestId('start-teach').click();
  await page.getByTestId('teach-panel').waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'teach-scenario');
  await page.keyboard.press('Enter');
  assert.deepEqual(seen.errors, []);
});
