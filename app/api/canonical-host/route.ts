import { canonicalRedirect, CANONICAL_PATH_HEADER } from "@/lib/auth/canonical-host";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// proxy.ts rewrites page loads on another host name to here. The redirect is sent from a route
// handler because Next turns a proxy's redirect to its own listen address into a relative one,
// which would send the browser round in circles on the wrong host.
export function GET(request: Request) {
  const headers = request.headers;
  const asked = headers.get(CANONICAL_PATH_HEADER) ?? "/";
  const queryAt = asked.includes("?") ? asked.indexOf("?") : asked.length;
  const pathname = asked.slice(0, queryAt);
  const search = asked.slice(queryAt);
  const target = canonicalRedirect({
    method: "GET",
    pathname: pathname.startsWith("/") ? pathname : "/",
    search,
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
    portalUrl: env.NEXTAUTH_URL,
  });
  return new Response(null, {
    status: 307,
    headers: { location: target?.href ?? "/", "cache-control": "no-store" },
  });
}

export const HEAD = GET;
