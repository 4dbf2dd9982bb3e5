// The personal-data panel: a seeded contact file on both sides is scanned in
// the worker (kinds per column, masked samples, nothing in clear), a column
// masked and one left out on both sides (the scan and the schema follow),
// and the demo data is found clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, section, overviewShown } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIRST = ['Ann', 'Bo', 'Carlos', 'Dana', 'Emma', 'Felix', 'Grace', 'Hugo'];
const LAST = ['Lee', 'Okafor', 'García', 'Smith', 'Rossi', 'Novak', 'Kim', 'Dubois'];
/** Luhn-valid Visa numbers: 4111 1111 1111 1111 and 4012 8888 8888 1881 (the networks' test numbers). */
const CARDS = ['4111 1111 1111 1111', '4012 8888 8888 1881'];

/** Rows of contacts: every row holds a name, an email, a phone and a card; every third note a birth date. */
function contacts(rows, offset) {
  const lines = ['customer_name,email,phone,card,note,amount'];
  for (let i = 0; i < rows; i++) {
    const k = i + offset;
    const first = FIRST[k % FIRST.length];
    const last = LAST[(k * 3) % LAST.length];
    const note = k % 3 === 0 ? `DOB: 19${50 + (k % 40)}-0${1 + (k % 9)}-1${k % 10}` : 'asked about delivery';
    lines.push(`${first} ${last},${first.toLowerCase()}.${k}@example.org,(415) 555-${String(1000 + k).slice(-4)},${CARDS[k % 2]},${note},${(k * 7.5).toFixed(2)}`);
  }
  return lines.join('\n') + '\n';
}

async function load(page) {
  await page.getByTestId('baseline-file-input').setInputFiles({ name: 'contacts_before.csv', mimeType: 'text/csv', buffer: Buffer.from(contacts(60, 0)) });
  await page.getByTestId('current-file-input').setInputFiles({ name: 'contacts_after.csv', mimeType: 'text/csv', buffer: Buffer.from(contacts(45, 100)) });
  await overviewShown(page);
  await section(page, 'personal-data');
  await page.getByTestId('pii-table').waitFor({ timeout: 60000 });
}

async function flagged(page) {
  return page.locator('[data-testid^="pii-row-"]').evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.testid.slice('pii-row-'.length), r.dataset.kinds])));
}

test('a contact file is scanned on both sides and nothing shows in clear', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await load(page);
  assert.deepEqual(await flagged(page), {
    customer_name: 'person_name',
    email: 'email',
    phone: 'phone',
    card: 'credit_card',
    note: 'date_of_birth',
  });
  const text = await page.getByTestId('pii-panel').innerText();
  assert.match(text, /email address: 60 of 60 cells \(100\.0 %\)/);
  assert.match(text, /email address: 45 of 45 cells \(100\.0 %\)/);
  assert.match(text, /date of birth: 20 of 60 cells \(33\.3 %\)/);
  assert.match(text, /\*\*\*\* \*\*\*\* \*\*\*\* 1111/);
  for (const clear of ['ann.0@example.org', '4111 1111 1111 1111', '555-1000', 'Ann Lee']) {
    assert.ok(!text.includes(clear), `${clear} shows in clear`);
  }
  assert.deepEqual(seen.errors, []);
});

test('masking and leaving out act on both sides, and the scan and schema follow', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await load(page);
  await page.getByTestId('pii-mask-email').click();
  await page.getByTestId('pii-done').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="pii-row-email"]'));
  assert.equal(await page.getByTestId('pii-done').innerText(), 'Done on both sides: masked: email');
  await page.getByTestId('pii-exclude-note').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="pii-row-note"]'));
  assert.equal(await page.getByTestId('pii-done').innerText(), 'Done on both sides: masked: email; left out: note');
  assert.equal(await page.getByTestId('col-note').count(), 0, 'a side still has note');
  for (const side of ['baseline', 'current']) {
    assert.notEqual(await page.getByTestId('col-email').getByTestId('inferred-type').getAttribute(`data-${side}`), '–', `${side} lost email`);
  }
  assert.deepEqual(Object.keys(await flagged(page)).sort(), ['card', 'customer_name', 'phone']);
  assert.deepEqual(seen.errors, []);
});

test('the demo data holds no personal data', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await page.getByTestId('open-demo').click();
  await overviewShown(page);
  await section(page, 'personal-data');
  const clean = page.getByTestId('pii-clean');
  await clean.waitFor({ timeout: 60000 });
  assert.match(await clean.innerText(), /No personal data found in the \d+ columns scanned/);
  assert.deepEqual(seen.errors, []);
});
