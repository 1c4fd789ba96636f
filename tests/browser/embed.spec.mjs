// The embed: isolation, privacy before acting, independence, late placeholders.
import { expect, test } from "@playwright/test";
import { IdeaBox, PollWidget, testPage } from "./pages/widgets.mjs";

const apiUrl = process.env.PARVIS_API_URL ?? "http://127.0.0.1:8787";

test("the widget lives in an open shadow root: no iframe, nothing in the page's DOM", async ({ page }) => {
  await page.goto("/");
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  expect(await poll.host.evaluate((host) => host.shadowRoot?.querySelector("form") !== null)).toBe(true);
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll("form").length)).toBe(0);
});

test("a host page with aggressive CSS leaves the widgets intact", async ({ page }) => {
  await page.goto(testPage(["demo-poll"], { css: "aggressive" }));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await expect(poll.voteButton).toBeVisible();
  const styles = await poll.voteButton.evaluate((button) => {
    const s = getComputedStyle(button);
    return { display: s.display, transform: s.textTransform, size: s.fontSize, color: s.color, visibility: s.visibility };
  });
  expect(styles.display).not.toBe("inline");
  expect(styles.transform).toBe("none");
  expect(styles.size).toBe("16px");
  expect(styles.color).toBe("rgb(255, 255, 255)");
  expect(styles.visibility).toBe("visible");
  await poll.vote("Des bancs et des jeux pour enfants");
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
});

test("before a resident acts: no cookie, no storage, no request but to Parvis", async ({ page, context }) => {
  const city = new URL(process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080").origin;
  const allowed = [city, new URL(apiUrl).origin];
  const foreign = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && !allowed.includes(url.origin)) foreign.push(request.url());
  });
  await page.goto("/");
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await page.mouse.wheel(0, 4000);
  await expect(page.locator('[data-parvis-widget="demo-comments"]')).toHaveAttribute("data-parvis-state", "mounted");
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  expect(stored).toEqual({ cookie: "", local: 0, session: 0, databases: 0 });
  expect(await context.cookies()).toEqual([]);
  expect(foreign).toEqual([]);

  // Acting creates the voter token, and only then.
  await poll.vote("Plus d’arbres et d’ombre");
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
  expect(await page.evaluate(() => localStorage.getItem("parvis.voter"))).toMatch(/^[0-9a-f]{32}$/);
  expect(await context.cookies()).toEqual([]);
  expect(foreign).toEqual([]);
});

test("widgets load only when a placeholder nears the viewport", async ({ page }) => {
  const wasm = [];
  const code = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  page.on("request", (r) => r.url().includes("/pkg/") && code.push(Date.now()));
  await page.setViewportSize({ width: 400, height: 300 });
  await page.goto(testPage([]));
  await page.evaluate(() => {
    const spacer = document.createElement("div");
    spacer.style.height = "3000px";
    const div = document.createElement("div");
    div.setAttribute("data-parvis-widget", "demo-poll");
    document.getElementById("widgets").append(spacer, div);
  });
  const placeholder = page.locator('[data-parvis-widget="demo-poll"]');
  // The loader has seen the placeholder and observes it…
  await expect(placeholder).toHaveAttribute("data-parvis-state", "waiting");
  // …and an observer with the loader's margin, started after the loader's,
  // has had its first answer: the loader's has had its own by then.
  const seenFromAfar = await page.evaluate(
    (el) =>
      new Promise((resolve) => {
        const observer = new IntersectionObserver(
          (entries) => {
            observer.disconnect();
            resolve(!entries[0].isIntersecting);
          },
          { rootMargin: "300px" },
        );
        observer.observe(el);
      }),
    await placeholder.elementHandle(),
  );
  expect(seenFromAfar).toBe(true);
  expect(wasm).toHaveLength(0);
  const scrolledAt = Date.now();
  await placeholder.scrollIntoViewIfNeeded();
  await new PollWidget(page, "demo-poll").waitUntilInteractive();
  expect(wasm).toHaveLength(1);
  // The widgets' code was asked for only once the placeholder came near.
  expect(code.length).toBeGreaterThan(0);
  expect(code.every((at) => at >= scrolledAt)).toBe(true);
});

test("two widgets of the same kind on one page stay independent", async ({ page }) => {
  await page.goto(testPage(["test-ideas", "demo-ideas"]));
  const first = new IdeaBox(page, "test-ideas");
  const second = new IdeaBox(page, "demo-ideas");
  await first.mounted();
  await second.mounted();
  const title = `Seulement dans la première ${Date.now()}`;
  await first.host.getByLabel("Description (facultatif)").fill("brouillon");
  await second.propose(title);
  await expect(second.idea(title)).toBeVisible();
  await expect(first.idea(title)).toHaveCount(0);
  await expect(first.host.getByLabel("Description (facultatif)")).toHaveValue("brouillon");
  await expect(second.host.getByLabel("Titre de votre idée")).toHaveValue("");
});

test("the widget wears the city's colours from the dashboard, under the page's own", async ({ page }) => {
  // The test city's theme (fixtures): accent #0b5e3c, 4 px corners.
  await page.goto(testPage(["test-multi-poll"]));
  const poll = new PollWidget(page, "test-multi-poll");
  await poll.waitUntilInteractive();
  const background = () => poll.voteButton.evaluate((b) => getComputedStyle(b).backgroundColor);
  await expect.poll(background).toBe("rgb(11, 94, 60)");
  const corner = await poll.host.locator(".parvis").evaluate((root) => getComputedStyle(root).borderTopLeftRadius);
  expect(corner).toBe("4px");
  // A webmaster's --parvis-accent on the page wins over the city's setting.
  await page.evaluate(() => document.documentElement.style.setProperty("--parvis-accent", "#6b0f1a"));
  await expect.poll(background).toBe("rgb(107, 15, 26)");
});

test("a placeholder added after load gets mounted", async ({ page }) => {
  await page.goto(testPage(["demo-poll"]));
  await new PollWidget(page, "demo-poll").waitUntilInteractive();
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.setAttribute("data-parvis-widget", "test-multi-poll");
    div.setAttribute("data-lang", "en");
    document.body.appendChild(div);
  });
  const late = new PollWidget(page, "test-multi-poll");
  await late.waitUntilInteractive();
  await expect(late.host.getByRole("button", { name: "Vote" })).toBeVisible();
});

test("an unknown widget id says so instead of breaking the page", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(testPage(["no-such-widget"], { lang: "en" }));
  const missing = new PollWidget(page, "no-such-widget");
  await expect(missing.host.getByRole("alert")).toHaveText("This consultation does not exist or is no longer published.");
  expect(errors).toEqual([]);
});
