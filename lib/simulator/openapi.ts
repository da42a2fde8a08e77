/**
 * The OpenAPI 3.1 description of the simulator, built from the same constants the code uses, so the
 * description cannot drift from the behaviour (a unit test checks the examples against simulate()).
 */
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
    ...OPTION_DOCS.map((o) => ({
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
        "application/problem+json": { schema: problemSchema },
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
    "503": {
      description: `Either asked for, or (with a problem body naming delay) more than ${MAX_CONCURRENT_DELAYS} delayed requests are already waiting; Retry-After says when to try again.`,
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
  const paths: Json = {
    [SIMULATOR_ROUTE]: Object.fromEntries(SIMULATED_METHODS.map((m) => [m.toLowerCase(), operation(m)])),
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
