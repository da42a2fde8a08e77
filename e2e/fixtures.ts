import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * `page.goto` that also waits for React to hydrate (the layout marks <html data-hydrated>), so a test
 * never types into a control before its handlers exist.
 */
export const test = base.extend({
  // `use` is Playwright's fixture callback, not React's hook.
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
      return response;
    };
    await provide(page);
  },
});

/** Waits until React has hydrated (the layout marks <html data-hydrated>). */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html[data-hydrated='true']").waitFor({ state: "attached" });
}

/** The plain fixture, for tests about what loads before anyone scrolls or waits. */
export { base };
