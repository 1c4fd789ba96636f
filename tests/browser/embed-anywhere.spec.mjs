// Embedding without a script tag: the consultation page (/c/ID), the iframe
// (/embed/ID) on an allowed site, refused elsewhere, working inside
// sandbox="allow-scripts" as WordPress frames discovered embeds; the
// widget's own language; the loader's one line for a site not yet allowed.
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./pages/axe.mjs";
import { apiUrl, createWidget } from "./pages/staff-api.mjs";
import { PollWidget, testPage } from "./pages/widgets.mjs";

const cityUrl = process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080";

/** The framing test page (tests/browser/site/frame.html). */
function framePage(id, options = {}, origin = cityUrl) {
  return `${origin}/test-pages/frame.html?${new URLSearchParams({ w: id, ...options })}`;
}

function newPoll(request, title, extra = {}) {
  return createWidget(request, {
    kind: "poll",
    title,
    options: [{ label: "Le matin" }, { label: "Le soir" }],
    ...extra,
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the consultation page shows the widget's content", async ({ page }) => {
    const response = await page.goto(`${apiUrl}/c/demo-poll`);
    expect(response.status()).toBe(200);
    await expect(page).toHaveTitle("Que souhaitez-vous en priorité sur la place du Marché ? — Ville de Démo");
    const widget = page.locator('[data-parvis-widget="demo-poll"]');
    await expect(widget.getByRole("heading", { name: "Que souhaitez-vous en priorité sur la place du Marché ?" })).toBeVisible();
    await expect(widget.getByRole("radio", { name: "Un marché couvert" })).toBeVisible();
    // (Playwright turns script execution off, not the parser's scripting
    // flag, so <noscript> stays unrendered here; its text is checked.)
    expect(await page.locator("noscript").textContent()).toContain("Pour participer, activez JavaScript.");
    await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveCount(1);
  });
});

test("on the consultation page a resident votes, and nothing is stored before", async ({ page, request }) => {
  const id = await newPoll(request, "Quand ouvrir la médiathèque ?");
  await page.goto(`${apiUrl}/c/${id}`);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.context().cookies()).toEqual([]);
  const poll = new PollWidget(page, id);
  await poll.waitUntilInteractive();
  await expectNoViolations(page, "consultation page, form (fr)");
  await poll.vote("Le soir");
  await expect(poll.resultFor("Le soir")).toContainText("(1 vote)");
  await expectNoViolations(page, "consultation page, results (fr)");
});

test("the consultation page in English passes axe", async ({ page, request }) => {
  const id = await newPoll(request, "When should the library open?", { lang: "en" });
  await page.goto(`${apiUrl}/c/${id}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const poll = new PollWidget(page, id);
  await poll.waitUntilInteractive();
  await expect(poll.voteButton).toHaveText("Vote");
  await expectNoViolations(page, "consultation page (en)");
});

test("an iframe on an allowed site works and follows its content's height", async ({ page, request }) => {
  const id = await newPoll(request, "Faut-il un marché du soir ?");
  await page.goto(framePage(id, { embedjs: "1", height: "150" }));
  const iframe = page.locator("iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("button", { name: "Voter" })).toBeEnabled();
  // embed.js on the page sets the frame to its content: no inner scrollbar.
  const fits = async () => {
    const outer = await iframe.evaluate((el) => el.clientHeight);
    const inner = await frame.locator("html").evaluate((root) => root.scrollHeight);
    return outer >= inner && outer > 150;
  };
  await expect.poll(fits).toBe(true);
  const before = await iframe.evaluate((el) => el.clientHeight);
  await frame.getByRole("radio", { name: "Le matin" }).check();
  await frame.getByRole("button", { name: "Voter" }).click();
  await expect(frame.getByText("Vous avez voté.")).toBeVisible();
  await expect.poll(() => iframe.evaluate((el) => el.clientHeight)).not.toBe(before);
  await expect.poll(fits).toBe(true);
  await expectNoViolations(page, "iframe, results");
});

test("a site that is not allowed cannot frame the widget", async ({ page }) => {
  const refusals = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors")) refusals.push(message.text());
  });
  // Same server, another origin: localhost is not among the city's sites.
  const foreign = cityUrl.replace("127.0.0.1", "localhost");
  await page.goto(framePage("demo-poll", {}, foreign));
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Voter" })).toHaveCount(0);
});

test.describe("inside sandbox=allow-scripts, as WordPress frames an embed", () => {
  test("every write works and the frame tells WordPress its height", async ({ page, request }) => {
    const poll = await newPoll(request, "Un vote dans un bac à sable ?");
    await page.goto(framePage(poll, { sandbox: "1", secret: "s3cr3t" }));
    const frame = page.frameLocator("iframe");
    await frame.getByRole("radio", { name: "Le soir" }).check();
    await frame.getByRole("button", { name: "Voter" }).click();
    await expect(frame.getByText("Vous avez voté.")).toBeVisible();
    // Nothing can be kept in an opaque origin: the widget says so.
    await expect(frame.getByText("Ici, votre navigateur ne garde rien")).toBeVisible();
    const messages = await page.evaluate(() => window.heightMessages);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.secret === "s3cr3t" && m.value > 100)).toBe(true);
    await expectNoViolations(page, "sandboxed poll, results");

    const ideas = await createWidget(request, { kind: "ideas", title: "Idées sous bac à sable" });
    await page.goto(framePage(ideas, { sandbox: "1" }));
    await frame.getByLabel("Titre de votre idée").fill("Des bancs à l’ombre");
    await frame.getByRole("button", { name: "Envoyer mon idée" }).click();
    const idea = frame.locator("li.idea", { hasText: "Des bancs à l’ombre" });
    await expect(idea).toBeVisible();
    await idea.getByRole("button", { name: "Soutenir" }).click();
    await expect(frame.getByText("Votre soutien est enregistré.")).toBeVisible();
    await expect(idea.locator(".count")).toHaveText("1 soutien");

    const thread = await createWidget(request, { kind: "comments", title: "Commentaires sous bac à sable" });
    await page.goto(framePage(thread, { sandbox: "1", lang: "en" }));
    const form = frame.locator("form.comment-form").first();
    await form.getByLabel("Your comment").fill("Written from a sandboxed frame.");
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(frame.locator("li.comment", { hasText: "Written from a sandboxed frame." })).toBeVisible();
    await expectNoViolations(page, "sandboxed comments (en)");
  });
});

test("the oEmbed answer names the iframe that is served", async ({ page, request }) => {
  const link = `${apiUrl}/c/demo-ideas`;
  const response = await request.get(`${apiUrl}/oembed?url=${encodeURIComponent(link)}&format=json`);
  expect(response.status()).toBe(200);
  const answer = await response.json();
  expect(answer).toMatchObject({ type: "rich", version: "1.0", provider_name: "Parvis" });
  expect(answer.width).toBeGreaterThan(0);
  expect(answer.height).toBeGreaterThan(0);
  const src = /<iframe src="([^"]+)"/.exec(answer.html)[1];
  expect(src).toBe(`${apiUrl}/embed/demo-ideas`);
  await page.goto(src);
  await expect(page).toHaveTitle(/— Parvis$/);
  await expect(page.locator('[data-parvis-widget="demo-ideas"]')).toHaveAttribute("data-parvis-state", "mounted");
});

test("the widget speaks its own language on an English page, unless data-lang says otherwise", async ({ page }) => {
  await page.goto(testPage(["demo-poll"], { pagelang: "en-US" }));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await expect(poll.voteButton).toHaveText("Voter");
  await page.goto(testPage(["demo-poll"], { pagelang: "fr", lang: "en" }));
  await poll.waitUntilInteractive();
  await expect(poll.voteButton).toHaveText("Vote");
});

test("on a site not yet allowed, the loader logs one line naming the page and the setting", async ({ page }) => {
  const lines = [];
  page.on("console", (message) => lines.push(message.text()));
  const foreign = cityUrl.replace("127.0.0.1", "localhost");
  await page.goto(`${foreign}${testPage(["demo-poll"])}`);
  await expect(page.locator('[data-parvis-widget="demo-poll"]')).toHaveAttribute("data-parvis-state", "refused");
  const parvis = lines.filter((line) => line.startsWith("[parvis]"));
  expect(parvis).toHaveLength(1);
  expect(parvis[0]).toContain(new URL(foreign).origin);
  expect(parvis[0]).toContain("Allowed sites");
});
