import type { Lifecycle, StatusClass } from "@/lib/registry";
import { LIFECYCLE_LABELS } from "@/lib/registry/sentences";

const CLASS_STYLES: Record<StatusClass, string> = {
  "1xx": "bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100",
  "2xx": "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  "3xx": "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  "4xx": "bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100",
  "5xx": "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100",
};

export function CodeChip({ code, cls }: { code: number; cls: StatusClass }) {
  return (
    <span
      className={`inline-block rounded-md px-2 py-0.5 font-mono text-sm font-semibold ${CLASS_STYLES[cls]}`}
    >
      {code}
    </span>
  );
}

const LIFECYCLE_STYLES: Record<Lifecycle, string> = {
  active: "border-emerald-600 text-emerald-800 dark:border-emerald-400 dark:text-emerald-200",
  deprecated: "border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-200",
  reserved: "border-slate-500 text-slate-700 dark:border-slate-400 dark:text-slate-200",
  "reserved-future": "border-slate-500 text-slate-700 dark:border-slate-400 dark:text-slate-200",
  obsoleted: "border-rose-600 text-rose-800 dark:border-rose-400 dark:text-rose-200",
  temporary: "border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-200",
  unofficial: "border-violet-600 text-violet-800 dark:border-violet-400 dark:text-violet-200",
};

/** The lifecycle badge; `title` (from `lifecycleBadge`) says who says so. */
export function LifecycleBadge({ lifecycle, title }: { lifecycle: Lifecycle; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-medium ${LIFECYCLE_STYLES[lifecycle]}`}
    >
      {LIFECYCLE_LABELS[lifecycle]}
    </span>
  );
}
