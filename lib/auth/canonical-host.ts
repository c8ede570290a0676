// Sign-in only works on the portal's configured address: the IdP sends the browser back to
// NEXTAUTH_URL, and cookies set on 127.0.0.1 are not sent to localhost (or the other way round).
// So page loads on another host name are sent to the configured one before sign-in starts.

/** Set by proxy.ts on the rewrite to /api/canonical-host: the path and query that were asked for. */
export const CANONICAL_PATH_HEADER = "x-canonical-path";

/**
 * Where to send a request that arrived on a host other than the portal's, or null to serve it.
 * Narrow on purpose: only GET and HEAD page loads (not /api: health checks and the CLIs' loopback
 * calls use whatever address they like), and the target's origin always comes from configuration,
 * never from the request; only the path and query are kept.
 */
export function canonicalRedirect({
  method,
  pathname,
  search,
  host,
  forwardedHost,
  portalUrl,
}: {
  method: string;
  pathname: string;
  search: string;
  /** The Host header. */
  host: string | null;
  /** X-Forwarded-Host, set by a reverse proxy that rewrites Host. */
  forwardedHost: string | null;
  /** NEXTAUTH_URL; undefined disables the check. */
  portalUrl: string | undefined;
}): URL | null {
  if (!portalUrl || (method !== "GET" && method !== "HEAD")) return null;
  if (/^\/api(\/|$)/.test(pathname)) return null;
  let portal: URL;
  try {
    portal = new URL(portalUrl);
  } catch {
    return null;
  }
  const requestHost = (forwardedHost?.split(",")[0] ?? host)?.trim().toLowerCase();
  if (!requestHost || requestHost === portal.host.toLowerCase()) return null;
  const target = new URL(portal.origin);
  // Assigned, not resolved: a path such as "//elsewhere.example" stays a path on the portal.
  target.pathname = pathname;
  target.search = search;
  return target;
}
