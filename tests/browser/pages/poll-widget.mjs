// Page object for the poll widget. Playwright's locators pierce open shadow
// roots, so the widget is addressed by role and name, as a resident sees it.
import { expect } from "@playwright/test";

export class PollWidget {
  /** @param {import("@playwright/test").Page} page */
  constructor(page, widgetId) {
    this.page = page;
    this.widgetId = widgetId;
    this.host = page.locator(`[data-parvis-widget="${widgetId}"]`);
  }

  option(label) {
    return this.host.getByRole("radio", { name: label });
  }

  get voteButton() {
    return this.host.getByRole("button", { name: /^(Voter|Vote)$/ });
  }

  get status() {
    return this.host.getByRole("status");
  }

  resultFor(label) {
    return this.host.locator("li.result", { hasText: label }).locator(".result-figures");
  }

  async waitUntilInteractive() {
    await expect(this.host).toHaveAttribute("data-parvis-state", "mounted");
    await expect(this.voteButton).toBeEnabled();
  }

  async vote(label) {
    await this.option(label).check();
    await this.voteButton.click();
  }
}
