import { startServer, launchBrowser, openPage, waitForReady } from './harness.mjs';
const server = await startServer({ root: 'dist' }); const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
const p = await openPage(browser, `${server.url}en/`, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, goto: false });
const cdp = await p.context.newCDPSession(p.page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await p.page.goto(`${server.url}en/`);
await waitForReady(p.page);
const marks = await p.page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
let prev = null; console.log(marks.map(([n, t]) => { const d = prev === null ? '' : `+${t - prev}`; prev = t; return `${n} ${t} ${d}`; }).join('\n'));
console.log('---');
await p.close();
}
await browser.close(); await server.close();
