// The demo city page, with only the pasted snippet, in real Chromium.
import { expect, test } from "@playwright/test";
import { PollWidget } from "./pages/poll-widget.mjs";

const apiUrl = process.env.PARVIS_API_URL ?? "http://127.0.0.1:8787";

async function countOf(request, optionId) {
  const response = await request.get(`${apiUrl}/v1/widgets/demo-poll`);
  expect(response.status()).toBe(200);
  const view = await response.json();
  return view.options.find((option) => option.id === optionId).count;
}

test("a resident votes through the widget and sees the results", async ({ page, request }) => {
  const before = await countOf(request, "marche");
  await page.goto("/");
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await expect(poll.host.getByRole("heading", { level: 2 })).toHaveText(
    "Que souhaitez-vous en priorité sur la place du Marché ?",
  );

  await poll.vote("Un marché couvert");

  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
  await expect(poll.host.getByRole("heading", { name: "Résultats" })).toBeVisible();
  const expected = before + 1;
  await expect(poll.resultFor("Un marché couvert")).toContainText(
    `(${expected} vote${expected > 1 ? "s" : ""})`,
  );
  expect(await countOf(request, "marche")).toBeGreaterThanOrEqual(expected);
});

test("the widget lives in an open shadow root the page's CSS cannot reach", async ({ page }) => {
  await page.goto("/");
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  const inShadow = await poll.host.evaluate(
    (host) => host.shadowRoot !== null && host.shadowRoot.querySelector("form") !== null,
  );
  expect(inShadow).toBe(true);
  // No iframe, and nothing of the widget in the page's own DOM.
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll("form").length)).toBe(0);
});

test("voting without a choice asks for one and sends nothing", async ({ page }) => {
  const ballots = [];
  page.on("request", (r) => r.url().endsWith("/ballots") && ballots.push(r.url()));
  await page.goto("/");
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await poll.voteButton.click();
  await expect(poll.host.getByRole("alert")).toHaveText("Choisissez une réponse avant de voter.");
  expect(ballots).toHaveLength(0);
});
