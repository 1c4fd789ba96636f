// Page objects for the resident widgets. Playwright's locators pierce open
// shadow roots, so widgets are addressed by role and name, as residents see them.
import { expect } from "@playwright/test";

/** The test page with the given placeholders and options. */
export function testPage(ids, options = {}) {
  const params = new URLSearchParams({ w: ids.join(","), ...options });
  return `/test-pages/widgets.html?${params}`;
}

class Widget {
  constructor(page, id, index = 0) {
    this.page = page;
    this.host = page.locator(`[data-parvis-widget="${id}"]`).nth(index);
  }

  get status() {
    return this.host.getByRole("status");
  }

  async mounted() {
    await expect(this.host).toHaveAttribute("data-parvis-state", "mounted");
    await expect(this.host.locator(".loading")).toHaveCount(0);
  }
}

export class PollWidget extends Widget {
  option(label) {
    return this.host.getByRole("radio", { name: label }).or(this.host.getByRole("checkbox", { name: label }));
  }

  get voteButton() {
    return this.host.getByRole("button", { name: /^(Voter|Vote)$/ });
  }

  resultFor(label) {
    return this.host.locator("li.result", { hasText: label }).locator(".result-figures");
  }

  async waitUntilInteractive() {
    await this.mounted();
    await expect(this.voteButton).toBeEnabled();
  }

  async vote(label) {
    await this.option(label).check();
    await this.voteButton.click();
  }
}

export class IdeaBox extends Widget {
  idea(title) {
    return this.host.locator("li.idea", { has: this.page.getByRole("heading", { name: title, exact: true }) });
  }

  async propose(title, description = "", name = "") {
    await this.host.getByLabel(/^(Titre de votre idée|Title of your idea)$/).fill(title);
    if (description) await this.host.getByLabel(/^Description/).fill(description);
    if (name) await this.host.getByLabel(/^(Nom affiché|Display name)/).fill(name);
    await this.host.getByRole("button", { name: /^(Envoyer mon idée|Send my idea)$/ }).click();
  }
}

export class CommentThread extends Widget {
  comment(text) {
    return this.host.locator("li.comment", { hasText: text }).first();
  }

  async post(text, name = "") {
    const form = this.host.locator("form.comment-form").first();
    await form.getByLabel(/^(Votre commentaire|Your comment)$/).fill(text);
    if (name) await form.getByLabel(/^(Nom affiché|Display name)/).fill(name);
    await form.getByRole("button", { name: /^(Publier|Publish)$/ }).click();
  }
}
