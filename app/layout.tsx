import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { CommandPalette } from "@/components/command-palette.client";
import { HydrationMarker } from "@/components/hydration-marker.client";
import { SiteNavLinks } from "@/components/site-nav.client";
import { ThemeToggle } from "@/components/theme-toggle.client";
import { OG_IMAGE, siteUrl } from "@/lib/site";

import "./globals.css";
import { HOME_PATH } from "@/lib/routes";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: {
    default: "statuscodes — every HTTP status code, explained and testable",
    template: "%s — statuscodes",
  },
  description:
    "What each HTTP status code really means, which headers it needs, how caches and clients treat it, and a live simulator URL to test against.",
  openGraph: { images: [OG_IMAGE], siteName: "statuscodes", type: "website" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Runs before paint so the stored or system theme applies without a flash.
const themeScript = `try{var t=localStorage.getItem("theme");if(t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav
            aria-label="Site"
            className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
          >
            <Link href={HOME_PATH} className="font-mono text-lg font-bold tracking-tight">
              status<span className="text-indigo-600 dark:text-indigo-400">codes</span>
            </Link>
            <div className="flex flex-wrap items-center gap-2">
              <SiteNavLinks />
              <CommandPalette />
              <ThemeToggle />
            </div>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <HydrationMarker />
        <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Facts from RFC 9110, 9111, 9112, 6585, 9457 and the other documents the IANA HTTP Status Code
          Registry cites.
        </footer>
      </body>
    </html>
  );
}
