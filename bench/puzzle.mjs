// The honest resident's cost of the proof of work: a vote on the demo page
// in headless Chromium with the CPU slowed 4× (the mobile profile's CPU;
// the network does not matter here), RUNS times with a new resident each
// time. The figure is the time from the challenge's answer to the ballot's
// request, as the page's resource timings record it. Prints JSON.
import { chromium } from "@playwright/test";

const cityUrl = process.env.PARVIS_CITY_URL;
const runs = Number(process.env.RUNS ?? 9);
const browser = await chromium.launch({
  executablePath: process.env.PARVIS_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const samples = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`${cityUrl}/`, { waitUntil: "load" });
  const poll = page.locator('[data-parvis-widget="demo-poll"]');
  await poll.getByRole("radio").first().check({ timeout: 30000 });
  await poll.getByRole("button", { name: "Voter" }).click();
  await poll.getByText("Vous avez voté.").waitFor({ timeout: 30000 });
  const ms = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource");
    const challenge = entries.find((e) => e.name.includes("/challenge"));
    const ballot = entries.find((e) => e.name.endsWith("/ballots") && e.initiatorType === "fetch");
    return challenge && ballot ? ballot.startTime - challenge.responseEnd : null;
  });
  if (ms !== null) samples.push(ms);
  await context.close();
}
await browser.close();
console.log(JSON.stringify({ puzzle_ms: samples }));
