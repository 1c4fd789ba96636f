// Comment threads in real Chromium.
import { expect, test } from "@playwright/test";
import { postAsResident } from "./pages/resident-api.mjs";
import { createWidget } from "./pages/staff-api.mjs";
import { CommentThread, PollWidget, testPage } from "./pages/widgets.mjs";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("comment, reply, support, report and delete", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(testPage(["test-comments"]));
  const thread = new CommentThread(page, "test-comments");
  await thread.mounted();
  const text = `Quand commencent les travaux ? ${unique()}`;
  await thread.post(text, "Hugo");
  await expect(thread.status).toHaveText("Votre commentaire est publié.");
  const comment = thread.comment(text);
  await expect(comment.getByText("Hugo")).toBeVisible();

  await comment.getByRole("button", { name: "Répondre" }).click();
  const reply = `En mars, d’après l’article. ${unique()}`;
  await comment.getByLabel("Votre réponse").fill(reply);
  await comment.getByRole("button", { name: "Publier" }).click();
  await expect(comment.locator(".replies").getByText(reply)).toBeVisible();

  await comment.getByRole("button", { name: "Soutenir" }).first().click();
  await expect(comment.locator(".count").first()).toHaveText("1 soutien");

  const replyItem = comment.locator(".replies li.comment").first();
  await replyItem.getByRole("button", { name: "Signaler" }).click();
  await replyItem.getByRole("radio", { name: "Hors sujet" }).check();
  await replyItem.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(thread.status).toHaveText("Merci, votre signalement a été transmis.");

  await replyItem.getByRole("button", { name: "Supprimer" }).click();
  await expect(thread.status).toHaveText("Votre commentaire est supprimé.");
  await expect(comment.locator(".replies")).toHaveCount(0);
});

test("a comment under moderation says it awaits review", async ({ page }) => {
  await page.goto(testPage(["test-comments-moderated"], { lang: "en" }));
  const thread = new CommentThread(page, "test-comments-moderated");
  await thread.mounted();
  const text = `Pending comment ${unique()}`;
  await thread.post(text);
  await expect(thread.status).toHaveText("Thank you! Your comment will be published once reviewed.");
  await expect(thread.comment(text).getByText("Awaiting moderation")).toBeVisible();
});

test("a comment with the keyboard alone", async ({ page }) => {
  await page.goto(testPage(["test-comments"]));
  const thread = new CommentThread(page, "test-comments");
  await thread.mounted();
  await page.keyboard.press("Tab");
  await expect(thread.host.getByLabel("Votre commentaire")).toBeFocused();
  const text = `Écrit au clavier ${unique()}`;
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(thread.host.getByRole("button", { name: "Publier" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(thread.comment(text)).toBeVisible();
});

test("links in comments are plain http(s) links with safe rel, nothing else is markup", async ({ page }) => {
  await page.goto(testPage(["test-comments"]));
  const thread = new CommentThread(page, "test-comments");
  await thread.mounted();
  const text = `Voir https://www.ville.example/projet et <b>pas de gras</b> ${unique()}`;
  await thread.post(text);
  const comment = thread.comment("pas de gras");
  const link = comment.getByRole("link", { name: "https://www.ville.example/projet" });
  await expect(link).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(comment.locator("b")).toHaveCount(0);
  await expect(comment.getByText("<b>pas de gras</b>", { exact: false })).toBeVisible();
});

test("a report still on its way when the thread redraws leaves every widget working", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(testPage(["test-comments", "test-multi-poll"]));
  const thread = new CommentThread(page, "test-comments");
  await thread.mounted();
  const text = `Un commentaire à signaler ${unique()}`;
  await thread.post(text);
  const comment = thread.comment(text);
  await expect(comment).toBeVisible();

  // Hold the report until the thread has redrawn under it (a new comment).
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/reports", async (route) => {
    await held;
    await route.continue();
  });
  await comment.getByRole("button", { name: "Signaler" }).click();
  await comment.getByRole("radio", { name: "Hors sujet" }).check();
  await comment.getByRole("button", { name: "Envoyer le signalement" }).click();
  const other = `Un autre commentaire pendant ce temps ${unique()}`;
  await thread.post(other);
  await expect(thread.comment(other)).toBeVisible();
  const answered = page.waitForResponse((r) => r.url().endsWith("/reports"));
  release();
  await answered;

  // The page's widgets still answer: a support here, a vote there.
  await thread.comment(other).getByRole("button", { name: "Soutenir" }).click();
  await expect(thread.comment(other).locator(".count").first()).toHaveText("1 soutien");
  const poll = new PollWidget(page, "test-multi-poll");
  await poll.option("A").check();
  await expect(poll.option("A")).toBeChecked();
  expect(errors).toEqual([]);
});

test("a reply being typed survives another comment being posted", async ({ page }) => {
  await page.goto(testPage(["test-comments"]));
  const thread = new CommentThread(page, "test-comments");
  await thread.mounted();
  const text = `Un commentaire qui attend sa réponse ${unique()}`;
  await thread.post(text);
  const comment = thread.comment(text);
  await comment.getByRole("button", { name: "Répondre" }).click();
  const draft = `Réponse en cours d’écriture ${unique()}`;
  await comment.getByLabel("Votre réponse").fill(draft);
  const other = `Un autre commentaire entre-temps ${unique()}`;
  await thread.post(other);
  await expect(thread.comment(other)).toBeVisible();
  await expect(comment.getByLabel("Votre réponse")).toHaveValue(draft);
});

test("hardening 5: ten replies show, the rest come on request and the focus stays put", async ({ page, request }) => {
  const thread = await createWidget(request, { kind: "comments", title: `Fil profond ${unique()}` });
  const origin = process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080";
  const voter = (i) => `${Date.now().toString(16).padStart(26, "0")}${String(i).padStart(4, "0")}ab`;
  const parentText = `Un sujet très discuté ${unique()}`;
  const parent = await postAsResident(request, {
    widget: thread, tail: "/comments", data: { body: parentText }, origin, voter: voter(99), ip: "198.51.100.140",
  });
  for (let i = 0; i < 12; i++) {
    await postAsResident(request, {
      widget: thread, tail: "/comments", data: { body: `Réponse numéro ${i + 1}.`, parent_id: parent.id },
      origin, voter: voter(i), ip: `198.51.100.${141 + i}`,
    });
  }
  await page.goto(testPage([thread]));
  const widget = new CommentThread(page, thread);
  await widget.mounted();
  const comment = widget.comment(parentText);
  const replies = comment.locator("ul.replies > li.comment");
  await expect(replies).toHaveCount(10);
  const more = comment.getByRole("button", { name: "Afficher les réponses suivantes (2 restantes)" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(replies).toHaveCount(12);
  await expect(replies.last()).toContainText("Réponse numéro 12.");
  await expect(widget.status).toHaveText("2 réponses de plus affichées");
  // The button has gone with nothing left to show; the focus is on the replies, not lost.
  await expect(more).toHaveCount(0);
  await expect(comment.locator("ul.replies")).toBeFocused();
});
