// Parsing runs in the worker: the page stays responsive during a big load,
// shows progress with rows/s, and Cancel stops it keeping earlier files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, section, overviewShown } from '../support.mjs';

let server, browser, bigFile;
before(async () => {
  server = await serveDist();
  browser = await launch();
  // About 200 MB of numbers: long enough to watch and to cancel.
  bigFile = path.join(os.tmpdir(), 'tideline-e2e-big.csv');
  if (!fs.existsSync(bigFile) || fs.statSync(bigFile).size < 150e6) {
    const rows = [];
    for (let i = 0; i < 2000; i++) rows.push(`${i},${(i * 0.731) % 97},${(i * 7919) % 10007},${i % 13},0.${i}123456789,${1e6 - i}\n`);
    const block = rows.join('');
    const fd = fs.openSync(bigFile, 'w');
    fs.writeSync(fd, 'a,b,c,d,e,f\n');
    while (fs.fstatSync(fd).size < 200e6) fs.writeSync(fd, block);
    fs.closeSync(fd);
  }
});
after(async () => { await browser?.close(); await server?.close(); });

test('a big load shows progress, keeps the page responsive and can be cancelled', async () => {
  const { page } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'data');
  await page.getByTestId('baseline-rows').waitFor();
  const before = await page.getByTestId('baseline-rows').getAttribute('data-rows');

  await page.getByTestId('baseline-file-input').setInputFiles(bigFile);
  await page.getByTestId('baseline-add').click();
  const rate = page.getByTestId('baseline-rate');
  await rate.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="baseline-rate"]')?.textContent ?? ''), null, { timeout: 30000 });
  assert.match(await rate.innerText(), /rows\/s/);
  // The UI thread answers while the worker parses.
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    samples.push(Date.now() - t);
  }
  assert.ok(Math.max(...samples) < 500, `frame round trips ${samples} ms`);

  await page.getByTestId('baseline-cancel').click();
  const last = page.getByTestId('baseline-last-job');
  await last.waitFor({ timeout: 30000 });
  assert.match(await last.innerText(), /^Cancelled after reading/);
  // The demo file loaded before is intact; the cancelled file was not added.
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), before);
  assert.equal(await page.getByTestId('baseline-files').locator(':scope > li').count(), 1);
  await page.close();
});
