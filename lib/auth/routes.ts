import "server-only";

// Request helpers shared by the sign-in and sign-out route handlers.
import { cookies, headers } from "next/headers";

export async function requestCookies(): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]),
  );
}

export async function requestHeaders(): Promise<Record<string, string>> {
  return Object.fromEntries(await headers());
}

/** A 303 (the browser follows with GET) that also sets cookies; never cached. */
export function seeOther(location: string, setCookies: string[] = []): Response {
  const response = new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
  for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}

/**
 * True when a state-changing POST comes from the portal's own pages. Browsers send Origin on
 * every cross-site POST, so a foreign or "null" Origin is refused; a request without one is not
 * from a browser form on another site.
 */
export function isSameOriginPost(request: Request, portalUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(portalUrl).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
