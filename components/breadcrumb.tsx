import Link from "next/link";
import type { ReactNode } from "react";
import { HOME_PATH } from "@/lib/routes";

/** "All codes / …" above a page's title. */
export function Breadcrumb({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
      <Link href={HOME_PATH} className="hover:underline">
        All codes
      </Link>{" "}
      / {children}
    </nav>
  );
}
