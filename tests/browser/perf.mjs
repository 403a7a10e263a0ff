// Page speed with many entries, in headless Chromium driven by Node's
// playwright-core (it uses the system browser; nothing is downloaded).
//
//   cargo test --release --test browser -- --ignored write_large_site
//   npm install --prefix /tmp/pw playwright-core
//   NODE_PATH=/tmp/pw/node_modules node tests/browser/perf.mjs target/browser/site-10k/index.html
//
// Prints, per run: time to DOMContentLoaded, to interactive (page script
// done), to the load event, first contentful paint; then the time for a
// type filter, a text search and a reset to be applied and painted (input
// event to the second animation frame after it), and the number of
// network requests (must be 0).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const file = path.resolve(process.argv[2] || 'target/browser/site-10k/index.html');
const runs = Number(process.env.RUNS || 3);
const browser = await chromium.launch({
  executablePath: process.env.DATELINE_CHROME || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto('file://' + file, { waitUntil: 'load' });
  const load = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
    return {
      dcl: n.domContentLoadedEventEnd,
      interactive: Number(document.documentElement.dataset.dlReadyMs),
      scriptInit: Number(document.documentElement.dataset.dlInitMs),
      load: n.loadEventEnd,
      fcp: fcp ? fcp.startTime : null,
      entries: document.querySelectorAll('article.entry').length,
    };
  });
  // One filter change: input event → applied → painted (two frames later).
  const timed = (act) => page.evaluate(async (act) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const f = document.getElementById('filters');
    const t0 = performance.now();
    if (act.type !== undefined) {
      f.elements.type.value = act.type;
      f.elements.type.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (act.q !== undefined) {
      f.elements.q.value = act.q;
      f.elements.q.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // Wait for the (debounced) update to land, then for paint.
    const before = document.documentElement.dataset.dlFilterMs;
    const deadline = t0 + 5000;
    while (document.documentElement.dataset.dlFilterMs === before && performance.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 1));
    }
    const applied = performance.now();
    await frame(); await frame();
    return {
      applyMs: Number(document.documentElement.dataset.dlFilterMs),
      toAppliedMs: applied - t0,
      toPaintMs: performance.now() - t0,
      matches: Number(document.documentElement.dataset.dlMatches),
    };
  }, act);
  const type = await timed({ type: 'ASSAULT' });
  const search = await timed({ type: '', q: 'Nairobi Becker' });
  const reset = await timed({ q: '' });
  results.push({ load, type, search, reset, requests: requests.filter((u) => !u.startsWith('file://' + file)).length });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(results, null, 1));
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (f) => med(results.map(f)).toFixed(0);
console.log(`entries ${results[0].load.entries}; median of ${runs} runs:`);
console.log(`  DOMContentLoaded ${m((x) => x.load.dcl)} ms, interactive ${m((x) => x.load.interactive)} ms (script ${m((x) => x.load.scriptInit)} ms), load ${m((x) => x.load.load)} ms, first paint ${m((x) => x.load.fcp)} ms`);
console.log(`  type filter: applied in ${m((x) => x.type.applyMs)} ms, painted ${m((x) => x.type.toPaintMs)} ms after the input (${results[0].type.matches} matches)`);
console.log(`  search: applied in ${m((x) => x.search.applyMs)} ms, painted ${m((x) => x.search.toPaintMs)} ms after the input incl. 90 ms typing debounce (${results[0].search.matches} matches)`);
console.log(`  reset: applied in ${m((x) => x.reset.applyMs)} ms, painted ${m((x) => x.reset.toPaintMs)} ms after the input`);
console.log(`  network requests: ${Math.max(...results.map((x) => x.requests))}`);
