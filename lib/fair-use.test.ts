import { describe, expect, it } from "vitest";

import { clientAddress, clientKey, FairUse } from "./fair-use";
import { MemoryStore } from "./state/memory";

describe("clientAddress", () => {
  const trusted = new Set(["10.0.0.1", "10.0.0.2"]);
  it("is the peer unless the peer is a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", trusted)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, trusted)).toBe("203.0.113.9");
  });
  it("reads X-Forwarded-For from the right, skipping trusted proxies, never believing the left", () => {
    expect(clientAddress("10.0.0.1", "198.51.100.1", trusted)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", trusted)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.1", "10.0.0.2", trusted)).toBe("10.0.0.2");
  });
});

describe("clientKey", () => {
  it("counts IPv6 per /64 and mapped IPv4 as IPv4", () => {
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientKey("192.0.2.1")).toBe("192.0.2.1");
  });
});

describe("FairUse", () => {
  it("lets `limit` requests through per window, then a real 429; a new window starts clean", () => {
    let now = 0;
    const fair = new FairUse(new MemoryStore({ now: () => now, sweepMs: 0 }), {
      limit: 2,
      windowSeconds: 10,
      exempt: ["127.0.0.1"],
    });
    expect(fair.check("192.0.2.1", "/api/status/200")).toBeNull();
    expect(fair.check("192.0.2.1", "/api/status/200")).toBeNull();
    now = 2_500;
    const over = fair.check("192.0.2.1", "/api/status/200");
    expect(over).not.toBeNull();
    if (over && !(over instanceof Promise)) {
      expect(over.status).toBe(429);
      const h = Object.fromEntries(over.headers);
      expect(h["Retry-After"]).toBe("8");
      expect(h["RateLimit"]).toBe('"fair-use";r=0;t=8');
      expect(h["Simulated-Status"]).toBeUndefined();
      expect(JSON.parse(over.body)).toMatchObject({ status: 429, instance: "/api/status/200" });
    }
    expect(fair.check("192.0.2.2", "/api/status/200")).toBeNull();
    for (let i = 0; i < 10; i++) expect(fair.check("127.0.0.1", "/x")).toBeNull();
    now = 10_000;
    expect(fair.check("192.0.2.1", "/api/status/200")).toBeNull();
  });

  // A store that is down lets requests through: tests/redis-cluster.test.ts shows it with a real Redis killed.
  it("is off at limit 0", () => {
    const off = new FairUse(new MemoryStore({ sweepMs: 0 }), { limit: 0, windowSeconds: 60, exempt: [] });
    for (let i = 0; i < 5; i++) expect(off.check("192.0.2.1", "/")).toBeNull();
  });
});
