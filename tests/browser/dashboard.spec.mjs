// The staff dashboard in real Chromium, against the real Worker.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CodeSetsPage, Dashboard, EmbedPanel, ParticipationField, apiUrl } from "./pages/dashboard.mjs";
import { postAsResident } from "./pages/resident-api.mjs";
import { createCodeSet, createWidget } from "./pages/staff-api.mjs";
import { CommentThread, IdeaBox, PollWidget, testPage } from "./pages/widgets.mjs";

const cityUrl = process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080";

async function expectNoViolations(page, label, include) {
  let axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
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
  await expect(page.getByTestId("snippet")).toContainText('data-parvis-kind="poll"');
  const snippet = await page.getByTestId("snippet").textContent();
  expect(snippet).toMatch(/^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>\n<div data-parvis-widget="[a-z0-9-]+" data-parvis-kind="poll"><\/div>$/);
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

test("a moderator cannot reach city settings nor staff accounts", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/settings");
  await dashboard.signIn("moderator@test.example");
  await expect(page.getByRole("alert")).toHaveText("Cette page est réservée aux administrateurs de la ville.");
  await expect(page.getByLabel("Nom de la ville")).toHaveCount(0);
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Modération" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Réglages de la ville" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Équipe" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Codes d’invitation" })).toHaveCount(0);
  await dashboard.open("#/accounts");
  await expect(page.getByRole("alert")).toHaveText("Cette page est réservée aux administrateurs de la ville.");
  await expect(page.getByRole("button", { name: "Créer le compte" })).toHaveCount(0);
  await dashboard.open("#/codes");
  await expect(page.getByRole("alert")).toHaveText("Cette page est réservée aux administrateurs de la ville.");
  await expect(page.getByRole("button", { name: "Créer la série" })).toHaveCount(0);
  // The API refuses too, with the same session.
  const city = await page.request.get(`${apiUrl}/v1/staff/city`);
  expect(city.status()).toBe(403);
  await expectNoViolations(page, "moderator on settings");
});

test("an admin sets origins with hints and colours with a contrast warning; widgets get the colours", async ({ page }) => {
  // The other city: its settings are nobody else's test data.
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets");
  await dashboard.signIn("admin@autre-ville.example");
  await page.getByRole("navigation").getByRole("link", { name: "Réglages de la ville" }).click();
  await expect(page.getByLabel("Nom de la ville")).toHaveValue("Autre Ville");
  const origins = page.getByLabel("Sites autorisés à afficher les consultations");
  await expect(origins).toHaveValue(/https:\/\/www\.autre-ville\.example/);
  await origins.fill("https://www.autre-ville.example/actualites\nhttps://participer.autre-ville.example:443");
  await expect(page.getByText(/^Ligne 1 : retirez tout ce qui suit le nom du site/)).toBeVisible();
  await expect(page.getByText(/^Ligne 2 : retirez :443 ou :80/)).toBeVisible();
  await expect(origins).toHaveAttribute("aria-invalid", "true");
  await origins.fill("https://www.autre-ville.example\nhttps://participer.autre-ville.example");
  await expect(page.getByText(/^Ligne \d/)).toHaveCount(0);

  const accent = page.getByLabel("Couleur principale (boutons, barres, liens)");
  await accent.fill("#ffd700");
  await expect(page.getByText(/^Contraste insuffisant entre le texte des boutons et leur couleur/)).toBeVisible();
  await expect(page.getByText(/^Contraste insuffisant entre la couleur principale et le fond blanc/)).toBeVisible();
  await expectNoViolations(page, "settings with warnings");
  await accent.fill("#7a1f5c");
  await expect(page.getByText(/^Contraste insuffisant/)).toHaveCount(0);
  await page.getByLabel("Arrondi des angles, en pixels (0 à 24)").fill("30");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#city-radius-error")).toHaveText("Valeur hors des limites.");
  await page.getByLabel("Arrondi des angles, en pixels (0 à 24)").fill("12");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré." })).toBeVisible();

  await page.reload();
  // Kept in alphabetical order.
  await expect(page.getByLabel("Sites autorisés à afficher les consultations"))
    .toHaveValue("https://participer.autre-ville.example\nhttps://www.autre-ville.example");
  await expect(page.getByLabel("Couleur principale (boutons, barres, liens)")).toHaveValue("#7a1f5c");
  // Residents' widgets of that city now carry the colours.
  const widget = await page.request.get(`${apiUrl}/v1/widgets/other-city-poll`);
  expect((await widget.json()).theme).toEqual({ accent: "#7a1f5c", radius_px: 12 });
  await expectNoViolations(page, "settings");
});

test("an admin creates a colleague with a temporary password, who can sign in, then removes them", async ({ page, browser }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/accounts");
  await dashboard.signIn("admin@autre-ville.example");
  await expect(page.getByRole("table", { name: "Comptes" }).getByText("Admin Autre Ville (vous)")).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Nom affiché").fill("Camille Agent");
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.locator("#account-email-error")).toHaveText("Format non reconnu.");
  const email = `camille.${Date.now()}@autre-ville.example`;
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Rôle").selectOption("moderator");
  await page.getByRole("button", { name: "Créer le compte" }).click();
  const password = await page.getByTestId("temporary-password").textContent();
  expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("Modérateur ou modératrice");
  await expect(row).toContainText("Mot de passe temporaire");
  await expectNoViolations(page, "accounts");

  // The colleague signs in with it, in their own browser, and must first
  // choose their own password.
  const theirs = await browser.newContext();
  const colleague = new Dashboard(await theirs.newPage());
  const them = colleague.page;
  await colleague.open("#/moderation");
  await colleague.signIn(email, password);
  await expect(them.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
  await expect(them.getByRole("navigation")).toHaveCount(0);
  await expectNoViolations(them, "choose password");
  await them.getByLabel("Mot de passe actuel").fill(password);
  await them.getByLabel("Nouveau mot de passe (12 caractères au moins)").fill("un mot de passe à moi");
  await them.getByLabel("Confirmez le nouveau mot de passe").fill("un mot de passe à mol");
  await them.getByRole("button", { name: "Enregistrer" }).click();
  await expect(them.getByRole("status").filter({ hasText: "Les deux saisies du nouveau mot de passe ne sont pas identiques." })).toBeVisible();
  await them.getByLabel("Confirmez le nouveau mot de passe").fill("un mot de passe à moi");
  await them.getByRole("button", { name: "Enregistrer" }).click();
  await expect(them.getByRole("heading", { name: "Modération" })).toBeVisible();
  await theirs.close();

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Retirer Camille Agent" }).click();
  await expect(row).toHaveCount(0);
});

test("an official answer written in the dashboard shows under the idea on the city page", async ({ page, context }) => {
  const resident = await context.newPage();
  await resident.goto(testPage(["test-ideas"]));
  const box = new IdeaBox(resident, "test-ideas");
  await box.mounted();
  const title = `Des bancs à l’ombre ${Date.now()}`;
  await box.propose(title, "Près de l’arrêt de bus.");
  await expect(box.idea(title)).toBeVisible();

  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/test-ideas");
  await dashboard.signIn("moderator@test.example");
  await page.getByRole("link", { name: "Répondre aux idées" }).click();
  const idea = page.locator("li.card", { has: page.getByRole("heading", { name: title }) });
  await idea.getByLabel("Statut de l’idée").selectOption("accepted");
  await idea.getByLabel("Réponse officielle de la ville").fill("Deux bancs seront posés en juin.");
  await expectNoViolations(page, "ideas");
  await idea.getByRole("button", { name: "Enregistrer" }).click();
  await expect(idea.getByRole("status")).toHaveText("Enregistré.");

  await resident.reload();
  await box.mounted();
  await expect(box.idea(title).getByText("Deux bancs seront posés en juin.")).toBeVisible();
  await expect(box.idea(title).locator(".badge.status")).toHaveText("Statut : Retenue");
});

test("staff reply in a thread as the city; residents see it marked, nobody can pose as the city, and the log keeps it", async ({ page, context }) => {
  const resident = await context.newPage();
  await resident.goto(testPage(["test-comments"]));
  const thread = new CommentThread(resident, "test-comments");
  await thread.mounted();
  const text = `Quand les travaux commencent-ils ? ${Date.now()}`;
  await thread.post(text);
  await expect(thread.comment(text)).toBeVisible();
  // A resident's name cannot pose as the city.
  await thread.post("Les travaux commencent lundi.", "Mairie de Démoville");
  await expect(resident.getByText("Ce nom est réservé à la mairie : choisissez-en un autre.").first()).toBeVisible();

  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/test-comments");
  await dashboard.signIn("moderator@test.example");
  await page.getByRole("link", { name: "Répondre au nom de la mairie" }).click();
  const card = page.locator("li.card", { hasText: text });
  await card.getByLabel("Réponse de la mairie").fill("Les travaux commencent le 3 mars.");
  await expectNoViolations(page, "city replies");
  await card.getByRole("button", { name: "Publier la réponse" }).click();
  await expect(card.getByText("Les travaux commencent le 3 mars.")).toBeVisible();

  await resident.reload();
  await thread.mounted();
  const reply = thread.host.locator("li.city-reply", { hasText: "Les travaux commencent le 3 mars." });
  await expect(reply.locator(".author")).toHaveText("Réponse de la mairie (modération)");

  await dashboard.open("#/widgets/test-comments");
  const log = page.getByRole("table", { name: "Journal des actions" });
  await expect(log.getByRole("row", { name: /Réponse de la mairie.*Les travaux commencent le 3 mars/ })).toBeVisible();
  await expectNoViolations(page, "detail with audit log");
});

test("a moderator clears a queue at once: names shown, select all, reject confirmed, then undone", async ({ page, request }) => {
  // The other test city: its queue holds only what this test puts there.
  const otherAdmin = "admin@autre-ville.example";
  const thread = await createWidget(request, { kind: "comments", title: "File chargée", moderation: "before_publication" }, otherAdmin);
  const names = ["Camille", "Noé", "Inès"];
  for (const [i, name] of names.entries()) {
    await postAsResident(request, {
      widget: thread, tail: "/comments", data: { body: `Message ${i} ${Date.now()}`, display_name: name },
      origin: "https://www.autre-ville.example", voter: `${Date.now().toString(16).padStart(28, "0")}${i}abc`, ip: `198.51.100.${20 + i}`,
    });
  }
  const dashboard = new Dashboard(page);
  await dashboard.open("#/moderation");
  await dashboard.signIn(otherAdmin);
  for (const name of names) await expect(page.locator("li.card .author", { hasText: name })).toBeVisible();
  await expectNoViolations(page, "queue");
  await page.getByLabel("Tout sélectionner (3)").check();
  for (const box of await page.locator("li.card input[type=checkbox]").all()) await expect(box).toBeChecked();
  // Rejecting several asks first; dismissing changes nothing.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Refuser la sélection" }).click();
  await expect(page.locator("li.card")).toHaveCount(3);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Refuser ces 3 contributions");
    dialog.accept();
  });
  await page.getByRole("button", { name: "Refuser la sélection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 contributions refusées." })).toBeVisible();
  await expect(page.getByText("Rien à modérer.")).toBeVisible();
  await page.getByRole("button", { name: "Annuler cette décision" }).click();
  await expect(page.locator("li.card")).toHaveCount(3);
  await dashboard.open(`#/widgets/${thread}`);
  await expect(page.getByRole("table", { name: "Journal des actions" }).getByText("Décision de modération annulée")).toBeVisible();
});

test("the editor previews the real widget as it is filled, and the preview sends nothing", async ({ page }) => {
  const sent = [];
  page.on("request", (request) => {
    if (request.url().includes("/v1/widgets/")) sent.push(request.url());
  });
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/new");
  await dashboard.signIn();
  const preview = page.getByTestId("preview");
  await page.getByLabel("Titre").fill("Quel marché le dimanche ?");
  await expect(preview.getByRole("heading", { name: "Quel marché le dimanche ?" })).toBeVisible();
  await page.getByRole("textbox", { name: "Réponse 1", exact: true }).fill("Place du Marché");
  await page.getByRole("textbox", { name: "Réponse 2", exact: true }).fill("Quai des Arts");
  await expect(preview.getByRole("radio", { name: "Quai des Arts" })).toBeVisible();
  await page.getByLabel("Plusieurs réponses").check();
  await expect(preview.getByRole("checkbox", { name: "Place du Marché" })).toBeVisible();
  await page.getByLabel("Une seule réponse").check();
  await preview.getByRole("radio", { name: "Place du Marché" }).check();
  await preview.getByRole("button", { name: "Voter" }).click();
  await expect(preview.getByText("Aperçu : rien n’est envoyé.").first()).toBeVisible();
  await expectNoViolations(page, "editor with preview");

  await page.getByLabel("Boîte à idées").check();
  await expect(preview.getByRole("button", { name: "Envoyer mon idée" })).toBeVisible();
  await page.getByLabel("Fil de commentaires").check();
  await expect(preview.getByRole("button", { name: "Publier" })).toBeVisible();
  expect(sent).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test("every dashboard page fits a tablet held upright, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets");
  await dashboard.signIn();
  const pages = [
    ["#/widgets", "Consultations"],
    ["#/widgets/new", "Nouvelle consultation"],
    ["#/widgets/demo-poll", "Que souhaitez-vous en priorité sur la place du Marché ?"],
    ["#/widgets/demo-ideas/ideas", "Répondre aux idées"],
    ["#/moderation", "Modération"],
    ["#/settings", "Réglages de la ville"],
    ["#/accounts", "Équipe"],
    ["#/codes", "Codes d’invitation"],
  ];
  for (const [hash, heading] of pages) {
    await dashboard.open(hash);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, hash).toBeLessThanOrEqual(0);
    // Buttons are big enough for a finger (WCAG 2.5.5's spirit; 40 px here).
    const small = await page.locator("main button:visible").evaluateAll((buttons) =>
      buttons.filter((b) => b.getBoundingClientRect().height < 40).map((b) => b.textContent));
    expect(small, hash).toEqual([]);
  }
});

test("hardening 9: a widget id from the address bar never reaches a request unchecked", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets");
  await dashboard.signIn();
  await expect(page.getByRole("heading", { name: "Consultations" })).toBeVisible();
  const staffRequests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/v1/staff/") && url.pathname !== "/v1/staff/me") {
      staffRequests.push(url.pathname + url.search);
    }
  });
  // `..` would climb out of the widget's path (`/v1/staff/widgets/../results`
  // is `/v1/staff/results`); `?` would start a query of its own.
  for (const hash of ["#/widgets/..", "#/widgets/../results", "#/widgets/x%3Fkind=ideas/edit", "#/widgets/a?b/ideas"]) {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await expect(page.getByRole("heading", { name: "Consultations" })).toBeVisible();
  }
  await page.waitForLoadState("networkidle");
  const unexpected = staffRequests.filter((path) => !path.startsWith("/v1/staff/widgets?"));
  expect(unexpected).toEqual([]);
});

test("hardening 10: an admin archives a closed consultation, exports it, then deletes it", async ({ page, request }) => {
  const title = `Consultation terminée ${Date.now()}`;
  const id = await createWidget(request, { kind: "ideas", title, status: "closed" });
  const dashboard = new Dashboard(page);
  await dashboard.open(`#/widgets/${id}`);
  await dashboard.signIn();
  await expect(page.getByRole("heading", { name: "Fin de la consultation" })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByText(/^Archivée le/)).toBeVisible();
  await expectNoViolations(page, "archived");
  // Not exported since it was archived: refused, and the page says what to do.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page.getByText("Téléchargez d’abord un export de la consultation archivée, puis supprimez-la.")).toBeVisible();
  const download = page.waitForEvent("download");
  // The results' export (the audit log has its own, which does not count).
  await page.locator("section[aria-labelledby=results-title]").getByRole("link", { name: "JSON" }).click();
  await download;
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page.getByRole("heading", { name: "Consultations" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("the embed panel offers the script, the iframe and the link with its QR code, each with a copy button", async ({ page, context }) => {
  const origin = new URL(apiUrl).origin;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/demo-poll");
  // Moderators paste snippets too.
  await dashboard.signIn("moderator@test.example");
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  const panel = new EmbedPanel(page);
  await expect(panel.script).toHaveText(`<script src="${origin}/embed.js" async></script>\n<div data-parvis-widget="demo-poll" data-parvis-kind="poll"></div>`);
  await expect(panel.iframe).toContainText(`<iframe src="${origin}/embed/demo-poll" title="${title} — Parvis"`);
  await expect(panel.link).toHaveText(`${origin}/c/demo-poll`);
  for (const heading of ["Code script (le meilleur choix)", "Code iframe", "Lien et QR code"]) {
    await expect(panel.section.getByRole("heading", { name: heading, level: 3 })).toBeVisible();
  }
  for (const name of ["Copier le code du script", "Copier le code de l’iframe", "Copier le lien"]) {
    await expect(panel.section.getByRole("button", { name, exact: true })).toBeVisible();
  }
  await panel.section.getByRole("button", { name: "Copier le lien", exact: true }).click();
  await expect(panel.section.getByRole("status").filter({ hasText: "Lien copié." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/c/demo-poll`);
  await panel.section.getByRole("button", { name: "Copier le code de l’iframe", exact: true }).click();
  await expect(panel.section.getByRole("status").filter({ hasText: "Code de l’iframe copié." })).toBeVisible();
  // One announcement at a time: the link's is gone.
  await expect(panel.section.getByRole("status").filter({ hasText: "Lien copié." })).toHaveCount(0);

  // The QR code is an SVG image named after the consultation, downloadable.
  const qr = panel.section.getByRole("img", { name: `QR code du lien vers la consultation « ${title} »`, exact: true });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((element) => element.tagName.toLowerCase())).toBe("svg");
  const download = panel.section.getByRole("link", { name: "Télécharger le QR code (SVG)" });
  await expect(download).toHaveAttribute("download", "parvis-demo-poll-qr.svg");
  await expect(download).toHaveAttribute("href", /^data:image\/svg\+xml;charset=utf-8,%3Csvg%20xmlns/);
  await expect(panel.section.getByRole("link", { name: /^Ouvrir la page de la consultation/ }))
    .toHaveAttribute("href", `${origin}/c/demo-poll`);
  // The options say how to choose the language and the theme.
  await panel.openOptions();
  await expect(panel.section.getByText(`${origin}/embed/demo-poll?lang=en&theme=dark`)).toBeVisible();
  await expect(panel.section.getByText('data-lang="en" data-theme="dark"', { exact: false })).toBeVisible();
});

test("the embed check says whether a page may show the city's widgets", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/demo-poll");
  await dashboard.signIn();
  const panel = new EmbedPanel(page);
  const city = new URL(cityUrl).origin;
  await expect(panel.section.getByText("Le site doit figurer dans la liste « Sites autorisés à afficher les consultations »")).toBeVisible();
  await panel.check(`${city}/test-pages/paste.html?from=dashboard`);
  await expect(panel.verdict).toHaveText(`Autorisé : ${city} figure dans les sites autorisés de la ville.`);
  await panel.check("https://example.org/page");
  await expect(panel.verdict).toContainText("Pas autorisé : https://example.org ne figure pas dans les sites autorisés de la ville.");
  // Admins are offered the settings page.
  await expect(panel.verdict.getByRole("link", { name: "Ajouter ce site dans les réglages de la ville" })).toHaveAttribute("href", "#/settings");
  // The usual slip, https for http: the listed origin is suggested.
  const slipped = city.replace(/^http:/, "https:");
  await panel.check(`${slipped}/page`);
  await expect(panel.verdict).toContainText(`Pas autorisé : ${slipped} ne figure pas`);
  await expect(panel.verdict).toContainText(`Vouliez-vous dire ${city} ?`);
  await panel.check("pas une adresse");
  await expect(panel.verdict).toHaveText(/^Ce n’est pas l’adresse d’une page web/);
});

test("the embed panel has no accessibility violations, in French and in English", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/demo-ideas");
  await dashboard.signIn();
  const panel = new EmbedPanel(page);
  await expect(panel.link).toBeVisible();
  await panel.openOptions();
  await panel.check("https://example.org/page");
  await expect(panel.verdict).toContainText("Pas autorisé");
  await expectNoViolations(page, "embed panel fr", "section.embed");
  await page.getByRole("button", { name: "English" }).click();
  await expect(panel.section.getByRole("heading", { name: "Embed on your site", level: 2 })).toBeVisible();
  await expect(panel.verdict).toContainText("Not allowed: https://example.org is not one of the city's allowed sites.");
  await expect(panel.section.getByRole("button", { name: "Copy the script snippet", exact: true })).toBeVisible();
  await expect(panel.section.getByRole("img", { name: /^QR code of the link to the consultation “/ })).toBeVisible();
  await panel.openOptions();
  await expectNoViolations(page, "embed panel en", "section.embed");
});

test("the widget's own language is chosen in the editor and kept", async ({ page, request }) => {
  const title = `Langue choisie ${Date.now()}`;
  const id = await createWidget(request, { kind: "ideas", title });
  const dashboard = new Dashboard(page);
  await dashboard.open(`#/widgets/${id}/edit`);
  await dashboard.signIn();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  const language = page.getByLabel("Langue de la consultation", { exact: true });
  await expect(language).toHaveValue("");
  await expect(language.locator("option:checked")).toHaveText("Langue de la ville (par défaut)");
  await expect(page.getByText("Les habitants lisent la consultation dans cette langue", { exact: false })).toBeVisible();
  await language.selectOption("en");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { name: title, exact: true, level: 1 })).toBeVisible();
  const saved = await page.request.get(`${apiUrl}/v1/staff/widgets/${id}`);
  expect((await saved.json()).lang).toBe("en");

  await dashboard.open(`#/widgets/${id}/edit`);
  await page.reload();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Langue de la consultation", { exact: true })).toHaveValue("en");
  // Back to the city's language: the widget no longer has one of its own.
  await page.getByLabel("Langue de la consultation", { exact: true }).selectOption({ label: "Langue de la ville (par défaut)" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { name: title, exact: true, level: 1 })).toBeVisible();
  const reset = await page.request.get(`${apiUrl}/v1/staff/widgets/${id}`);
  expect((await reset.json()).lang ?? null).toBeNull();
});

// Crockford's base 32, as invitation codes are printed.
const CODE = "[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}";

test("an admin makes a set of invitation codes, downloads it as CSV and revokes a code, in French and English", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets");
  await dashboard.signIn();
  await page.getByRole("navigation").getByRole("link", { name: "Codes d’invitation" }).click();
  await expect(page.getByRole("heading", { name: "Codes d’invitation", level: 1 })).toBeVisible();
  await expect(page.getByText("Parvis ne conserve aucun code", { exact: false })).toBeVisible();
  const codes = new CodeSetsPage(page);
  // The API's field errors, next to their fields.
  await codes.create("", 0);
  await expect(page.locator("#code-set-name-error")).toHaveText("Ce champ est obligatoire.");
  await expect(page.locator("#code-set-size-error")).toHaveText("Valeur hors des limites.");
  await expect(codes.size).toHaveAttribute("aria-invalid", "true");

  const name = `Foyers du quartier Nord ${Date.now()}`;
  await codes.create(name, 25);
  await expect(page.getByRole("status").filter({ hasText: "Série créée : téléchargez ses codes ci-dessous." })).toBeVisible();
  const set = codes.set(name);
  await expect(set).toContainText("25 codes · 0 vote exprimé · 0 révoqué · créée le");

  // The download link gives every code, numbered, with the page's session.
  const lines = await codes.download(name, "semicolon");
  expect(lines).toHaveLength(26);
  expect(lines[0]).toBe("number;code");
  lines.slice(1).forEach((line, i) => expect(line).toMatch(new RegExp(`^${i + 1};${CODE}$`)));
  const comma = await codes.download(name, "comma");
  expect(comma[0]).toBe("number,code");
  expect(comma[1]).toBe(lines[1].replace(";", ","));

  // A code of the right form that is not one of the set's: its last
  // character (authentication bits only) changed.
  const first = lines[1].split(";")[1];
  const forged = first.slice(0, -1) + (first.endsWith("0") ? "1" : "0");
  await codes.revoke(name, forged);
  await expect(codes.revokeStatus(name)).toHaveText("Ce code n’appartient pas à cette série : vérifiez la saisie.");
  await expect(set.getByLabel("Code à révoquer")).toHaveAttribute("aria-invalid", "true");
  await codes.revoke(name, "pas un code");
  await expect(codes.revokeStatus(name)).toHaveText("Ce n’est pas un code d’invitation : 12 lettres et chiffres, comme ABCD-EFGH-JKMN.");
  await expectNoViolations(page, "codes fr, invalid code");

  // Typed as a resident might: lower case, without dashes.
  const second = lines[2].split(";")[1];
  await codes.revoke(name, second.toLowerCase().replaceAll("-", ""));
  await expect(codes.revokeStatus(name)).toHaveText(`Code ${second} révoqué : il ne peut plus voter.`);
  await expect(set).toContainText("· 1 révoqué ·");
  await expect(set.getByLabel("Code à révoquer")).toHaveAttribute("aria-invalid", "false");
  await expectNoViolations(page, "codes fr");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Invitation codes", level: 1 })).toBeVisible();
  // The outcome stays, in the new language.
  await expect(codes.revokeStatus(name)).toHaveText(`Code ${second} revoked: it can no longer vote.`);
  await expect(set).toContainText("25 codes · 0 votes cast · 1 revoked · made on");
  await expectNoViolations(page, "codes en");
});

test("a poll by invitation code is set up in the editor with one of the city's sets, and kept", async ({ page, request }) => {
  const setName = `Conseil de quartier ${Date.now()}`;
  await createCodeSet(request, setName, 3);
  const dashboard = new Dashboard(page);
  await dashboard.open("#/widgets/new");
  await dashboard.signIn();
  const title = `Vote des foyers ${Date.now()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByRole("textbox", { name: "Réponse 1", exact: true }).fill("Un jardin partagé");
  await page.getByRole("textbox", { name: "Réponse 2", exact: true }).fill("Une aire de jeux");
  const who = new ParticipationField(page);
  await expect(who.level("Tout le monde")).toBeChecked();
  await expect(who.group.getByText("Un vote par code, envoyé par courrier aux foyers ou remis à l’accueil de la mairie.")).toBeVisible();
  // The test city has an identity provider (cargo xtask test set it), so
  // the verified level is offered, with what it keeps.
  await expect(who.level("Identité vérifiée")).toBeEnabled();
  await expect(who.group.getByText("Un bulletin par personne, identifiée par le fournisseur d’identité de la ville (FranceConnect…). Parvis ne garde qu’un pseudonyme.")).toBeVisible();
  await expect(who.group.getByText("Ce choix ne peut plus changer une fois des votes reçus.")).toBeVisible();
  await who.level("Sur code d’invitation").check();
  // The preview shows the code field and the rule, as residents will.
  const preview = page.getByTestId("preview");
  await expect(preview.getByLabel("Code d’invitation")).toBeVisible();
  await expect(preview.getByText("Vote sur invitation", { exact: false })).toBeVisible();

  // No set chosen: the API's error, next to the list.
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("#code-set-error")).toHaveText("Choisissez une série de codes.");
  await expect(who.codeSet).toHaveAttribute("aria-invalid", "true");
  await who.codeSet.selectOption({ label: `${setName} (3 codes)` });
  await expectNoViolations(page, "editor, who can vote fr");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("group", { name: "Who can vote?" })).toBeVisible();
  await expect(who.level("With an invitation code")).toBeChecked();
  await expect(who.codeSet.locator("option:checked")).toHaveText(`${setName} (3 codes)`);
  await expectNoViolations(page, "editor, who can vote en");
  await page.getByRole("button", { name: "Français" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();

  await expect(page.getByRole("heading", { name: title, exact: true, level: 1 })).toBeVisible();
  const id = new URL(page.url()).hash.split("/")[2];
  const saved = await (await page.request.get(`${apiUrl}/v1/staff/widgets/${id}`)).json();
  expect(saved.participation).toBe("code");
  expect(typeof saved.code_set_id).toBe("number");
  await expect(page.getByRole("table", { name: "Bulletins par niveau" }).getByRole("row", { name: "Code d’invitation 0" })).toBeVisible();

  await dashboard.open(`#/widgets/${id}/edit`);
  await page.reload();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(who.level("Sur code d’invitation")).toBeChecked();
  await expect(who.codeSet.locator("option:checked")).toHaveText(`${setName} (3 codes)`);
});

test("a poll's results count its ballots by participation level", async ({ page, request }) => {
  const { id: set, codes } = await createCodeSet(request, `Résultats par niveau ${Date.now()}`, 2);
  const poll = await createWidget(request, {
    kind: "poll",
    title: `Quel nom pour la médiathèque ? ${Date.now()}`,
    participation: "code",
    code_set_id: set,
    options: [{ label: "Jules Verne" }, { label: "Simone Veil" }],
  });
  const resident = await page.context().newPage();
  await resident.goto(testPage([poll]));
  const widget = new PollWidget(resident, poll);
  await widget.waitUntilInteractive();
  await widget.option("Simone Veil").check();
  await widget.host.getByLabel("Code d’invitation").fill(codes[0]);
  await widget.voteButton.click();
  await expect(widget.host.getByText("Vous avez voté.")).toBeVisible();

  const dashboard = new Dashboard(page);
  await dashboard.open(`#/widgets/${poll}`);
  await dashboard.signIn();
  const levels = page.getByRole("table", { name: "Bulletins par niveau" });
  await expect(levels.getByRole("row", { name: "Code d’invitation 1" })).toBeVisible();
  await expect(levels.getByRole("columnheader")).toHaveText(["Niveau", "Bulletins"]);
  await expect(levels.getByRole("rowheader")).toHaveText(["Code d’invitation"]);
  await expect(page.getByRole("table", { name: "Votes" }).getByRole("row", { name: /Simone Veil 1 100/ })).toBeVisible();
  await expectNoViolations(page, "detail with ballots by level");
});

test("an admin reads the city's identity provider, with the redirect URI and the secret's state; changes that would let people vote again are refused", async ({ page }) => {
  const dashboard = new Dashboard(page);
  await dashboard.open("#/settings");
  await dashboard.signIn();
  const section = page.getByRole("region", { name: "Fournisseur d’identité" });
  // The test city's provider, as `cargo xtask test` set it, and its secret.
  const issuer = section.getByLabel("Émetteur (issuer)");
  await expect(issuer).toHaveValue(process.env.PARVIS_OIDC_ISSUER);
  await expect(section.getByLabel("Nom sur le bouton")).toHaveValue("FranceConnect");
  await expect(section.getByLabel("Niveaux de garantie demandés (acr_values)")).toHaveValue("eidas1");
  await expect(section.locator("#idp-redirect-uri")).toHaveText(`${apiUrl}/oidc/callback`);
  await expect(section.locator("#idp-secret")).toContainText("OIDC_CLIENT_SECRET_CITY_1");
  await expect(section.locator("#idp-secret")).toContainText("défini");
  await expectNoViolations(page, "identity provider settings");
  // The city has verified polls: another issuer would give everyone a new
  // pseudonym, so it is refused and said.
  await issuer.fill(`${process.env.PARVIS_OIDC_ISSUER}/ailleurs`);
  await section.getByRole("button", { name: "Valider le fournisseur d’identité" }).click();
  await expect(section.getByRole("status").filter({ hasText: "ne peuvent pas changer" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Fournisseur d’identité" }).getByLabel("Émetteur (issuer)")).toHaveValue(process.env.PARVIS_OIDC_ISSUER);
});

test("an issuer no OpenID provider answers for is said on its field", async ({ page }) => {
  // The other city: no verified poll, no provider at the end of the API tests.
  const dashboard = new Dashboard(page);
  await dashboard.open("#/settings");
  await dashboard.signIn("admin@autre-ville.example");
  const section = page.getByRole("region", { name: "Fournisseur d’identité" });
  await expect(section.locator("#idp-secret")).toContainText("OIDC_CLIENT_SECRET_CITY_2");
  const issuer = section.getByLabel("Émetteur (issuer)");
  await issuer.fill(`${process.env.PARVIS_OIDC_ISSUER}/ailleurs`);
  await section.getByLabel("Identifiant client (client_id)").fill("client-autre-ville");
  await section.getByRole("button", { name: "Valider le fournisseur d’identité" }).click();
  await expect(section.locator("#idp-issuer-error")).toContainText("Aucun fournisseur OpenID ne répond");
  await expect(issuer).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "identity provider settings, wrong issuer");
});
