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

// The rule lives with the proxy's, in a module without the server-only marker.
export { isSameOriginPost } from "./origin";
