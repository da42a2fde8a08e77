/**
 * What caches make of a response (RFC 9111 §3, §3.5, §4.2): who may store it and for how long it
 * stays fresh. Computed once per inspection from the parsed fields; the caching and negotiation
 * checks only judge it.
 */
import { getStatus, neverStore } from "../registry";

import { parseCacheControl, type Directive } from "./fields/cache-control";
import { parseHttpDate } from "./fields/http-date";
import type { Context } from "./types";

/** Response directives that take a delta-seconds argument (RFC 9111 §5.2.2, RFC 5861 §3-§4). */
export const DELTA_DIRECTIVES = ["max-age", "s-maxage", "stale-while-revalidate", "stale-if-error"];

/** Largest delta-seconds a cache has to represent (RFC 9111 §1.2.2). */
export const DELTA_MAX = 2147483648;

export function deltaSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(Number(value.trim()), DELTA_MAX);
}

export interface Freshness {
  /** Lifetime in seconds; undefined when it is left to the cache's heuristic. */
  seconds: number | undefined;
  source: "s-maxage" | "max-age" | "Expires" | "heuristic" | "none";
}

/** What a cache makes of a response (RFC 9111 §3, §3.5, §4.2.1, §4.2.2). */
export interface CachePolicy {
  directives: Directive[];
  /** The first occurrence of a directive (RFC 9111 §4.2.1: use the first, or treat as stale). */
  find(name: string): Directive | undefined;
  noStore: boolean;
  /** Unqualified no-cache (the field-name form only concerns those fields). */
  noCache: boolean;
  /** Unqualified private. */
  isPrivate: boolean;
  isPublic: boolean;
  /** The max-age / s-maxage value; 0 when present but unreadable (treated as stale). */
  maxAge: number | undefined;
  sMaxAge: number | undefined;
  /** Expires is present (valid or not: an invalid one means "already expired", RFC 9111 §5.3). */
  hasExpires: boolean;
  /** max-age, s-maxage or Expires. */
  explicit: boolean;
  /** The status is heuristically cacheable (RFC 9110 §15.1, RFC 7725 §3). */
  heuristicStatus: boolean;
  /** The status is one RFC 6585 forbids storing. */
  neverStore: boolean;
  /** The request method lets caches store the response (GET/HEAD, or unknown and assumed GET). */
  methodCacheable: boolean;
  /** The request carried Authorization (false when the request is unknown). */
  authorized: boolean;
  /** Whether a browser (private) cache may store it, and a shared cache. */
  storable: { private: boolean; shared: boolean; any: boolean };
  freshness: { private: Freshness; shared: Freshness };
}

function freshnessFor(
  ctx: Context,
  p: Omit<CachePolicy, "storable" | "freshness">,
  shared: boolean,
): Freshness {
  if (shared && p.sMaxAge !== undefined) return { seconds: p.sMaxAge, source: "s-maxage" };
  if (p.maxAge !== undefined) return { seconds: p.maxAge, source: "max-age" };
  if (p.hasExpires) {
    const expires = parseHttpDate(ctx.get("expires"));
    if (!expires) return { seconds: 0, source: "Expires" };
    // Without Date, a cache uses the time it received the response (RFC 9110 §6.6.1).
    const date = parseHttpDate(ctx.get("date"))?.date ?? ctx.now;
    return {
      seconds: Math.max(0, Math.round((expires.date.getTime() - date.getTime()) / 1000)),
      source: "Expires",
    };
  }
  if (p.heuristicStatus || p.isPublic) {
    const lm = parseHttpDate(ctx.get("last-modified"))?.date;
    const date = parseHttpDate(ctx.get("date"))?.date ?? ctx.now;
    // RFC 9111 §4.2.2: a typical heuristic is 10% of the time since Last-Modified.
    if (lm && lm.getTime() < date.getTime())
      return { seconds: Math.round((date.getTime() - lm.getTime()) / 10000), source: "heuristic" };
    return { seconds: undefined, source: "heuristic" };
  }
  return { seconds: 0, source: "none" };
}

const computed = new WeakMap<Context, CachePolicy>();

/** The cache policy of the response in `ctx`, computed once per inspection however many checks ask. */
export function cachePolicy(ctx: Context): CachePolicy {
  let policy = computed.get(ctx);
  if (!policy) {
    policy = computePolicy(ctx);
    computed.set(ctx, policy);
  }
  return policy;
}

function computePolicy(ctx: Context): CachePolicy {
  const directives = parseCacheControl(ctx.get("cache-control"));
  // The first occurrence of each directive (RFC 9111 §4.2.1), found in constant time.
  const first = new Map<string, Directive>();
  for (const d of directives) if (!first.has(d.name)) first.set(d.name, d);
  const find = (name: string) => first.get(name);
  const seconds = (name: string) => {
    const d = find(name);
    return d ? (deltaSeconds(d.value) ?? 0) : undefined;
  };
  const base = {
    directives,
    find,
    noStore: find("no-store") !== undefined,
    noCache: directives.some((d) => d.name === "no-cache" && d.value === undefined),
    isPrivate: directives.some((d) => d.name === "private" && d.value === undefined),
    isPublic: find("public") !== undefined,
    maxAge: seconds("max-age"),
    sMaxAge: seconds("s-maxage"),
    hasExpires: ctx.has("expires"),
    explicit: find("max-age") !== undefined || find("s-maxage") !== undefined || ctx.has("expires"),
    heuristicStatus: getStatus(ctx.status)?.heuristicallyCacheable ?? false,
    neverStore: neverStore(ctx.status) !== null,
    methodCacheable: ctx.method === undefined || ctx.method === "GET" || ctx.method === "HEAD",
    authorized: ctx.req("authorization") !== undefined,
  };
  // RFC 9111 §3: a final response the cache understands, to a method it may cache, without no-store.
  // A 304 is not stored on its own (it freshens a stored response), and RFC 6585 codes must not be.
  const eligible =
    ctx.status >= 200 &&
    ctx.status <= 599 &&
    ctx.status !== 304 &&
    base.methodCacheable &&
    !base.noStore &&
    !base.neverStore;
  const allowedBy = base.isPublic || base.explicit || base.heuristicStatus;
  const privateOk = eligible && (allowedBy || base.isPrivate);
  const sharedOk =
    eligible &&
    !base.isPrivate &&
    (allowedBy || find("s-maxage") !== undefined) &&
    // RFC 9111 §3.5: shared caches reuse answers to authenticated requests only when told they may.
    (!base.authorized ||
      base.isPublic ||
      find("s-maxage") !== undefined ||
      find("must-revalidate") !== undefined);
  return {
    ...base,
    storable: { private: privateOk, shared: sharedOk, any: privateOk || sharedOk },
    freshness: { private: freshnessFor(ctx, base, false), shared: freshnessFor(ctx, base, true) },
  };
}
