import { serveDist, launch, section } from './support.mjs';
import { generate } from './teach_support.mjs';
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(`${server.origin}/#teach`);
await page.getByTestId("teach-scenario").waitFor({ timeout: 30000 }); await page.waitForTimeout(3000);
await generate(page, 'gradual-drift', '1');
await section(page, 'timeline');
await page.getByTestId('monitoring-verdict').waitFor({ timeout: 120000 });
const v = await page.getByTestId('monitoring-verdict').evaluate((e) => [e.textContent, e.dataset.series]);
console.log(v);
const names = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="monitoring-row-"]')].map((r) => r.dataset.testid.slice(15)));
const kinds = {}; for (const n of names) { const k = n.split(':').slice(0, 2).join(':'); kinds[k] = (kinds[k] || 0) + 1; }
console.log(kinds);
await page.screenshot({ path: '/work/scratch/grid/before.png' });
await browser.close(); await server.close();
