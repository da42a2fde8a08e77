/**
 * The server's configuration, from the environment, validated with zod at start-up. A bad value
 * stops the start with one line naming the variable; the configuration in force is printed once.
 */
import { isIP } from "node:net";

import { z } from "zod";

import { DEFAULT_SCENARIO_TTL_MS } from "../lib/scenarios";
import { parseSiteUrl } from "../lib/site";
import { MAX_DELAY_MS } from "../lib/simulator/options";
import { MAX_CONCURRENT_DELAYS } from "../lib/simulator/runtime";
import { DEFAULT_MEMORY_BYTES } from "../lib/state/memory";

const int = (def: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: "must be a whole number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be from ${min} to ${max}` })
        .max(max, { message: `must be from ${min} to ${max}` }),
    )
    .optional()
    .transform((v) => v ?? def);

const flag = (def: boolean) =>
  z
    .enum(["0", "1", "true", "false"], { message: "must be 0 or 1" })
    .optional()
    .transform((v) => (v === undefined ? def : v === "1" || v === "true"));

const addressList = (def: string[]) =>
  z
    .string()
    .optional()
    .transform((v) =>
      v === undefined
        ? def
        : v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .refine((list) => list.every((a) => isIP(a) !== 0), {
      message: "must be a comma-separated list of IP addresses",
    });

export const configSchema = z.object({
  PORT: int(3000, 0, 65_535),
  HOST: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .optional()
    .transform((v) => v ?? "127.0.0.1"),
  /** The public origin: read by lib/site.ts (at build time for the static pages); checked by its own rule. */
  SITE_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      try {
        parseSiteUrl(v);
      } catch (err) {
        ctx.addIssue({
          code: "custom",
          message: err instanceof Error ? err.message.replace(/^SITE_URL /, "") : "is not an origin",
        });
      }
    }),
  /** redis:// or rediss:// URL; unset: state in memory, this process only. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL" }).optional(),
  /** Seconds a scenario is kept after its last request. */
  SCENARIO_TTL: int(DEFAULT_SCENARIO_TTL_MS / 1000, 1, 7 * 86_400),
  /** Bytes the in-memory state store may use (without REDIS_URL). */
  STATE_MEMORY_BYTES: int(DEFAULT_MEMORY_BYTES, 64 * 1024, 4 * 1024 * 1024 * 1024),
  /** Requests one client may make to the simulator and the inspector per window; 0 turns fair use off. */
  FAIR_USE_LIMIT: int(600, 0, 10_000_000),
  /** The fair-use window, in seconds. */
  FAIR_USE_WINDOW: int(60, 1, 86_400),
  /** Client addresses fair use never limits (default loopback: tests, benches, a local proxy). */
  FAIR_USE_EXEMPT: addressList(["127.0.0.1", "::1"]),
  /** Proxies whose X-Forwarded-For is believed (comma-separated addresses); default none. */
  TRUSTED_PROXIES: addressList([]),
  /** How many delayed requests (and stalls, slow bodies) may wait at once. */
  DELAY_GATE: int(MAX_CONCURRENT_DELAYS, 1, 100_000),
  /** One JSON line per request on stdout. */
  ACCESS_LOG: flag(false),
  /** On SIGTERM: how long requests in flight (delays included) may take to finish before they are cut (ms). */
  SHUTDOWN_TIMEOUT: int(MAX_DELAY_MS + 1000, 0, 120_000),
});

export type Config = z.output<typeof configSchema>;

export type ConfigRead = { ok: true; config: Config } | { ok: false; line: string };

/** Reads the configuration; on a bad value, one line naming the variable, its value and the rule. */
export function readConfig(env: Record<string, string | undefined> = process.env): ConfigRead {
  const keys = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];
  const input: Record<string, string | undefined> = {};
  // An empty list variable means an empty list; any other empty variable means its default.
  const lists = new Set(["FAIR_USE_EXEMPT", "TRUSTED_PROXIES"]);
  for (const k of keys) input[k] = env[k] === "" && !lists.has(k) ? undefined : env[k];
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? "");
    const raw = input[key];
    const shown = key === "REDIS_URL" && raw ? redactUrl(raw) : raw;
    return `${key}=${JSON.stringify(shown ?? "")} ${i.message}`;
  });
  return { ok: false, line: `statuscodes: bad configuration: ${problems.join("; ")}` };
}

/** A URL with its password replaced, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable)";
  }
}

/** The one line printed at start: every setting in force (the Redis password hidden). */
export function describeConfig(c: Config): string {
  const shown = { ...c, REDIS_URL: c.REDIS_URL ? redactUrl(c.REDIS_URL) : undefined };
  return `> config ${JSON.stringify(shown)}`;
}
