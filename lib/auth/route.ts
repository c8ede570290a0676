import "server-only";

import { signInUrl } from "./callback-url";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type SessionUser } from "./session";

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for route handlers that serve people (the receipt PDF, later the HR exports).
 * The same answers as pages: the signed-out are redirected to sign-in and come back afterwards,
 * and someone without `permission` gets 403.
 */
export function authorizedRoute<P = Record<string, string>>(
  permission: Permission,
  handler: (
    request: Request,
    context: { user: SessionUser; params: P },
  ) => Promise<Response> | Response,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
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
      return new Response("Geen toegang: je hebt geen rechten voor deze pagina.", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
    return handler(request, { user, params: await context.params });
  };
}
