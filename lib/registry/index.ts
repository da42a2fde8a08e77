/**
 * The status registry: the single typed source of truth for every status code the site knows.
 *
 * The data is the project's rule book (`status-rules.json`, facts from RFC 9110, 9111, 6585 and the
 * other documents the IANA registry cites). It is validated with zod when this module loads, so a
 * malformed entry fails the build and the tests instead of rendering a wrong page.
 */
import "../zod-config";

import { z } from "zod";

import raw from "./status-rules.json";

import { CLASS_NAMES, STATUS_CLASSES, type StatusClass } from "./classes";

export { CLASS_NAMES, STATUS_CLASSES, type StatusClass };

export const LIFECYCLES = [
  "active",
  "deprecated",
  "reserved",
  /** Registered, but its defining section reserves it for future use (402, RFC 9110 §15.5.3). */
  "reserved-future",
  "obsoleted",
  "temporary",
  "unofficial",
] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Requirement levels, as BCP 14 (RFC 2119, RFC 8174) spells them. */
export const RULE_LEVELS = ["MUST", "SHOULD", "MAY", "MUST NOT", "SHOULD NOT"] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/**
 * Where a rule's level comes from. `keyword`: the cited text states it with a BCP 14 keyword.
 * `definition`: the status is defined in terms of the header, with no separate keyword.
 * `advice`: non-normative wording ("ought to"). `practice`: what servers do, no requirement.
 * `draft`: an Internet-Draft states it, so it may still change.
 */
export const RULE_BASES = ["keyword", "definition", "advice", "practice", "draft"] as const;
export type RuleBasis = (typeof RULE_BASES)[number];

const headerRuleSchema = z
  .strictObject({
    header: z.string().min(1),
    level: z.enum(RULE_LEVELS),
    basis: z.enum(RULE_BASES).default("keyword"),
    /** What narrows or weakens the level, in words, e.g. "only if exact". */
    qualifier: z.string().min(1).optional(),
    /**
     * The rule holds on every response with this code, whatever the request or the situation (the
     * inspector requires such a header outright); otherwise `when` says when it applies.
     */
    always: z.boolean().default(false),
    /** When the rule applies, or for an `always` rule what the field carries, in words. */
    when: z.string().min(1),
    cite: z.string().min(1),
    /** `context`: the cited section explains the situation but does not state the rule. */
    citeRole: z.enum(["source", "context"]).default("source"),
    /**
     * An example value. Rules with one are the headers a correct response with this code carries
     * (`headerRows`): the snippets send them as they are, the simulator with its own values.
     */
    example: z.string().min(1).optional(),
  })
  .refine((r) => r.basis === "keyword" || r.qualifier !== undefined, {
    message: "a rule whose level is not stated with a keyword says why in `qualifier`",
  })
  .refine((r) => r.example === undefined || !r.level.endsWith("NOT"), {
    message: "a rule that forbids a header has no example value",
  });

export type HeaderRule = z.infer<typeof headerRuleSchema>;

/**
 * The method a client uses to follow a redirect, from the code's defining section: `kept` (307 and
 * 308, RFC 9110 §15.4.8, §15.4.9), `get` (303, §15.4.4: GET, or HEAD for a HEAD),
 * `post-may-become-get` (301 and 302, §15.4.2, §15.4.3: for historical reasons a user agent may
 * turn a POST into a GET); null where there is nothing to follow (300, 304, 305).
 */
export const FOLLOW_METHODS = ["kept", "get", "post-may-become-get"] as const;
export type FollowMethod = (typeof FOLLOW_METHODS)[number];

const redirectSchema = z.strictObject({
  autoFollowByBrowsers: z.boolean(),
  /** The same in words, as a page shows it. */
  methodChange: z.string(),
  method: z.enum(FOLLOW_METHODS).nullable(),
  permanent: z.boolean().nullable(),
});

/**
 * The only request a server answers with this code, and the section that says so: 206 and 416 answer
 * a range request (RFC 9110 §15.3.7, §15.5.17), 304 a conditional GET or HEAD (§15.4.5). To any other
 * request the simulator sends the 200 the code stands for.
 */
const answersOnlySchema = z.strictObject({
  request: z.enum(["range", "conditional"]),
  cite: z.string().min(1),
});
export type AnswersOnly = z.infer<typeof answersOnlySchema>;

const entrySchema = z
  .strictObject({
    code: z.number().int().min(100).max(599),
    reason: z.string().min(1),
    class: z.enum(STATUS_CLASSES),
    className: z.string(),
    spec: z.string().nullable(),
    section: z.string().nullable(),
    official: z.boolean(),
    lifecycle: z.enum(LIFECYCLES),
    requiredHeaders: z.array(z.string()),
    recommendedHeaders: z.array(z.string()),
    optionalHeaders: z.array(z.string()),
    forbiddenHeaders: z.array(z.string()),
    discouragedHeaders: z.array(z.string()),
    headerRules: z.array(headerRuleSchema),
    /** Whether a server may generate content (false for 1xx, 204, 205 and 304; RFC 9110 §15.3.6). */
    contentAllowed: z.boolean(),
    /**
     * The message ends at the blank line after the header section, whatever Content-Length or
     * Transfer-Encoding say: 1xx, 204 and 304 (RFC 9112 §6.3). 205 is not among them: it has no
     * content, but is framed as usual (Content-Length: 0).
     */
    endsAtHeaders: z.boolean().default(false),
    heuristicallyCacheable: z.boolean(),
    /** The defining document says caches MUST NOT store this response (RFC 6585 §3-§6). */
    neverStore: z.boolean().default(false),
    answersOnly: answersOnlySchema.optional(),
    /**
     * A gateway, proxy or CDN sends this about the server behind it, not the application: 502 and
     * 504 ("while acting as a gateway or proxy", RFC 9110 §15.6.3, §15.6.5), Cloudflare's 520-527 and
     * 530, the proxies' 598 and 599 (see each entry's sources).
     */
    intermediary: z.boolean().default(false),
    finalResponse: z.boolean(),
    notes: z.string(),
    /** What this code adds to the generated caching rule (`cachingFact` in sentences.ts), if anything. */
    cachingNote: z.string().min(1).optional(),
    sources: z.array(z.string()).min(1),
    contentNote: z.string().optional(),
    requiredHeadersNote: z.string().optional(),
    redirect: redirectSchema.optional(),
    retry: z.string().nullable().optional(),
    oftenConfusedWith: z.array(z.number().int()).optional(),
    formerReasons: z.array(z.string()).optional(),
    origin: z.string().optional(),
    /** Who says the lifecycle, when it is not plain from the registry (102's is this site's judgement). */
    lifecycleNote: z.string().min(1).optional(),
    onWire: z.boolean().optional(),
    clientSeesStatus: z.number().int().optional(),
  })
  .refine((e) => e.class === `${Math.floor(e.code / 100)}xx`, {
    message: "class must match the first digit of the code",
  })
  .refine((e) => e.className === CLASS_NAMES[e.class], {
    message: "className must match the class",
  })
  .refine((e) => (e.lifecycle === "unofficial") === !e.official, {
    message: "unofficial lifecycle exactly when not official",
  })
  .refine((e) => !e.endsAtHeaders || !e.contentAllowed, {
    message: "a status whose message ends at the header section cannot allow content",
  })
  .refine((e) => !e.neverStore || !e.heuristicallyCacheable, {
    message: "a status caches must never store is not heuristically cacheable",
  });

type Entry = z.output<typeof entrySchema>;

export interface SpecLink {
  /** Display text, e.g. "RFC 9110 §15.5.2". */
  label: string;
  /** Absolute URL of that section (or document), or null for sources that are not documents we can link. */
  url: string | null;
}

export interface StatusInfo extends Omit<Entry, "retry" | "oftenConfusedWith" | "formerReasons"> {
  retry: string | null;
  oftenConfusedWith: number[];
  formerReasons: string[];
  /** Link to the defining section, or null for unofficial codes. */
  specLink: SpecLink | null;
  /** The sources, each turned into one or more links. */
  sourceLinks: SpecLink[];
}

const RFC_BASE = "https://www.rfc-editor.org/rfc/rfc";
const DRAFT_BASE = "https://datatracker.ietf.org/doc/";
const IANA_REGISTRY = "https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml";

/** URL of one section (or appendix) of an RFC. */
export function rfcSectionUrl(rfc: number, section?: string): string {
  const base = `${RFC_BASE}${rfc}`;
  if (!section) return base;
  const appendix = /^Appendix\s+([A-Z](?:\.\d+)*)$/i.exec(section.trim());
  if (appendix) return `${base}#appendix-${appendix[1]}`;
  return `${base}#section-${section.trim()}`;
}

/**
 * Turns a citation such as "RFC 9110 §15.5.2, §11.6.1" or "RFC 9110 §15.4.9, RFC 7538 §3" into links.
 * Anything that is not an RFC or draft reference (vendor docs, IANA) becomes a link-less label,
 * except the IANA registry itself.
 */
export function citeLinks(cite: string): SpecLink[] {
  const links: SpecLink[] = [];
  const re = /RFC\s*(\d{3,5})((?:\s*(?:§\s*[\d.]+|Appendix\s+[A-Z](?:\.\d+)*)\s*,?)*)/g;
  let match: RegExpExecArray | null;
  let found = false;
  while ((match = re.exec(cite)) !== null) {
    found = true;
    const rfc = Number(match[1]);
    const parts = (match[2] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) {
      links.push({ label: `RFC ${rfc}`, url: rfcSectionUrl(rfc) });
      continue;
    }
    for (const part of parts) {
      const section = part.replace(/^§\s*/, "");
      const label = part.startsWith("§") ? `RFC ${rfc} §${section}` : `RFC ${rfc} ${section}`;
      links.push({ label, url: rfcSectionUrl(rfc, section) });
    }
  }
  if (found) return links;
  const draft = /(draft-[a-z0-9-]+?)(?:-\d{2})?$/i.exec(cite.trim());
  if (draft) return [{ label: cite.trim(), url: `${DRAFT_BASE}${draft[1]}/` }];
  if (/^IANA HTTP Status Code Registry/.test(cite)) return [{ label: cite, url: IANA_REGISTRY }];
  return [{ label: cite, url: null }];
}

function specLinkOf(e: Entry): SpecLink | null {
  if (!e.spec) return null;
  if (e.spec.startsWith("RFC")) {
    const rfc = Number(e.spec.replace(/\D/g, ""));
    return e.section
      ? { label: `${e.spec} §${e.section}`, url: rfcSectionUrl(rfc, e.section) }
      : { label: e.spec, url: rfcSectionUrl(rfc) };
  }
  return citeLinks(e.spec)[0] ?? null;
}

function build(): ReadonlyMap<number, StatusInfo> {
  const entries = z.array(entrySchema).parse(raw);
  const map = new Map<number, StatusInfo>();
  for (const e of entries) {
    if (map.has(e.code)) throw new Error(`duplicate status code ${e.code} in the registry`);
    map.set(e.code, {
      ...e,
      retry: e.retry ?? null,
      oftenConfusedWith: e.oftenConfusedWith ?? [],
      formerReasons: e.formerReasons ?? [],
      specLink: specLinkOf(e),
      sourceLinks: e.sources.flatMap(citeLinks),
    });
  }
  for (const info of map.values()) {
    for (const other of info.oftenConfusedWith) {
      if (!map.has(other)) throw new Error(`${info.code} is confused with unknown code ${other}`);
    }
  }
  return map;
}

const REGISTRY = build();
const SORTED: readonly StatusInfo[] = [...REGISTRY.values()].sort((a, b) => a.code - b.code);

/** Every code the site documents, in numeric order. */
export function allStatuses(): readonly StatusInfo[] {
  return SORTED;
}

export function getStatus(code: number): StatusInfo | undefined {
  return REGISTRY.get(code);
}

export function isKnownStatus(code: number): boolean {
  return REGISTRY.has(code);
}

export function classOf(code: number): StatusClass {
  const digit = Math.floor(code / 100);
  if (digit < 1 || digit > 5) throw new RangeError(`${code} is outside 100-599`);
  return `${digit}xx` as StatusClass;
}

/** Codes grouped by class, each group in numeric order. */
export function statusesByClass(): { cls: StatusClass; name: string; statuses: StatusInfo[] }[] {
  return STATUS_CLASSES.map((cls) => ({
    cls,
    name: CLASS_NAMES[cls],
    statuses: SORTED.filter((s) => s.class === cls),
  }));
}

/**
 * The reason phrase to put on the status line for any code in 100-599. Unregistered codes get the
 * class's generic name, which is what a client would fall back to anyway (RFC 9110 §15). Reserved
 * codes (306, 418) send IANA's name, "Unused": 418's "I'm a teapot" is HTCPCP's phrase (RFC 2324),
 * never an HTTP one, and the page's heading says "(Unused)" too.
 */
export function reasonPhrase(code: number): string {
  const info = REGISTRY.get(code);
  if (info && info.lifecycle !== "reserved") return info.reason.replace(/\s*\(OBSOLETED\)$/, "");
  if (info) return "Unused";
  return `Unassigned ${CLASS_NAMES[classOf(code)]}`;
}

/** One code-specific response header with an example value (see `headerRows`). */
export interface HeaderRow {
  header: string;
  value: string;
  level: RuleLevel;
  cite: string;
}

const ROWS = new Map<number, readonly HeaderRow[]>(
  SORTED.map((s) => [
    s.code,
    s.headerRules.flatMap((r) =>
      r.example === undefined ? [] : [{ header: r.header, value: r.example, level: r.level, cite: r.cite }],
    ),
  ]),
);

/**
 * The code-specific headers a correct response with `code` carries, in order, with example values:
 * Location on 201 and the redirects, WWW-Authenticate on 401, Allow on 405, Retry-After on 429 and
 * 503, and so on. The simulator, the snippets and the inspector all read these rows.
 */
export function headerRows(code: number): readonly HeaderRow[] {
  return ROWS.get(code) ?? [];
}

/** The registry's rule for one header on one code, matched by exact name; none for rules about several. */
export function headerRule(
  code: number,
  header: string,
  levels?: readonly RuleLevel[],
): HeaderRule | undefined {
  const name = header.toLowerCase();
  return REGISTRY.get(code)?.headerRules.find(
    (r) => r.header.toLowerCase() === name && (levels === undefined || levels.includes(r.level)),
  );
}

/** Whether `code` MUST (or, with `"SHOULD"`, at least SHOULD) carry `header`. */
export function expectsHeader(code: number, header: string, atLeast: "MUST" | "SHOULD" = "MUST"): boolean {
  return headerRule(code, header, atLeast === "MUST" ? ["MUST"] : ["MUST", "SHOULD"]) !== undefined;
}

/** The codes whose header rows include `header`, in numeric order (e.g. Location: 201, 300-303, 307, 308). */
export function codesWithRow(header: string): number[] {
  const name = header.toLowerCase();
  return SORTED.filter((s) => headerRows(s.code).some((r) => r.header.toLowerCase() === name)).map(
    (s) => s.code,
  );
}

/**
 * Whether HTTP forbids a server to generate content with this status: 1xx, 204, 205 and 304
 * (RFC 9110 §6.4.1, §15.3.6), and every unregistered 1xx. Codes that never reach the wire (nginx's
 * 444 and 499) have no content because nothing is sent, not because HTTP forbids it, so they do not
 * count here.
 */
export function forbidsContent(code: number): boolean {
  const info = REGISTRY.get(code);
  if (!info) return code >= 100 && code < 200;
  return !info.contentAllowed && info.onWire !== false;
}

/**
 * Whether a message with this status ends at the blank line after its header section, whatever its
 * framing headers say: 1xx, 204 and 304 (RFC 9112 §6.3).
 */
export function endsAtHeaders(code: number): boolean {
  return REGISTRY.get(code)?.endsAtHeaders ?? (code >= 100 && code < 200);
}

/** Whether caches must never store a response with this status, and the section that says so. */
export function neverStore(code: number): { cite: string } | null {
  const info = REGISTRY.get(code);
  if (!info?.neverStore) return null;
  return { cite: info.specLink?.label ?? info.sources[0] ?? "" };
}

/** Every code caches must never store, in numeric order (RFC 6585's 428, 429, 431, 511). */
export function neverStoredCodes(): number[] {
  return SORTED.filter((s) => s.neverStore).map((s) => s.code);
}

/** The only request a server answers with `code` (206, 416: a range; 304: a condition), if any. */
export function answersOnly(code: number): AnswersOnly | undefined {
  return REGISTRY.get(code)?.answersOnly;
}

/** The method a client follows this redirect with (see `FOLLOW_METHODS`); null for no redirect. */
export function followMethod(code: number): FollowMethod | null {
  return REGISTRY.get(code)?.redirect?.method ?? null;
}

/**
 * Whether an intermediary, not the application, produces this code: the `intermediary` codes, and
 * those that never reach the wire (nginx's 444, 494-497 and 499 only appear in its logs).
 */
export function sentByIntermediary(code: number): boolean {
  const info = REGISTRY.get(code);
  return info !== undefined && (info.intermediary || info.onWire === false);
}

/**
 * Whether no response at all reaches the client: the code never goes on the wire and nothing is sent
 * in its place (nginx's 444 closes the connection; 499 is logged when the client has gone). nginx's
 * 494-497 are not among them: the client gets a 400.
 */
export function nothingReachesClient(code: number): boolean {
  const info = REGISTRY.get(code);
  return info?.onWire === false && info.clientSeesStatus === undefined;
}

/** The codes browsers follow by themselves (the redirects with `autoFollowByBrowsers`). */
export function followedRedirect(code: number): boolean {
  return REGISTRY.get(code)?.redirect?.autoFollowByBrowsers === true;
}

/** A rule's level as a page shows it: the keyword, with its qualifier when it has one. */
export function levelLabel(rule: Pick<HeaderRule, "level" | "qualifier">): string {
  return rule.qualifier ? `${rule.level} (${rule.qualifier})` : rule.level;
}
