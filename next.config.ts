import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  async headers() {
    return [{ source: "/:path((?!api/).*)", headers: securityHeaders }];
  },
};

export default nextConfig;
