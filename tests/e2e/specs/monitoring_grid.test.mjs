// The Monitoring grid as a user meets it on the gradual-drift scenario: a few
// dozen series in groups (not a thousand), long groups as one summary row,
// no inner scroll, a header that stays opaque under the section bar, the
// windows that do not fit paged latest first, and the ARIA grid keyboard:
// one Tab stop, arrow keys, Enter opens the cell's detail under its row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, section } from '../support.mjs';
import { generate } from '../teach_support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { c: a?.dataset.c, label: a?.getAttribute('aria-label') || a?.textContent, row: a?.closest('tr')?.dataset.testid };
});

test('gradual drift: grouped series, paged windows, a sticky opaque header and the grid keyboard', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await generate(page, 'gradual-drift', '1');
  await section(page, 'timeline');
  const verdict = page.getByTestId('monitoring-verdict');
  await verdict.waitFor({ timeout: 120000 });
  // Age is split at its median and sex by value: three bias groups of 18, not 1,098 series.
  const series = Number(await verdict.getAttribute('data-series'));
  assert.ok(series < 100, `${series} series`);
  const groups = await page.locator('[data-testid^="monitoring-group-bias:"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid));
  assert.equal(groups.length, 3, groups.join());
  assert.ok(groups.some((g) => /age=\(\d+\.5, /.test(g)), groups.join());
  // Long groups start as their summary row; the income drift is in alert now.
  assert.equal(await page.locator('[data-testid^="monitoring-row-bias:"]:visible').count(), 0);
  assert.ok((await verdict.getAttribute('data-in-alert')).split(',').includes('drift:income:jensen_shannon'));
  await page.locator('[data-testid^="monitoring-group-bias:sex=male"] .group-toggle').click();
  assert.equal(await page.locator('[data-testid^="monitoring-row-bias:sex=male:"]:visible').count(), 18);

  // No inner scroll: the grid is as tall as its rows.
  const box = await page.locator('.monitoring-grid').evaluate((e) => ({ client: e.clientHeight, scroll: e.scrollHeight, overflow: getComputedStyle(e).overflowY }));
  assert.ok(box.scroll <= box.client + 1 && box.overflow === 'visible', JSON.stringify(box));
  // 56 daily windows do not fit 1280 px: the latest are shown, the rest a page away.
  const pager = page.getByTestId('monitoring-pager');
  const first = Number(await pager.getAttribute('data-first'));
  const shown = Number(await pager.getAttribute('data-shown'));
  assert.ok(first > 0 && first + shown === 56, `${first} + ${shown}`);
  assert.ok(await page.getByTestId('monitoring-cell-drift:income:jensen_shannon-55').isVisible());
  assert.ok(!(await page.getByTestId('monitoring-cell-drift:income:jensen_shannon-0').isVisible()));
  await page.getByTestId('monitoring-earlier').click();
  assert.ok(await page.getByTestId('monitoring-cell-drift:income:jensen_shannon-0').isVisible());
  await page.getByTestId('monitoring-later').click();

  // The header sticks under the section bar and hides the rows scrolled under it.
  await page.locator('[data-testid="monitoring-row-drift:visits:jensen_shannon"]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(200);
  const header = await page.evaluate(() => {
    const bar = document.querySelector('.section-bar').getBoundingClientRect();
    const corner = document.querySelector('.monitoring-grid th.corner').getBoundingClientRect();
    const hit = document.elementFromPoint(corner.left + 20, corner.top + corner.height / 2);
    return { bar: bar.bottom, top: corner.top, hit: hit?.closest('thead') !== null };
  });
  assert.ok(Math.abs(header.top - header.bar) <= 2 && header.hit, JSON.stringify(header));

  // Keyboard: one Tab stop; arrows move; End goes to the latest window; Enter opens the detail.
  // Tab from the pager lands on the cell used last (the bias group's toggle).
  await page.getByTestId('monitoring-earlier').focus();
  await page.keyboard.press('Tab');
  let at = await active(page);
  assert.equal(at.row, 'monitoring-group-bias:sex=male', JSON.stringify(at));
  await page.keyboard.press('Control+Home');
  at = await active(page);
  assert.deepEqual([at.c, at.row], ['0', 'monitoring-row-data_quality:violations']);
  await page.keyboard.press('ArrowDown');
  at = await active(page);
  assert.equal(at.row, 'monitoring-group-drift', JSON.stringify(at));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  at = await active(page);
  assert.equal(at.c, String(first + 1), JSON.stringify(at));
  assert.match(at.label, /^drift:age:jensen_shannon, window /);
  await page.keyboard.press('End');
  assert.equal((await active(page)).c, '56');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId('monitoring-inline').waitFor();
  assert.match(await page.getByTestId('monitoring-detail').innerText(), /drift:age:jensen_shannon, window 2026-/);
  assert.equal(await page.locator('[data-testid="monitoring-grid"] [tabindex="0"]').count(), 1, 'one Tab stop');
  // Tab leaves the grid's cells at once (to the detail's buttons), Shift+Tab comes back to the same cell.
  await page.keyboard.press('Tab');
  at = await active(page);
  assert.equal(at.c, undefined, `Tab stayed in the grid: ${JSON.stringify(at)}`);
  await page.keyboard.press('Shift+Tab');
  at = await active(page);
  assert.equal(at.c, '56', JSON.stringify(at));
  assert.equal(at.row, 'monitoring-row-drift:age:jensen_shannon');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
