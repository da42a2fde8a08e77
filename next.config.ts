import type { NextConfig } from "next";

// Pages run no eval; Next's inline bootstrap scripts and the theme script need 'unsafe-inline'
// (nonces would make every page dynamic).
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

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
    return [{ source: "/:path((?!api/).*)", headers: securityHeaders }];
  },
};

export default nextConfig;
