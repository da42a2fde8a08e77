import type { Locator, Page } from "@playwright/test";

import { openConsole } from "./console-helpers";
import { expect, test } from "./fixtures";

// Issue 14 item 6: tables on a 390 px phone are cards or scroll with a hint; nothing is cut off.

test.use({ viewport: { width: 390, height: 844 } });

async function noSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function inside(el: Locator, width = 390) {
  const box = await el.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

test("header rules are cards: every rule's spec link is on screen, and the when text is wide", async ({
  page,
}) => {
  await page.goto("/401");
  const rules = page.getByTestId("header-rule");
  expect(await rules.count()).toBeGreaterThan(2);
  for (let i = 0; i < (await rules.count()); i++) {
    const rule = rules.nth(i);
    await inside(rule.getByRole("link").last());
    // The condition gets the card's width, not a squeezed column.
    const when = await rule.locator("td").nth(2).boundingBox();
    expect(when!.width).toBeGreaterThan(250);
  }
  await noSideScroll(page);
});

test("comparison tables are cards: the last code's value is on screen", async ({ page }) => {
  await page.goto("/compare/500-vs-502-vs-503-vs-504");
  const table = page.getByTestId("comparison-table");
  for (const code of ["500", "504"]) {
    const cell = table.getByRole("row", { name: /Reason phrase/ }).locator(`td[data-code="${code}"]`);
    await expect(cell).toBeVisible();
    await inside(cell);
  }
  await expect(table.locator('td[data-code="504"]').first()).toContainText("Gateway Timeout");
  await noSideScroll(page);
});

test("console header values wrap at spaces and commas, never mid-word", async ({ page }) => {
  const box = await openConsole(page, "/401");
  await box.getByRole("button", { name: "Send request" }).click();
  const result = page.getByTestId("console-result");
  const row = result.getByRole("row", { name: /access-control-expose-headers/ });
  await expect(row).toBeVisible();
  const cell = row.getByRole("cell");
  const style = await cell.evaluate((td) => {
    const s = getComputedStyle(td);
    return { wordBreak: s.wordBreak, overflowWrap: s.overflowWrap };
  });
  expect(style.wordBreak).toBe("normal");
  expect(style.overflowWrap).toBe("break-word");
  // Each line of the wrapped value ends at a space: no name is split across lines.
  const lines = await cell.evaluate((td) => {
    const range = document.createRange();
    const text = td.firstChild as Text;
    const out: string[] = [];
    let line = "";
    let top: number | null = null;
    for (let i = 0; i < text.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const t = range.getBoundingClientRect().top;
      if (top !== null && t > top + 2) {
        out.push(line);
        line = "";
      }
      top = t;
      line += text.data[i];
    }
    out.push(line);
    return out;
  });
  expect(lines.length).toBeGreaterThan(1);
  // A line may end after a space, a comma or a name's own hyphen, never between two letters.
  for (const l of lines.slice(0, -1)) expect(l).toMatch(/[\s,-]$/);
  await inside(cell);
});
