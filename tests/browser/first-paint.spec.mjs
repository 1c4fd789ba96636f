// First paint: the server's fragment shows at once, then the widget's code
// takes over the same shadow root with the same text and boxes, keeping
// what the resident did meanwhile; each failure degrades to something usable.
import { expect, test } from "@playwright/test";
import { CommentThread, IdeaBox, PollWidget, testPage } from "./pages/widgets.mjs";

/** Holds every request for the widgets' code until `release()` is called. */
async function holdWidgetCode(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route("**/pkg/**", async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The server's fragment is showing (and the widget has not taken over). */
async function fragmentShown(host) {
  await expect(host).toHaveAttribute("data-parvis-state", "shown");
}

/** The widget has replaced the server's markup. */
async function tookOver(host) {
  await expect(host).toHaveAttribute("data-parvis-state", "mounted");
  await expect
    .poll(() =>
      host.evaluate((el) => ({
        roots: el.shadowRoot.querySelectorAll(".parvis").length,
        seed: el.shadowRoot.querySelectorAll("[data-parvis-seed]").length,
        styles: el.shadowRoot.querySelectorAll("style").length,
      })),
    )
    .toEqual({ roots: 1, seed: 0, styles: 1 });
}

/** Text and boxes of what a resident sees, in the visible root. */
function layout(host) {
  return host.evaluate((el) => {
    const root = [...el.shadowRoot.querySelectorAll(".parvis")].find((r) => !r.hidden);
    const boxes = [root, ...root.querySelectorAll("h2, h3, p, label, input, textarea, select, button, li")]
      .filter((node) => node.getClientRects().length > 0)
      .map((node) => {
        const r = node.getBoundingClientRect();
        return [node.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(" ");
      });
    return { text: root.innerText, boxes };
  });
}

for (const [id, Kind, heading] of [
  ["demo-poll", PollWidget, /place du Marché/],
  ["demo-ideas", IdeaBox, /Vos idées pour la place du Marché/],
  ["demo-comments", CommentThread, /Vos questions sur le projet/],
]) {
  test(`${id}: the fragment and the mounted widget show the same text and boxes`, async ({ page }) => {
    const release = await holdWidgetCode(page);
    await page.goto(testPage([id]));
    const widget = new Kind(page, id);
    await fragmentShown(widget.host);
    await expect(widget.host.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    const before = await layout(widget.host);
    release();
    await tookOver(widget.host);
    expect(await layout(widget.host)).toEqual(before);
  });
}

test("a choice picked and text typed before takeover are kept, and the vote counts them", async ({ page }) => {
  const release = await holdWidgetCode(page);
  await page.goto(testPage(["demo-poll", "demo-comments"]));
  const poll = new PollWidget(page, "demo-poll");
  const thread = new CommentThread(page, "demo-comments");
  await fragmentShown(poll.host);
  await fragmentShown(thread.host);
  // Buttons wait visibly; choices and text can be entered already.
  await expect(poll.voteButton).toBeDisabled();
  await poll.option("Un marché couvert").check();
  const field = thread.host.getByLabel("Votre commentaire");
  await field.fill("Écrit avant que le module arrive");
  await field.focus();
  release();
  await tookOver(poll.host);
  await tookOver(thread.host);
  await expect(poll.option("Un marché couvert")).toBeChecked();
  await expect(thread.host.getByLabel("Votre commentaire")).toHaveValue("Écrit avant que le module arrive");
  await expect(thread.host.getByLabel("Votre commentaire")).toBeFocused();
  await poll.voteButton.click();
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
});

test("widget code blocked: the server's markup stays readable, with a notice", async ({ page }) => {
  await page.route("**/pkg/**", (route) => route.abort());
  await page.goto(testPage(["demo-poll"], { lang: "en" }));
  const poll = new PollWidget(page, "demo-poll");
  await expect(poll.host).toHaveAttribute("data-parvis-state", "failed");
  await expect(poll.host.getByRole("heading", { name: /place du Marché/ })).toBeVisible();
  await expect(poll.host.getByText("Taking part is not possible right now")).toBeVisible();
  await expect(poll.voteButton).toBeDisabled();
  await expect(poll.option("Un marché couvert")).toBeDisabled();
});

test("fragment blocked: the widget mounts as before", async ({ page }) => {
  await page.route("**/fragment?**", (route) => route.abort());
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await expect(poll.host.getByRole("heading", { name: /place du Marché/ })).toBeVisible();
  await expect(poll.option("Un marché couvert")).toBeEnabled();
});

/** The widgets' code files a fresh browser fetches for a page, once every widget is mounted. */
async function codeFetchedFor(browser, ids, options = {}) {
  const context = await browser.newContext({ baseURL: process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080" });
  const page = await context.newPage();
  const code = [];
  page.on("response", (r) => r.url().includes("/pkg/") && code.push(r));
  await page.goto(testPage(ids, options));
  for (const id of ids) {
    await expect(page.locator(`[data-parvis-widget="${id}"]`)).toHaveAttribute("data-parvis-state", "mounted");
  }
  await page.waitForLoadState("networkidle");
  const files = code.map((r) => ({ name: new URL(r.url()).pathname.split("/").pop(), cache: r.headers()["cache-control"] }));
  await context.close();
  return files;
}

test("a page downloads only the code of the kinds it shows", async ({ browser }) => {
  const alone = await codeFetchedFor(browser, ["demo-poll"]);
  expect(alone.map((f) => f.name)).toHaveLength(2);
  expect(alone.every((f) => /^parvis-poll\.[0-9a-f]{12}\.(js|wasm)$/.test(f.name))).toBe(true);
  // Hashed names never change content: cached for a year, never revalidated.
  expect(alone.every((f) => f.cache === "public, max-age=31536000, immutable")).toBe(true);

  // The snippet's kind starts the code's download alongside the fragment;
  // a wrong one costs a download, never the widget.
  for (const kinds of ["poll", "ideas"]) {
    const wasm = (await codeFetchedFor(browser, ["demo-poll"], { kinds })).map((f) => f.name).filter((n) => n.endsWith(".wasm"));
    expect(wasm.some((name) => name.startsWith("parvis-poll."))).toBe(true);
    expect(wasm).toHaveLength(kinds === "poll" ? 1 : 2);
  }

  // Several kinds: one bundle with every kind, as before.
  const several = await codeFetchedFor(browser, ["demo-poll", "demo-ideas", "demo-comments"]);
  expect(several.filter((f) => f.name.endsWith(".wasm"))).toHaveLength(1);
  expect(several.every((f) => f.name.startsWith("parvis-all."))).toBe(true);
});

test("a hostile theme moves and resizes nothing, in the fragment or the widget", async ({ page }) => {
  const release = await holdWidgetCode(page);
  await page.goto(testPage(["demo-poll"]));
  const plain = new PollWidget(page, "demo-poll");
  await fragmentShown(plain.host);
  const expected = await layout(plain.host);

  const hostile = await page.context().newPage();
  const releaseHostile = await holdWidgetCode(hostile);
  await hostile.goto(testPage(["demo-poll"], { css: "hostile-layout" }));
  const poll = new PollWidget(hostile, "demo-poll");
  await fragmentShown(poll.host);
  expect(await layout(poll.host)).toEqual(expected);
  releaseHostile();
  await tookOver(poll.host);
  expect(await layout(poll.host)).toEqual(expected);
  release();
});

test("a loader older than the deployment finds the current bundles", async ({ page }) => {
  // embed.js may be cached for five minutes after a deployment replaced the
  // bundles it names: it asks for the current names once and goes on.
  await page.route("**/embed.js", async (route) => {
    const response = await route.fetch();
    const stale = (await response.text()).replace(/parvis-(poll|ideas|comments|all)\.[0-9a-f]{12}/g, "parvis-$1.000000000000");
    await route.fulfill({ response, body: stale });
  });
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await expect(poll.option("Un marché couvert")).toBeEnabled();
});

test("a page can still hide its widget with the hidden attribute", async ({ page }) => {
  await page.goto(testPage(["demo-poll"], { css: "hostile-layout" }));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await poll.host.evaluate((host) => (host.hidden = true));
  await expect(poll.host).toBeHidden();
  await poll.host.evaluate((host) => (host.hidden = false));
  await expect(poll.voteButton).toBeVisible();
});
