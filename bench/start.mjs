// Widget start in headless Chromium: from navigation to each widget being
// interactive (its code has taken over the server's markup), over RUNS loads of the demo page; in the same run,
// the same page without the snippet as the floor. Prints JSON.
import { chromium } from "@playwright/test";

const cityUrl = process.env.PARVIS_CITY_URL;
const runs = Number(process.env.RUNS ?? 12);
const browser = await chromium.launch({
  executablePath: process.env.PARVIS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Runs in the page: a frame loop that notes when each widget has an enabled control.
const probe = () => {
  window.__ready = {};
  const check = () => {
    for (const host of document.querySelectorAll("[data-parvis-widget]")) {
      const id = host.getAttribute("data-parvis-widget");
      // Interactive: the widget's code has taken over the server's markup.
      const shadow = host.shadowRoot;
      const tookOver = host.getAttribute("data-parvis-state") === "mounted" && !shadow?.querySelector("[data-parvis-seed]");
      const control = tookOver && shadow.querySelector("button:not([disabled])");
      if (control && !(id in window.__ready)) window.__ready[id] = performance.now();
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

async function load(path, widgets) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 4000 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(`${cityUrl}${path}`, { waitUntil: "load" });
  if (widgets > 0) {
    await page.waitForFunction((n) => Object.keys(window.__ready).length >= n, widgets, { timeout: 30000 });
  }
  const result = await page.evaluate(() => ({
    ready: window.__ready,
    load: performance.getEntriesByType("navigation")[0].loadEventEnd,
  }));
  await context.close();
  return result;
}

const samples = { floor: [], widgets: {} };
for (let i = 0; i < runs; i++) {
  samples.floor.push((await load("/bench/floor.html", 0)).load);
  const { ready } = await load("/", 3);
  for (const [id, ms] of Object.entries(ready)) (samples.widgets[id] ??= []).push(ms);
}
await browser.close();
console.log(JSON.stringify(samples));
