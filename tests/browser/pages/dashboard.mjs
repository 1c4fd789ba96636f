// Page object for the staff dashboard at /admin/ (same origin as the API).
import { expect } from "@playwright/test";

export const apiUrl = process.env.PARVIS_API_URL ?? "http://127.0.0.1:8787";

export class Dashboard {
  constructor(page) {
    this.page = page;
  }

  async open(hash = "#/widgets") {
    await this.page.goto(`${apiUrl}/admin/${hash}`);
  }

  async signIn(email = "admin@test.example", password = "correct horse battery staple") {
    await this.page.getByLabel(/^(Adresse e-mail|E-mail address)$/).fill(email);
    await this.page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
    await this.page.getByRole("button", { name: /^(Se connecter|Sign in)$/ }).click();
    await expect(this.page.getByRole("button", { name: /^(Se déconnecter|Sign out)$/ })).toBeVisible();
  }
}

// The widget page's "Embed on your site" panel: the three ways to put a
// widget on a site, and the check of a page's address.
export class EmbedPanel {
  constructor(page) {
    this.page = page;
    this.section = page.getByRole("region", { name: /^(Intégrer sur votre site|Embed on your site)$/ });
    this.script = this.section.getByTestId("snippet");
    this.iframe = this.section.getByTestId("iframe-snippet");
    this.link = this.section.getByTestId("consultation-link");
    this.address = this.section.getByLabel(/^(Collez l’adresse de votre page|Paste your page's address)$/);
    this.verdict = this.section.getByTestId("embed-check-result");
  }

  /** Checks a page's address against the city's allowed sites. */
  async check(address) {
    await this.address.fill(address);
    await this.section.getByRole("button", { name: /^(Vérifier|Check)$/ }).click();
  }

  /** Opens the "Options" disclosure (language and theme), unless it is open. */
  async openOptions() {
    const details = this.section.locator("details.embed-options");
    if ((await details.getAttribute("open")) === null) await details.locator("> summary").click();
    await expect(details).toHaveAttribute("open", "");
  }
}
