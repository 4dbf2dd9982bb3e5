// Screenshots of every section after the demo (not a test): viewport shots
// at 1366x768 and 1920x1080 (JPEG, for docs/) and full pages (PNG, review).
import { serveDist, launch, section, overviewShown } from './support.mjs';
const out = process.argv[2];
const server = await serveDist();
const browser = await launch();
const errors = [];
for (const [w, h] of [[1366, 768], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${server.origin}/`);
  await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${out}/${w}-00-start.png` });
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await page.getByTestId('announcer').filter({ hasText: 'Results ready' }).waitFor({ state: 'attached', timeout: 120000 }).catch(() => {});
  await page.waitForTimeout(1500);
  const keys = ['overview', 'data', 'drift', 'data-quality', 'model-quality', 'bias', 'attributions', 'timeline', 'personal-data', 'teach', 'export'];
  let i = 1;
  for (const key of keys) {
    await section(page, key);
    if (key === 'drift') { await page.locator('[data-testid^="drift-row-"][data-drifted="true"]').first().click(); await page.waitForTimeout(800); }
    if (key === 'attributions') { await page.getByTestId('explain-demo-model').click(); await page.getByTestId('explain-verdict').waitFor({ timeout: 120000 }); await page.waitForTimeout(800); }
    if (key === 'timeline') { await page.getByTestId('monitoring-verdict').waitFor({ timeout: 120000 }); }
    if (key === 'model-quality') { await page.waitForTimeout(1500); }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    const n = String(i++).padStart(2, '0');
    await page.screenshot({ path: `${out}/${w}-${n}-${key}.png` });
    if (w === 1366) await page.screenshot({ path: `${out}/full-${n}-${key}.png`, fullPage: true });
  }
  await page.close();
}
console.log('errors:', errors);
await browser.close();
await server.close();
