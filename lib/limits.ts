/** Size limits on request bodies the site's own API reads (pure constants, shared by routes and tests). */

/** A describe request is a method, a query and at most 50 headers: 64 KiB is plenty. */
export const DESCRIBE_MAX_BYTES = 64 * 1024;
