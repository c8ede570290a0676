// Convenience only, NOT authorization: sends obviously signed-out page requests to sign-in early
// and tells pages their path. Every page, action and route handler checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { signInUrl } from "@/lib/auth/callback-url";
import { crossOriginRefusal, isSafeMethod, isSameOriginPost } from "@/lib/auth/origin";
import { isUnder, PATHNAME_HEADER, SIGN_IN_PATH, SIGN_OUT_PATH } from "@/lib/auth/paths";

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
// Reachable without a session: sign-in and sign-out, next-auth, the health check and other APIs
// (which answer for themselves rather than redirecting).
const PUBLIC = [SIGN_IN_PATH, SIGN_OUT_PATH, "/api"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  // Authorization, unlike the rest of this file: no state-changing request from another site
  // reaches a server action or route handler. Next's own check for actions lets `Origin: null`
  // through (it treats it as a missing Origin), and route handlers have none at all.
  // NEXTAUTH_URL is the portal's public origin (the launcher always sets it); Host can be a proxy's.
  if (
    !isSafeMethod(request.method) &&
    !isSameOriginPost(request, process.env.NEXTAUTH_URL || request.nextUrl.origin)
  ) {
    return crossOriginRefusal();
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
  // Skip Next's assets and files with an extension (icons, robots.txt), which only answer GET.
  matcher: ["/((?!_next/static|_next/image|.*\\.[\\w]+$).*)"],
};
