import { describe, expect, it } from "vitest";

import { simulate } from "./index";
import { openApiDocument } from "./openapi";
import { OPTION_DOCS } from "./options";
import { SCENARIO_OPTION_DOCS } from "../scenarios/options";

type Param = { name: string; in: string; examples?: Record<string, { value: string }> };

describe("openApiDocument", () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters: Param[] }>>;
  };
  const path = doc.paths["/api/status/{code}"] ?? {};

  it("is OpenAPI 3.1 and describes every method and option", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(path).sort()).toEqual(["delete", "get", "head", "options", "patch", "post", "put"]);
    const names = (path.get?.parameters ?? []).map((p) => p.name);
    expect(names).toEqual(["code", ...[...OPTION_DOCS, ...SCENARIO_OPTION_DOCS].map((o) => o.name)]);
  });

  it("has examples the simulator accepts", () => {
    const code = (path.get?.parameters ?? []).find((p) => p.name === "code");
    for (const ex of Object.values(code?.examples ?? {})) {
      const res = simulate({ method: "GET", code: ex.value, url: `/api/status/${ex.value}`, headers: [] });
      expect(res.status, ex.value).not.toBe(400);
    }
  });

  it("documents every option the simulator reads, and only those", () => {
    for (const o of OPTION_DOCS) {
      // An invalid value must be reported under the documented name.
      if (o.name === "header") continue;
      const res = simulate({
        method: "GET",
        code: "200",
        url: `/api/status/200?${o.name}=%00bad`,
        headers: [],
      });
      expect(res.status, o.name).toBe(400);
      expect(JSON.parse(res.body ?? "{}")["invalid-params"][0].name).toBe(o.name);
    }
  });
});
