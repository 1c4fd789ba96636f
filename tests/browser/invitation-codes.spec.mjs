// A poll by invitation code, as a resident meets it: the rule and what is
// kept said before acting, the code field, each refusal where it belongs,
// and axe in every state, in French and English.
import { expect, test } from "@playwright/test";
import { expectNoWidgetViolations as expectNoViolations } from "./pages/axe.mjs";
import { createCodeSet, createWidget } from "./pages/staff-api.mjs";
import { PollWidget, testPage } from "./pages/widgets.mjs";

const words = {
  fr: {
    rule: "Vote sur invitation",
    field: "Code d’invitation",
    malformed: "Ce code n’a pas la forme d’un code d’invitation",
    invalid: "Ce code n’est pas un code d’invitation de ce vote.",
    used: "Ce code d’invitation a déjà servi pour ce vote.",
    voted: "Vous avez voté.",
  },
  en: {
    rule: "Vote by invitation",
    field: "Invitation code",
    malformed: "This does not look like an invitation code",
    invalid: "This is not one of this vote's invitation codes.",
    used: "This invitation code has already been used for this vote.",
    voted: "You voted.",
  },
};

for (const lang of ["fr", "en"]) {
  test(`a resident votes with an invitation code, refusals on the code field (${lang})`, async ({ page, request }) => {
    const t = words[lang];
    const { id: set, codes } = await createCodeSet(request, `Foyers (${lang})`, 3);
    const poll = await createWidget(request, {
      kind: "poll",
      title: lang === "fr" ? "Quel projet pour le quartier ?" : "Which project for the neighbourhood?",
      participation: "code",
      code_set_id: set,
      options: [{ label: "Un jardin" }, { label: "Une aire de jeux" }],
    });
    await page.goto(testPage([poll], { lang }));
    const widget = new PollWidget(page, poll);
    await widget.waitUntilInteractive();
    // Said before acting: who may vote, and what is kept.
    await expect(widget.host.getByText(t.rule)).toBeVisible();
    const field = widget.host.getByLabel(t.field);
    await expect(field).toBeVisible();
    await expectNoViolations(page, `code poll, form (${lang})`);

    await widget.option("Un jardin").check();
    await field.fill("pas un code");
    await widget.voteButton.click();
    await expect(widget.host.getByRole("alert")).toContainText(t.malformed);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectNoViolations(page, `code poll, malformed code (${lang})`);

    await field.fill("ABCD-EFGH-JKMN-PQRS");
    await widget.voteButton.click();
    await expect(widget.host.getByRole("alert")).toContainText(t.invalid);

    await field.fill(codes[0].toLowerCase());
    await widget.voteButton.click();
    await expect(widget.host.getByText(t.voted)).toBeVisible();
    await expectNoViolations(page, `code poll, voted (${lang})`);

    // The same code on another device (a fresh page, no voter token).
    const again = await page.context().browser().newPage();
    await again.goto(new URL(testPage([poll], { lang }), page.url()).href);
    const second = new PollWidget(again, poll);
    await second.waitUntilInteractive();
    await second.option("Un jardin").check();
    await again.locator(`[data-parvis-widget="${poll}"]`).getByLabel(t.field).fill(codes[0]);
    await second.voteButton.click();
    await expect(second.host.getByRole("alert")).toContainText(t.used);
    await again.close();
  });
}
