/** D. Content negotiation and Vary. */
import { cachePolicy } from "../cache-policy";
import { acceptedCodings, canonicalCoding } from "../fields/accept-encoding";
import { varyMembers, varyNames } from "../fields/vary";
import type { CheckDef, Context, FindingDraft } from "../types";

import { listValues, TOKEN } from "./util";

/** Vary's members, lower-cased, in order (duplicates kept). */
const varyOf = (ctx: Context) => varyNames(ctx.all("vary"));

/** The content codings applied, lower-cased, without identity. */
const codingsOf = (ctx: Context) => listValues(ctx.all("content-encoding")).filter((c) => c !== "identity");

export const NEGOTIATION_CHECKS: CheckDef[] = [
  {
    id: "neg.vary-star",
    group: "negotiation",
    summary: "Vary is not *, which makes every stored copy unusable",
    run(ctx) {
      if (!varyOf(ctx).includes("*")) return null;
      const p = cachePolicy(ctx);
      if (p.noStore) return null; // Nothing is stored anyway.
      const invited = [
        p.find("max-age") ? "max-age" : "",
        p.find("s-maxage") ? "s-maxage" : "",
        p.hasExpires ? "Expires" : "",
        p.isPublic ? "public" : "",
      ].filter(Boolean);
      return {
        severity: "warning",
        title: invited.length ? `Vary: * contradicts ${invited.join(", ")}` : "Vary: *",
        explanation: `Vary: * says the response depends on things outside the request, so no cache can ever reuse a stored copy without asking the server.${
          invited.length ? " The freshness directives are wasted." : ""
        } List the request headers that matter (e.g. Vary: Accept-Encoding), or send Cache-Control: no-store if it must never be reused.`,
        cite: "RFC 9110 §12.5.5, RFC 9111 §4.1",
        subject: "Vary",
      };
    },
  },
  {
    id: "neg.vary-quality",
    group: "negotiation",
    summary: "Vary lists valid, distinct field names that do not fragment caches",
    run(ctx) {
      const raw = varyMembers(ctx.all("vary"));
      if (raw.length === 0) return null;
      const out: FindingDraft[] = [];
      const invalid = raw.filter((v) => v !== "*" && !TOKEN.test(v));
      if (invalid.length) {
        out.push({
          severity: "warning",
          title: `Vary holds invalid field names: ${invalid.join(", ")}`,
          explanation:
            "Vary is a comma-separated list of header names. Caches cannot match on these, and some give up on caching the response.",
          cite: "RFC 9110 §12.5.5, §5.1",
          subject: "Vary",
        });
      }
      const names = raw.map((v) => v.toLowerCase());
      // The names listed more than once, in the order of their second occurrence (one pass).
      const once = new Set<string>();
      const dupSet = new Set<string>();
      for (const n of names) (once.has(n) ? dupSet : once).add(n);
      const dups = [...dupSet];
      if (dups.length) {
        out.push({
          severity: "info",
          title: `Vary repeats ${dups.join(", ")}`,
          explanation: "Listing a header twice changes nothing; list it once.",
          cite: "RFC 9110 §12.5.5",
          subject: "Vary",
        });
      }
      // The rest only matters when a cache may store the response.
      if (!cachePolicy(ctx).storable.any) return out;
      if (names.includes("user-agent")) {
        out.push({
          severity: "warning",
          title: "Vary: User-Agent",
          explanation:
            "There are thousands of User-Agent strings, so caches keep a separate copy for nearly every client and rarely get a hit. Vary on a small header you control (e.g. a client hint), or do not vary.",
          cite: "RFC 9110 §12.5.5",
          subject: "Vary",
        });
      }
      if (names.includes("host")) {
        out.push({
          severity: "info",
          title: "Vary: Host is unnecessary",
          explanation: "The host is already part of the URL that caches use as the key.",
          cite: "RFC 9110 §12.5.5, RFC 9111 §2",
          subject: "Vary",
        });
      }
      const distinct = new Set(names.filter((n) => n !== "*"));
      if (distinct.size > 3) {
        out.push({
          severity: "info",
          title: `Vary lists ${distinct.size} headers`,
          explanation:
            "Every combination of these request headers is a separate cache entry, so hit rates drop. Keep the list to the headers that really change the response.",
          cite: "RFC 9111 §4.1",
          subject: "Vary",
        });
      }
      return out;
    },
  },
  {
    id: "neg.encoding-no-vary",
    group: "negotiation",
    summary: "A cacheable compressed response has Vary: Accept-Encoding",
    run(ctx) {
      const codings = codingsOf(ctx);
      if (codings.length === 0) return null;
      const vary = varyOf(ctx);
      if (vary.includes("accept-encoding") || vary.includes("*")) return null;
      if (!cachePolicy(ctx).storable.any) return null;
      return {
        severity: "warning",
        title: `Content-Encoding: ${codings.join(", ")} without Vary: Accept-Encoding`,
        explanation:
          "If the server compresses only for clients that ask, a cache may hand these compressed bytes to a client that cannot decode them. Add Vary: Accept-Encoding (if the response is always compressed, it does no harm).",
        cite: "RFC 9110 §12.5.5, §12.5.3",
        subject: "Vary",
      };
    },
  },
  {
    id: "neg.encoding-unrequested",
    group: "negotiation",
    needsRequest: true,
    summary: "The content coding is one the request's Accept-Encoding allows",
    run(ctx) {
      const ae = ctx.req("accept-encoding");
      if (ae === undefined || ctx.status === 304 || ctx.status < 200) return null;
      const accepted = acceptedCodings(ae);
      const star = accepted.get("*");
      const refused = codingsOf(ctx).filter((c) => {
        const q = accepted.get(canonicalCoding(c)) ?? star ?? 0;
        return q <= 0;
      });
      if (refused.length === 0) return null;
      return {
        severity: "warning",
        title: `Content-Encoding: ${refused.join(", ")} was not accepted`,
        explanation: `The request said Accept-Encoding: ${ae.trim() || "(empty, i.e. no coding)"}, so the client may not be able to decode this. Send the response uncompressed or in a coding the client listed.`,
        cite: "RFC 9110 §12.5.3, §8.4",
        subject: "Content-Encoding",
      };
    },
  },
];
