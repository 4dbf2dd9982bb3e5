// Shared by the end-to-end specs and the benchmark: a static server for dist/
// on 127.0.0.1 and Debian's Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const dist = process.env.TIDELINE_DIST || path.join(repoRoot, 'dist');
const sharedData = process.env.TIDELINE_SHARED_DATA || path.resolve(repoRoot, '../shared/data');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves dist/ on 127.0.0.1 (a free port); resolves to { origin, close }. */
export function serveDist() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run 'trunk build --release' first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      // Closing drops kept-alive connections too, so a closed server is really gone (the offline spec).
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });
    });
  });
}

/** Headless Debian Chromium; no browser is ever downloaded. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * A file of the shared data sets (../shared/data, or TIDELINE_SHARED_DATA);
 * throws, naming it, when absent: a spec comparing real pairs must not pass
 * without them.
 */
export function sharedFile(name) {
  const file = path.join(sharedData, name);
  if (!fs.existsSync(file)) throw new Error(`missing shared data set ${file} (set TIDELINE_SHARED_DATA)`);
  return file;
}

/**
 * A real dataset from shared/data when present, else the committed 3,000-row
 * slice (public/demo) with its own expected row count.
 */
export function carLoan(period) {
  const shared = path.join(sharedData, `nannyml_car_loan_${period}.csv`);
  if (fs.existsSync(shared)) return { file: shared, rows: 50000, shared: true };
  console.log(`note: ${shared} is absent; using the committed 3,000-row slice`);
  return { file: path.join(repoRoot, `public/demo/car_loan_${period}.csv`), rows: 3000, shared: false };
}

/** Records every request the page makes and every CSP violation or page error. */
export function watch(page) {
  const seen = { requests: [], violations: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  return seen;
}

/** Opens the app and waits until its worker is ready (the demo button enables). */
export async function openApp(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const seen = watch(page);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/`);
  await page.getByTestId('open-demo').and(page.locator(':enabled')).waitFor({ timeout: 30000 });
  return { page, seen };
}

/** Opens a section from the section bar, as a user does, and waits until it shows. */
export async function section(page, key) {
  await page.getByTestId(`nav-${key}`).click();
  await page.locator(`[data-testid="section-${key}"]:not([hidden])`).waitFor({ timeout: 10000 });
}

/** Waits until a pair's load (or a demo) has opened the Overview, as it does. */
export async function overviewShown(page, timeout = 120000) {
  await page.locator('[data-testid="section-overview"]:not([hidden])').waitFor({ timeout });
}

/** The schema row of `column` on `side`: { type, kind, role }. */
export async function schemaRow(page, side, column) {
  // One Columns & roles table for both sides: per-side values are in each cell's data-baseline / data-current.
  const row = page.getByTestId(`col-${column}`);
  return {
    type: await row.getByTestId('inferred-type').getAttribute(`data-${side}`),
    kind: await row.getByTestId('kind').inputValue(),
    role: await row.getByTestId('role').inputValue(),
  };
}

/**
 * Waits until `selector` matches, checking at every animation frame: a
 * locator's waitFor backs off to 500 ms between checks, which a benchmark
 * would count as the app's time.
 */
export function appears(page, selector, timeout = 600000) {
  return page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 'raf', timeout });
}

/**
 * Resolves once the engine worker's helpers are ready (at once on a
 * one-core machine, which has none): tests of work shared with them wait
 * for this, since a file dropped sooner is read by the engine worker alone.
 */
export async function helpersReady(page) {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores > 1) await appears(page, '[data-testid="memory"]:not([data-helpers="0"])', 30000);
  return cores;
}

/**
 * Drops in-memory files on a side's drop zone, as a user dragging them
 * would: `content` is text or an array of bytes.
 */
export async function dropFiles(page, side, files) {
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const body = typeof f.content === 'string' ? f.content : new Uint8Array(f.content);
      dt.items.add(new File([body], f.name, { type: f.type || '' }));
    }
    return dt;
  }, files);
  await page.getByTestId(`${side}-drop`).dispatchEvent('drop', { dataTransfer });
}
