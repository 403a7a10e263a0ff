// Clicks, typing and keys on a built page, in headless Chromium through
// Node's playwright-core (system browser; nothing downloaded). Not run by
// `cargo test` (CI has no npm step); run by hand after changing page.js:
//
//   npm install --prefix /tmp/pw playwright-core
//   NODE_PATH=/tmp/pw/node_modules node tests/browser/interact.mjs site/index.html
//
// Exits non-zero on the first failed check.
import { createRequire } from 'node:module';
import path from 'node:path';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const file = 'file://' + path.resolve(process.argv[2] || 'site/index.html');
const browser = await chromium.launch({
  executablePath: process.env.DATELINE_CHROME || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
const requests = [];
page.on('request', (r) => { if (r.url() !== file) { requests.push(r.url()); } });
await page.goto(file);
const matches = () => page.evaluate(() => Number(document.documentElement.dataset.dlMatches));
const total = await page.locator('article.entry').count();
assert.equal(await matches(), total, 'all entries shown at first');

// "/" focuses the search box; typing narrows; Escape clears.
await page.keyboard.press('/');
assert.equal(await page.evaluate(() => document.activeElement.id), 'f-q');
const word = await page.evaluate(() => {
  const s = document.querySelector('article.entry .summary').textContent.trim().split(/\s+/);
  return s.sort((a, b) => b.length - a.length)[0];
});
await page.keyboard.type(word);
await page.waitForFunction((t) => Number(document.documentElement.dataset.dlMatches) < t, total);
const narrowed = await matches();
assert.ok(narrowed >= 1 && narrowed < total, `search "${word}" narrows (${narrowed} of ${total})`);
assert.match(page.url(), /#q=/, 'the filter is in the address');
await page.keyboard.press('Escape');
await page.waitForFunction((t) => Number(document.documentElement.dataset.dlMatches) === t, total);

// A type from the menu.
const type = await page.locator('#f-type option').nth(1).getAttribute('value');
await page.selectOption('#f-type', type);
const byType = await matches();
assert.ok(byType >= 1 && byType <= total);
const shownTypes = await page.evaluate(() => Array.from(document.querySelectorAll('li:not([hidden]) > article.entry .type')).map((e) => e.textContent));
assert.equal(new Set(shownTypes).size, 1, 'one type shown');
await page.click('button.reset');
await page.waitForFunction((t) => Number(document.documentElement.dataset.dlMatches) === t, total);

// Long result lists come in pages: a button (and scrolling) shows more.
if (total > 200) {
  const shown = () => page.evaluate(() => Number(document.documentElement.dataset.dlShown));
  assert.equal(await shown(), 200, 'a filtered list shows one page');
  assert.ok(await page.locator('#more').isVisible(), 'more button');
  await page.evaluate(() => document.getElementById('more').click());
  assert.ok(await shown() >= 400, 'the button shows the next page');
}

// A histogram bar narrows to its period; a second click undoes it.
const bar = page.locator('.histogram svg a').filter({ has: page.locator('rect.bar[height]:not([height="0.00"])') }).first();
await bar.click();
const inBar = await matches();
assert.ok(inBar >= 1 && inBar <= total);
assert.ok(await page.inputValue('#f-from'), 'from date set');
assert.equal(await bar.getAttribute('aria-pressed'), 'true');
await bar.click();
await page.waitForFunction((t) => Number(document.documentElement.dataset.dlMatches) === t, total);

// j / k move through entries; o opens one.
await page.locator('body').click({ position: { x: 5, y: 5 } });
await page.keyboard.press('j');
await page.keyboard.press('j');
const second = await page.evaluate(() => document.activeElement.id);
const ids = await page.locator('article.entry').evaluateAll((es) => es.map((e) => e.id));
assert.equal(second, ids[1], 'j moves to the next entry');
await page.keyboard.press('k');
assert.equal(await page.evaluate(() => document.activeElement.id), ids[0]);
await page.keyboard.press('o');
assert.ok(await page.evaluate(() => document.activeElement.querySelector('details').open), 'o opens');

// A permalink click.
const pick = ids[Math.min(3, ids.length - 1)];
await page.locator(`[id="${pick}"] .permalink`).click();
await page.waitForFunction((id) => document.getElementById(id).classList.contains('targeted'), pick);
assert.ok(page.url().endsWith('#' + pick), 'the address is the permalink');
assert.ok(await page.evaluate((id) => document.getElementById(id).querySelector('details').open, pick), 'permalink opens details');
assert.deepEqual(errors, [], 'no script errors');
assert.deepEqual(requests, [], 'no network requests');
await browser.close();
console.log(`ok: ${total} entries; search "${word}" → ${narrowed}; type ${type} → ${byType}; bar → ${inBar}`);
