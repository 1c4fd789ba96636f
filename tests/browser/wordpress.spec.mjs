// A WordPress post whose body is only a consultation link, on a real
// WordPress (Debian's 6.1, started by xtask's wordpress.rs): WordPress finds
// the oEmbed link on the consultation page itself, sanitizes Parvis' answer,
// sandboxes the iframe (`allow-scripts` only: an opaque origin, no storage,
// no form submission) and resizes it from the frame's height messages with
// its own wp-embed.js. Nothing of that is stubbed here.
//
// The post's page says lang="en-US" (WordPress installed in English); the
// widget inside the frame speaks its own language, French.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { apiUrl } from "./pages/staff-api.mjs";

const postUrl = process.env.PARVIS_WP_POST_URL;

test.skip(!postUrl, "PARVIS_WP_POST_URL is unset: no WordPress post to open (see xtask/src/wordpress.rs)");

/** The WordPress post, its embedded iframe and the document inside it. */
class EmbeddedPost {
  constructor(page) {
    this.page = page;
    this.iframe = page.locator("iframe.wp-embedded-content");
    this.frame = page.frameLocator("iframe.wp-embedded-content");
  }

  async open() {
    await this.page.goto(postUrl);
    await expect(this.iframe).toHaveCount(1);
  }

  /** The consultation's id, read from the iframe's address. */
  async widgetId() {
    const src = await this.iframe.getAttribute("src");
    return new URL(src).pathname.split("/").pop();
  }

  /** The poll as the API shows it: title, options and counts. */
  async poll(request) {
    const response = await request.get(`${apiUrl}/v1/widgets/${await this.widgetId()}`);
    expect(response.status()).toBe(200);
    const view = await response.json();
    expect(view.kind, "the post should embed a poll").toBe("poll");
    return view;
  }

  option(label) {
    return this.frame.getByRole("radio", { name: label }).or(this.frame.getByRole("checkbox", { name: label }));
  }

  get voteButton() {
    return this.frame.getByRole("button", { name: "Voter" });
  }

  /** Waits until WordPress shows the frame (it hides it until a message from the frame arrives) and the widget can take a vote. */
  async waitUntilInteractive() {
    await expect(this.iframe, "wp-embed.js still hides the frame: no message from it was accepted").not.toHaveAttribute("style", /clip/);
    await expect(this.voteButton).toBeEnabled();
  }

  /** The iframe's height and the framed document's scroll sizes, in CSS pixels. */
  async sizes() {
    const outer = await this.iframe.evaluate((f) => ({
      attribute: f.getAttribute("height"),
      height: f.clientHeight,
    }));
    const inner = await this.frame.locator("html").evaluate((root) => ({
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
    }));
    return { ...outer, ...inner };
  }

  /**
   * Waits until wp-embed.js has stopped resizing the iframe (the same height
   * twice in a row) and returns by how much the framed document overflows it.
   */
  async expectToFitItsContent(when) {
    let previous;
    await expect
      .poll(
        async () => {
          const { attribute, height, scrollHeight } = await this.sizes();
          const settled = attribute === previous;
          previous = attribute;
          return settled ? scrollHeight - height : Number.POSITIVE_INFINITY;
        },
        { message: `${when}: pixels of the frame's content below its bottom edge (an inner scrollbar)` },
      )
      .toBeLessThanOrEqual(0);
    const { scrollWidth, clientWidth } = await this.sizes();
    expect(scrollWidth, `${when}: the frame's content is wider than the frame`).toBeLessThanOrEqual(clientWidth);
  }
}

test("WordPress turns the pasted link into Parvis' frame, sandboxed", async ({ page }) => {
  const post = new EmbeddedPost(page);
  await post.open();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await expect(post.iframe).toHaveAttribute("sandbox", "allow-scripts");
  await expect(post.iframe).toHaveAttribute("src", new RegExp(`^${escapeRegExp(apiUrl)}/embed/`));
  // WordPress' secret, which the frame reads from its address and returns
  // in each message: wp-embed.js ignores messages without it.
  const secret = await post.iframe.getAttribute("data-secret");
  expect(secret).toMatch(/^[a-zA-Z0-9]{10}$/);
  expect(await post.iframe.getAttribute("src")).toMatch(new RegExp(`#\\?secret=${secret}$`));
  await expect(post.iframe).toHaveAttribute("title", /\S/);
  // wp-embed.js shows the iframe (and hides the link quoted above it) only
  // once the frame has sent a message with the right secret.
  await expect(post.iframe).not.toHaveAttribute("style", /clip/);
  await expect(page.locator("blockquote.wp-embedded-content")).toBeHidden();
});

test("a resident votes inside the frame, sees the results, and the frame fits them", async ({ page, request }) => {
  const post = new EmbeddedPost(page);
  await post.open();
  const poll = await post.poll(request);
  const choice = poll.options[0];
  await post.waitUntilInteractive();
  await expect(post.frame.getByRole("heading", { name: poll.title })).toBeVisible();
  await post.expectToFitItsContent("before voting");

  await post.option(choice.label).check();
  await post.voteButton.click();
  await expect(post.frame.getByRole("status")).toHaveText("Merci, votre vote est enregistré.");
  await expect(post.frame.getByText("Vous avez voté.")).toBeVisible();
  await expect(post.frame.getByRole("heading", { name: "Résultats" })).toBeVisible();
  // Other specs may vote in the same poll at the same time: a lower bound.
  const figures = post.frame.locator("li.result", { hasText: choice.label }).locator(".result-figures");
  const shown = (await figures.textContent()).match(/\(([\d\s\u202f\u00a0]+) votes?\)/);
  expect(shown, "the chosen option's figures say how many votes").not.toBeNull();
  expect(Number(shown[1].replace(/\D/g, ""))).toBeGreaterThan(choice.count ?? 0);
  await post.expectToFitItsContent("after voting");
});

test("the frame has no accessibility violations, before and after voting", async ({ page }) => {
  const post = new EmbeddedPost(page);
  await post.open();
  await post.waitUntilInteractive();
  await expectNoViolationsInFrame(page, "form");
  await post.option(/./).first().check();
  await post.voteButton.click();
  await expect(post.frame.getByRole("heading", { name: "Résultats" })).toBeVisible();
  await expectNoViolationsInFrame(page, "results");
});

/** axe-core on the post page, limited to the iframe (its title) and the document inside it. */
async function expectNoViolationsInFrame(page, label) {
  const results = await new AxeBuilder({ page })
    .include("iframe.wp-embedded-content")
    .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
    .analyze();
  // A frame selector path has two parts: proof that axe looked inside the frame.
  const checkedInside = results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
  expect(checkedInside, `${label}: axe checked nothing inside the frame`).toBe(true);
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" >>> ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
