import type { Finding, Severity } from "@/lib/inspector/types";

const STYLES: Record<Severity, string> = {
  error: "border-rose-300 bg-rose-50 dark:border-rose-700 dark:bg-rose-950/40",
  warning: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40",
  info: "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900",
};

const LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

const BADGE: Record<Severity, string> = {
  error: "bg-rose-700 text-white",
  warning: "bg-amber-700 text-white",
  info: "bg-slate-600 text-white dark:bg-slate-500",
};

/** Findings as a list; everything is rendered as text, never as HTML. */
export function FindingsList({ findings, label }: { findings: Finding[]; label: string }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return (
    <div>
      <p className="text-sm font-medium" data-testid="findings-summary">
        {counts.error} {counts.error === 1 ? "error" : "errors"}, {counts.warning}{" "}
        {counts.warning === 1 ? "warning" : "warnings"}, {counts.info} info
      </p>
      <ul className="mt-2 space-y-2" aria-label={label}>
        {findings.map((f, i) => (
          <li
            key={`${f.id}-${i}`}
            className={`rounded-lg border p-3 text-sm ${STYLES[f.severity]}`}
            data-finding={f.id}
            data-severity={f.severity}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${BADGE[f.severity]}`}>
                {LABEL[f.severity]}
              </span>
              <span className="font-medium">{f.title}</span>
              {f.count !== undefined && f.count > 1 ? (
                <span
                  className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800 dark:bg-slate-700 dark:text-slate-100"
                  title={`Found ${f.count} times in this response`}
                  data-testid="finding-count"
                >
                  ×{f.count}
                </span>
              ) : null}
              <code className="text-xs text-slate-600 dark:text-slate-400">{f.id}</code>
            </div>
            <p className="mt-1 leading-6">{f.explanation}</p>
            {f.cite.length > 0 ? (
              <p className="mt-1 text-xs">
                {f.cite.map((c, j) => (
                  <span key={c.label}>
                    {j > 0 ? ", " : null}
                    {c.url ? (
                      <a href={c.url} className="text-indigo-700 underline dark:text-indigo-300">
                        {c.label}
                      </a>
                    ) : (
                      c.label
                    )}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
