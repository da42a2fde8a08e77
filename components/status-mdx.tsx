import { MdxContent } from "@/components/mdx-content";
import { Snippets } from "@/components/snippets/snippets";
import type { StatusPage } from "@/lib/content";
import type { StatusInfo } from "@/lib/registry";

import { CachingFacts } from "./status/caching-facts";
import { HeaderRules } from "./status/header-rules";
import { SpecLinks } from "./status/spec-links";
import { TryIt } from "./status/try-it";

// Apart from MdxContent so that a page without these components (a comparison) does not load the
// client code they bring (console, snippet tabs).
/** A status page's MDX, with the registry-bound components it may place. */
export function StatusMdx({ page, status }: { page: StatusPage; status: StatusInfo }) {
  return (
    <MdxContent
      source={page.body}
      extra={{
        HeaderRules: () => <HeaderRules status={status} />,
        CachingFacts: () => <CachingFacts status={status} />,
        Snippets: () => <Snippets code={status.code} />,
        TryIt: () => <TryIt status={status} />,
        SpecLinks: () => <SpecLinks status={status} />,
      }}
    />
  );
}
