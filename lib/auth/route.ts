import "server-only";

import { signInUrl } from "./callback-url";
import { crossOriginRefusal, isSafeMethod, isSameOriginPost } from "./origin";
import { can, type Permission } from "./permissions";
import { getCurrentUser, logDenial, type SessionUser } from "./session";

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for route handlers that serve people (the receipt PDF, later the HR exports).
 * The same answers as pages: the signed-out are redirected to sign-in and come back afterwards,
 * and someone without `permission` gets 403. A state-changing method from another site (or with
 * `Origin: null`) gets 403 before anything else, here as well as in proxy.ts, so a handler is safe
 * even where the proxy's matcher does not reach.
 */
export function authorizedRoute<P = Record<string, string>>(
  permission: Permission,
  handler: (
    request: Request,
    context: { user: SessionUser; params: P },
  ) => Promise<Response> | Response,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    if (!isSafeMethod(request.method) && !isSameOriginPost(request, portalOrigin(request))) {
      return crossOriginRefusal();
    }
    const user = await getCurrentUser();
    if (!user) {
      const url = new URL(request.url);
      return new Response(null, {
        // 303: whatever the method, the browser follows with a GET of the sign-in page.
        status: 303,
        headers: {
          Location: signInUrl(`${url.pathname}${url.search}`),
          "cache-control": "no-store",
        },
      });
    }
    if (!can(user, permission)) {
      logDenial({ employeeId: user.employeeId, permission, path: new URL(request.url).pathname });
      return new Response("Geen toegang: je hebt geen rechten voor deze pagina.", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
    return handler(request, { user, params: await context.params });
  };
}

/** The portal's public origin: NEXTAUTH_URL, which the launcher always sets; else the request's. */
function portalOrigin(request: Request): string {
  return process.env.NEXTAUTH_URL || new URL(request.url).origin;
}
