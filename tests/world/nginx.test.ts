/**
 * A real cache in front: Debian's nginx, proxy_http_version 1.0 and 1.1, with and without
 * proxy_cache, in front of the site's own server (issue 9, "real components"). Every registered
 * code, GET and HEAD, must reach the client as the simulator answers it, with its framing intact
 * and never a 1xx as the final answer; answers made cacheable must never give a plain request a
 * 206 or 304, nor one client's echoed headers to another.
 */
import { spawnSync } from "node:child_process";
import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { allStatuses } from "@/lib/registry";

import { NGINX, request, startNginx, type Fronts, type Nginx } from "./nginx";
import { startSite, type Site } from "./site";

let site: Site;
let nginx: Nginx;
const agents = new Map<number, http.Agent>();
const agent = (port: number) => {
  let a = agents.get(port);
  if (!a) agents.set(port, (a = new http.Agent({ keepAlive: true, maxSockets: 4 })));
  return a;
};

beforeAll(async () => {
  site = await startSite();
  nginx = await startNginx(site.port);
}, 20_000);

afterAll(async () => {
  for (const a of agents.values()) a.destroy();
  await nginx?.stop();
  await site?.close();
});

/** What a plain request (no Range, no condition) gets: 1xx, 206, 304 and 416 stand in a 200. */
function plainStatus(code: number): number {
  return code < 200 || code === 206 || code === 304 || code === 416 ? 200 : code;
}

const FRONTS: (keyof Fronts)[] = ["1.0", "1.1", "1.0 cache", "1.1 cache"];
const CODES = allStatuses().map((s) => s.code);
/**
 * nginx 1.22 takes an upstream 1xx for the final response (ngx_http_proxy_module.c: "no 1xx since we
 * don't send Expect and Upgrade"): over proxy_http_version 1.1, where the simulator rightly sends
 * 102 and 103, the request then hangs. Recorded below, and skipped in the sweep of the 1.1 fronts.
 */
const BROKEN_1XX = new Set([102, 103]);

const noBody = (status: number) => status === 204 || status === 304 || (status >= 100 && status < 200);

describe.each(FRONTS)("through nginx, proxy_http_version %s", (front) => {
  it("every registered code, GET and HEAD: the simulated status, intact framing, never a 1xx", async () => {
    const port = nginx.fronts[front];
    const problems: string[] = [];
    for (const code of CODES) {
      if (front.startsWith("1.1") && BROKEN_1XX.has(code)) continue;
      for (const method of ["GET", "HEAD"]) {
        const got = await request(port, `/api/status/${code}`, {
          method,
          agent: agent(port),
          headers: { "User-Agent": "sweep" },
        });
        const want = plainStatus(code);
        if (got.status !== want) problems.push(`${method} ${code}: status ${got.status}, wanted ${want}`);
        if (got.headers["simulated-status"] !== String(code))
          problems.push(`${method} ${code}: Simulated-Status ${got.headers["simulated-status"]}`);
        if (method === "HEAD" || noBody(want)) {
          if (got.body.length) problems.push(`${method} ${code}: ${got.body.length} bytes of body`);
        } else {
          const length = got.headers["content-length"];
          if (length !== undefined && Number(length) !== got.body.length)
            problems.push(`${method} ${code}: Content-Length ${length}, ${got.body.length} bytes`);
        }
      }
    }
    expect(problems, nginx.log()).toEqual([]);
  }, 60_000);

  it("a HEAD for an interim code does not hang", async () => {
    const port = nginx.fronts[front];
    for (const code of front.startsWith("1.1") ? [100] : [100, 102, 103]) {
      const got = await request(port, `/api/status/${code}`, { method: "HEAD", timeoutMs: 3000 });
      expect(got.status).toBe(200);
    }
  });
});

const NGINX_VERSION =
  /nginx\/([\d.]+)/.exec(spawnSync(NGINX, ["-v"], { encoding: "utf8" }).stderr)?.[1] ?? "";

describe(`nginx ${NGINX_VERSION} and interim responses over proxy_http_version 1.1`, () => {
  it.runIf(NGINX_VERSION.startsWith("1.22.")).each([102, 103])(
    "takes the upstream's %i for the final answer and never delivers the 200",
    async (code) => {
      const outcome = await request(nginx.fronts["1.1"], `/api/status/${code}`, { timeoutMs: 1500 }).then(
        (a) => String(a.status),
        (err: Error) => (/timed out/.test(err.message) ? "hang" : err.message),
      );
      // When this fails, this nginx forwards 1xx: drop BROKEN_1XX and the note on the 102/103 pages.
      expect(["hang", String(code)]).toContain(outcome);
    },
  );
});

const unique = () => Math.random().toString(36).slice(2);

describe.each(["1.0 cache", "1.1 cache"] as const)("answers made cacheable, through nginx %s", (front) => {
  const cacheable = "header=Cache-Control:max-age%3D60";

  it("/206: plain requests always get the 200; ranges are served from it, right", async () => {
    const port = nginx.fronts[front];
    const target = `/api/status/206?${cacheable}&u=${unique()}`;
    const whole = (await request(site.port, target)).body.toString("latin1");
    // A Range first: nginx strips it upstream, stores the 200 and cuts the range itself.
    const ranged = await request(port, target, { headers: { Range: "bytes=0-99" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers["content-range"]).toBe(`bytes 0-99/${whole.length}`);
    expect(ranged.body.toString("latin1")).toBe(whole.slice(0, 100));
    for (let i = 0; i < 3; i++) {
      const plain = await request(port, target);
      expect(plain.status).toBe(200);
      expect(plain.headers["content-range"]).toBeUndefined();
      expect(plain.body.toString("latin1")).toBe(whole);
    }
    expect((await request(port, target)).headers["x-cache-status"]).toBe("HIT");
  });

  it("/416: plain requests get the 200, never the 416", async () => {
    const port = nginx.fronts[front];
    const target = `/api/status/416?${cacheable}&u=${unique()}`;
    await request(port, target, { headers: { Range: "bytes=0-9" } });
    for (let i = 0; i < 3; i++) expect((await request(port, target)).status).toBe(200);
  });

  it("/304: plain requests get the 200, a conditional one a 304 with the same ETag", async () => {
    const port = nginx.fronts[front];
    const target = `/api/status/304?${cacheable}&u=${unique()}`;
    const first = await request(port, target);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    const conditional = await request(port, target, { headers: { "If-None-Match": etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.etag).toBe(etag);
    for (let i = 0; i < 3; i++) {
      const plain = await request(port, target);
      expect(plain.status).toBe(200);
      expect(plain.body.length).toBeGreaterThan(0);
    }
  });

  it("one client's headers never reach another", async () => {
    const port = nginx.fronts[front];
    for (const cc of ["max-age%3D60", "no-cache", "public,max-age%3D60"]) {
      const target = `/api/status/200?header=Cache-Control:${cc}&u=${unique()}`;
      const a = await request(port, target, {
        headers: { "X-Who": "alice-marker", Authorization: "Bearer alice-token", Cookie: "s=alice-cookie" },
      });
      const b = await request(port, target, { headers: { "X-Who": "bob-marker" } });
      expect(a.status).toBe(200);
      for (const leak of ["alice-marker", "alice-token", "alice-cookie"])
        expect(b.body.toString(), `${cc}: ${leak}`).not.toContain(leak);
      expect(a.body.toString()).not.toContain("alice-token");
    }
  });

  it("a revalidated answer comes from a real 304 (proxy_cache_revalidate) and stays a 200 for plain requests", async () => {
    const port = nginx.fronts[front];
    // max-age=0: stored, stale at once, so every request revalidates with If-None-Match.
    const target = `/api/status/200?header=Cache-Control:max-age%3D0&u=${unique()}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(port, target)).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it("Vary: Accept keeps the formats apart", async () => {
    const port = nginx.fronts[front];
    const target = `/api/status/404?${cacheable}&u=${unique()}`;
    const json = await request(port, target, { headers: { Accept: "application/json" } });
    const text = await request(port, target, { headers: { Accept: "text/plain" } });
    // An error answers problem+json to a JSON client (it is JSON too), text/plain to a text one.
    expect(json.headers["content-type"]).toBe("application/problem+json");
    expect(text.headers["content-type"]).toBe("text/plain; charset=utf-8");
  });

  it("default answers (no-store) are never stored: each client sees its own echo", async () => {
    const port = nginx.fronts[front];
    const target = `/api/status/200?u=${unique()}`;
    await request(port, target, { headers: { "X-Who": "alice-marker" } });
    const b = await request(port, target, { headers: { "X-Who": "bob-marker" } });
    expect(b.body.toString()).toContain("bob-marker");
    expect(b.headers["x-cache-status"]).not.toBe("HIT");
  });
});
