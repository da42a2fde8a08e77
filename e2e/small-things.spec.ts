import { expect, test } from "./fixtures";

// Issue 14 item 9 and the metadata half of item 2.
test.describe("site chrome", () => {
  test("a favicon that loads, and an Open Graph image", async ({ page, request }) => {
    await page.goto("/401");
    const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(icon).toBeTruthy();
    const iconRes = await request.get(icon!);
    expect(iconRes.status()).toBe(200);
    expect(iconRes.headers()["content-type"]).toMatch(/^image\//);
    // Browsers ask for /favicon.ico whatever the page says.
    expect((await request.get("/favicon.ico")).status()).toBe(200);

    const og = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(og).toMatch(/^https?:\/\//);
    const ogRes = await request.get(new URL(og!).pathname);
    expect(ogRes.status()).toBe(200);
    expect(ogRes.headers()["content-type"]).toBe("image/png");
  });

  test("canonical and og:url are absolute and name the page", async ({ page }) => {
    for (const path of ["/", "/401", "/compare/401-vs-403", "/inspect", "/docs/simulator"]) {
      await page.goto(path);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      const ogUrl = await page.locator('meta[property="og:url"]').getAttribute("content");
      expect(canonical, path).toMatch(/^https?:\/\/[^/]+(\/|$)/);
      expect(new URL(canonical!).pathname).toBe(path);
      expect(ogUrl).toBe(canonical);
    }
  });

  test("the theme button cycles system, light, dark and back to system", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    const button = page.getByRole("button", { name: /^Theme:/ });
    await expect(button).toHaveAccessibleName("Theme: system (dark)");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await button.click();
    await expect(button).toHaveAccessibleName("Theme: light");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await button.click();
    await expect(button).toHaveAccessibleName("Theme: dark");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.getByRole("button", { name: /^Theme:/ })).toHaveAccessibleName("Theme: dark");
    await page.getByRole("button", { name: /^Theme:/ }).click();
    await expect(page.getByRole("button", { name: /^Theme:/ })).toHaveAccessibleName("Theme: system (dark)");
    expect(await page.evaluate(() => localStorage.getItem("theme"))).toBeNull();
    // Following the system again: a light system gives a light page.
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("the nav shows where you are", async ({ page }) => {
    await page.goto("/inspect");
    const nav = page.getByRole("navigation", { name: "Site" });
    await expect(nav.getByRole("link", { name: "Inspector" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Comparisons" })).not.toHaveAttribute("aria-current");
    await page.goto("/compare/401-vs-403");
    await expect(nav.getByRole("link", { name: "Comparisons" })).toHaveAttribute("aria-current", "true");
  });

  test("/compare accepts either order", async ({ page }) => {
    const res = await page.goto("/compare/403-vs-401");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/compare\/401-vs-403$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("401");
  });

  test("the not-found page names the codes it suggests", async ({ page }) => {
    // "4o4": not a code (so not an unassigned-code page), but the letter reads as a digit.
    const res = await page.goto("/4o4");
    expect(res?.status()).toBe(404);
    const list = page.getByRole("list", { name: "Suggested codes" });
    await expect(list.getByRole("link").first()).toHaveText("404 Not Found");
  });
});
