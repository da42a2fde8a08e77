/**
 * Inspector types. A check reads one response (and, where known, the request that produced it) and
 * returns findings, each tied to the specification section it rests on.
 */
import type { HeaderList } from "../http";
import { citeLinks, type SpecLink } from "../registry";

export type Severity = "error" | "warning" | "info";

export const GROUPS = ["status", "headers", "caching", "negotiation", "cors", "security", "body"] as const;
export type Group = (typeof GROUPS)[number];

export type { HeaderList };

export interface InspectResponse {
  status: number;
  /** The reason phrase as received, when known (HTTP/1.1 only). */
  reason?: string;
  /** Header fields in the order received, duplicates kept. */
  headers: HeaderList;
  /** The content as text, or null/undefined when there was none or it is unknown. */
  body?: string | null;
  /** "1.1", "2", "3"; unknown when absent. */
  httpVersion?: string;
}

export interface InspectRequest {
  method: string;
  headers: HeaderList;
  /** The request target, when known. */
  url?: string;
}

export interface InspectInput {
  response: InspectResponse;
  request?: InspectRequest;
  /** Whether the response came over HTTPS, when known (security headers depend on it). */
  https?: boolean;
  /** The time to compare Date and Last-Modified with; defaults to now. */
  now?: Date;
}

export interface Finding {
  /** Stable identifier, e.g. "hdr.auth-challenge". */
  id: string;
  severity: Severity;
  group: Group;
  /** One line. */
  title: string;
  /** What it means and what to do, in plain words. */
  explanation: string;
  /** The sections it rests on. */
  cite: SpecLink[];
  /** The header the finding is about, when there is one. */
  subject?: string;
  /** How many times the response has this problem, when more than once (repeats are grouped). */
  count?: number;
}

/** A view of the input with helpers every check needs. */
export interface Context {
  input: InspectInput;
  status: number;
  method: string | undefined;
  /** All values of a response header, in order (case-insensitive name). */
  all(name: string): string[];
  /** The response header's values joined with ", ", or undefined when absent. */
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** A request header's joined value, or undefined (also when the request is unknown). */
  req(name: string): string | undefined;
  hasRequest: boolean;
  /** The body as given ("" when absent). */
  body: string;
  /** Whether the message has content (a non-empty body). */
  hasContent: boolean;
  now: Date;
}

export interface CheckDef {
  id: string;
  group: Group;
  /** Whether the check needs the request; without one it reports nothing. */
  needsRequest?: boolean;
  /** What the check looks for, for the "what we check" lists. */
  summary: string;
  run(ctx: Context): FindingDraft[] | FindingDraft | null | undefined;
}

export interface FindingDraft {
  severity: Severity;
  title: string;
  explanation: string;
  /** Citation text such as "RFC 9110 §15.5.2, §11.6.1". */
  cite: string;
  subject?: string;
  /** Defaults to the check's id; a check may report several ids of its own family. */
  id?: string;
}

export function toFinding(def: CheckDef, d: FindingDraft): Finding {
  const f: Finding = {
    id: d.id ?? def.id,
    severity: d.severity,
    group: def.group,
    title: d.title,
    explanation: d.explanation,
    cite: citeLinks(d.cite),
  };
  if (d.subject) f.subject = d.subject;
  return f;
}
