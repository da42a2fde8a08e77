"use client";

import { useEffect } from "react";

/** Marks the document once React has hydrated, so end-to-end tests interact with a live page. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
