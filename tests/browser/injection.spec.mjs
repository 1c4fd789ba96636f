// Script injection: hostile text posted as ideas and comments is shown as
// text. No alert, no console call from payloads, no injected element.
import { expect, test } from "@playwright/test";
import { testPage } from "./pages/widgets.mjs";

const apiUrl = process.env.PARVIS_API_URL ?? "http://127.0.0.1:8787";
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

async function createWidget(request, kind) {
  const origin = new URL(apiUrl).origin;
  const signIn = await request.post(`${apiUrl}/v1/staff/session`, {
    headers: { Origin: origin },
    data: { email: "admin@test.example", password: "correct horse battery staple" },
  });
  expect(signIn.status()).toBe(201);
  const cookie = signIn.headers()["set-cookie"].split(";")[0];
  const created = await request.post(`${apiUrl}/v1/staff/widgets`, {
    headers: { Origin: origin, Cookie: cookie },
    data: { kind, title: `Injection ${kind}`, status: "open" },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

async function post(request, path, data) {
  const response = await request.post(`${apiUrl}${path}`, {
    headers: { Origin: cityOrigin, "Parvis-Voter": voter(), "CF-Connecting-IP": ip() },
    data,
  });
  expect(response.status(), JSON.stringify(data)).toBe(201);
}

test("hostile ideas and comments render as text only", async ({ page, request }) => {
  test.setTimeout(60_000);
  const ideas = await createWidget(request, "ideas");
  const comments = await createWidget(request, "comments");
  for (const payload of PAYLOADS) {
    await post(request, `/v1/widgets/${ideas}/ideas`, {
      title: payload.slice(0, 120),
      description: `${payload}\n${payload}`,
      display_name: payload.slice(0, 60),
    });
    await post(request, `/v1/widgets/${comments}/comments`, { body: payload, display_name: payload.slice(0, 60) });
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
  await page.goto(testPage([ideas, comments]));
  for (const id of [ideas, comments]) {
    await expect(page.locator(`[data-parvis-widget="${id}"]`)).toHaveAttribute("data-parvis-state", "mounted");
  }
  const box = page.locator(`[data-parvis-widget="${ideas}"]`);
  await expect(box.locator("li.idea")).toHaveCount(PAYLOADS.length);
  await expect(page.locator(`[data-parvis-widget="${comments}"]`).locator("li.comment")).toHaveCount(PAYLOADS.length);
  // Fire the events that hostile handlers listen to on every rendered element.
  await page.evaluate(() => {
    for (const host of document.querySelectorAll("[data-parvis-widget]")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        for (const type of ["mouseover", "focus", "load", "error", "toggle"]) el.dispatchEvent(new Event(type));
      }
    }
  });
  await page.waitForTimeout(300);

  const report = await page.evaluate(() => {
    const found = { tags: [], handlers: [], links: [] };
    for (const host of document.querySelectorAll("[data-parvis-widget]")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        const tag = el.tagName.toLowerCase();
        if (["script", "img", "iframe", "svg", "math", "object", "embed", "details", "table"].includes(tag)) found.tags.push(tag);
        if (tag === "style" && el.parentNode !== host.shadowRoot) found.tags.push("style");
        for (const attr of el.getAttributeNames()) if (attr.startsWith("on")) found.handlers.push(`${tag}.${attr}`);
        if (tag === "a" && !/^https?:\/\//.test(el.getAttribute("href"))) found.links.push(el.getAttribute("href"));
      }
    }
    return { ...found, executed: window.__executed };
  });
  expect(report).toEqual({ tags: [], handlers: [], links: [], executed: [] });
  await expect(box.getByText("<script>alert('xss1')</script>", { exact: true }).first()).toBeVisible();
});
