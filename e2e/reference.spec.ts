import { expect, test } from "./fixtures";

test.describe("reference page /401", () => {
  test("reads well and has every section", async ({ page }) => {
    await page.goto("/401");
    await expect(page).toHaveTitle(/401 Unauthorized/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("401 Unauthorized");
    for (const section of [
      "What it means",
      "When to use it",
      "Compared with",
      "Headers",
      "Caching",
      "Client handling",
      "Error body",
      "Try it",
      "Specification",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByRole("heading", { level: 3, name: "401 vs 403" })).toBeVisible();
    // Header rules come from the registry, with their spec links.
    const rules = page.getByTestId("header-rules");
    await expect(rules.getByRole("cell", { name: "WWW-Authenticate", exact: true })).toBeVisible();
    await expect(
      page.getByTestId("spec-links").getByRole("link", { name: "RFC 9110 §15.5.2" }).first(),
    ).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2");
    // The error body example is highlighted on the server.
    await expect(page.locator("pre.shiki").first()).toBeVisible();
  });

  test("copies the absolute simulator URL, which answers 401 with its challenge", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/401");
    const url = page.getByTestId("simulator-url");
    await expect(url).toHaveText(`${baseURL}/api/status/401`);
    // Shown as text, not as a link.
    await expect(page.getByRole("link", { name: `${baseURL}/api/status/401` })).toHaveCount(0);
    await expect(page.getByTestId("curl-example")).toHaveText(`curl -i ${baseURL}/api/status/401`);

    await page.getByRole("button", { name: "Copy simulator URL" }).click();
    await expect(page.getByRole("button", { name: "Copy simulator URL: Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/api/status/401`);

    // The copied URL works from the page, the way the in-page console will call it.
    const result = await page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: "omit", cache: "no-store" });
      return { status: r.status, challenge: r.headers.get("www-authenticate"), body: await r.json() };
    }, copied);
    expect(result.status).toBe(401);
    expect(result.challenge).toMatch(/^Bearer realm=/);
    expect(result.body.status).toBe(401);
  });

  test("copy says when it failed", async ({ page, context, baseURL }) => {
    await context.clearPermissions();
    await page.goto("/401");
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
      });
    });
    await page.getByRole("button", { name: "Copy curl command" }).click();
    await expect(page.getByRole("button", { name: "Copy curl command: Copy failed" })).toBeVisible();
    expect(baseURL).toBeTruthy();
  });

  test("unknown codes get the site's 404", async ({ page }) => {
    const res = await page.goto("/999");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});

test.describe("home page", () => {
  test("lists the codes by class, each linking to its page", async ({ page }) => {
    await page.goto("/");
    for (const cls of ["1xx", "2xx", "3xx", "4xx", "5xx"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${cls}`) })).toBeVisible();
    }
    await page.getByRole("link", { name: /401\s*Unauthorized/ }).click();
    await expect(page).toHaveURL(/\/401$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("401 Unauthorized");
  });
});
