// The staff dashboard in real Chromium, against the real Worker.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { Dashboard } from "./pages/dashboard.mjs";
import { CommentThread, PollWidget, testPage } from "./pages/widgets.mjs";

const cityUrl = process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080";

async function expectNoViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

test("signed out, the dashboard asks to sign in", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/moderation");
  await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
  await expectNoViolations(page, "sign-in");
  await page.getByLabel("Adresse e-mail").fill("admin@test.example");
  await page.getByLabel("Mot de passe").fill("wrong password!");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
});

test("a poll made in the dashboard, pasted on a page, voted on, shows in results and CSV", async ({ page, context }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/new");
  await dashboard.signIn();
  await expect(page.getByRole("heading", { name: "Nouvelle consultation" })).toBeVisible();
  const title = `Horaires de la piscine ${Date.now()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Ouverte").check();
  await page.getByRole("textbox", { name: "Réponse 1", exact: true }).fill("Plus tôt le matin");
  await page.getByRole("textbox", { name: "Réponse 2", exact: true }).fill("Plus tard le soir");
  await page.getByRole("button", { name: "Ajouter une réponse" }).click();
  await page.getByRole("textbox", { name: "Réponse 3", exact: true }).fill("Le dimanche");
  await page.getByRole("button", { name: "Descendre (Réponse 1)" }).click();
  await expect(page.getByRole("textbox", { name: "Réponse 2", exact: true })).toHaveValue("Plus tôt le matin");
  await expectNoViolations(page, "editor");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const snippet = await page.getByTestId("snippet").textContent();
  expect(snippet).toMatch(/^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>\n<div data-parvis-widget="[a-z0-9-]+"><\/div>$/);
  const widgetId = snippet.match(/data-parvis-widget="([^"]+)"/)[1];
  await expectNoViolations(page, "detail");

  // A city page (on the city's origin) that contains exactly the snippet.
  const cityPage = await context.newPage();
  await cityPage.goto(`/test-pages/paste.html?${new URLSearchParams({ snippet })}`);
  const poll = new PollWidget(cityPage, widgetId);
  await poll.waitUntilInteractive();
  await poll.vote("Plus tôt le matin");
  await expect(poll.status).toHaveText("Merci, votre vote est enregistré.");

  await page.reload();
  await expect(page.getByRole("table", { name: "Votes" }).getByRole("row", { name: /Plus tôt le matin 1 100/ })).toBeVisible();
  const csv = await page.request.get(`${new URL(page.url()).origin}/v1/staff/widgets/${widgetId}/export?format=csv&separator=semicolon`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("plus-tot-le-matin;Plus tôt le matin;1;100");
});

test("a comment awaiting moderation is approved in the queue, then shows on the page", async ({ page, context }) => {
  const resident = await context.newPage();
  await resident.goto(testPage(["test-comments-moderated"]));
  const thread = new CommentThread(resident, "test-comments-moderated");
  await thread.mounted();
  const text = `À valider depuis le tableau de bord ${Date.now()}`;
  await thread.post(text);
  await expect(thread.status).toHaveText("Merci ! Votre commentaire sera publié après relecture.");

  const dashboard = new Dashboard(page);
  await dashboard.open("#/moderation");
  await dashboard.signIn("moderator@test.example");
  const item = page.locator("li.card", { hasText: text });
  await expect(item).toBeVisible();
  await expectNoViolations(page, "moderation");
  await item.getByRole("button", { name: /^Approuver Commentaire/ }).click();
  await expect(item).toHaveCount(0);

  const other = await context.browser().newContext();
  const visitor = await other.newPage();
  await visitor.goto(`${cityUrl}${testPage(["test-comments-moderated"])}`);
  const seen = new CommentThread(visitor, "test-comments-moderated");
  await seen.mounted();
  await expect(seen.comment(text)).toBeVisible();
  await other.close();
});

test("the widget list filters by kind and has no violations, in English too", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets");
  await dashboard.signIn();
  await page.getByLabel("Type").selectOption("ideas");
  await expect(page.getByRole("link", { name: "Vos idées pour la place du Marché" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Que souhaitez-vous en priorité sur la place du Marché ?" })).toHaveCount(0);
  await expectNoViolations(page, "list fr");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Consultations" })).toBeVisible();
  await expect(page.getByLabel("Kind")).toBeVisible();
  await expectNoViolations(page, "list en");
});
