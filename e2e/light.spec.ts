import type { Page } from "@playwright/test";

import { base, expect, hydrated } from "./fixtures";

// Issue 14 "Light and fast": the console's code loads when a reader gets near it, never on the index
// or a comparison; the quick-jump's index loads when it first opens.

/** Every script body the page fetched, by URL. */
function scripts(page: Page): Map<string, string> {
  const seen = new Map<string, string>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    seen.set(res.url(), await res.text().catch(() => ""));
  });
  return seen;
}

// A string only the request console's code contains.
const CONSOLE_CODE = "Request console for";

const consoleLoaded = (seen: Map<string, string>) => [...seen.values()].some((s) => s.includes(CONSOLE_CODE));

base("a reference page loads the console's code only when the reader scrolls to it", async ({ page }) => {
  const seen = scripts(page);
  await page.goto("/401");
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  expect(consoleLoaded(seen)).toBe(false);
  await expect(page.getByTestId("console")).toHaveCount(0);
  await page.getByTestId("console-slot").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("console")).toBeVisible();
  await expect.poll(() => consoleLoaded(seen)).toBe(true);
});

for (const path of ["/", "/compare/401-vs-403"]) {
  base(`${path} never loads the console's code, even scrolled to the end`, async ({ page }) => {
    const seen = scripts(page);
    await page.goto(path);
    await hydrated(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(seen.size).toBeGreaterThan(0);
    expect(consoleLoaded(seen)).toBe(false);
  });
}

base("the quick-jump fetches its index when it first opens, not with the page", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto("/401");
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  expect(asked).not.toContain("/search-index.json");
  const html = await page.content();
  expect(html).not.toContain("rate limit"); // 429's keyword: no page carries the palette's index
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Jump to a status code" });
  await page.keyboard.type("429");
  await expect(dialog.getByRole("option").first()).toContainText("Too Many Requests");
  expect(asked).toContain("/search-index.json");
});
