// Browser tests: Playwright driving Debian's Chromium (never a downloaded
// browser). `cargo xtask test` starts the servers and sets PARVIS_CITY_URL.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  timeout: 45_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json"]],
  outputDir: "../../target/playwright-results",
  use: {
    baseURL: process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080",
    locale: "fr-FR",
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.PARVIS_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
