/**
 * The OpenAPI 3.1 description of the simulator, built from the same constants the code uses, so the
 * description cannot drift from the behaviour (a unit test checks the examples against simulate()).
 */
import { SCENARIO_OPTION_DOCS } from "../scenarios/options";

import { MAX_DELAY_MS, MAX_ECHO_BYTES, OPTION_DOCS } from "./options";
import { MAX_CONCURRENT_DELAYS } from "./runtime";

import { SIMULATED_METHODS } from "./index";
import { SIMULATOR_ROUTE } from "../routes";

type Json = Record<string, unknown>;

const problemSchema: Json = {
  type: "object",
  description: "RFC 9457 problem details",
  properties: {
    type: { type: "string", format: "uri-reference" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    "invalid-params": {
      type: "array",
      items: {
        type: "object",
        properties: { name: { type: "string" }, reason: { type: "string" } },
        required: ["name", "reason"],
      },
    },
  },
  required: ["type", "title", "status"],
};

const diagnosticSchema: Json = {
  type: "object",
  properties: {
    simulated: { type: "boolean", const: true },
    status: { type: "integer" },
    reason: { type: "string" },
    interim: {
      type: "object",
      description:
        "For a 1xx request: the interim status asked for, and whether it was sent before this 200.",
    },
    choice: { type: "object", description: "For weighted codes: the list and the draw used." },
    scenario: {
      type: "object",
      description:
        "With scenario=NAME: the name, this request's position in it, why it answers this status, the rate-limit window, what the next request will answer, and how to reset it.",
      properties: {
        name: { type: "string" },
        request: { type: "integer", description: "This request's position (1 = the first)." },
        status: { type: "integer" },
        because: { type: "string" },
        window: { type: "object" },
        next: { type: "object" },
        expiresAfterSeconds: { type: "integer" },
        reset: { type: "string" },
      },
    },
    registered: { type: "boolean" },
    docs: { type: "string", description: "The reference page for the code." },
    delayMs: { type: "integer" },
    request: {
      type: "object",
      properties: {
        method: { type: "string" },
        path: { type: "string" },
        query: { type: "object" },
        headers: { type: "object" },
        body: { type: "string" },
      },
    },
  },
  required: ["simulated", "status", "reason", "registered", "request"],
};

export function openApiDocument(serverUrl = "/"): Json {
  const parameters: Json[] = [
    {
      name: "code",
      in: "path",
      required: true,
      description:
        "A status code from 100 to 599, or weighted codes such as 200:3,503:1 (at most 20). 1xx codes are answered with 200 after a real interim response where one can be sent: 100 Continue to a request with Expect: 100-continue, 102 Processing, 103 Early Hints with a Link hint; 101 and 104 are never sent.",
      schema: {
        type: "string",
        description: "100-599, or code:weight,code:weight",
        pattern: "^(\\d{3}(:\\d{1,4})?)(,\\d{3}(:\\d{1,4})?)*$",
      },
      examples: { single: { value: "401" }, weighted: { value: "200:3,503:1" } },
    },
    ...[...OPTION_DOCS, ...SCENARIO_OPTION_DOCS].map((o) => ({
      name: o.name,
      in: "query",
      required: false,
      description: `${o.description}${o.header ? ` Also accepted as the ${o.header} request header (the query wins).` : ""}`,
      schema: { type: "string", description: o.schema },
      ...(o.name === "header" ? { style: "form", explode: true } : {}),
    })),
  ];
  const responses: Json = {
    default: {
      description:
        "The status asked for, its reason phrase and the headers that code needs (WWW-Authenticate on 401, Allow on 405, Location on 201 and 3xx, Retry-After on 429 and 503, ...), plus Simulated-Status, Cache-Control: no-store, X-Content-Type-Options: nosniff and open CORS. No body on HEAD, 204, 205 and 304.",
      headers: {
        "Simulated-Status": {
          description: "The code that was asked for (drawn, for weighted codes).",
          schema: { type: "integer" },
        },
      },
      content: {
        "application/json": { schema: diagnosticSchema },
        // A simulated 4xx/5xx: problem details whose extension members are the diagnostic's.
        "application/problem+json": { schema: { allOf: [problemSchema, diagnosticSchema] } },
        "text/plain": { schema: { type: "string" } },
      },
    },
    "400": {
      description: "A bad code or option: every invalid parameter is named in invalid-params.",
      content: { "application/problem+json": { schema: problemSchema } },
    },
    "413": {
      description: `The request body is larger than ${MAX_ECHO_BYTES} bytes.`,
      content: { "application/problem+json": { schema: problemSchema } },
    },
    "429": {
      description:
        "Either asked for (a simulated 429: Simulated-Status is present, e.g. from limit=), or the site's real fair-use limit for this client: problem+json of type quota-exceeded, Retry-After, RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers-10), and no Simulated-Status.",
      content: { "application/problem+json": { schema: problemSchema } },
    },
    "501": {
      description:
        "A fault was asked of an endpoint that cannot act on the connection (the Next route handler of npm run dev); the site's own server (npm start) performs it.",
      content: { "application/problem+json": { schema: problemSchema } },
    },
    "503": {
      description: `Either asked for, or a real error: more than ${MAX_CONCURRENT_DELAYS} delayed requests are already waiting (the problem names delay), or the scenario state store is unreachable (it names scenario). Retry-After says when to try again.`,
      content: { "application/problem+json": { schema: problemSchema } },
    },
  };
  const operation = (method: string): Json => ({
    summary: `${method} a simulated status`,
    operationId: `simulate${method[0]}${method.slice(1).toLowerCase()}`,
    parameters,
    ...(method === "POST" || method === "PUT" || method === "PATCH" || method === "DELETE"
      ? {
          requestBody: {
            required: false,
            description: `Echoed in the diagnostic body, up to ${MAX_ECHO_BYTES} bytes.`,
            content: { "*/*": { schema: { type: "string" } } },
          },
        }
      : {}),
    responses,
  });
  const problemResponse = (description: string): Json => ({
    description,
    content: { "application/problem+json": { schema: problemSchema } },
  });
  const nameParam: Json = {
    name: "name",
    in: "path",
    required: true,
    description: "A scenario name, as given in scenario=.",
    schema: { type: "string", pattern: "^[A-Za-z0-9._~-]{1,64}$" },
  };
  const paths: Json = {
    [SIMULATOR_ROUTE]: Object.fromEntries(SIMULATED_METHODS.map((m) => [m.toLowerCase(), operation(m)])),
    "/api/scenarios/{name}": {
      get: {
        summary: "A scenario's state",
        operationId: "getScenario",
        parameters: [nameParam],
        responses: {
          "200": {
            description:
              "The requests counted so far, seconds until it is forgotten, the rate-limit window, the last request's rule (last) and what the next request with it will answer (next).",
            content: { "application/json": { schema: { type: "object" } } },
          },
          "404": problemResponse("The scenario has no state: never used, reset, or expired."),
          "503": problemResponse("The state store is unreachable."),
        },
      },
      delete: {
        summary: "Reset a scenario",
        operationId: "deleteScenario",
        parameters: [nameParam],
        responses: {
          "204": { description: "Forgotten: its next request starts again at position 1." },
          "503": problemResponse("The state store is unreachable."),
        },
      },
    },
    "/api/health": {
      get: {
        summary: "Liveness",
        operationId: "health",
        responses: { "200": { description: 'The process answers: {"status":"ok"}.' } },
      },
    },
    "/api/ready": {
      get: {
        summary: "Readiness",
        operationId: "ready",
        responses: {
          "200": { description: "Ready: the state store answers and the server is not shutting down." },
          "503": { description: "Not ready: the store is unreachable, or the server is draining." },
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "statuscodes simulator",
      version: "1.0.0",
      description: `Answers with any HTTP status code, the headers it requires, and a diagnostic body. Delays up to ${MAX_DELAY_MS} ms.`,
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: { Problem: problemSchema, Diagnostic: diagnosticSchema } },
  };
}
