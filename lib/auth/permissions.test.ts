import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

// The whole table, written out: a change to who may do what has to change this test too.
const expected: Record<Role, Permission[]> = {
  employee: ["read-policy", "acknowledge-policy", "view-own-data"],
  hr: ["view-hr-data", "export-hr-data", "send-reminders", "manage-roster"],
  editor: ["edit-content", "publish-content"],
  admin: [...PERMISSIONS],
};

describe("the permission table", () => {
  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission] as const)))(
    "%s → %s is granted exactly as the table says",
    (role, permission) => {
      expect(can([role], permission)).toBe(expected[role].includes(permission));
    },
  );

  it("names every role and only known permissions", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const granted of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
    }
  });

  it("gives an employee only the policy and their own data", () => {
    expect(permissionsOf(["employee"])).toEqual([
      "read-policy",
      "acknowledge-policy",
      "view-own-data",
    ]);
  });

  it("lets P&O see and export HR data but neither edit content nor administer", () => {
    const hr = { roles: ["employee", "hr"] as Role[] };
    expect(can(hr, "view-hr-data")).toBe(true);
    expect(can(hr, "export-hr-data")).toBe(true);
    expect(can(hr, "read-policy")).toBe(true);
    expect(can(hr, "publish-content")).toBe(false);
    expect(can(hr, "administer")).toBe(false);
  });

  it("lets Communicatie edit and publish but not see HR data", () => {
    const editor = { roles: ["employee", "editor"] as Role[] };
    expect(can(editor, "edit-content")).toBe(true);
    expect(can(editor, "publish-content")).toBe(true);
    expect(can(editor, "view-hr-data")).toBe(false);
    expect(can(editor, "administer")).toBe(false);
  });

  it("gives an admin everything, even without the roles that admin usually implies", () => {
    expect(permissionsOf(["admin"])).toEqual([...PERMISSIONS]);
  });

  it("combines the permissions of every role held, once each", () => {
    expect(permissionsOf(["employee", "hr", "editor"])).toEqual(
      PERMISSIONS.filter((permission) => permission !== "administer"),
    );
  });

  it("grants nothing to no one", () => {
    expect(can(null, "read-policy")).toBe(false);
    expect(can(undefined, "read-policy")).toBe(false);
    expect(can([], "read-policy")).toBe(false);
    expect(permissionsOf([])).toEqual([]);
  });

  it("ignores a role the table does not know (an old session cookie)", () => {
    expect(can(["superuser" as Role], "administer")).toBe(false);
  });
});
