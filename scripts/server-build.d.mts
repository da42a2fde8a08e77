import type { BuildOptions } from "esbuild";

/** How `npm run build` compiles the site's own server (see server-build.mjs). */
export const serverBuildOptions: BuildOptions & { entryPoints: string[]; outfile: string };
