// After one visit the app opens and analyses with the network off: its
// service worker kept the app's own files (never the user's data).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, watch, helpersReady, section, overviewShown } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the app reloads and runs the demo with the server gone and the network off', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${server.origin}/`);
  await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 30000 });
  // The service worker is installed (its files cached) and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  // The visit is over once the helper workers have loaded too (cutting the
  // server mid-download would abort their wasm, not test the offline app).
  await helpersReady(page);
  const cached = await page.evaluate(async () => (await (await caches.open('tideline-app-v1')).keys()).map((r) => new URL(r.url).pathname));
  for (const file of ['/app_bg.wasm', '/worker_bg.wasm', '/worker_loader.js']) assert.ok(cached.includes(file), `${file} in ${cached}`);

  await server.close();
  await context.setOffline(true);
  const started = Date.now();
  await page.reload();
  await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 30000 });
  console.log(`offline reload to a ready app: ${Date.now() - started} ms`);
  // Really offline: the origin no longer answers.
  const reachable = await page.evaluate(async (origin) => {
    try { await fetch(`${origin}/nothing-here`, { cache: 'no-store' }); return true; } catch { return false; }
  }, server.origin);
  assert.equal(reachable, false);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'drift');
  await page.getByTestId('drift-verdict').waitFor({ timeout: 60000 });
  assert.ok(Number(await page.getByTestId('drift-verdict').getAttribute('data-tested')) > 0);
  assert.deepEqual(seen.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await context.close();
});
