// The one table that says which role may do what. Every page, layout, route handler, server action
// and navigation link asks it through `can` (or the guards in session.ts, action.ts and route.ts),
// never a role. Pure: no server-only marker, so tests and client-free code can use it.
// See docs/decisions/0004-permission-table.md.
import type { Role } from "./roles";

export const PERMISSIONS = [
  /** Read the current guidelines, the full text and what changed. */
  "read-policy",
  /** Acknowledge the current version for oneself. */
  "acknowledge-policy",
  /** One's own acknowledgements and receipts. */
  "view-own-data",
  /** Everyone's acknowledgement status (the P&O dashboard). */
  "view-hr-data",
  /** Download that data (CSV, Excel). */
  "export-hr-data",
  /** Send reminders to employees who have not acknowledged. */
  "send-reminders",
  /** Import the roster (personeelsbestand). */
  "manage-roster",
  /** Write and change drafts (concepten). */
  "edit-content",
  /** Publish a draft as a new version. */
  "publish-content",
  /** The portal's status and operator tasks (/beheer). */
  "administer",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const EMPLOYEE = ["read-policy", "acknowledge-policy", "view-own-data"] as const;

/**
 * Role → what it may do. A person holds the union of their roles' permissions; everyone signed in
 * is an employee too (lib/auth/roles.ts), so HR and editors also read and acknowledge.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  employee: EMPLOYEE,
  hr: ["view-hr-data", "export-hr-data", "send-reminders", "manage-roster"],
  editor: ["edit-content", "publish-content"],
  admin: PERMISSIONS,
};

/** Everything the holder of `roles` may do, in the order of PERMISSIONS. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const held = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
  return PERMISSIONS.filter((permission) => held.has(permission));
}

/** May the holder of these roles (or this signed-in person) do `permission`? No one → no. */
export function can(
  subject: { roles: readonly Role[] } | readonly Role[] | null | undefined,
  permission: Permission,
): boolean {
  if (!subject) return false;
  const roles: readonly Role[] = "roles" in subject ? subject.roles : subject;
  return roles.some((role: Role) => ROLE_PERMISSIONS[role]?.includes(permission) ?? false);
}
