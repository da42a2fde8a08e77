import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "./fixtures";

// Issue 14 item 4: the Inspector accepts what developers paste. Fixtures: real curl 7.88.1 output.
const fixture = (name: string) =>
  readFileSync(path.join(__dirname, "..", "lib", "inspector", "fixtures", name), "utf8");

test.describe("/inspect reads what developers paste", () => {
  test("a curl -i -L chain is split into hops, without a false Content-Length error", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel(/Raw HTTP response/).fill(fixture("curl-i-L-302.txt"));
    await page.getByRole("button", { name: "Inspect" }).click();
    const hops = page.getByTestId("inspect-hop");
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0).getByRole("heading")).toContainText("Response 1 of 2: 302 Found");
    await expect(hops.nth(1).getByRole("heading")).toContainText("Response 2 of 2: 200 OK");
    await expect(page.locator('[data-finding="body.content-length"]')).toHaveCount(0);
  });

  test("curl -v output, with each request's method", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel(/Raw HTTP response/).fill(fixture("curl-v-L-301.txt"));
    await page.getByRole("button", { name: "Inspect" }).click();
    const hops = page.getByTestId("inspect-hop");
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0)).toContainText("GET /api/status/301");
    await expect(hops.nth(0).getByRole("heading")).toContainText("301 Moved Permanently");
  });

  test("a 100 Continue before the final response", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel(/Raw HTTP response/).fill(fixture("curl-i-expect-201.txt"));
    await page.getByRole("button", { name: "Inspect" }).click();
    const hops = page.getByTestId("inspect-hop");
    await expect(hops.nth(0).getByRole("heading")).toContainText("100 Continue");
    await expect(hops.nth(1).getByRole("heading")).toContainText("201 Created");
  });

  test("DevTools headers without a status line: it asks for the code", async ({ page }) => {
    await page.goto("/inspect");
    await page
      .getByLabel(/Raw HTTP response/)
      .fill("content-type: application/json\ncache-control: public, max-age=600\n");
    await page.getByRole("button", { name: "Inspect" }).click();
    const code = page.getByLabel("Status code that came with these headers");
    await expect(code).toBeVisible();
    await code.fill("401");
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect(page.getByTestId("inspect-hop").getByRole("heading")).toContainText("401");
    await expect(page.locator('[data-finding="hdr.auth-challenge"]')).toBeVisible();
  });

  test("a HAR file: each entry inspected", async ({ page }) => {
    await page.goto("/inspect");
    const har = {
      log: {
        entries: [
          {
            request: { method: "GET", url: "https://api.example/a", headers: [] },
            response: {
              status: 204,
              statusText: "No Content",
              headers: [{ name: "Content-Length", value: "2" }],
            },
          },
          {
            request: { method: "GET", url: "https://api.example/b", headers: [] },
            response: { status: 401, statusText: "Unauthorized", headers: [] },
          },
        ],
      },
    };
    await page.getByLabel("Or open a HAR file").setInputFiles({
      name: "session.har",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(har)),
    });
    const hops = page.getByTestId("inspect-hop");
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0).getByRole("heading")).toContainText("HAR entry 1: GET https://api.example/a");
    await expect(hops.nth(1).locator('[data-finding="hdr.auth-challenge"]')).toBeVisible();
  });
});
