import type { Page } from "@playwright/test";

import { openConsole } from "./console-helpers";
import { expect, test } from "./fixtures";

async function send(page: Page, path: string, method = "GET") {
  const consoleBox = await openConsole(page, path);
  await consoleBox.getByLabel("Method").selectOption(method);
  await consoleBox.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByTestId("console-result")).toBeVisible();
  return page.getByTestId("console-result");
}

test.describe("in-page console", () => {
  test("/401: shows status, headers, body, timing and clean findings", async ({ page }) => {
    const result = await send(page, "/401");
    await expect(result.getByTestId("console-status")).toContainText("401 Unauthorized");
    await expect(result.getByTestId("console-time")).toHaveText(/^\d+ ms$/);
    await expect(result.getByRole("rowheader", { name: "www-authenticate" })).toBeVisible();
    await expect(result.getByRole("row", { name: /www-authenticate/ })).toContainText(
      'Bearer realm="statuscodes simulator"',
    );
    await expect(result.getByTestId("console-body")).toContainText('"status": 401');
    await expect(result.getByTestId("findings-summary")).toContainText("0 errors, 0 warnings");
    await expect(result.locator('[data-finding="status.explain"]')).toContainText("401 Unauthorized");
  });

  test("/204: no body, and the findings say nothing is wrong", async ({ page }) => {
    const result = await send(page, "/204");
    await expect(result.getByTestId("console-status")).toContainText("204 No Content");
    await expect(result.getByText("No body.")).toBeVisible();
    await expect(result.getByTestId("findings-summary")).toContainText("0 errors, 0 warnings");
  });

  test("/301: explains the hidden redirect and shows what the server sent", async ({ page }) => {
    const result = await send(page, "/301");
    await expect(result.getByTestId("console-status")).toHaveText(/opaque redirect \(status 0\)/);
    await expect(result.getByRole("list", { name: "What the browser hid" })).toContainText(
      "follows a 301 by itself",
    );
    await expect(result.getByTestId("server-status")).toHaveText("301 Moved Permanently");
    await expect(
      result.getByRole("region", { name: "What the server sent" }).getByRole("row", { name: /^Location / }),
    ).toContainText("/api/status/200");
    await expect(result.getByText("Inspector (on what the server sent)")).toBeVisible();
  });

  test("/429: Retry-After is visible and a POST body is echoed", async ({ page }) => {
    const box = await openConsole(page, "/429");
    await box.getByLabel("Method").selectOption("POST");
    await box.getByLabel(/Request headers/).fill("Content-Type: application/json\nX-Trace: e2e");
    await box.getByLabel(/Request body/).fill('{"n":1}');
    await box.getByRole("button", { name: "Send request" }).click();
    const result = page.getByTestId("console-result");
    await expect(result.getByTestId("console-status")).toContainText("429 Too Many Requests");
    await expect(result.getByRole("row", { name: /retry-after/ })).toContainText("1");
    await expect(result.getByTestId("console-body")).toContainText('"method": "POST"');
    await expect(result.getByTestId("console-body")).toContainText('"x-trace": "e2e"');
    await expect(result.getByTestId("findings-summary")).toContainText("0 errors, 0 warnings");
  });

  test("bad header input gets a friendly message, not a crash", async ({ page }) => {
    const box = await openConsole(page, "/200");
    await box.getByLabel(/Request headers/).fill("this is not a header");
    await box.getByRole("button", { name: "Send request" }).click();
    await expect(box.getByRole("alert")).toHaveText('Line 1 is not "Name: value".');
  });

  test("copies the request as curl", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const box = await openConsole(page, "/418");
    await box.getByLabel("Method").selectOption("DELETE");
    await box.getByRole("button", { name: "Copy as curl" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `curl -i -X DELETE -H 'Accept: application/json' '${baseURL}/api/status/418'`,
    );
  });

  test("works at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const result = await send(page, "/503");
    await expect(result.getByTestId("console-status")).toContainText("503");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});

test.describe("/inspect", () => {
  test("flags a bad pasted response and shares it by URL", async ({ page }) => {
    await page.goto("/inspect");
    await page
      .getByLabel(/Raw HTTP response/)
      .fill("HTTP/1.1 204 No Content\nContent-Length: 2\nContent-Type: application/problem+json\n\n{}\n");
    await page.getByRole("button", { name: "Inspect" }).click();
    const result = page.getByTestId("inspect-result");
    await expect(result.locator('[data-finding="body.not-allowed"]')).toHaveAttribute(
      "data-severity",
      "error",
    );
    await expect(result.locator('[data-finding="body.length-fields-forbidden"]')).toBeVisible();
    await expect(result.locator('[data-finding="hdr.date"]')).toHaveAttribute("data-severity", "warning");
    // The URL now carries the input; opening it again shows the same findings.
    const shared = page.url();
    expect(shared).toContain("#raw=");
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(
      other.getByTestId("inspect-result").locator('[data-finding="body.not-allowed"]'),
    ).toBeVisible();
  });

  test("the form builds the response, and what is pasted is never rendered as HTML", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel("Fill a form").check();
    await page.getByLabel("Status (code and optional reason)").fill("401");
    await page
      .getByLabel("Headers (one “Name: value” per line)")
      .fill("Content-Type: text/html\nX-Evil: <img src=x onerror=alert(1)>");
    await page.getByLabel("Body (optional)").fill("<script>window.pwned = true</script>");
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect(
      page.getByTestId("inspect-result").locator('[data-finding="hdr.auth-challenge"]'),
    ).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    await expect(page.locator("img[src=x]")).toHaveCount(0);
  });

  test("malformed input gets a clear message", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel(/Raw HTTP response/).fill("hello world");
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "status line" })).toBeVisible();
  });
});

test.describe("/api/inspect over HTTP", () => {
  test("good raw input", async ({ request }) => {
    const res = await request.post("/api/inspect", {
      headers: { "Content-Type": "text/plain" },
      data: "HTTP/1.1 405 Method Not Allowed\nDate: Wed, 25 Nov 2026 12:00:00 GMT\n\n",
    });
    expect(res.status()).toBe(200);
    const json = await res.json();
    expect(json.findings.map((f: { id: string }) => f.id)).toContain("hdr.405-allow");
  });

  test("good JSON input", async ({ request }) => {
    const res = await request.post("/api/inspect", {
      data: { response: { status: 301, headers: [["Location", "/x"]] }, request: { method: "POST" } },
    });
    expect(res.status()).toBe(200);
    const ids = (await res.json()).findings.map((f: { id: string }) => f.id);
    expect(ids).toContain("status.redirect-post-rewrite");
  });

  test("malformed input: 400 problem+json", async ({ request }) => {
    const res = await request.post("/api/inspect", {
      headers: { "Content-Type": "application/json" },
      data: "{nope",
    });
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 400, title: "Bad Request" });
  });

  test("oversized input: 413 problem+json", async ({ request }) => {
    const res = await request.post("/api/inspect", {
      headers: { "Content-Type": "text/plain" },
      data: `HTTP/1.1 200 OK\n\n${"x".repeat(100_000)}`,
    });
    expect(res.status()).toBe(413);
    expect(res.headers()["content-type"]).toBe("application/problem+json");
    expect((await res.json()).status).toBe(413);
  });

  test("GET is refused with Allow", async ({ request }) => {
    const res = await request.get("/api/inspect");
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toBe("POST, OPTIONS");
  });
});
