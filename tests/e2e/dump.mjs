import { startServer, launchBrowser, openPage, waitForReady, DIST, PHONE, DESKTOP } from '/work/main/tests/e2e/harness.mjs';
import fs from 'node:fs';
const server = await startServer({ root: DIST });
const browser = await launchBrowser();
for (const lang of ['en/', '', 'zh-Hant/']) {
  for (const js of [true, false]) {
    const p = await openPage(browser, `${server.url}${lang}`, { ...DESKTOP, deviceScaleFactor: 1, javaScriptEnabled: js });
    if (js) { await waitForReady(p.page); await p.page.waitForTimeout(4000); }
    const t = await p.page.locator('#calculator').innerText();
    fs.writeFileSync(`/tmp/rv/calc-${lang.replace('/','')||'zh'}-${js?'live':'baked'}.txt`, t);
    if (js) console.log(lang, p.problems());
    await p.close();
  }
}
await browser.close(); await server.close();
