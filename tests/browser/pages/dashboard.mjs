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
