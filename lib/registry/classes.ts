/** Status classes and their names: tiny and data-free, so client components can import them. */
export const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export const CLASS_NAMES: Record<StatusClass, string> = {
  "1xx": "Informational",
  "2xx": "Successful",
  "3xx": "Redirection",
  "4xx": "Client Error",
  "5xx": "Server Error",
};
