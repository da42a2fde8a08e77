import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import nextConfig from "@/next.config";

import {
  CODES_API_PATH,
  COMPARE_INDEX_PATH,
  HOME_PATH,
  INSPECT_API_PATH,
  INSPECT_PATH,
  OPENAPI_PATH,
  SIMULATOR_DOCS_PATH,
  classAnchorPath,
  codeApiPath,
  codePath,
  comparePath,
  describePath,
  simulatorPath,
} from "./routes";

/** The app/ file that serves a path, following the `/{code}` rewrite; undefined when none does. */
async function routeFile(urlPath: string): Promise<string | undefined> {
  const rewrites = await nextConfig.rewrites?.();
  let target = urlPath.split(/[?#]/)[0] ?? "";
  if (rewrites && !Array.isArray(rewrites)) {
    for (const r of rewrites.beforeFiles ?? []) {
      const m = new RegExp(`^${r.source.replace(/:(\w+)\(([^)]*)\)/g, "(?<$1>$2)")}$`).exec(target);
      if (m) target = r.destination.replace(/:(\w+)/g, (_, k: string) => m.groups?.[k] ?? "");
    }
  }
  const segments = target.split("/").filter(Boolean);
  let dir = path.resolve(process.cwd(), "app");
  for (const seg of segments) {
    const exact = path.join(dir, seg);
    if (fs.existsSync(exact)) {
      dir = exact;
      continue;
    }
    const dynamic = fs.readdirSync(dir).find((d) => /^\[[^.\]]+\]$/.test(d));
    if (!dynamic) return undefined;
    dir = path.join(dir, dynamic);
  }
  return ["page.tsx", "route.ts"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

describe("route builders", () => {
  it.each([
    HOME_PATH,
    COMPARE_INDEX_PATH,
    INSPECT_PATH,
    SIMULATOR_DOCS_PATH,
    INSPECT_API_PATH,
    CODES_API_PATH,
    OPENAPI_PATH,
    codePath(404),
    comparePath("401-vs-403"),
    simulatorPath(503),
    describePath(307),
    codeApiPath(405),
  ])("%s is served by a file under app/", async (p) => {
    expect(await routeFile(p)).toBeDefined();
  });

  it("finds no file for a path nothing serves (the check above can fail)", async () => {
    expect(await routeFile("/no/such/page")).toBeUndefined();
  });

  it("builds the public addresses", () => {
    expect(codePath(404)).toBe("/404");
    expect(classAnchorPath("4xx")).toBe("/#class-4xx");
    expect(comparePath("404-vs-410")).toBe("/compare/404-vs-410");
    expect(simulatorPath(401, "?x=1")).toBe("/api/status/401?x=1");
    expect(simulatorPath("200:3,503:1")).toBe("/api/status/200:3,503:1");
    expect(describePath(401)).toBe("/api/status/401/describe");
  });

  it("percent-encodes what is not a plain code", () => {
    expect(simulatorPath("a/b?c")).toBe("/api/status/a%2Fb%3Fc");
    expect(codeApiPath("%")).toBe("/api/codes/%25");
  });
});
