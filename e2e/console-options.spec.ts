import type { Page } from "@playwright/test";

import { openConsole } from "./console-helpers";
import { expect, test } from "./fixtures";

/** Requests the page makes to the simulator itself (not its describe endpoint). */
function simulatorRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/api/status/") && !u.pathname.endsWith("/describe")) urls.push(r.url());
  });
  return urls;
}

async function sendAndWait(page: Page) {
  const box = page.getByTestId("console");
  await box.getByRole("button", { name: "Send request" }).click();
  await expect(box.getByRole("button", { name: "Send request" })).toBeEnabled();
  const result = page.getByTestId("console-result");
  await expect(result).toHaveAttribute("data-stale", "false");
  return result;
}

test.describe("console: loading", () => {
  test("its code loads only when the reader comes near it", async ({ page }) => {
    const chunks: string[] = [];
    page.on("response", async (r) => {
      if (r.url().includes("/_next/static/chunks/") && r.url().endsWith(".js")) {
        const text = await r.text().catch(() => "");
        if (text.includes("Following the redirect")) chunks.push(r.url());
      }
    });
    await page.goto("/301");
    await page.waitForLoadState("networkidle");
    expect(chunks).toEqual([]);
    await expect(page.getByTestId("console-placeholder")).toBeAttached();
    await page.getByTestId("console-slot").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("console")).toBeVisible();
    await expect.poll(() => chunks.length).toBe(1);
  });
});

test.describe("console: simulator options", () => {
  test("controls update the URL, the curl line and the fetch line as they change, and are sent", async ({
    page,
    baseURL,
  }) => {
    const box = await openConsole(page, "/503");
    const url = box.getByTestId("console-url");
    await expect(url).toHaveText(`${baseURL}/api/status/503`);
    await box.getByLabel(/^Delay/).fill("200");
    await box.getByLabel(/^Retry-After/).fill("30");
    await box.getByLabel(/^Format/).selectOption("problem");
    const expected = `${baseURL}/api/status/503?delay=200&retry-after=30&format=problem`;
    await expect(url).toHaveText(expected);
    await expect(box.getByTestId("console-curl")).toHaveText(
      `curl -i -H 'Accept: application/json' '${expected}'`,
    );
    await expect(box.getByTestId("console-fetch")).toContainText(`fetch("${expected}"`);
    await box.getByLabel(/^Codes/).fill("200:3,503:1");
    await expect(url).toHaveText(`${baseURL}/api/status/200:3,503:1?delay=200&retry-after=30&format=problem`);
    await box.getByLabel(/^Codes/).fill("503");

    const result = await sendAndWait(page);
    await expect(result.getByTestId("console-status")).toContainText("503 Service Unavailable");
    await expect(result.getByRole("row", { name: /^retry-after / })).toContainText("30");
    await expect(result.getByRole("row", { name: /^content-type / })).toContainText(
      "application/problem+json",
    );
  });

  test("a recipe fills the controls: 429 with Retry-After: 30", async ({ page, baseURL }) => {
    const box = await openConsole(page, "/429");
    await box.getByRole("button", { name: "429 with Retry-After: 30" }).click();
    await expect(box.getByLabel(/^Retry-After/)).toHaveValue("30");
    await expect(box.getByTestId("console-url")).toHaveText(`${baseURL}/api/status/429?retry-after=30`);
    const result = await sendAndWait(page);
    await expect(result.getByTestId("console-status")).toContainText("429 Too Many Requests");
    await expect(result.getByRole("row", { name: /^retry-after / })).toContainText("30");
  });

  test("recipes: 1 request in 4 fails with 503 (weighted codes), and 503 twice then 200 (a scenario)", async ({
    page,
  }) => {
    const box = await openConsole(page, "/503");
    await box.getByRole("button", { name: "1 request in 4 fails with 503" }).click();
    await expect(box.getByLabel(/^Codes/)).toHaveValue("200:3,503:1");
    await expect(box.getByTestId("console-url")).toContainText("/api/status/200:3,503:1");
    const first = await sendAndWait(page);
    await expect(first.getByTestId("console-status")).toHaveText(/^(200 OK|503 Service Unavailable)/);

    await box.getByRole("button", { name: "503 twice, then 200 (a retry that succeeds)" }).click();
    await expect(box.getByLabel(/^Fail until/)).toHaveValue("2");
    const name = await box.getByLabel(/^Scenario \(a name\)/).inputValue();
    expect(name).toMatch(/^console-[a-z0-9]+$/);
    for (const status of ["503 Service Unavailable", "503 Service Unavailable", "200 OK"]) {
      const result = await sendAndWait(page);
      await expect(result.getByTestId("console-status")).toContainText(status);
    }
    await expect(page.getByTestId("console-body")).toContainText(`"name": "${name}"`);
  });

  test("an invalid value gets a friendly message and no request is sent", async ({ page }) => {
    const box = await openConsole(page, "/301");
    const sent = simulatorRequests(page);
    await box.getByLabel(/^Location/).fill("https://evil.example/");
    await box.getByLabel(/^Delay/).fill("soon");
    const invalid = box.getByTestId("console-invalid");
    await expect(invalid).toContainText("Location: must be a same-origin path");
    await expect(invalid).toContainText("Delay: must be a whole number of milliseconds from 0 to 10000");
    await expect(box.getByLabel(/^Location/)).toHaveAttribute("aria-invalid", "true");
    await expect(box.getByTestId("console-url")).toHaveCount(0);
    await expect(box.getByRole("button", { name: "Copy as curl" })).toHaveCount(0);
    await box.getByRole("button", { name: "Send request" }).click();
    await expect(box.getByRole("alert")).toContainText("Not sent: Delay: must be a whole number");
    expect(sent).toEqual([]);
    await expect(page.getByTestId("console-result")).toHaveCount(0);
  });

  test("while a request is pending the previous result is marked stale, and Cancel really cancels", async ({
    page,
  }) => {
    const box = await openConsole(page, "/504");
    const first = await sendAndWait(page);
    await expect(first.getByTestId("console-status")).toContainText("504");

    const aborted: string[] = [];
    page.on("requestfailed", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/status/")) aborted.push(r.failure()?.errorText ?? "");
    });
    await box.getByLabel(/^Delay/).fill("10000");
    await box.getByRole("button", { name: "Send request" }).click();
    const result = page.getByTestId("console-result");
    await expect(result).toHaveAttribute("data-stale", "true");
    await expect(result.getByText("Stale: from the previous request")).toBeVisible();
    await expect(page.getByTestId("console-pending")).toContainText("from the previous request");
    await box.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(page.getByTestId("console-cancelled")).toContainText(/^Cancelled after \d+ ms/);
    await expect(box.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
    await expect(box.getByRole("button", { name: "Send request" })).toBeEnabled();
    // The browser itself dropped the request (not just the page ignoring its answer).
    await expect.poll(() => aborted).toContain("net::ERR_ABORTED");
    await expect(result).toHaveAttribute("data-stale", "true");
  });
});

test.describe("console: redirects", () => {
  test("/301 shows the server's 301 first, then each hop the browser follows", async ({ page }) => {
    await openConsole(page, "/301");
    const result = await sendAndWait(page);
    const server = result.getByRole("region", { name: "What the server sent" });
    await expect(server.getByTestId("server-status")).toHaveText("301 Moved Permanently");
    // The server's answer comes before the opaque one the page received.
    const order = await page.evaluate(() => {
      const a = document.querySelector('[aria-label="What the server sent"]');
      const b = document.querySelector('[aria-label="What the page received"]');
      return a && b ? a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    expect(order).toBeGreaterThan(0);
    const hops = result.getByTestId("follow-hop");
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0)).toContainText("GET /api/status/301");
    await expect(hops.nth(0).getByTestId("hop-status")).toContainText("301 Moved Permanently");
    await expect(hops.nth(0).getByTestId("hop-status")).toContainText("Location: /api/status/200");
    await expect(hops.nth(1)).toContainText("GET /api/status/200");
    await expect(hops.nth(1).getByTestId("hop-status")).toHaveText("→ 200 OK");
    await expect(result.getByTestId("follow-end")).toContainText("The chain ends here");
  });

  test("301 to /v2: the hop outside the simulator is named, never fetched", async ({ page }) => {
    const box = await openConsole(page, "/301");
    await box.getByRole("button", { name: "301 to /v2" }).click();
    // Chromium announces the redirect target it will not follow as a request; none may get a response.
    const fetched: string[] = [];
    page.on("response", (r) => fetched.push(new URL(r.url()).pathname));
    const result = await sendAndWait(page);
    const hops = result.getByTestId("follow-hop");
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0).getByTestId("hop-status")).toContainText("Location: /v2");
    await expect(hops.nth(1)).toContainText("GET /v2");
    await expect(result.getByTestId("follow-end")).toContainText("/v2 is not the simulator");
    expect(fetched).not.toContain("/v2");
  });

  test("a weighted list that draws a redirect says it cannot be followed, rather than guess", async ({
    page,
  }) => {
    const box = await openConsole(page, "/302");
    await box.getByLabel(/^Codes/).fill("301:1,302:1");
    const result = await sendAndWait(page);
    await expect(result.getByTestId("console-status")).toHaveText(/opaque redirect \(status 0\)/);
    await expect(result.getByTestId("console-no-replay")).toContainText("a random draw cannot be replayed");
    await expect(result.getByTestId("follow-hop")).toHaveCount(0);
  });

  for (const code of [301, 302, 303, 307, 308]) {
    test(`${code}: the follow view's method after a POST is the one Chromium really uses`, async ({
      page,
    }) => {
      const box = await openConsole(page, `/${code}`);
      await box.getByRole("button", { name: /^POST, then the browser follows with/ }).click();
      await expect(box.getByLabel("Method")).toHaveValue("POST");
      const result = await sendAndWait(page);
      const hops = result.getByTestId("follow-hop");
      await expect(hops).toHaveCount(2);
      await expect(hops.nth(0).getByTestId("hop-method")).toHaveText("POST");
      const shown = await hops.nth(1).getByTestId("hop-method").innerText();
      // What Chromium does when it follows the same redirect: the simulator's 200 echoes the method.
      const real = await page.evaluate(async (c) => {
        const res = await fetch(`/api/status/${c}`, {
          method: "POST",
          body: '{"n":1}',
          headers: { "Content-Type": "application/json" },
          credentials: "omit",
          cache: "no-store",
        });
        const json = (await res.json()) as { status: number; request: { method: string } };
        return { redirected: res.redirected, status: json.status, method: json.request.method };
      }, code);
      expect(real).toMatchObject({ redirected: true, status: 200 });
      expect(shown).toBe(real.method);
      await expect(hops.nth(1).getByTestId("hop-change")).toContainText(
        real.method === "POST" ? "Method kept, body sent again" : `After the ${code}, POST became GET`,
      );
    });
  }
});
