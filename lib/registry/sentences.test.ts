import { describe, expect, it } from "vitest";

import { allStatuses, getStatus } from "./index";
import { firstSentences, unofficialSpecSentence } from "./sentences";

describe("firstSentences", () => {
  it("does not cut at e.g. or inside parentheses", () => {
    expect(firstSentences("Done; headers (e.g. a new ETag after PUT) describe it. Browsers stay.")).toBe(
      "Done; headers (e.g. a new ETag after PUT) describe it.",
    );
    expect(firstSentences("Switch (e.g. to WebSocket). Exists only in HTTP/1.1. More.", 2)).toBe(
      "Switch (e.g. to WebSocket). Exists only in HTTP/1.1.",
    );
  });
  it("cuts at a real sentence end and keeps a text without one", () => {
    expect(firstSentences("One. Two. Three.", 2)).toBe("One. Two.");
    expect(firstSentences("No full stop")).toBe("No full stop");
    expect(firstSentences("Version 1.1 only. Next.")).toBe("Version 1.1 only.");
  });
  it.each([101, 204, 226, 411, 424])("gives %i's notes a whole first sentence", (code) => {
    const first = firstSentences(getStatus(code)?.notes ?? "");
    expect(first).toMatch(/[.!?]$/);
    expect((first.match(/\(/g) ?? []).length).toBe((first.match(/\)/g) ?? []).length);
  });
  it("balances parentheses in every code's first sentence", () => {
    for (const s of allStatuses()) {
      const first = firstSentences(s.notes);
      expect((first.match(/\(/g) ?? []).length, `${s.code}: ${first}`).toBe(
        (first.match(/\)/g) ?? []).length,
      );
    }
  });
});

describe("unofficialSpecSentence", () => {
  it("reads as a sentence for every unofficial code (598 and 599 said 'a convention of Informal convention')", () => {
    for (const s of allStatuses().filter((x) => !x.official)) {
      const text = unofficialSpecSentence(s.origin);
      expect(text).not.toMatch(/convention of informal convention/i);
      expect(text).toMatch(/\.$/);
    }
    expect(unofficialSpecSentence(getStatus(598)?.origin)).toBe(
      "Not defined by any specification and not in the IANA registry. Where it comes from: Informal convention used by some HTTP proxies.",
    );
  });
});
