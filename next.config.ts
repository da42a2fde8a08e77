import type { NextConfig } from "next";

import { fallbackPolicy } from "./lib/csp";

// The production server (server/main.ts) replaces this policy on every page with one that lists the
// SHA-256 of each inline script the page has (server/csp.ts), so no other inline script runs there.
// This fallback, with 'unsafe-inline', is only what `next dev` and a bare `next start` send.
const csp = fallbackPolicy();

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // Reference pages live at /code/{code} and are served at /{code}: Next reserves the routes /404
  // and /500 for its own error pages, so a dynamic /[code] segment can never render those two.
  async rewrites() {
    return {
      beforeFiles: [{ source: "/:code(\\d{3})", destination: "/code/:code" }],
      afterFiles: [],
      fallback: [],
    };
  },
  async redirects() {
    return [{ source: "/code/:code(\\d{3})", destination: "/:code", permanent: true }];
  },
  async headers() {
    return [
      { source: "/:path((?!api/).*)", headers: securityHeaders },
      // API answers are data: nothing loads from them and nothing frames them (main.ts sets it too).
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
