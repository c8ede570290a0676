import "server-only";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { signInUrl } from "./callback-url";
import { logEvent } from "@/lib/log";
import { getAuthOptions, readSessionClaims, type SessionClaims } from "./options";
import { PATHNAME_HEADER } from "./paths";
import { can, type Permission } from "./permissions";

export type SessionUser = SessionClaims;

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

/**
 * The signed-in employee who may do `permission` (lib/auth/permissions.ts). The signed-out go to
 * sign-in as with requireUser; anyone else gets 403 (app/forbidden.tsx).
 */
export async function requirePermission(
  permission: Permission,
  options: { returnTo?: string } = {},
): Promise<SessionUser> {
  const user = await requireUser(options);
  if (!can(user, permission)) {
    // The path without its query: a search there can hold a name.
    const path = ((await headers()).get(PATHNAME_HEADER) ?? "").split("?")[0];
    logDenial({ employeeId: user.employeeId, permission, path });
    forbidden();
  }
  return user;
}

/** One line per 403 from a guard (pages, route handlers, server actions). */
export function logDenial(fields: { employeeId: number; permission: Permission; path?: string }) {
  logEvent("warn", { event: "denied", ...fields }, `Denied: ${fields.permission}`);
}

/**
 * True while the development IdP signs people in: the portal then shows the demo-omgeving banner.
 * Reads the configuration: call it after something request-bound (requireUser, connection()).
 */
export function isDevIdentityProvider(): boolean {
  return env.DEV_IDP;
}
