// Idea boxes in real Chromium.
import { expect, test } from "@playwright/test";
import { IdeaBox, testPage } from "./pages/widgets.mjs";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a submitted idea is listed at once, then supported and withdrawn", async ({ page }) => {
  await page.goto(testPage(["test-ideas"]));
  const box = new IdeaBox(page, "test-ideas");
  await box.mounted();
  const title = `Un potager partagé ${unique()}`;
  await box.propose(title, "Au pied des immeubles.\nAvec des bacs surélevés.", "Aïcha");
  await expect(box.status).toHaveText("Merci, votre idée est publiée.");
  const idea = box.idea(title);
  await expect(idea).toBeVisible();
  await expect(idea.getByText("Aïcha ·")).toBeVisible();
  await expect(idea.getByText("Déposée")).toBeVisible();
  const support = idea.getByRole("button", { name: "Soutenir" });
  await support.click();
  await expect(idea.getByRole("button", { name: "Retirer mon soutien" })).toHaveAttribute("aria-pressed", "true");
  await expect(idea.locator(".count")).toHaveText("1 soutien");
  await expect(box.status).toHaveText("Votre soutien est enregistré.");
  await idea.getByRole("button", { name: "Retirer mon soutien" }).click();
  await expect(idea.locator(".count")).toHaveText("0 soutien");
  await expect(idea.getByRole("button", { name: "Soutenir" })).toHaveAttribute("aria-pressed", "false");
});

test("an idea under moderation shows a notice and a pending badge", async ({ page }) => {
  await page.goto(testPage(["test-ideas-moderated"]));
  const box = new IdeaBox(page, "test-ideas-moderated");
  await box.mounted();
  const title = `Des toilettes publiques ${unique()}`;
  await box.propose(title);
  await expect(box.host.getByText("Merci ! Votre idée sera publiée après relecture par la mairie.").first()).toBeVisible();
  await expect(box.idea(title).getByText("En attente de modération")).toBeVisible();
});

test("a missing title gets a field message and nothing is sent", async ({ page }) => {
  const posts = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.goto(testPage(["test-ideas"]));
  const box = new IdeaBox(page, "test-ideas");
  await box.mounted();
  await box.host.getByLabel("Description (facultatif)").fill("Texte conservé");
  await box.host.getByRole("button", { name: "Envoyer mon idée" }).click();
  const title = box.host.getByLabel("Titre de votre idée");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(box.host.getByText("Ce champ est obligatoire.")).toBeVisible();
  await expect(box.host.getByLabel("Description (facultatif)")).toHaveValue("Texte conservé");
  expect(posts).toHaveLength(0);
});

test("a failed send keeps what the resident typed", async ({ page }) => {
  await page.goto(testPage(["test-ideas"]));
  const box = new IdeaBox(page, "test-ideas");
  await box.mounted();
  await page.route("**/v1/widgets/test-ideas/ideas", (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  await box.propose("Idée qui ne part pas");
  await expect(box.host.getByText("L’envoi a échoué. Votre saisie est conservée : réessayez.").first()).toBeVisible();
  await expect(box.host.getByLabel("Titre de votre idée")).toHaveValue("Idée qui ne part pas");
});

test("a support that fails is rolled back", async ({ page }) => {
  await page.goto(testPage(["demo-ideas"]));
  const box = new IdeaBox(page, "demo-ideas");
  await box.mounted();
  const idea = box.idea("Des arceaux vélos couverts");
  const count = await idea.locator(".count").textContent();
  await page.route("**/support", (route) => route.fulfill({ status: 503, body: "" }));
  await idea.getByRole("button", { name: "Soutenir" }).click();
  await expect(idea.getByRole("alert")).toBeVisible();
  await expect(idea.locator(".count")).toHaveText(count);
  await expect(idea.getByRole("button", { name: "Soutenir" })).toHaveAttribute("aria-pressed", "false");
});

test("ideas sort by newest and show the city's answer", async ({ page }) => {
  await page.goto(testPage(["demo-ideas"], { lang: "en" }));
  const box = new IdeaBox(page, "demo-ideas");
  await box.mounted();
  await expect(box.idea("Une fontaine à boire près des jeux").getByText("The city’s answer")).toBeVisible();
  await expect(box.host.locator(".idea-title").first()).toHaveText("Une fontaine à boire près des jeux");
  await box.host.getByLabel("Sort by").selectOption("newest");
  await expect(box.host.locator(".idea-title").first()).not.toHaveText("Une fontaine à boire près des jeux");
});
