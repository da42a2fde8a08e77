import { expect, test } from "./fixtures";

import { buildSnippets } from "../lib/snippets/render";

test.describe("snippets", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  });

  test("one tab bar with four frameworks, highlighted on the server", async ({ page }) => {
    await page.goto("/401");
    const snippets = page.getByTestId("snippets");
    await expect(snippets).toHaveCount(1);
    const tabs = snippets.getByRole("tab");
    await expect(tabs).toHaveText(["Express", "FastAPI", "Spring Boot", "Go"]);
    await expect(snippets.getByRole("tab", { name: "Express" })).toHaveAttribute("aria-selected", "true");
    await expect(snippets.getByRole("tabpanel")).toContainText(
      'headers: { "WWW-Authenticate": \'Bearer realm="api"\' }',
    );
    // The version each snippet is written for, and the request it answers.
    await expect(snippets.getByRole("tabpanel")).toContainText("Express 5.1");
    await expect(snippets.getByRole("tabpanel")).toContainText("Answers: GET /orders/8412");
    // All four panels are in the HTML, already highlighted.
    await expect(snippets.locator("pre.shiki")).toHaveCount(4);
  });

  test("the chosen language is remembered across pages and reloads, and works from the keyboard", async ({
    page,
  }) => {
    await page.goto("/404");
    await page.getByTestId("snippets").getByRole("tab", { name: "Go" }).click();
    await expect(page.getByTestId("snippets").getByRole("tabpanel")).toContainText(
      "writeProblem(w, r, http.StatusNotFound,",
    );
    await page.goto("/429");
    await expect(page.getByTestId("snippets").getByRole("tab", { name: "Go" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(page.getByTestId("snippets").getByRole("tabpanel")).toContainText(
      'w.Header().Set("Retry-After", strconv.Itoa(',
    );
    await page.reload();
    await expect(page.getByTestId("snippets").getByRole("tab", { name: "Go" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    // Arrow keys move between tabs.
    await page.getByTestId("snippets").getByRole("tab", { name: "Go" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByTestId("snippets").getByRole("tab", { name: "Spring Boot" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(page.getByTestId("snippets").getByRole("tab", { name: "Spring Boot" })).toBeFocused();
  });

  test("copy copies the exact raw snippet", async ({ page }) => {
    await page.goto("/204");
    const snippets = page.getByTestId("snippets");
    await snippets.getByRole("tab", { name: "FastAPI" }).click();
    await snippets.getByRole("button", { name: "Copy FastAPI snippet" }).click();
    await expect(snippets.getByRole("button", { name: "Copy FastAPI snippet: Copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(buildSnippets(204).fastapi.text);
    expect(copied).toContain("status_code=204");
  });

  test("copy says when it failed", async ({ page }) => {
    await page.goto("/401");
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
      });
    });
    await page.getByTestId("snippets").getByRole("button", { name: "Copy Express snippet" }).click();
    await expect(page.getByRole("button", { name: "Copy Express snippet: Copy failed" })).toBeVisible();
  });
});
