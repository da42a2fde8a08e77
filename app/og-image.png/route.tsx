import { ImageResponse } from "next/og";

import { OG_IMAGE } from "@/lib/site";

export const dynamic = "force-static";

/**
 * The site's Open Graph image, rendered once at build time. A route rather than Next's
 * opengraph-image file: pages that set their own openGraph block would drop the file's image.
 */
export function GET(): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        padding: 80,
        background: "#0f172a",
        color: "#f8fafc",
      }}
    >
      <div style={{ display: "flex", fontSize: 96, fontWeight: 700 }}>
        status<span style={{ color: "#818cf8" }}>codes</span>
      </div>
      <div style={{ marginTop: 24, fontSize: 44, color: "#cbd5e1" }}>
        Every HTTP status code, explained and testable
      </div>
      <div style={{ marginTop: 56, fontSize: 36, color: "#94a3b8" }}>
        Reference pages, a live simulator and an Inspector
      </div>
    </div>,
    { width: OG_IMAGE.width, height: OG_IMAGE.height },
  );
}
