// Finding one's way (issue 17, item 2): a section bar reaches every section
// in one click from anywhere and by keyboard, each section has its URL hash
// (a link opens the same view; back and forward work), a load of a pair or a
// demo shows the Overview in the viewport, and no page is longer than the
// section shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, sharedFile, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SECTIONS = ['data', 'overview', 'drift', 'data-quality', 'model-quality', 'bias', 'attributions', 'timeline', 'personal-data', 'teach', 'export'];

/** The sections shown now (exactly one is expected). */
const shown = (page) => page.locator('.section-pane:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('section-'.length)));

test('every section is one click away from every other, by its hash too, and back/forward retrace the clicks', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  assert.deepEqual(await shown(page), ['data'], 'the first screen is Data');
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  // The Overview is in the viewport after the demo loads.
  const top = await page.getByTestId('overview').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 768 / 2, `Overview top at ${top}`);
  assert.equal(await page.evaluate(() => location.hash), '#overview');
  // From each section, every other one in one click.
  for (const from of SECTIONS) {
    for (const to of SECTIONS) {
      if (from === to) continue;
      await section(page, from);
      await section(page, to);
      assert.deepEqual(await shown(page), [to], `${from} → ${to}`);
      assert.equal(await page.getByTestId(`nav-${to}`).getAttribute('aria-current'), 'page');
    }
  }
  // No page longer than its section: the Drift section is far shorter than all views stacked.
  await section(page, 'drift');
  const driftHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const allHeight = await page.evaluate(() => {
    const panes = [...document.querySelectorAll('.section-pane')];
    panes.forEach((p) => { p.hidden = false; });
    const h = document.documentElement.scrollHeight;
    panes.forEach((p) => { p.hidden = p.dataset.testid !== 'section-drift'; });
    return h;
  });
  assert.ok(driftHeight * 2 < allHeight, `drift page ${driftHeight} px, everything ${allHeight} px`);
  // Back and forward retrace the clicks.
  await section(page, 'bias');
  await section(page, 'timeline');
  await page.goBack();
  await page.locator('[data-testid="section-bias"]:not([hidden])').waitFor({ timeout: 5000 });
  await page.goBack();
  await page.locator('[data-testid="section-drift"]:not([hidden])').waitFor({ timeout: 5000 });
  await page.goForward();
  await page.locator('[data-testid="section-bias"]:not([hidden])').waitFor({ timeout: 5000 });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a link with a section hash opens that section; with nothing loaded it says where to start', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.origin}/#model-quality`);
  await page.locator('[data-testid="section-model-quality"]:not([hidden])').waitFor({ timeout: 30000 });
  assert.deepEqual(await shown(page), ['model-quality']);
  assert.match(await page.getByTestId('section-model-quality').innerText(), /Nothing is loaded yet/);
  await page.getByTestId('section-model-quality').getByRole('link', { name: 'Open Data' }).click();
  await page.locator('[data-testid="section-data"]:not([hidden])').waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => location.hash), '#data');
  await page.close();
});

test('keyboard alone reaches every section from the bar', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.keyboard.press('Tab');
  for (const [i, key] of SECTIONS.entries()) {
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), `nav-${key}`, `Tab stop ${i + 1}`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="section-${key}"]:not([hidden])`).waitFor({ timeout: 5000 });
    // Enter moves the focus to the section's heading; the bar is back with Shift+Tab … so go back to the link.
    await page.getByTestId(`nav-${key}`).focus();
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('loading a shared pair by its files shows the Overview', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('baseline-file-input').setInputFiles(sharedFile('nannyml_car_price_regression_reference.csv'));
  await page.getByTestId('baseline-rows').waitFor({ timeout: 60000 });
  assert.deepEqual(await shown(page), ['data'], 'one side alone: the current data is still to drop');
  await page.getByTestId('current-file-input').setInputFiles(sharedFile('nannyml_car_price_regression_analysis.csv'));
  await overviewShown(page);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a file dropped on a side that holds data asks: replace, add or cancel', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'data');
  const rows = async () => Number(await page.getByTestId('current-rows').getAttribute('data-rows'));
  const before = await rows();
  const small = { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from('id,car_value\n1,100\n2,200\n') };
  // Cancel keeps the data as it was.
  await page.getByTestId('current-file-input').setInputFiles(small);
  await page.getByTestId('current-keep').click();
  assert.equal(await page.getByTestId('current-replace-or-add').count(), 0);
  assert.equal(await rows(), before);
  // Replace leaves the new file alone on the side.
  await page.getByTestId('current-file-input').setInputFiles(small);
  await page.getByTestId('current-replace').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="current-rows"]')?.dataset.rows === '2', null, { timeout: 60000 });
  assert.match(await page.getByTestId('current-file-0').innerText(), /more\.csv/);
  assert.equal(await page.getByTestId('current-file-1').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a drift row opens its column\'s charts under it', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'drift');
  await page.getByTestId('drift-row-loan_length').click();
  const inline = page.locator('[data-testid="drift-row-loan_length"] + tr[data-testid="inline-compare"]');
  await inline.waitFor({ timeout: 10000 });
  await inline.getByTestId('cdf-canvas').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('inline-compare').count(), 1);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
