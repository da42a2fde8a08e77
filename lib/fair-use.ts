/**
 * Fair use: a per-client limit on the simulator and the inspector, counted in the same state store
 * as scenarios (so several instances on one Redis enforce one limit). Over the limit the answer is a
 * real 429 problem+json with Retry-After and the RateLimit-Policy / RateLimit fields of
 * draft-ietf-httpapi-ratelimit-headers-10, and no Simulated-Status, so a test suite can tell it from
 * a simulated 429.
 */
import { isIPv6 } from "node:net";

import type { ApiResult, HeaderList } from "./http";
import { PROBLEM_JSON } from "./problem";
import { rateLimitHeaders } from "./scenarios";
import type { MaybePromise, StateStore, WindowCount } from "./state";

export const FAIR_USE_POLICY = "fair-use";
/** The problem type the draft registers for an exceeded quota (draft-ietf-httpapi-ratelimit-headers-10 §5.1). */
export const QUOTA_EXCEEDED_TYPE = "https://iana.org/assignments/http-problem-types#quota-exceeded";

export interface FairUseOptions {
  /** Requests per window per client; 0 turns the limit off. */
  limit: number;
  windowSeconds: number;
  /** Client addresses never limited. */
  exempt: readonly string[];
}

function expandV6(addr: string): string[] | undefined {
  const [head = "", tail] = addr.split("::");
  const a = head ? head.split(":") : [];
  const b = tail ? tail.split(":") : [];
  if (tail === undefined) return a.length === 8 ? a : undefined;
  const fill = 8 - a.length - b.length;
  return fill >= 0 ? [...a, ...Array<string>(fill).fill("0"), ...b] : undefined;
}

/** `::ffff:1.2.3.4` is 1.2.3.4; other IPv6 addresses count per /64 (what one host or household gets). */
export function clientKey(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4?.[1]) return v4[1];
  if (!isIPv6(address)) return address;
  const parts = expandV6(address.split("%")[0] ?? address);
  return parts
    ? `${parts
        .slice(0, 4)
        .map((p) => p.toLowerCase().replace(/^0+(?=.)/, ""))
        .join(":")}::/64`
    : address;
}

function normalise(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return v4?.[1] ?? address;
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then X-Forwarded-For is read
 * from the right, skipping trusted proxies, and the first address that is not one is the client's.
 * Entries a client wrote itself (further left) are never believed.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: ReadonlySet<string>,
): string {
  let addr = normalise(peer ?? "");
  if (!trusted.has(addr) || !forwardedFor) return addr;
  const hops = forwardedFor
    .split(",")
    .map((s) => normalise(s.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    addr = hops[i] as string;
    if (!trusted.has(addr)) return addr;
  }
  return addr;
}

export class FairUse {
  private readonly exempt: Set<string>;
  constructor(
    private readonly store: StateStore,
    readonly options: FairUseOptions,
  ) {
    this.exempt = new Set(options.exempt.map(normalise));
  }

  /**
   * Counts the request; returns null when it may go on, or the 429 to send. A store that is down lets
   * requests through: fair use must not take the site down with it.
   */
  check(address: string, path: string): MaybePromise<ApiResult | null> {
    if (this.options.limit === 0 || this.exempt.has(normalise(address))) return null;
    const decide = (w: WindowCount) => (w.count > this.options.limit ? this.tooMany(w, path) : null);
    try {
      const w = this.store.hit(`fu:${clientKey(address)}`, this.options.windowSeconds * 1000);
      return w instanceof Promise ? w.then(decide, () => null) : decide(w);
    } catch {
      return null;
    }
  }

  private tooMany(w: WindowCount, path: string): ApiResult {
    const headers: HeaderList = [
      ["Content-Type", PROBLEM_JSON],
      ["Cache-Control", "no-store"],
      ["X-Content-Type-Options", "nosniff"],
      ...rateLimitHeaders(FAIR_USE_POLICY, this.options.limit, this.options.windowSeconds, w),
    ];
    headers.push(["Access-Control-Allow-Origin", "*"]);
    headers.push(["Access-Control-Expose-Headers", "Retry-After, RateLimit-Policy, RateLimit"]);
    const retry = Math.max(0, Math.ceil(w.resetMs / 1000));
    const body = JSON.stringify(
      {
        type: QUOTA_EXCEEDED_TYPE,
        title: "Too many requests from this client",
        status: 429,
        detail: `This client sent more than ${this.options.limit} requests to the simulator and inspector in ${this.options.windowSeconds} s. This is the site's real fair-use limit, not a simulated answer (it has no Simulated-Status). Retry in ${retry} s.`,
        instance: path,
        "violated-policies": [FAIR_USE_POLICY],
      },
      null,
      2,
    );
    return { status: 429, headers, body };
  }
}
