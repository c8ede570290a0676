import "server-only";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { getAuthOptions, readSessionClaims, SIGN_IN_PATH, type SessionClaims } from "./options";
import type { Role } from "./roles";

export type { Role } from "./roles";
export type SessionUser = SessionClaims;

/** The header proxy.ts sets to the requested path, so a page can send people back after sign-in. */
export const PATHNAME_HEADER = "x-pathname";

/**
 * The signed-in employee, or null. Reads the session once per request. The jwt callback in
 * options.ts checks the server-side session on that read: a signed-out or expired session, or one
 * whose employee no longer exists (records removed under the retention rules, a restored backup),
 * counts as signed out; roles and name come from the employee row as it is now.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // Wait for a real request first: during `next build` this stops prerendering here, before the
  // configuration (secrets, data directory) is touched.
  await connection();
  const session = await getServerSession(getAuthOptions());
  return readSessionClaims(session?.user as Record<string, unknown> | undefined);
});

/** The sign-in URL that returns to `returnTo` (a same-origin path) afterwards. */
export function signInUrl(returnTo?: string | null): string {
  const path = safeCallbackPath(returnTo);
  return path === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * The signed-in employee; anyone else is redirected to sign-in and comes back to this page
 * afterwards (from `returnTo`, else the path proxy.ts recorded).
 */
export async function requireUser({ returnTo }: { returnTo?: string } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = returnTo ?? (await headers()).get(PATHNAME_HEADER);
  redirect(signInUrl(path));
}

/** The signed-in employee holding `role`; others get 403 (app/forbidden.tsx). Admin holds every role. */
export async function requireRole(
  role: Role,
  options: { returnTo?: string } = {},
): Promise<SessionUser> {
  const user = await requireUser(options);
  if (!user.roles.includes(role)) forbidden();
  return user;
}

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/**
 * True while the development IdP signs people in: the portal then shows the demo-omgeving banner.
 * Reads the configuration: call it after something request-bound (requireUser, connection()).
 */
export function isDevIdentityProvider(): boolean {
  return env.DEV_IDP;
}
