// Script injection: hostile text posted as ideas and comments is shown as
// text. No alert, no console call from payloads, no injected element.
import { expect, test } from "@playwright/test";
import { postAsResident } from "./pages/resident-api.mjs";
import { createWidget } from "./pages/staff-api.mjs";
import { testPage } from "./pages/widgets.mjs";

const cityOrigin = new URL(process.env.PARVIS_CITY_URL ?? "http://127.0.0.1:8080").origin;

const PAYLOADS = [
  "<script>alert('xss1')</script>",
  "<img src=x onerror=alert('xss2')>",
  "<svg onload=alert('xss3')>",
  "<iframe src=javascript:alert('xss4')>",
  "\"><script>console.log('xss5')</script>",
  "javascript:alert('xss6')",
  "<a href=\"javascript:alert('xss7')\">clic</a>",
  "<body onload=alert('xss8')>",
  "<details open ontoggle=alert('xss9')>",
  "{{constructor.constructor('alert(10)')()}}",
  "<style>*{display:none}</style>",
  "https://ex.example/\"onmouseover=alert('xss11')",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss12')>",
  "&lt;script&gt;alert('xss13')&lt;/script&gt;",
];

let counter = 0;
const voter = () => `${Date.now().toString(16).padStart(24, "0")}${(counter++).toString(16).padStart(8, "0")}`;
const ip = () => `198.18.${200 + (counter % 50)}.${counter % 250}`;

function createHostileWidget(request, kind) {
  return createWidget(request, { kind, title: `Injection ${kind}` });
}

function post(request, widget, tail, data) {
  return postAsResident(request, { widget, tail, data, origin: cityOrigin, voter: voter(), ip: ip() });
}

test("hostile ideas and comments render as text only", async ({ page, request }) => {
  test.setTimeout(90_000);
  const ideas = await createHostileWidget(request, "ideas");
  const comments = await createHostileWidget(request, "comments");
  for (const payload of PAYLOADS) {
    await post(request, ideas, "/ideas", {
      title: payload.slice(0, 120),
      description: `${payload}\n${payload}`,
      display_name: payload.slice(0, 60),
    });
    await post(request, comments, "/comments", { body: payload, display_name: payload.slice(0, 60) });
  }

  await page.addInitScript(() => {
    window.__executed = [];
    for (const name of ["alert", "confirm", "prompt"]) {
      window[name] = (...args) => window.__executed.push(`${name}:${args.join(",")}`);
    }
    const log = console.log.bind(console);
    console.log = (...args) => {
      if (String(args[0]).includes("xss")) window.__executed.push(`console:${args.join(",")}`);
      log(...args);
    };
  });
  // First as the server renders them (the widgets' code blocked), then
  // as the widgets' code draws them.
  for (const stage of ["fragment", "mounted"]) {
    if (stage === "fragment") await page.route("**/pkg/**", (route) => route.abort());
    else await page.unroute("**/pkg/**");
    await page.goto(testPage([ideas, comments]));
    for (const id of [ideas, comments]) {
      const state = stage === "fragment" ? "failed" : "mounted";
      await expect(page.locator(`[data-parvis-widget="${id}"]`)).toHaveAttribute("data-parvis-state", state);
    }
    const box = page.locator(`[data-parvis-widget="${ideas}"]`);
    await expect(box.locator("li.idea")).toHaveCount(PAYLOADS.length);
    await expect(page.locator(`[data-parvis-widget="${comments}"]`).locator("li.comment")).toHaveCount(PAYLOADS.length);
    await expectOnlyText(page);
    await expect(box.getByText("<script>alert('xss1')</script>", { exact: true }).first()).toBeVisible();
  }
});

/** No payload ran or became markup: no element, handler or link of theirs. */
async function expectOnlyText(page) {
  // Fire the events that hostile handlers listen to on every rendered element.
  await page.evaluate(() => {
    for (const host of document.querySelectorAll("[data-parvis-widget]")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        for (const type of ["mouseover", "focus", "load", "error", "toggle"]) el.dispatchEvent(new Event(type));
      }
    }
  });
  // dispatchEvent runs listeners synchronously: anything a payload could
  // have run has run by now, with no wait.

  const report = await page.evaluate(() => {
    const found = { tags: [], handlers: [], links: [] };
    for (const host of document.querySelectorAll("[data-parvis-widget]")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        const tag = el.tagName.toLowerCase();
        // The fragment's seed: JSON, never run, the shadow root's own child.
        const seed = el.matches('script[type="application/json"][data-parvis-seed]') && el.parentNode === host.shadowRoot;
        if (seed) continue;
        if (["script", "img", "iframe", "svg", "math", "object", "embed", "details", "table"].includes(tag)) found.tags.push(tag);
        if (tag === "style" && el.parentNode !== host.shadowRoot) found.tags.push("style");
        for (const attr of el.getAttributeNames()) if (attr.startsWith("on")) found.handlers.push(`${tag}.${attr}`);
        if (tag === "a" && !/^https?:\/\//.test(el.getAttribute("href"))) found.links.push(el.getAttribute("href"));
      }
    }
    return { ...found, executed: window.__executed };
  });
  expect(report).toEqual({ tags: [], handlers: [], links: [], executed: [] });
}
