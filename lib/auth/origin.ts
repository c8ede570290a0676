// Pure origin rules for state-changing requests, shared by proxy.ts, the route-handler wrapper and
// the sign-out route. No server-only marker: the proxy and unit tests import it too.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** GET, HEAD and OPTIONS change nothing; every other method may. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when a state-changing request comes from the portal's own pages. Browsers send Origin on
 * every cross-site POST (and "null" from sandboxed frames, data: URLs and cross-site redirects), so
 * a foreign or "null" Origin is refused; a request without one is not from a browser form on
 * another site (the operator CLIs send none), unless Sec-Fetch-Site says it is.
 */
export function isSameOriginPost(request: Request, portalUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(portalUrl).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/** The Dutch 403 for a state-changing request from another site. */
export function crossOriginRefusal(): Response {
  return new Response("Geen toegang: dit verzoek komt niet van het portaal.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
