/**
 * The pages' CSP allows no inline script but the page's own (hashed per page by the server), and
 * API answers allow nothing (issue 10, item 7).
 */
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const PAGES = [
  "/",
  "/401",
  "/204",
  "/inspect",
  "/compare",
  "/compare/401-vs-403",
  "/docs/simulator",
  "/no-such-page",
];

/** Collects CSP violations reported to the page and console errors that mention the policy. */
async function watch(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

test.describe("Content-Security-Policy", () => {
  for (const path of PAGES)
    test(`${path} runs its own scripts (it hydrates) with no violation, and allows no other inline script`, async ({
      page,
    }) => {
      const violations = await watch(page);
      const res = await page.goto(path);
      const csp = res?.headers()["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
      // Client navigation (RSC fetches, no inline scripts) keeps working under the policy.
      if (path === "/") {
        await page.locator("a[href='/404']").first().click();
        await expect(page).toHaveURL(/\/404$/);
      }
      expect(violations).toEqual([]);
    });

  test("an injected inline script and an event-handler attribute do not run", async ({ page }) => {
    const served = await page.request.get("/401");
    const headers = served.headers();
    const html = (await served.text()).replace(
      "</body>",
      `<script>window.__pwned = "script"</script><img src="/x.png" onerror="window.__pwned = 'attr'"></body>`,
    );
    // The page as if an attacker had got markup into it; the server's own headers, CSP included.
    await page.route("**/401", (route) =>
      route.fulfill({ status: 200, headers: { ...headers, "content-encoding": "identity" }, body: html }),
    );
    const violations = await watch(page);
    await page.goto("/401");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  });

  test("HEAD of a page carries the strict policy too", async ({ request }) => {
    await request.get("/401");
    const res = await request.head("/401");
    expect(res.headers()["content-security-policy"]).not.toContain("'unsafe-inline' ");
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
  });

  test("API answers carry default-src 'none'; frame-ancestors 'none'", async ({ request }) => {
    for (const res of [
      await request.get("/api/status/204"),
      await request.get("/api/status/401?format=text"),
      await request.get("/api/codes"),
      await request.get("/api/codes/404"),
      await request.get("/api/openapi.json"),
      await request.post("/api/inspect", {
        headers: { "content-type": "text/plain" },
        data: "HTTP/1.1 200 OK\n\n",
      }),
      await request.post("/api/status/200/describe", { data: {} }),
    ])
      expect(res.headers()["content-security-policy"], res.url()).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
  });
});
