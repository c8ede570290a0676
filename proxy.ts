// Convenience only, NOT authorization: sends page loads on another host name to the configured
// one, sends obviously signed-out page requests to sign-in early and tells pages their path.
// Every page, action and route handler checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { signInUrl } from "@/lib/auth/callback-url";
import { isUnder, PATHNAME_HEADER, SIGN_IN_PATH, SIGN_OUT_PATH } from "@/lib/auth/paths";
import { canonicalRedirect, CANONICAL_PATH_HEADER } from "@/lib/auth/canonical-host";

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
// Reachable without a session: sign-in and sign-out, next-auth, the health check and other APIs
// (which answer for themselves rather than redirecting).
const PUBLIC = [SIGN_IN_PATH, SIGN_OUT_PATH, "/api"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const canonical = canonicalRedirect({
    method: request.method,
    pathname,
    search,
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    portalUrl: process.env.NEXTAUTH_URL,
  });
  if (canonical) {
    // The redirect itself comes from that route handler (see there why).
    const headers = new Headers(request.headers);
    headers.set(CANONICAL_PATH_HEADER, `${pathname}${search}`);
    return NextResponse.rewrite(new URL("/api/canonical-host", request.url), {
      request: { headers },
    });
  }
  const isPageLoad =
    (request.method === "GET" || request.method === "HEAD") && !request.headers.has("rsc");
  const hasSessionCookie = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIE.test(cookie.name));

  if (isPageLoad && !hasSessionCookie && !PUBLIC.some((base) => isUnder(pathname, base))) {
    return NextResponse.redirect(new URL(signInUrl(`${pathname}${search}`), request.url), 307);
  }

  // Overwrite whatever the client sent: pages trust this header only for the return path.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Skip Next's assets and files with an extension (icons, robots.txt).
  matcher: ["/((?!_next/static|_next/image|.*\\.[\\w]+$).*)"],
};
