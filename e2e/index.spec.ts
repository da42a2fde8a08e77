import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test.describe("index", () => {
  test("filters instantly by number, name and keyword, from the keyboard alone", async ({ page }) => {
    await page.goto("/");
    const filter = page.getByLabel("Filter by number, name or keyword");
    await filter.focus();
    await page.keyboard.type("rate limit");
    const results = page.getByRole("list", { name: "Matching codes" });
    await expect(results.getByRole("link").first()).toContainText("429");
    await filter.fill("gateway");
    // Reason-phrase matches (Bad Gateway, Gateway Timeout) come before keyword matches.
    await expect(results.getByRole("link").nth(1)).toBeVisible();
    const firstTwo = (await results.getByRole("link").allTextContents())
      .slice(0, 2)
      .map((t) => t.slice(0, 3));
    expect(firstTwo.sort()).toEqual(["502", "504"]);
    await filter.fill("zzzz");
    await expect(page.getByText(/No code matches/)).toBeVisible();
    await filter.fill("41");
    await expect(results.getByRole("link").first()).toContainText("410");
    // ↓ moves into the results, Enter follows the focused link.
    await page.keyboard.press("ArrowDown");
    await expect(results.getByRole("link").first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/410$/);
  });

  test("Enter in the filter opens the best match", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Filter by number, name or keyword").fill("teapot");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/418$/);
  });

  test("typing 4 0 4 Enter anywhere jumps to /404", async ({ page }) => {
    await page.goto("/401");
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.type("404");
    await expect(page.getByRole("dialog", { name: "Jump to a status code" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/404$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("404 Not Found");
  });

  test("Ctrl+K opens the palette; arrows choose; Escape closes", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Jump to a status code" });
    await expect(dialog).toBeVisible();
    await page.keyboard.type("redirect");
    await expect(dialog.getByRole("option").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.keyboard.press("Control+k");
    await page.keyboard.type("too many");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/429$/);
  });

  test("dark mode follows the toggle and is remembered", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/401");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/dark/);
    const toggle = page.getByRole("button", { name: /^Theme:/ });
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    await expect(html).toHaveClass(/dark/);
    await expect(toggle).toHaveAccessibleName("Theme: dark");
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe("rgb(255, 255, 255)");
    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await page.getByRole("button", { name: /^Theme:/ }).click(); // dark → system (light here)
    await page.reload();
    await expect(html).not.toHaveClass(/dark/);
  });

  test("dark mode follows the system when nothing was chosen", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("an unassigned code gets its own page: the class's x00, the simulator, the neighbours", async ({
    page,
  }) => {
    const res = await page.goto("/432");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("432, an unassigned code");
    await expect(page.getByTestId("unassigned-code")).toContainText(
      "handles 432 exactly like 400 Bad Request",
    );
    await expect(page.getByTestId("unassigned-code")).toContainText("/api/status/432");
    const nearby = page.getByRole("list", { name: "Nearby codes" });
    await expect(nearby.getByRole("link").first()).toHaveAttribute("href", "/431");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
  });
});

test.describe("comparison pages", () => {
  test("401 vs 403 is linked from both pages and compares them side by side", async ({ page }) => {
    await page.goto("/403");
    await page
      .getByTestId("comparison-links")
      .getByRole("link", { name: /401.*403/ })
      .click();
    await expect(page).toHaveURL(/\/compare\/401-vs-403$/);
    const table = page.getByTestId("comparison-table");
    await expect(table.getByRole("columnheader", { name: "401" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "403" })).toBeVisible();
    await expect(table.getByRole("row", { name: /Required headers/ })).toContainText("WWW-Authenticate");
    await page.goto("/401");
    await expect(page.getByTestId("comparison-links").getByRole("link", { name: /401.*403/ })).toBeVisible();
  });

  test("the comparisons index lists the pairs", async ({ page }) => {
    await page.goto("/compare");
    await expect(page.getByRole("link", { name: /429.*503/ })).toBeVisible();
  });
});

test.describe("accessibility", () => {
  for (const path of ["/", "/401", "/204", "/compare/401-vs-403"]) {
    test(`${path} has no axe violations (light and dark)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(path);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(path);
      await expect(page.locator("html")).toHaveClass(/dark/);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe("site files", () => {
  test("sitemap lists every code page and robots points at it", async ({ request }) => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap.match(/<loc>/g)?.length).toBeGreaterThan(89);
    expect(sitemap).toContain("/401</loc>");
    expect(sitemap).toContain("/compare/401-vs-403</loc>");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  });

  test("pages carry metadata and security headers", async ({ page }) => {
    const res = await page.goto("/429");
    expect(res?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res?.headers()["x-frame-options"]).toBe("DENY");
    await expect(page).toHaveTitle("429 Too Many Requests — statuscodes");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/429$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      "content",
      "429 Too Many Requests",
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{70,}/);
  });

  test("/api/codes serves the registry as JSON", async ({ request }) => {
    const all = await request.get("/api/codes");
    expect(all.status()).toBe(200);
    expect((await all.json()).count).toBe(89);
    const one = await request.get("/api/codes/405");
    expect(await one.json()).toMatchObject({
      code: 405,
      reason: "Method Not Allowed",
      requiredHeaders: ["Allow"],
    });
    const missing = await request.get("/api/codes/299");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toBe("application/problem+json");
  });
});

// Issue 14 items 7 and 9: the filter survives Back, arrows move within lists, the palette shows
// badges, comparisons and how many more codes match.
test.describe("search, kept and complete", () => {
  test("the index filter is in the URL and comes back on Back", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Filter by number, name or keyword").fill("rate");
    await expect(page).toHaveURL(/\/\?q=rate$/);
    const results = page.getByRole("list", { name: "Matching codes" });
    await results.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/429$/);
    await page.goBack();
    await expect(page.getByLabel("Filter by number, name or keyword")).toHaveValue("rate");
    await expect(results.getByRole("link").first()).toContainText("429");
    // A shared link opens filtered too.
    await page.goto("/?q=teapot");
    await expect(page.getByLabel("Filter by number, name or keyword")).toHaveValue("teapot");
    await expect(results.getByRole("link").first()).toContainText("418");
  });

  test("↓ and ↑ move within the index's results, ↑ from the first goes back to the filter", async ({
    page,
  }) => {
    await page.goto("/");
    const filter = page.getByLabel("Filter by number, name or keyword");
    await filter.fill("40");
    const links = page.getByRole("list", { name: "Matching codes" }).getByRole("link");
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(filter).toBeFocused();
  });

  test("the palette marks unofficial codes and offers comparisons", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Jump to a status code" });
    await page.keyboard.type("token expired");
    const unofficial = dialog.getByRole("option", { name: /498/ });
    await expect(unofficial).toContainText("Unofficial");
    await page.getByRole("combobox").fill("403 vs 401");
    const compare = dialog.getByRole("option", { name: /401 Unauthorized vs 403 Forbidden/ });
    await expect(compare).toContainText("Compare");
    await page.getByRole("combobox").fill("forbidden");
    await expect(dialog.getByRole("option").first()).toContainText("403");
    // ↓ walks past the codes to the comparison; Enter opens it.
    const options = dialog.getByRole("option");
    const n = await options.count();
    for (let i = 1; i < n; i++) await page.keyboard.press("ArrowDown");
    await expect(options.nth(n - 1)).toHaveAttribute("aria-selected", "true");
    await expect(options.nth(n - 1)).toContainText("vs");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/compare\/401-vs-403$/);
  });

  test("the palette says how many codes match beyond the eight it shows", async ({ page }) => {
    await page.goto("/401");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Jump to a status code" });
    await page.keyboard.type("4");
    await expect(dialog.getByRole("option")).toHaveCount(8);
    const count = dialog.getByTestId("palette-count");
    await expect(count).toContainText(/\d+ more codes match/);
    const more = Number(/(\d+) more/.exec(await count.innerText())?.[1]);
    await count.getByRole("link", { name: "See all on the index" }).click();
    await expect(page).toHaveURL(/\/\?q=4$/);
    await expect(page.getByRole("list", { name: "Matching codes" }).getByRole("link")).toHaveCount(8 + more);
  });
});
