import type { SpecLink } from "@/lib/registry";

export function SpecAnchor({ link }: { link: SpecLink }) {
  if (!link.url) return <span>{link.label}</span>;
  return (
    <a
      href={link.url}
      className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300"
    >
      {link.label}
    </a>
  );
}
