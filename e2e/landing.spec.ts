import { expect, test } from "./fixtures";

// Issue 14 item 1: the simulator URL is where a reader lands, not 4-7 screens down.
test.describe("code page: simulator above the fold", () => {
  test("desktop: URL, copy and curl in the right column, still in view after scrolling", async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/401");
    const aside = page.getByRole("complementary", { name: "Try 401 now" });
    const url = aside.getByTestId("simulator-url");
    await expect(url).toHaveText(`${baseURL}/api/status/401`);
    await expect(aside.getByTestId("curl-example")).toHaveText(`curl -i ${baseURL}/api/status/401`);
    await expect(aside.getByRole("button", { name: "Copy simulator URL" })).toBeVisible();
    const box = await url.boundingBox();
    const h1 = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(box && h1).toBeTruthy();
    // In the column beside the heading, inside the first screen.
    expect(box!.x).toBeGreaterThan(h1!.x + 500);
    expect(box!.y + box!.height).toBeLessThan(800);
    // Sticky: after scrolling to the Specification section it is still on screen.
    await page.getByRole("heading", { level: 2, name: "Specification" }).scrollIntoViewIfNeeded();
    const after = await url.boundingBox();
    expect(after!.y).toBeGreaterThanOrEqual(0);
    expect(after!.y + after!.height).toBeLessThan(800);
  });

  test("phone: right under the lead", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/304");
    const lead = await page.getByTestId("lead").boundingBox();
    const url = await page.getByTestId("simulator-url").first().boundingBox();
    expect(lead && url).toBeTruthy();
    expect(url!.y).toBeGreaterThan(lead!.y + lead!.height);
    expect(url!.y).toBeLessThan(lead!.y + lead!.height + 200);
    expect(url!.y + url!.height).toBeLessThan(844);
  });

  test("the URL is absolute in the HTML, before any script runs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/401");
    await expect(page.getByTestId("simulator-url")).toHaveText(/^https?:\/\/[^/\s]+\/api\/status\/401$/);
    await expect(page.getByTestId("curl-example")).toHaveText(
      /^curl -i https?:\/\/[^/\s]+\/api\/status\/401$/,
    );
    await context.close();
  });

  test("'On this page' lists the sections; headings carry anchors", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/401");
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const s of ["What it means", "Headers", "Try it", "Specification"]) {
      await expect(toc.getByRole("link", { name: s, exact: true })).toBeVisible();
    }
    await toc.getByRole("link", { name: "Try it", exact: true }).click();
    await expect(page).toHaveURL(/#try-it$/);
    await expect(page.getByRole("heading", { level: 2, name: "Try it" })).toBeInViewport();
    const anchor = page.getByRole("link", { name: "Link to section: Caching" });
    await expect(anchor).toHaveAttribute("href", "#caching");
  });
});

// Issue 14 item 2: examples use the host being read.
test.describe("simulator docs: origin", () => {
  test("examples name the host serving the page", async ({ page, baseURL }) => {
    await page.goto("/docs/simulator");
    const examples = page.getByTestId("example-command");
    await expect(examples.first()).toContainText(`${baseURL}/api/status/`);
    for (const text of await examples.allTextContents()) {
      expect(text).toContain(baseURL!);
      expect(text).not.toContain("127.0.0.1:3000");
    }
  });
});

// Issue 14 item 6 (part): the parameter table no longer squeezes its main column to three characters.
test("simulator docs: on a phone the parameter table scrolls, with a visible hint", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/docs/simulator");
  await expect(page.getByTestId("scroll-hint")).toBeVisible();
  const cell = page.getByRole("row", { name: /^code/ }).getByRole("cell").last();
  const box = await cell.boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
});
