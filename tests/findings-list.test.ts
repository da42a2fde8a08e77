/**
 * The Inspector's finding list shows how often a grouped finding occurred ("×50"), not only the
 * finding once: rendered on the server, from a real inspection whose finding repeats.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { FindingsList } from "@/components/inspector/findings-list";
import { inspect } from "@/lib/inspector";

function render(headers: [string, string][]) {
  const { findings } = inspect({ response: { status: 200, headers, body: null } });
  return {
    findings,
    html: renderToStaticMarkup(createElement(FindingsList, { findings, label: "Findings" })),
  };
}

/** The markup of the list item for one finding id. */
function item(html: string, id: string): string {
  const start = html.indexOf(`data-finding="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</li>", start));
}

describe("FindingsList", () => {
  it("shows ×N on a finding that occurred N times", () => {
    const value = Array.from({ length: 50 }, () => "max-age=x").join(", ");
    const { findings, html } = render([["Cache-Control", value]]);
    const repeated = findings.find((f) => f.title === "max-age needs a number of seconds");
    expect(repeated?.count).toBe(50);
    expect(item(html, repeated!.id)).toMatch(/<span[^>]*data-testid="finding-count"[^>]*>×50<\/span>/);
  });

  it("shows no count on a finding that occurred once", () => {
    const { findings, html } = render([["Cache-Control", "max-age=x"]]);
    const once = findings.find((f) => f.title === "max-age needs a number of seconds");
    expect(once?.count).toBeUndefined();
    expect(item(html, once!.id)).not.toContain("finding-count");
  });
});
