// Roles come from the IdP's groups claim. Pure code: no server-only marker, so tests and the launcher can use it.

export const ROLES = ["employee", "hr", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type RoleMappingConfig = {
  hrGroups: readonly string[];
  editorGroups: readonly string[];
  adminGroups: readonly string[];
};

/** Group names and Entra object ids compare case-insensitively, ignoring surrounding spaces. */
function normalize(group: string): string {
  return group.trim().toLowerCase();
}

/**
 * Reads a groups claim in any shape IdPs send it: an array of strings, a single string, or nothing.
 * Anything that is not a string is ignored rather than trusted.
 */
export function readGroups(claim: unknown): string[] {
  const values = Array.isArray(claim) ? claim : [claim];
  return values.filter(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
}

/**
 * Maps the groups claim to roles. Everyone signed in is an employee; admin also implies hr and
 * editor. The result is ordered as ROLES and has no duplicates.
 */
export function mapGroupsToRoles(groups: unknown, config: RoleMappingConfig): Role[] {
  const held = new Set(readGroups(groups).map(normalize));
  const inAny = (configured: readonly string[]) =>
    configured.some((group) => held.has(normalize(group)));

  const roles = new Set<Role>(["employee"]);
  if (inAny(config.adminGroups)) {
    roles.add("admin").add("hr").add("editor");
  }
  if (inAny(config.hrGroups)) roles.add("hr");
  if (inAny(config.editorGroups)) roles.add("editor");
  return ROLES.filter((role) => roles.has(role));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** How the UI names each role (GLOSSARY.md): employee medewerker, HR P&O, editor Communicatie. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  employee: "medewerker",
  hr: "P&O",
  editor: "Communicatie",
  admin: "beheerder",
};
