import { expect, type Page } from "@playwright/test";

/**
 * Opens a code page and brings its request console in: the console's code loads only when it comes
 * near the viewport, so a test scrolls to it as a reader would.
 */
export async function openConsole(page: Page, path: string) {
  await page.goto(path);
  await page.getByTestId("console-slot").scrollIntoViewIfNeeded();
  const box = page.getByTestId("console");
  await expect(box).toBeVisible();
  return box;
}
