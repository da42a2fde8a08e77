/** G. Body and framing. */
import { MEDIA_TYPE } from "../../http";
import { endsAtHeaders, forbidsContent, getStatus } from "../../registry";
import type { CheckDef, FindingDraft } from "../types";

import { listValues, mediaType } from "./util";

export const BODY_CHECKS: CheckDef[] = [
  {
    id: "body.not-allowed",
    group: "body",
    summary: "No content on 1xx, 204, 205, 304 or HEAD responses",
    run(ctx) {
      if (!ctx.hasContent) return null;
      if (endsAtHeaders(ctx.status)) {
        return {
          severity: "error",
          title: `Content on a ${ctx.status}`,
          explanation: `A ${ctx.status} ends after its header section; the extra bytes will be read as the start of the next response on the connection.`,
          cite: "RFC 9110 §6.4.1, RFC 9112 §6.3",
        };
      }
      if (forbidsContent(ctx.status)) {
        // 205: framed as usual, but the server must not generate content.
        return {
          severity: "error",
          title: `Content on a ${ctx.status}`,
          explanation: `A server must not generate content in a ${ctx.status}: the client is only told to reset the view that sent the request.`,
          cite: getStatus(ctx.status)?.specLink?.label ?? "RFC 9110 §6.4.1",
        };
      }
      if (ctx.method === "HEAD") {
        return {
          severity: "error",
          title: "Content in a response to HEAD",
          explanation: "A HEAD response never has content, whatever its headers say.",
          cite: "RFC 9110 §9.3.2, RFC 9112 §6.3",
        };
      }
      return null;
    },
  },
  {
    id: "body.length-fields-forbidden",
    group: "body",
    summary: "No Content-Length or Transfer-Encoding on 1xx and 204",
    run(ctx) {
      if (!(ctx.status >= 100 && ctx.status < 200) && ctx.status !== 204) return null;
      const out: FindingDraft[] = [];
      if (ctx.has("content-length"))
        out.push({
          severity: "error",
          title: `Content-Length on a ${ctx.status}`,
          explanation: "A server must not send Content-Length, not even 0, in a 1xx or 204.",
          cite: "RFC 9110 §8.6",
          subject: "Content-Length",
        });
      if (ctx.has("transfer-encoding"))
        out.push({
          severity: "error",
          title: `Transfer-Encoding on a ${ctx.status}`,
          explanation: "A server must not send Transfer-Encoding in a 1xx or 204.",
          cite: "RFC 9112 §6.1",
          subject: "Transfer-Encoding",
        });
      return out;
    },
  },
  {
    id: "body.content-length",
    group: "body",
    summary: "Content-Length is a number, matches the content, and never comes with Transfer-Encoding",
    run(ctx) {
      const values = ctx.all("content-length");
      const v = values[0]?.trim();
      if (v === undefined) return null;
      const out: FindingDraft[] = [];
      if (!/^\d+$/.test(v))
        out.push({
          severity: "error",
          title: "Content-Length is not a number",
          explanation: `"${v}" is not a non-negative integer; the message cannot be framed.`,
          cite: "RFC 9110 §8.6",
          subject: "Content-Length",
        });
      if (ctx.has("transfer-encoding"))
        out.push({
          severity: "error",
          title: "Content-Length together with Transfer-Encoding",
          explanation:
            "A sender must not send both; recipients disagree on which one frames the message (request smuggling).",
          cite: "RFC 9112 §6.2",
          subject: "Content-Length",
        });
      const body = ctx.input.response.body;
      const framed = !(ctx.method === "HEAD" || endsAtHeaders(ctx.status));
      if (/^\d+$/.test(v) && framed && typeof body === "string" && !ctx.has("content-encoding")) {
        const actual = new TextEncoder().encode(body).length;
        if (actual !== Number(v)) {
          out.push({
            severity: "error",
            title: `Content-Length says ${v}, the content is ${actual} bytes`,
            explanation:
              "A wrong length truncates the body or swallows the next response. (If you pasted the body, trailing newlines count.)",
            cite: "RFC 9112 §6.3",
            subject: "Content-Length",
          });
        }
      }
      return out;
    },
  },
  {
    id: "body.transfer-coding",
    group: "body",
    summary: "Transfer-Encoding ends with a single chunked",
    run(ctx) {
      const codings = listValues(ctx.all("transfer-encoding"));
      if (codings.length === 0) return null;
      if (codings.filter((c) => c === "chunked").length > 1)
        return {
          severity: "error",
          title: "chunked applied twice",
          explanation: "chunked must not be applied more than once.",
          cite: "RFC 9112 §6.1",
          subject: "Transfer-Encoding",
        };
      if (codings[codings.length - 1] !== "chunked")
        return {
          severity: "error",
          title: "chunked is not the last transfer coding",
          explanation: "Without chunked last, a response's end is only known when the connection closes.",
          cite: "RFC 9112 §6.1",
          subject: "Transfer-Encoding",
        };
      if (codings.includes("identity"))
        return {
          severity: "error",
          title: "identity is not a transfer coding",
          explanation: "identity was removed from HTTP/1.1; recipients may reject the message.",
          cite: "RFC 9112 §7",
          subject: "Transfer-Encoding",
        };
      return null;
    },
  },
  {
    id: "body.content-type",
    group: "body",
    summary: "Content has a well-formed Content-Type",
    run(ctx) {
      if (!ctx.hasContent || ctx.method === "HEAD") return null;
      const v = ctx.get("content-type");
      if (v === undefined)
        return {
          severity: "warning",
          title: "Content without Content-Type",
          explanation: "Clients will guess the type, and browsers may sniff it into something dangerous.",
          cite: "RFC 9110 §8.3",
          subject: "Content-Type",
        };
      if (!MEDIA_TYPE.test(v.trim())) {
        return {
          severity: "warning",
          title: "Content-Type is malformed",
          explanation: `"${v}" is not type/subtype with optional parameters.`,
          cite: "RFC 9110 §8.3.1",
          subject: "Content-Type",
        };
      }
      const type = mediaType(v) ?? "";
      const trimmed = ctx.body.trimStart();
      if ((type === "application/json" || type.endsWith("+json")) && trimmed !== "") {
        try {
          JSON.parse(ctx.body);
        } catch {
          return {
            severity: "warning",
            title: "Declared JSON, but the content does not parse",
            explanation: "Clients that trust the Content-Type will fail to read it.",
            cite: "RFC 9110 §8.3",
            subject: "Content-Type",
          };
        }
      }
      return null;
    },
  },
  {
    id: "body.charset",
    group: "body",
    summary: "Text content says its charset",
    run(ctx) {
      const v = ctx.get("content-type");
      if (!ctx.hasContent || !v || !/^text\//i.test(v.trim()) || /charset=/i.test(v)) return null;
      return {
        severity: "warning",
        title: "Text without a charset",
        explanation:
          "Recipients will guess the character encoding (often wrongly for anything beyond ASCII). Add ; charset=utf-8.",
        cite: "RFC 9110 §8.3.2",
        subject: "Content-Type",
      };
    },
  },
  {
    id: "body.problem-details",
    group: "body",
    summary: "Error bodies use RFC 9457 problem details, with a status member that matches",
    run(ctx) {
      if (!ctx.hasContent) return null;
      const type = mediaType(ctx.get("content-type"));
      if (type === "application/problem+json") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(ctx.body);
        } catch {
          return null; // body.content-type reports unparsable JSON
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
          return {
            severity: "warning",
            title: "Problem details body is not a JSON object",
            explanation:
              "application/problem+json must be a JSON object with members such as type, title and status.",
            cite: "RFC 9457 §3",
          };
        }
        const status = (parsed as Record<string, unknown>).status;
        if (status !== undefined && status !== ctx.status) {
          return {
            severity: "error",
            title: `Problem "status" is ${JSON.stringify(status)}, the response is ${ctx.status}`,
            explanation:
              "The status member must be the status code actually sent, as a number; generic software trusts the real one.",
            cite: "RFC 9457 §3.1.2",
          };
        }
        return null;
      }
      if (ctx.status >= 400 && type === "application/json") {
        return {
          severity: "info",
          title: "Error body as plain JSON",
          explanation:
            "Consider application/problem+json (RFC 9457) so clients can read any error the same way.",
          cite: "RFC 9457 §3",
        };
      }
      return null;
    },
  },
  {
    id: "body.error-explanation",
    group: "body",
    summary: "4xx and 5xx responses explain the error",
    run(ctx) {
      if (
        ctx.status < 400 ||
        ctx.method === "HEAD" ||
        ctx.input.response.body === undefined ||
        ctx.input.response.body === null
      )
        return null;
      if (ctx.body.trim() === "") {
        return {
          severity: "info",
          title: "Error without an explanation",
          explanation: "Say what went wrong and whether it is temporary; user agents should show it.",
          cite: ctx.status >= 500 ? "RFC 9110 §15.6" : "RFC 9110 §15.5",
        };
      }
      return null;
    },
  },
  {
    id: "body.field-size-encoding",
    group: "body",
    summary: "Header fields are of reasonable size and ASCII",
    run(ctx) {
      const out: FindingDraft[] = [];
      let total = 0;
      for (const [name, value] of ctx.input.response.headers) {
        total += name.length + value.length + 4;
        if (value.length > 8192)
          out.push({
            severity: "warning",
            title: `${name} is larger than 8 KiB`,
            explanation: "Many servers and proxies reject or truncate header fields this large.",
            cite: "RFC 9110 §5.4",
            subject: name,
          });

        if (/[^\t\x20-\x7e]/.test(value))
          out.push({
            severity: "warning",
            title: `${name} has non-ASCII or control characters`,
            explanation: "Field values should be visible ASCII; recipients treat other bytes inconsistently.",
            cite: "RFC 9110 §5.5",
            subject: name,
          });
      }
      if (total > 32768)
        out.push({
          severity: "warning",
          title: "The header section is larger than 32 KiB",
          explanation: "Many intermediaries refuse header sections this large.",
          cite: "RFC 9110 §5.4",
        });
      return out;
    },
  },
  {
    id: "body.connection-specific-h2",
    group: "body",
    summary: "No connection-specific fields in HTTP/2 and HTTP/3 responses",
    run(ctx) {
      const v = ctx.input.response.httpVersion;
      if (v !== "2" && v !== "3") return null;
      return ["Connection", "Keep-Alive", "Upgrade", "Transfer-Encoding", "Proxy-Connection"]
        .filter((n) => ctx.has(n))
        .map((n) => ({
          severity: "error" as const,
          title: `${n} in an HTTP/${v} response`,
          explanation: `HTTP/${v} has no connection-specific fields; a message with ${n} is malformed.`,
          cite: v === "2" ? "RFC 9113 §8.2.2" : "RFC 9114 §4.2",
          subject: n,
        }));
    },
  },
];
