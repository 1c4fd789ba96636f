// axe-core with the project's rules (WCAG 2.1 A and AA), for every spec.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

/** Fails with the violations' rules and targets, within `include` (CSS) when given. */
export async function expectNoViolations(page, label, include) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

/** The same, on the widgets of the page only. */
export function expectNoWidgetViolations(page, label) {
  return expectNoViolations(page, label, "[data-parvis-widget]");
}
