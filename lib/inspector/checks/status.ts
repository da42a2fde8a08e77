/** A. Status semantics. */
import { followMethod, getStatus, reasonPhrase } from "../../registry";
import { firstSentences, lifecycleBadge } from "../../registry/sentences";
import type { CheckDef } from "../types";

import { listValues } from "./util";

export const STATUS_CHECKS: CheckDef[] = [
  {
    id: "status.explain",
    group: "status",
    summary: "What the status code means, in plain words",
    run(ctx) {
      const s = ctx.status;
      if (s < 100 || s > 599) return null;
      const info = getStatus(s);
      const cls = Math.floor(s / 100);
      const meaning = info
        ? `${s} ${info.reason}: ${firstSentences(info.notes)}`
        : `${s} is not a registered code; clients treat it like ${cls}00 ${reasonPhrase(cls * 100)}.`;
      return {
        severity: "info",
        title: info ? `${s} ${info.reason}` : `${s}, an unregistered ${cls}xx code`,
        explanation: meaning,
        cite: info?.specLink ? info.specLink.label : "RFC 9110 §15",
      };
    },
  },
  {
    id: "status.out-of-range",
    group: "status",
    summary: "The status code is a three-digit number from 100 to 599",
    run(ctx) {
      const s = ctx.status;
      if (Number.isInteger(s) && s >= 100 && s <= 599) return null;
      return {
        severity: "error",
        title: `${s} is not a valid HTTP status code`,
        explanation:
          "Status codes are three digits from 100 to 599. Clients treat anything else as a server error or reject the response.",
        cite: "RFC 9110 §15",
      };
    },
  },
  {
    id: "status.unregistered",
    group: "status",
    summary: "The code is registered with IANA, or its origin is known",
    run(ctx) {
      const s = ctx.status;
      if (s < 100 || s > 599) return null;
      const info = getStatus(s);
      if (info?.official) return null;
      const cls = Math.floor(s / 100);
      // Legal (RFC 9110 §15 lets servers use extension codes), so information, not a warning: what
      // matters is that generic clients only see the class.
      return {
        severity: "info",
        title: info
          ? `${s} is unofficial (${info.origin ?? "vendor convention"})`
          : `${s} is not in the IANA registry`,
        explanation: `Generic clients understand only the class of an unknown code and handle this like ${cls}00. ${
          info?.onWire === false ? "The server that defines it never sends it to clients. " : ""
        }Use a registered code if clients must act on it.`,
        cite: "RFC 9110 §15",
      };
    },
  },
  {
    id: "status.lifecycle",
    group: "status",
    summary: "The code is not deprecated, reserved, obsoleted or only temporarily registered",
    run(ctx) {
      const info = getStatus(ctx.status);
      if (!info || info.lifecycle === "active" || info.lifecycle === "unofficial") return null;
      const cite = info.specLink?.label ?? "IANA HTTP Status Code Registry";
      switch (info.code) {
        case 305:
          return {
            severity: "warning",
            title: "305 Use Proxy is deprecated",
            explanation:
              "Browsers ignore it for security reasons: a response must not be able to choose the client's proxy.",
            cite,
          };
        case 306:
          return {
            severity: "warning",
            title: "306 is reserved and unused",
            explanation: "It has no meaning in HTTP; clients treat it like 300.",
            cite,
          };
        case 418:
          return {
            severity: "info",
            title: "418 is reserved (the teapot joke)",
            explanation:
              "It has no HTTP semantics; clients treat it like 400. Fine for a demo, wrong for an API.",
            cite,
          };
        default:
          return {
            severity: "info",
            title: `${info.code}: ${lifecycleBadge(info).label.toLowerCase()}`,
            explanation: firstSentences(info.notes, 2),
            cite,
          };
      }
    },
  },
  {
    id: "status.interim-as-final",
    group: "status",
    summary: "A 1xx (interim) response is followed by a final one",
    run(ctx) {
      if (ctx.status < 100 || ctx.status > 199) return null;
      return {
        severity: "error",
        title: `${ctx.status} cannot be the final response`,
        explanation:
          "1xx responses are interim: a final 2xx-5xx response must follow. A client that gets only this waits or fails.",
        cite: "RFC 9110 §15.2",
      };
    },
  },
  {
    id: "status.interim-unrequested",
    group: "status",
    needsRequest: true,
    summary: "100 answers Expect: 100-continue, and 101 answers an Upgrade the client offered",
    run(ctx) {
      if (ctx.status === 100 && !/100-continue/i.test(ctx.req("expect") ?? "")) {
        return {
          severity: "error",
          title: "100 Continue that nobody asked for",
          explanation: "Send 100 only to a request with Expect: 100-continue.",
          cite: "RFC 9110 §10.1.1, §15.2.1",
        };
      }
      if (ctx.status === 101) {
        const offered = listValues(ctx.req("upgrade") ? [ctx.req("upgrade") ?? ""] : []);
        const chosen = listValues(ctx.all("upgrade"));
        if (
          offered.length === 0 ||
          chosen.some((p) => !offered.some((o) => o.split("/")[0] === p.split("/")[0]))
        ) {
          return {
            severity: "error",
            title: "101 to a protocol the client did not offer",
            explanation: "A server may only switch to a protocol listed in the request's Upgrade header.",
            cite: "RFC 9110 §7.8",
          };
        }
      }
      return null;
    },
  },
  {
    id: "status.created-safe-method",
    group: "status",
    needsRequest: true,
    summary: "201 Created answers a method that can create something",
    run(ctx) {
      if (ctx.status !== 201 || !["GET", "HEAD", "OPTIONS", "TRACE"].includes(ctx.method ?? "")) return null;
      return {
        severity: "warning",
        title: `201 Created in answer to ${ctx.method}`,
        explanation: `${ctx.method} is a safe method: it should not create resources.`,
        cite: "RFC 9110 §9.2.1, §15.3.2",
      };
    },
  },
  {
    id: "status.partial-unrequested",
    group: "status",
    needsRequest: true,
    summary: "206 answers a request that had a Range header",
    run(ctx) {
      if (ctx.status !== 206 || ctx.req("range")) return null;
      return {
        severity: "error",
        title: "206 Partial Content without a Range request",
        explanation:
          "The client did not ask for part of the representation, so it will not expect a partial body.",
        cite: "RFC 9110 §15.3.7",
      };
    },
  },
  {
    id: "status.304-unconditional",
    group: "status",
    needsRequest: true,
    summary: "304 answers a conditional GET or HEAD",
    run(ctx) {
      if (ctx.status !== 304) return null;
      if (!["GET", "HEAD"].includes(ctx.method ?? "")) {
        return {
          severity: "error",
          title: `304 in answer to ${ctx.method}`,
          explanation: "304 only answers GET and HEAD; a failed precondition on other methods is a 412.",
          cite: "RFC 9110 §15.4.5, §13.2.2",
        };
      }
      if (!ctx.req("if-none-match") && !ctx.req("if-modified-since")) {
        return {
          severity: "error",
          title: "304 to an unconditional request",
          explanation:
            "The request had no If-None-Match or If-Modified-Since, so the client has no copy to reuse.",
          cite: "RFC 9110 §15.4.5",
        };
      }
      return null;
    },
  },
  {
    id: "status.missing-trigger",
    group: "status",
    needsRequest: true,
    summary: "406, 412, 416, 417 and 425 answer requests that had what they presuppose",
    run(ctx) {
      const has = (n: string) => ctx.req(n) !== undefined;
      switch (ctx.status) {
        case 406:
          if (!["accept", "accept-encoding", "accept-language", "accept-charset"].some(has))
            return {
              severity: "warning",
              title: "406 without any Accept header in the request",
              explanation:
                "406 means none of the client's stated preferences can be met, but the client stated none.",
              cite: "RFC 9110 §15.5.7",
            };
          return null;
        case 412:
          if (!["if-match", "if-none-match", "if-modified-since", "if-unmodified-since"].some(has))
            return {
              severity: "warning",
              title: "412 without a precondition in the request",
              explanation:
                "412 reports a failed If-* condition, but the request had none. Did you mean 409 or 428?",
              cite: "RFC 9110 §15.5.13",
            };
          return null;
        case 416:
          if (!has("range"))
            return {
              severity: "warning",
              title: "416 without a Range request",
              explanation: "416 answers a Range the server cannot satisfy; this request had no Range.",
              cite: "RFC 9110 §15.5.17",
            };
          return null;
        case 417:
          if (!has("expect"))
            return {
              severity: "warning",
              title: "417 without an Expect header",
              explanation:
                "417 says an expectation in the request's Expect header cannot be met; there was none.",
              cite: "RFC 9110 §15.5.18",
            };
          if (/100-continue/i.test(ctx.req("expect") ?? ""))
            return {
              severity: "info",
              title: "417 to Expect: 100-continue",
              explanation: "The client should resend the request without the expectation.",
              cite: "RFC 9110 §10.1.1",
            };
          return null;
        case 425:
          if (ctx.req("early-data") !== "1")
            return {
              severity: "warning",
              title: "425 to a request not sent in early data",
              explanation: "425 is for requests replayable from TLS early data (Early-Data: 1).",
              cite: "RFC 8470 §5.2",
            };
          return null;
        default:
          return null;
      }
    },
  },
  {
    id: "status.405-method-allowed",
    group: "status",
    needsRequest: true,
    summary: "A 405's Allow does not list the refused method",
    run(ctx) {
      if (ctx.status !== 405 || !ctx.method) return null;
      const allowed = listValues(ctx.all("allow")).map((m) => m.toUpperCase());
      if (!allowed.includes(ctx.method)) return null;
      return {
        severity: "warning",
        title: `405, yet Allow lists ${ctx.method}`,
        explanation: "The response refuses the method and advertises it at the same time.",
        cite: "RFC 9110 §15.5.6, §10.2.1",
        subject: "Allow",
      };
    },
  },
  {
    id: "status.redirect-post-rewrite",
    group: "status",
    needsRequest: true,
    summary: "301/302 are not used to redirect a POST",
    run(ctx) {
      // The redirects whose registry entry says a POST may come back as a GET (301, 302).
      if (followMethod(ctx.status) !== "post-may-become-get" || ctx.method !== "POST" || !ctx.has("location"))
        return null;
      return {
        severity: "warning",
        title: `${ctx.status} after a POST`,
        explanation:
          "Browsers and most clients follow it with a GET and drop the body. Use 307/308 to keep the method and body, or 303 to switch to GET on purpose.",
        cite: getStatus(ctx.status)?.specLink?.label ?? "RFC 9110 §15.4",
      };
    },
  },
  {
    id: "status.200-empty",
    group: "status",
    summary: "A 200 with deliberately nothing to return would be a 204",
    run(ctx) {
      if (ctx.status !== 200 || ctx.method === "HEAD" || ctx.method === "CONNECT") return null;
      const declaredEmpty = ctx.get("content-length")?.trim() === "0";
      if (!declaredEmpty && ctx.input.response.body !== "") return null;
      return {
        severity: "info",
        title: "200 with no content",
        explanation: "If there is deliberately nothing to return, 204 No Content says so explicitly.",
        cite: "RFC 9110 §15.3.1, §15.3.5",
      };
    },
  },
  {
    id: "status.reason-phrase",
    group: "status",
    summary: "The reason phrase is ASCII (and ideally the registered one)",
    run(ctx) {
      const reason = ctx.input.response.reason;
      if (reason === undefined || reason === "") return null;

      if (/[^\t\x20-\x7e]/.test(reason)) {
        return {
          severity: "warning",
          title: "Reason phrase has non-ASCII or control characters",
          explanation:
            "Recipients may reject or mangle it. Clients ignore the phrase anyway, and HTTP/2 and HTTP/3 do not carry it.",
          cite: "RFC 9112 §4",
        };
      }
      const info = getStatus(ctx.status);
      if (
        info?.official &&
        info.lifecycle === "active" &&
        reason.toLowerCase() !== info.reason.toLowerCase()
      ) {
        return {
          severity: "info",
          title: `Reason phrase "${reason}" differs from "${info.reason}"`,
          explanation:
            "That is allowed: the phrase is advisory, clients should ignore it, and HTTP/2 and HTTP/3 drop it.",
          cite: "RFC 9110 §15.1, RFC 9112 §4",
        };
      }
      return null;
    },
  },
];
