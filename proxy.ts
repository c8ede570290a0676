// Convenience only, NOT authorization: sends page loads on another host name to the configured
// one, sends obviously signed-out page requests to sign-in early and tells pages their path.
// Every page, action and route handler checks the session itself. It also refuses oversized
// headers before anything renders, sets the per-response Content-Security-Policy nonce that
// Next puts on its own scripts, and gives every request the id its log lines carry (lib/log).
import { NextResponse, type NextRequest } from "next/server";
import { signInUrl } from "@/lib/auth/callback-url";
import { crossOriginRefusal, isSafeMethod, isSameOriginPost } from "@/lib/auth/origin";
import { isUnder, PATHNAME_HEADER, SIGN_IN_PATH, SIGN_OUT_PATH } from "@/lib/auth/paths";
import { canonicalRedirect, CANONICAL_PATH_HEADER } from "@/lib/auth/canonical-host";
import { isDatabaseAvailable } from "@/lib/db/availability";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";
import {
  createNonce,
  HSTS,
  identityProviderOrigin,
  isHttpsOrigin,
  oversizedHeaders,
  portalContentSecurityPolicy,
} from "@/lib/security/headers";
import { unavailableResponse } from "@/lib/server/unavailable";

const NONCE_HEADER = "x-nonce";
const CSP_HEADER = "Content-Security-Policy";
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
// Reachable without a session: sign-in and sign-out, next-auth, the health check and other APIs
// (which answer for themselves rather than redirecting).
const PUBLIC = [SIGN_IN_PATH, SIGN_OUT_PATH, "/api"];

export async function proxy(request: NextRequest) {
  // The load balancer's id when it sent a valid one, else a new one; also on the response, so an
  // operator can find the lines of a request someone reports.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const response = await handle(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function handle(request: NextRequest, requestId: string): Promise<Response> {
  // First, before Next looks at the User-Agent (bot detection) or anything renders.
  const oversized = oversizedHeaders(request.headers);
  if (oversized) {
    return new NextResponse(`Verzoek geweigerd: de headers zijn te groot (${oversized}).\n`, {
      status: 431,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }

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
    headers.set(REQUEST_ID_HEADER, requestId);
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
    return withTransportSecurity(
      NextResponse.redirect(new URL(signInUrl(`${pathname}${search}`), request.url), 307),
    );
  }

  // A slow or unreachable database: a prompt 503 with a Dutch page instead of a page that hangs.
  // API routes answer for themselves (/api/health with JSON).
  if (isPageLoad && !pathname.startsWith("/api/") && !(await isDatabaseAvailable())) {
    return withTransportSecurity(unavailableResponse());
  }

  const nonce = createNonce();
  const policy = portalContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    // The sign-in form's answer sends the browser on to the identity provider.
    formTargets: [identityProviderOrigin(process.env)],
  });
  // Overwrite whatever the client sent: pages trust these headers. Next reads the nonce from the
  // request's Content-Security-Policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATHNAME_HEADER, `${pathname}${search}`);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(CSP_HEADER, policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(CSP_HEADER, policy);
  return withTransportSecurity(response);
}

function withTransportSecurity<R extends Response>(response: R): R {
  if (isHttpsOrigin(process.env.NEXTAUTH_URL))
    response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Skip Next's assets and files with an extension (icons, robots.txt), which only answer GET.
  // Route handlers (/api/…) and server actions are matched: they get the header-size check too.
  matcher: ["/((?!_next/static|_next/image|.*\\.[\\w]+$).*)"],
};
