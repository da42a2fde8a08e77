"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * The origin the reader is on. The server (and the first, hydrating render) uses `rendered`, the
 * configured site origin, so the HTML already carries an absolute URL; the browser then swaps in its own.
 */
export function useOrigin(rendered: string): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => rendered,
  );
}
