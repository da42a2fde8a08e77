/** The /inspect share link leaves credential values out unless asked (issue 10, item 9). */
import { expect, test } from "./fixtures";

const PASTED = [
  "GET /login?access_token=QUERYSECRET1 HTTP/1.1",
  "Host: app.example",
  "Authorization: Bearer HEADERSECRET2",
  "",
  "HTTP/1.1 200 OK",
  "Content-Type: text/plain",
  "Set-Cookie: session=COOKIESECRET3; Path=/; HttpOnly",
  "Cache-Control: no-store",
  "Content-Length: 2",
  "",
  "ok",
].join("\n");

const SECRETS = ["QUERYSECRET1", "HEADERSECRET2", "COOKIESECRET3"];

test.describe("/inspect share link", () => {
  test("leaves credentials out of the link, says so, and can be told not to", async ({ page }) => {
    await page.goto("/inspect");
    await page.getByLabel(/Raw HTTP response/).fill(PASTED);
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect(page.getByTestId("inspect-result")).toBeVisible();

    const shared = page.url();
    expect(shared).toContain("#raw=");
    const carried = decodeURIComponent(shared.split("#raw=")[1] ?? "");
    for (const s of SECRETS) expect(carried).not.toContain(s);
    expect(carried).toContain("Authorization: Bearer [redacted]");
    expect(carried).toContain("Set-Cookie: session=[redacted]; Path=/; HttpOnly");
    await expect(page.getByTestId("share-redaction")).toContainText("Authorization");
    await expect(page.getByTestId("share-redaction")).toContainText("Set-Cookie");

    // The redacted link still opens and inspects.
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.getByTestId("inspect-result")).toBeVisible();
    for (const s of SECRETS) expect(await other.content()).not.toContain(s);

    // Opting out puts the full input in the link, and says so.
    await page.getByLabel("Leave credentials out of the link").uncheck();
    await expect(page.getByTestId("share-redaction")).toContainText("credentials included");
    const full = decodeURIComponent(page.url().split("#raw=")[1] ?? "");
    for (const s of SECRETS) expect(full).toContain(s);
  });
});
