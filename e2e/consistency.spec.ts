import type { Page } from "@playwright/test";

import { openConsole } from "./console-helpers";
import { expect, test } from "./fixtures";

// Issue 14 item 8: no repeats and no inconsistencies between the page's panels.

async function send(page: Page, path: string) {
  const box = await openConsole(page, path);
  await box.getByRole("button", { name: "Send request" }).click();
  const result = page.getByTestId("console-result");
  await expect(result).toBeVisible();
  return result;
}

test.describe("one of each", () => {
  test("after Send there is one Inspector section, not two with the same findings", async ({ page }) => {
    await page.goto("/401");
    const inspectors = page.getByRole("heading", { level: 3, name: /^Inspector/ });
    await expect(inspectors).toHaveCount(1);
    await expect(page.getByTestId("typical-inspector")).toBeVisible();
    await send(page, "/401");
    await expect(page.getByTestId("typical-inspector")).toBeHidden();
    const visible = await inspectors.evaluateAll((hs) => hs.filter((h) => h.checkVisibility()).length);
    expect(visible).toBe(1);
  });

  test("the Inspector does not tell us to send problem+json: our own 4xx/5xx are problem+json", async ({
    page,
  }) => {
    for (const path of ["/404", "/503"]) {
      await page.goto(path);
      await expect(page.getByTestId("inspector-panel").getByTestId("findings-summary")).toBeVisible();
      await expect(
        page.locator('[data-testid="inspector-panel"] [data-finding="body.problem-details"]'),
      ).toHaveCount(0);
    }
    const result = await send(page, "/422");
    const contentType = result
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "content-type", exact: true }) });
    await expect(contentType.first()).toContainText("application/problem+json");
    await expect(result.locator('[data-finding="body.problem-details"]')).toHaveCount(0);
  });

  test("the defining section is named once, not again in the list below it", async ({ page }) => {
    await page.goto("/401");
    const links = page.getByTestId("spec-links").getByRole("link", { name: "RFC 9110 §15.5.2", exact: true });
    await expect(links).toHaveCount(1);
    await expect(
      page.getByTestId("spec-links").getByRole("link", { name: "RFC 9110 §11.6.1" }),
    ).toBeVisible();
    await page.goto("/404");
    // 404's only source is its defining section: no list at all.
    await expect(page.getByTestId("spec-links").getByRole("listitem")).toHaveCount(0);
  });

  test("the caching box says heuristically cacheable once", async ({ page }) => {
    for (const path of ["/401", "/404"]) {
      await page.goto(path);
      const text = (await page.getByTestId("caching-facts").innerText()).toLowerCase();
      expect(text.match(/heuristically cacheable/g) ?? [], path).toHaveLength(1);
    }
  });

  test("every header the rule table marks MUST is among the Required chips (Date too)", async ({ page }) => {
    for (const path of ["/401", "/404", "/405"]) {
      await page.goto(path);
      const chips = page.getByTestId("header-chips");
      const required = await chips
        .locator("dt", { hasText: /^Required$/ })
        .locator("xpath=following-sibling::dd[1]//code")
        .allInnerTexts();
      const rows = page.getByTestId("header-rule");
      const must: string[] = [];
      for (let i = 0; i < (await rows.count()); i++) {
        const cells = await rows.nth(i).locator("td").allInnerTexts();
        if (cells[1]?.trim() === "MUST" && /^[A-Za-z-]+$/.test(cells[0]?.trim() ?? ""))
          must.push(cells[0]!.trim());
      }
      expect(must, path).toContain("Date");
      for (const h of must) expect(required, `${path} ${h}`).toContain(h);
    }
  });

  test("header names read the same in both console panels", async ({ page }) => {
    const result = await send(page, "/301");
    const received = await result
      .getByRole("region", { name: "What the page received" })
      .getByRole("rowheader")
      .allInnerTexts();
    const sent = await result
      .getByRole("region", { name: "What the server sent" })
      .getByRole("rowheader")
      .allInnerTexts();
    expect(sent.length).toBeGreaterThan(3);
    for (const name of [...received, ...sent]) expect(name).toBe(name.toLowerCase());
    expect(sent).toContain("location");
  });
});

// Issue 14 item 9: in-text citations are links to the section.
test("in-text citations like (RFC 6750 §3.1) link to the section", async ({ page }) => {
  await page.goto("/401");
  const cite = page.locator("main").getByRole("link", { name: "RFC 6750 §3.1", exact: true }).first();
  await expect(cite).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1");
  await expect(
    page.locator("main").getByRole("link", { name: "RFC 6750 §3", exact: true }).first(),
  ).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc6750#section-3");
});
