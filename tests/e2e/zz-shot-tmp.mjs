import { startServer, launchBrowser, openPage, waitForReady, DESKTOP } from '/work/main/tests/e2e/harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const p = await openPage(browser, `${server.url}?lang=en${process.argv[2]||''}`, { ...DESKTOP, viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
await waitForReady(p.page);
for (const sel of ['.calc-result', '#model-breakeven', '#model-position', '#model-capacity', '#model-prices', '#model-uncertainty', '#model-sensitivity', '.calc-panels']) {
  await p.page.locator(sel).screenshot({ path: `/tmp/shot-${sel.replace(/[#.]/g,'')}.png` });
}
await p.close(); await browser.close(); await server.close();
