// Polls in real Chromium, on the demo city page and on test pages.
import { expect, test } from "@playwright/test";
import { apiUrl, createWidget } from "./pages/staff-api.mjs";
import { PollWidget, testPage } from "./pages/widgets.mjs";

const cityUrl = process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080";

async function countOf(request, widget, optionId) {
  const response = await request.get(`${apiUrl}/v1/widgets/${widget}`);
  expect(response.status()).toBe(200);
  const view = await response.json();
  return view.options.find((option) => option.id === optionId).count;
}

test("a resident votes on the demo city page and sees the results", async ({ page, request }) => {
  // Other specs vote in this poll in parallel: the figures here are lower bounds.
  const before = await countOf(request, "demo-poll", "marche");
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
  // "(1 234 votes)": French groups thousands with a narrow no-break space.
  const shown = await poll.resultFor("Un marché couvert").textContent();
  expect(Number(shown.match(/\(([\d\s\u202f\u00a0]+) votes?\)/)[1].replace(/\D/g, ""))).toBeGreaterThan(before);
  expect(await countOf(request, "demo-poll", "marche")).toBeGreaterThan(before);
});

test("the results count exactly the resident's own ballot", async ({ page, request }) => {
  // A poll of this test's own, so no other spec's vote can change the figures.
  const id = await createWidget(request, {
    kind: "poll",
    title: "Quel jour pour le marché ?",
    options: [{ label: "Samedi" }, { label: "Dimanche" }],
  });
  await page.goto(testPage([id]));
  const poll = new PollWidget(page, id);
  await poll.waitUntilInteractive();
  await poll.vote("Dimanche");
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
  await expect(poll.resultFor("Dimanche")).toContainText("(1 vote)");
  await expect(poll.resultFor("Samedi")).toContainText("(0 vote)");
  const view = await (await request.get(`${apiUrl}/v1/widgets/${id}`)).json();
  expect(view.total_ballots).toBe(1);
});

test("after a reload the resident still sees that they voted", async ({ page }) => {
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await poll.vote("Des places pour les vélos");
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
  await page.reload();
  await poll.mounted();
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
  await expect(poll.voteButton).toHaveCount(0);
});

test("voting without a choice asks for one and sends nothing", async ({ page }) => {
  const ballots = [];
  page.on("request", (r) => r.url().endsWith("/ballots") && ballots.push(r.url()));
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await poll.voteButton.click();
  await expect(poll.host.getByRole("alert")).toHaveText("Choisissez une réponse avant de voter.");
  expect(ballots).toHaveLength(0);
});

test("a vote with the keyboard alone", async ({ page }) => {
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await page.keyboard.press("Tab");
  await expect(poll.option("Plus d’arbres et d’ombre")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(poll.option("Un marché couvert")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(poll.voteButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");
});

test("multiple choice uses checkboxes and enforces the minimum", async ({ page }) => {
  await page.goto(testPage(["test-multi-poll"], { lang: "en" }));
  const poll = new PollWidget(page, "test-multi-poll");
  await poll.waitUntilInteractive();
  await expect(poll.host.getByRole("checkbox")).toHaveCount(4);
  await poll.option("A").check();
  await poll.voteButton.click();
  await expect(poll.host.getByRole("alert")).toHaveText("Choose between 2 and 3 answers.");
  await poll.option("C").check();
  await poll.voteButton.click();
  await expect(poll.status).toHaveText("Thank you, your vote is recorded.");
  await expect(poll.host.getByText("You voted.")).toBeVisible();
});

test("closed, scheduled and hidden-results polls say so", async ({ page }) => {
  await page.goto(testPage(["test-closed-poll", "test-scheduled-poll", "test-hidden-poll"]));
  const closed = new PollWidget(page, "test-closed-poll");
  const scheduled = new PollWidget(page, "test-scheduled-poll");
  const hidden = new PollWidget(page, "test-hidden-poll");
  await closed.mounted();
  await expect(closed.host.getByText("Cette consultation est close.")).toBeVisible();
  await expect(closed.host.getByRole("heading", { name: "Résultats" })).toBeVisible();
  await scheduled.mounted();
  await expect(scheduled.host.getByText("Ouverture le 1er janvier 2100.")).toBeVisible();
  await expect(scheduled.voteButton).toHaveCount(0);
  await hidden.waitUntilInteractive();
  await hidden.vote("Oui");
  await expect(hidden.host.getByText("Les résultats seront publiés plus tard.")).toBeVisible();
});

test("over the network's daily cap, the widget says so in the resident's language", async ({ browser, request }) => {
  // Every test resident shares this machine's network: a poll of its own with a cap of 1.
  const id = await createWidget(request, {
    kind: "poll",
    title: "Un seul vote par réseau",
    options: [{ label: "Oui" }, { label: "Non" }],
    network_daily_cap: 1,
  });
  const cases = [
    ["fr", "Merci, votre vote est enregistré.", "status"],
    ["fr", "Votre réseau a atteint le nombre de participations possibles aujourd’hui pour cette consultation. Réessayez demain ou depuis une autre connexion.", "alert"],
    ["en", "Your network has reached today’s number of contributions for this consultation. Try again tomorrow or from another connection.", "alert"],
  ];
  for (const [lang, message, role] of cases) {
    // A new context is a new resident: a new voter token, on the same network.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${cityUrl}${testPage([id], { lang })}`);
    const poll = new PollWidget(page, id);
    await poll.waitUntilInteractive();
    await poll.vote("Oui");
    await expect(poll.host.getByRole(role)).toHaveText(message);
    await context.close();
  }
  const view = await (await request.get(`${apiUrl}/v1/widgets/${id}`)).json();
  expect(view.total_ballots).toBe(1);
});

test("hardening 4: a resident forgets this device, then erases what they wrote", async ({ page, request }) => {
  const id = await createWidget(request, {
    kind: "poll",
    title: "Quelle couleur pour les bancs ?",
    options: [{ label: "Vert" }, { label: "Bleu" }],
  });
  await page.goto(testPage([id]));
  const poll = new PollWidget(page, id);
  await poll.waitUntilInteractive();
  // Nothing is offered before the resident acts: nothing is stored yet.
  await expect(poll.host.getByText("Cet appareil", { exact: true })).toHaveCount(0);
  await poll.vote("Vert");
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
  const device = poll.host.getByText("Cet appareil", { exact: true });
  await device.click();
  await poll.host.getByRole("button", { name: "Oublier cet appareil" }).click();
  await expect(poll.status).toHaveText("Cet appareil est oublié. Vos contributions restent publiées.");
  expect(await page.evaluate(() => localStorage.getItem("parvis.voter"))).toBeNull();
  // The widget shows itself as to a new visitor; the ballot still counts.
  await expect(poll.voteButton).toBeVisible();
  let view = await (await request.get(`${apiUrl}/v1/widgets/${id}`)).json();
  expect(view.total_ballots).toBe(1);

  // A second vote from this (now new) device, then erase it with the device.
  await poll.vote("Bleu");
  await expect(poll.host.getByText("Vous avez voté.")).toBeVisible();
  await device.click();
  await poll.host.getByRole("checkbox", { name: /Effacer aussi tout ce que j’ai écrit/ }).check();
  await poll.host.getByRole("button", { name: "Oublier cet appareil" }).click();
  await expect(poll.status).toHaveText("Vos contributions sont effacées et cet appareil est oublié.");
  expect(await page.evaluate(() => localStorage.getItem("parvis.voter"))).toBeNull();
  view = await (await request.get(`${apiUrl}/v1/widgets/${id}`)).json();
  expect(view.total_ballots).toBe(1);
  expect(view.options.find((o) => o.label === "Bleu").count).toBe(0);
  await expect(poll.voteButton).toBeVisible();
});
