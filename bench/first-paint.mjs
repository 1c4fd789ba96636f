// First paint on the mobile profile: Chromium with the CPU 4× slower, 150 ms
// round trip, 1.6 Mbps down, 750 kbps up, cache disabled, one widget alone
// on a page. For each page: when the widget's text shows (first content),
// when it is interactive (ready), the bytes moved from the widget's server
// before each, and the layout shift from first content on. The bare page
// (no widget) is the reference; a peer's embed is measured in the same run.
// PAGES is a JSON object: name → { url, kind } (kind: parvis, isso or bare).
// Prints JSON: name → [samples].
import { chromium } from "@playwright/test";

const pages = JSON.parse(process.env.PAGES);
const runs = Number(process.env.RUNS ?? 5);
const browser = await chromium.launch({
  executablePath: process.env.PARVIS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Runs in the page: notes first content and ready, and collects layout shifts.
const probe = () => {
  window.__marks = {};
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shifts.push({ at: entry.startTime, value: entry.value });
    }
  }).observe({ type: "layout-shift", buffered: true });
  const mark = (name) => {
    if (!(name in window.__marks)) window.__marks[name] = performance.now();
  };
  const check = () => {
    const host = document.querySelector("[data-parvis-widget]");
    const shadow = host && host.shadowRoot;
    if (shadow) {
      const root = [...shadow.querySelectorAll(".parvis")].find((r) => !r.hidden);
      const title = root && root.querySelector("h2");
      if (title && title.textContent.trim()) mark("content");
      const tookOver = host.getAttribute("data-parvis-state") === "mounted" && !shadow.querySelector("[data-parvis-seed]");
      if (tookOver && root && root.querySelector("button:not([disabled])")) mark("ready");
    }
    const isso = document.querySelector("#isso-thread");
    if (isso && isso.querySelector(".isso-comment")) {
      mark("content");
      if (isso.querySelector(".isso-postbox input, .isso-postbox textarea")) mark("ready");
    }
    if (!("ready" in window.__marks)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

async function measure({ url, kind }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8),
    uploadThroughput: (750e3 / 8),
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const requests = new Map();
  const finished = [];
  let clock = null; // wall time (ms) minus monotonic time (ms)
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, e.request.url);
    if (clock === null) clock = e.wallTime * 1000 - e.timestamp * 1000;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const url = requests.get(e.requestId);
    if (url) finished.push({ url, bytes: e.encodedDataLength, at: e.timestamp * 1000 });
  });
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: "load" });
  if (kind !== "bare") {
    await page.waitForFunction(() => "ready" in window.__marks, null, { timeout: 60_000 });
  }
  // Let a late shift show up before reading.
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => ({
    marks: window.__marks,
    shifts: window.__shifts,
    load: performance.getEntriesByType("navigation")[0].loadEventEnd,
    origin: performance.timeOrigin,
  }));
  await context.close();
  const pageOrigin = new URL(url).origin;
  // Bytes from the widget's own server (not the city page's), finished by `ms`.
  const bytesBy = (ms) =>
    finished
      .filter((f) => new URL(f.url).origin !== pageOrigin && f.at + clock - seen.origin <= ms)
      .reduce((sum, f) => sum + f.bytes, 0);
  const sample = { load: seen.load };
  if (kind !== "bare") {
    const { content, ready } = seen.marks;
    Object.assign(sample, {
      content,
      ready,
      bytes_content: bytesBy(content),
      bytes_ready: bytesBy(ready),
      // The page's footer moves when the widget first appears (not counted
      // here); later shifts are the takeover's: the widget's height or its
      // parts moving when the code replaces the server's markup.
      shift_takeover: seen.shifts.filter((s) => s.at > content + 50).reduce((sum, s) => sum + s.value, 0),
    });
  }
  return sample;
}

const samples = {};
for (let i = 0; i < runs; i++) {
  for (const [name, target] of Object.entries(pages)) {
    (samples[name] ??= []).push(await measure(target));
  }
}
await browser.close();
console.log(JSON.stringify(samples));
