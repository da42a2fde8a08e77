import { describe, expect, it } from "vitest";

import { getStatus } from "../registry";

import { interimSent, tryItNote } from "./try-it";

const note = (code: number) => {
  const s = getStatus(code);
  if (!s) throw new Error(`${code} not in the registry`);
  return tryItNote(s);
};

describe("Try it note", () => {
  it.each([100, 102, 103])("says the server sends a real %i first (it does)", (code) => {
    expect(interimSent(code)).toEqual([code]);
    expect(note(code)).toMatch(new RegExp(`sends a real ${code}`));
    expect(note(code)).not.toMatch(/was not sent|does not send/);
  });

  it("ties 100 to Expect: 100-continue", () => {
    expect(note(100)).toMatch(/only to a request with Expect: 100-continue/);
  });

  it.each([101, 104])("says %i is not sent first (it is not)", (code) => {
    expect(interimSent(code)).toEqual([]);
    expect(note(code)).toMatch(new RegExp(`does not send a real ${code} first`));
  });

  it("keeps the wording for final and bodiless codes", () => {
    expect(note(204)).toMatch(/no body and no Content-Type/);
    expect(note(404)).toMatch(/real 404/);
    expect(note(499)).toMatch(/never send it to a client/);
  });
});
