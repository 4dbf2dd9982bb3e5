// Bad files: a clear message next to the file, and nothing already loaded is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, dropFiles } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a malformed file shows its error beside it and keeps what was loaded', async () => {
  const { page } = await openApp(browser, server.origin);
  await dropFiles(page, 'baseline', [{ name: 'good.csv', content: 'a,b\n1,x\n2,y\n3,z\n' }]);
  await page.getByTestId('baseline-rows').waitFor();
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '3');

  await dropFiles(page, 'baseline', [{ name: 'broken.json', content: '[{"a": 1}, {"a": 2,, }]' }]);
  // A side that holds data asks first: add the new file's rows.
  assert.match(await page.getByTestId('baseline-replace-or-add').innerText(), /already holds 1 file/);
  await page.getByTestId('baseline-add').click();
  const error = page.getByTestId('baseline-file-error');
  await error.waitFor();
  const message = await error.innerText();
  assert.match(message, /invalid JSON/);
  assert.match(message, /row 2/);
  assert.match(message, /broken\.json/);
  // The good file is still there, with its rows.
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '3');
  assert.match(await page.getByTestId('baseline-file-1').innerText(), /broken\.json.*not loaded/s);

  await dropFiles(page, 'current', [{ name: 'empty.csv', content: '' }]);
  // An empty file has no extension-less size: it is still reported.
  await page.getByTestId('current-file-error').waitFor();
  assert.match(await page.getByTestId('current-file-error').innerText(), /the file is empty/);
  await page.close();
});

test('ragged rows load with a warning', async () => {
  const { page } = await openApp(browser, server.origin);
  await dropFiles(page, 'current', [{ name: 'ragged.csv', content: 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n' }]);
  await page.getByTestId('current-rows').waitFor();
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), '3');
  const warnings = page.getByTestId('current-file-warnings');
  await warnings.locator('summary').click();
  const text = await warnings.innerText();
  assert.match(text, /row 2 has 2 fields where the header has 3/);
  assert.match(text, /row 3 has 4 fields where the header has 3/);
  await page.close();
});
