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

// The invitation codes page (admins): making a set, downloading its codes,
// revoking one.
export class CodeSetsPage {
  constructor(page) {
    this.page = page;
    this.name = page.getByLabel(/^(Nom de la série|Name of the set)$/);
    this.size = page.getByLabel(/^(Nombre de codes|Number of codes)/);
    this.createButton = page.getByRole("button", { name: /^(Créer la série|Create the set)$/ });
  }

  /** Makes a set of `size` codes named `name`. */
  async create(name, size) {
    await this.name.fill(name);
    await this.size.fill(String(size));
    await this.createButton.click();
  }

  /** A set in the list, by its name. */
  set(name) {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name, exact: true, level: 3 }) });
  }

  /** A set's CSV download link (`semicolon` or `comma`). */
  csvLink(name, separator = "semicolon") {
    const label = separator === "semicolon" ? /^CSV \((point-virgule|semicolon), Excel\)$/ : /^CSV \((virgule|comma)\)$/;
    return this.set(name).getByRole("link", { name: label });
  }

  /** Fetches what a set's download link gives, with the page's session: its lines, without the BOM. */
  async download(name, separator = "semicolon") {
    const href = await this.csvLink(name, separator).getAttribute("href");
    const response = await this.page.request.get(new URL(href, this.page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
    return (await response.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  }

  /** Types `code` in a set's revocation form and sends it. */
  async revoke(name, code) {
    const set = this.set(name);
    await set.getByLabel(/^(Code à révoquer|Code to revoke)$/).fill(code);
    await set.getByRole("button", { name: /^(Révoquer|Revoke)$/ }).click();
  }

  /** Where a set's revocation form says what happened. */
  revokeStatus(name) {
    return this.set(name).getByRole("status");
  }
}

// The editor's "Who can vote?" (polls).
export class ParticipationField {
  constructor(page) {
    this.page = page;
    this.group = page.getByRole("group", { name: /^(Qui peut voter \?|Who can vote\?)$/ });
    this.codeSet = page.getByLabel(/^(Série de codes|Set of codes)$/);
  }

  /** The radio button of a level, by its name. */
  level(name) {
    return this.group.getByRole("radio", { name, exact: true });
  }
}
