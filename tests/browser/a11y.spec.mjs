// axe-core (wcag2a, wcag2aa, wcag21aa) on every widget state, in French and English.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectNoWidgetViolations as expectNoViolations } from "./pages/axe.mjs";
import { CommentThread, IdeaBox, PollWidget, testPage } from "./pages/widgets.mjs";

for (const lang of ["fr", "en"]) {
  for (const theme of ["light", "dark"]) {
    test(`poll states have no violations (${lang}, ${theme})`, async ({ page }) => {
      await page.goto(testPage(["demo-poll", "test-closed-poll", "test-scheduled-poll", "test-multi-poll"], { lang, theme }));
      const poll = new PollWidget(page, "demo-poll");
      await poll.waitUntilInteractive();
      await new PollWidget(page, "test-closed-poll").mounted();
      await new PollWidget(page, "test-scheduled-poll").mounted();
      await new PollWidget(page, "test-multi-poll").mounted();
      await expectNoViolations(page, "form, closed, scheduled, multiple");
      await poll.voteButton.click();
      await expect(poll.host.getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "error");
      // Option labels are the poll's own content: the same whatever the widget's language.
      await poll.vote("Un marché couvert");
      await expect(poll.host.locator(".results")).toBeVisible();
      await expectNoViolations(page, "results");
      await poll.host.locator(".device summary").click();
      await poll.host.getByRole("checkbox").check();
      await expectNoViolations(page, "this device, open");
    });
  }

  test(`idea box states have no violations (${lang})`, async ({ page }) => {
    await page.goto(testPage(["demo-ideas"], { lang }));
    const box = new IdeaBox(page, "demo-ideas");
    await box.mounted();
    await expectNoViolations(page, "list and form");
    await box.host.getByRole("button", { name: /^(Envoyer mon idée|Send my idea)$/ }).click();
    await expect(box.host.locator(".field-error")).toBeVisible();
    await expectNoViolations(page, "field error");
    await box.host.locator("button.support").first().click();
    await expect(box.host.locator('button.support[aria-pressed="true"]')).toHaveCount(1);
    await expectNoViolations(page, "supported");
  });

  test(`comment thread states have no violations (${lang})`, async ({ page }) => {
    await page.goto(testPage(["demo-comments"], { lang }));
    const thread = new CommentThread(page, "demo-comments");
    await thread.mounted();
    await expectNoViolations(page, "list and form");
    const first = thread.host.locator("li.comment").first();
    await first.getByRole("button", { name: /^(Répondre|Reply)$/ }).click();
    await expectNoViolations(page, "reply form");
    await first.getByRole("button", { name: /^(Signaler|Report)$/ }).first().click();
    await expectNoViolations(page, "report form");
  });
}

test("moderated idea boxes and threads have no violations", async ({ page }) => {
  await page.goto(testPage(["test-ideas-moderated", "test-comments-moderated"], { lang: "en" }));
  await new IdeaBox(page, "test-ideas-moderated").mounted();
  await new CommentThread(page, "test-comments-moderated").mounted();
  await expectNoViolations(page, "moderated");
});

test("the checker sees inside the widgets' shadow roots (a planted fault is caught)", async ({ page }) => {
  await page.goto(testPage(["demo-poll"]));
  const poll = new PollWidget(page, "demo-poll");
  await poll.waitUntilInteractive();
  await poll.host.evaluate((host) => {
    const input = document.createElement("input");
    input.type = "text";
    host.shadowRoot.querySelector(".parvis").appendChild(input);
  });
  const results = await new AxeBuilder({ page }).include("[data-parvis-widget]").withTags(["wcag2a"]).analyze();
  expect(results.violations.map((v) => v.id)).toContain("label");
});

// Before the code takes over, and when it cannot load: the server's markup.
for (const lang of ["fr", "en"]) {
  for (const theme of ["light", "dark"]) {
    test(`server-rendered states have no violations (${lang}, ${theme})`, async ({ page }) => {
      const ids = ["demo-poll", "demo-ideas", "demo-comments"];
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      await page.route("**/pkg/**", async (route) => {
        await gate;
        await route.abort();
      });
      await page.goto(testPage(ids, { lang, theme }));
      for (const id of ids) {
        await expect(page.locator(`[data-parvis-widget="${id}"]`)).toHaveAttribute("data-parvis-state", "shown");
      }
      await expectNoViolations(page, "waiting for the code");
      release();
      for (const id of ids) {
        await expect(page.locator(`[data-parvis-widget="${id}"]`)).toHaveAttribute("data-parvis-state", "failed");
      }
      await expectNoViolations(page, "code unavailable");
    });
  }
}
