// Exports: a new user goes from the first screen to a downloaded report in
// under a minute with the mouse alone; the report is one self-contained
// file; the model card, the audit record and the zip of SageMaker files
// download and parse, and the audit's hashes are those of the inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, section, overviewShown } from '../support.mjs';
import { unzip } from '../unzip.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const DEMO = {
  'car_loan_reference.csv': sha256(path.join(repoRoot, 'public/demo/car_loan_reference.csv')),
  'car_loan_analysis.csv': sha256(path.join(repoRoot, 'public/demo/car_loan_analysis.csv')),
};

/** Clicks export `key` and returns the downloaded file's bytes and name. */
async function download(page, key) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId(`export-${key}`).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

/** Waits until every analysis the demo starts has settled in the Overview. */
async function settled(page) {
  await page.getByTestId('overview').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="overview-"][data-light]')];
    return cards.length === 7 && cards.every((c) => c.dataset.light !== 'busy')
      && ['drift', 'data-quality', 'timeline'].every((a) => document.querySelector(`[data-testid="overview-${a}"]`).dataset.light !== 'grey');
  }, null, { timeout: 60000 });
  // Reports and files are in the Export section.
  await section(page, 'export');
}

test('first screen to a downloaded report in under a minute, by mouse alone; the report is self-contained', async () => {
  const started = Date.now();
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await settled(page);
  const report = await download(page, 'report');
  const seconds = (Date.now() - started) / 1000;
  console.log(`first screen to downloaded report: ${seconds.toFixed(1)} s`);
  assert.ok(seconds < 60, `${seconds} s`);
  assert.equal(report.name, 'tideline-report.html');
  const html = report.bytes.toString('utf8');
  // Nothing outside the file: no external script, style, image or font.
  assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
  assert.doesNotMatch(html, /url\(\s*["']?(https?:|\/\/)/i);
  assert.match(html, /<svg\b/, 'charts inline as SVG');
  // The drift verdict shown in the page is in the report.
  const verdict = page.getByTestId('drift-verdict');
  const drifted = await verdict.getAttribute('data-drifted');
  const tested = await verdict.getAttribute('data-tested');
  assert.match(html, new RegExp(`${drifted} of ${tested} features drifted`));
  // The audit record in the report names each input with its SHA-256.
  for (const [name, hash] of Object.entries(DEMO)) {
    assert.ok(html.includes(name), name);
    assert.ok(html.includes(hash), `${name}'s SHA-256`);
  }
  // Opened on its own, the report requests nothing at all.
  const view = await browser.newPage();
  const requests = [];
  view.on('request', (r) => requests.push(r.url()));
  await view.setContent(html, { waitUntil: 'load' });
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:') && !u.startsWith('about:')), []);
  assert.ok(await view.locator('svg').count() > 0);
  await view.close();
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('model card, audit record and the SageMaker zip download and parse', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await settled(page);

  // The model card carries what the user typed and this analysis' metrics.
  await page.getByTestId('card-form-toggle').click();
  await page.getByTestId('card-model-name').fill('car-loan-default');
  await page.getByTestId('card-model-name').press('Tab');
  await page.getByTestId('card-risk').selectOption('High');
  const card = JSON.parse((await download(page, 'model-card')).bytes.toString('utf8'));
  assert.equal(card.model_overview.model_name, 'car-loan-default');
  assert.equal(card.intended_uses.risk_rating, 'High');
  assert.ok(Array.isArray(card.evaluation_details) && card.evaluation_details.length > 0);
  const metrics = card.evaluation_details.flatMap((e) => e.metric_groups ?? []).flatMap((g) => g.metric_data ?? []);
  assert.ok(metrics.length > 0 && metrics.every((m) => typeof m.name === 'string' && m.type && 'value' in m), JSON.stringify(metrics.slice(0, 3)));

  // The audit record: the inputs' SHA-256, the settings, a results hash that
  // a second export of the same results repeats.
  const audit = JSON.parse((await download(page, 'audit')).bytes.toString('utf8'));
  const hashes = Object.fromEntries(audit.inputs.map((f) => [f.name, f.sha256]));
  for (const [name, hash] of Object.entries(DEMO)) assert.equal(hashes[name], hash, name);
  assert.match(audit.results_sha256, /^[0-9a-f]{64}$/);
  assert.ok(audit.settings && audit.settings.drift, 'the drift settings are recorded');
  assert.ok(audit.tool_version && audit.generated_at);
  const again = JSON.parse((await download(page, 'audit')).bytes.toString('utf8'));
  assert.equal(again.results_sha256, audit.results_sha256, 'same results, same hash');

  // The zip holds the SageMaker-format files, each parsing as JSON.
  const zip = await download(page, 'zip');
  assert.equal(zip.name, 'sagemaker-files.zip');
  const entries = unzip(zip.bytes);
  const names = Object.keys(entries);
  for (const expected of ['data_quality/statistics.json', 'data_quality/constraints.json', 'data_quality/constraint_violations.json']) {
    assert.ok(names.includes(expected), `${expected} in ${names}`);
  }
  for (const name of names.filter((n) => n.endsWith('.json'))) JSON.parse(entries[name].toString('utf8'));
  const violations = JSON.parse(entries['data_quality/constraint_violations.json'].toString('utf8'));
  const shown = Number(await page.getByTestId('quality-verdict').getAttribute('data-violations'));
  assert.equal(violations.violations.length, shown, 'the zip holds the violations the view shows');
  assert.match(await page.getByTestId('export-status').innerText(), /saved/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
