// Hostile files dropped in the browser (issue 18): each class gets its
// message beside the file, the side keeps its rows and every result
// already shown stays; a refused 1 GB file leaves the page responsive; a
// file dropped before the worker is ready is still read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp, overviewShown, section, dropFiles as drop } from '../support.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const bytes = (s) => Array.from(Buffer.from(s, 'binary'));
const utf16 = (text, little) => {
  const out = little ? [0xff, 0xfe] : [0xfe, 0xff];
  for (const ch of text) {
    for (let i = 0; i < ch.length; i++) {
      const u = ch.charCodeAt(i);
      out.push(...(little ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
    }
  }
  return out;
};

// One file per class, the words its refusal must hold.
const HOSTILE = [
  { name: 'photo.csv', content: bytes('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00'), words: /PNG image/ },
  { name: 'data.csv.gz', content: bytes('\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03abc'), words: /the gzip data ends too soon/ },
  { name: 'sheet.csv', content: bytes('PK\x03\x04\x14\x00\x06\x00rest'), words: /zip archive/ },
  { name: 'table.csv', content: bytes('PAR1\x15\x04\x15\x00'), words: /Parquet/ },
  { name: 'zeros.csv', content: new Array(512).fill(0), words: /NUL byte at byte 0/ },
  { name: 'wide.csv', content: bytes('\xff\xfe\x00\x00a\x00\x00\x00'), words: /UTF-32/ },
  { name: 'header.csv', content: 'a,b,c\n', words: /only the header, with 3 columns/ },
  { name: 'one.csv', content: 'x', words: /no data rows/ },
  { name: 'empty.csv', content: '', words: /the file is empty/ },
  { name: 'answer.json', content: '42', words: /starts with "42"/ },
  { name: 'notes.json', content: '// exported\n[{"a": 1}]', words: /comments \(line 1\)/ },
  { name: 'letter.txt', content: 'Dear team,\nthe numbers\nare, as, you, see\nbelow\n,\nRegards, A. B., Ph.D.\n', words: /field counts vary/ },
];

const GOOD = 'a,b,c\n1,x,0.5\n2,y,0.25\n3,x,0.75\n4,z,0.5\n5,y,0.1\n';

test('every class of hostile file is refused beside the file; the data and the results stay', async () => {
  const { page, seen } = await openApp(browser, server.origin);
  await drop(page, 'baseline', [{ name: 'base.csv', content: GOOD }]);
  await drop(page, 'current', [{ name: 'cur.csv', content: GOOD }]);
  await overviewShown(page);
  const headlines = await page.locator('[data-testid$="-headline"]').allInnerTexts();
  assert.ok(headlines.length > 0, 'the Overview shows its areas');
  await section(page, 'data');
  const rows = async (side) => page.getByTestId(`${side}-rows`).getAttribute('data-rows');
  assert.equal(await rows('baseline'), '5');
  assert.equal(await rows('current'), '5');
  let index = { baseline: 1, current: 1 };
  for (const [i, file] of HOSTILE.entries()) {
    const side = i % 2 === 0 ? 'baseline' : 'current';
    await drop(page, side, [file]);
    await page.getByTestId(`${side}-add`).click();
    const entry = page.getByTestId(`${side}-file-${index[side]}`);
    index[side] += 1;
    const error = entry.locator('[role="alert"]');
    await error.waitFor({ timeout: 20000 });
    const message = await error.innerText();
    assert.match(message, file.words, `${file.name}: ${message}`);
    assert.ok(message.includes(file.name), `${file.name}: ${message}`);
    assert.match(await entry.innerText(), /not loaded/);
    assert.match(await page.getByTestId(`${side}-last-job`).innerText(), /Nothing was added/);
    // The side's data and the Overview are as they were.
    assert.equal(await rows(side), '5', file.name);
    assert.deepEqual(await page.locator('[data-testid$="-headline"]').allInnerTexts(), headlines, file.name);
    assert.match(await page.getByTestId(`${side}-file-0`).innerText(), /5 rows/, file.name);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('UTF-16 with a byte-order mark and CR line endings are read as text', async () => {
  const { page } = await openApp(browser, server.origin);
  const text = 'name,city\nZoë,Kraków\nAda,東京\n';
  await drop(page, 'baseline', [{ name: 'utf16.csv', content: utf16(text, true) }]);
  await drop(page, 'current', [{ name: 'mac.csv', content: text.replaceAll('\n', '\r') }]);
  await overviewShown(page);
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '2');
  assert.equal(await page.getByTestId('current-rows').getAttribute('data-rows'), '2');
  assert.equal(await page.getByTestId('col-city').count(), 1, 'the UTF-16 header is read as names');
  await page.close();
});

test('a refused 1 GB file keeps the page responsive', async () => {
  const { page } = await openApp(browser, server.origin);
  await drop(page, 'baseline', [{ name: 'base.csv', content: GOOD }]);
  await page.getByTestId('baseline-rows').waitFor();
  const gap = await page.evaluate(async () => {
    // 1 GiB: a gzip header, then 64 MiB blocks.
    const block = new Uint8Array(64 << 20);
    block.set([0x1f, 0x8b, 0x08, 0x00]);
    const file = new File(Array(16).fill(block), 'huge.csv.gz');
    let last = performance.now();
    let worst = 0;
    let running = true;
    const tick = (t) => { worst = Math.max(worst, t - last); last = t; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const dt = new DataTransfer();
    dt.items.add(file);
    document.querySelector('[data-testid="baseline-drop"]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 300));
    document.querySelector('[data-testid="baseline-add"]')?.click();
    const start = performance.now();
    while (!document.querySelector('[data-testid="baseline-file-1"] [role="alert"]')) {
      if (performance.now() - start > 60000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    running = false;
    return { worst, size: file.size, refused: document.querySelector('[data-testid="baseline-file-1"] [role="alert"]')?.innerText };
  });
  console.log(`refused 1 GiB file: worst frame gap ${gap.worst.toFixed(1)} ms`);
  assert.equal(gap.size, 1 << 30);
  // Decompressed as it streams: the first damaged block is refused.
  assert.match(gap.refused ?? '', /the gzip data cannot be decompressed/);
  assert.ok(gap.worst < 200, `a frame gap of ${gap.worst.toFixed(0)} ms`);
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '5');
  await page.close();
});

test('a file dropped before the worker is ready is read', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.origin}/`);
  await page.getByTestId('baseline-drop').waitFor();
  await drop(page, 'baseline', [{ name: 'early.csv', content: GOOD }]);
  await page.getByTestId('baseline-rows').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('baseline-rows').getAttribute('data-rows'), '5');
  assert.match(await page.getByTestId('baseline-file-0').innerText(), /early\.csv.*5 rows/s);
  await page.close();
});
