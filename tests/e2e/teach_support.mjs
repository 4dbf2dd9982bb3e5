// Shared by the teaching specs: generating a scenario from the Teach panel
// and waiting for a view to show its result.

import { section } from './support.mjs';

/** Picks `scenario` (generates at the current strength), then sets `strength` and lets go of the slider. */
export async function generate(page, scenario, strength) {
  if (!(await page.getByTestId('teach-panel').isVisible())) await section(page, 'teach');
  await page.getByTestId('teach-scenario').selectOption(scenario);
  const slider = page.getByTestId('teach-strength');
  await slider.fill(String(strength));
  await slider.dispatchEvent('change');
  await page.locator(`[data-testid="teach-text"][data-scenario="${scenario}"][data-strength="${strength}"]`).waitFor({ timeout: 30000 });
}

/** Waits until `testid`'s `attribute` equals `value` (the views recompute after each generation). */
export async function until(page, testid, attribute, value) {
  await page.waitForFunction(([t, a, v]) => document.querySelector(`[data-testid="${t}"]`)?.getAttribute(a) === v, [testid, attribute, value], { timeout: 60000 });
}
