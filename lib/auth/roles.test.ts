import { describe, expect, it } from "vitest";
import { mapGroupsToRoles, readGroups } from "./roles";

const config = {
  hrGroups: ["portaal-po"],
  editorGroups: ["portaal-redactie", "6f1c2a9e-0d3b-4c55-9a1e-2b7d8c4e5f60"],
  adminGroups: ["portaal-beheer"],
};

describe("mapGroupsToRoles", () => {
  it("makes everyone who signed in an employee, even without groups", () => {
    expect(mapGroupsToRoles(undefined, config)).toEqual(["employee"]);
    expect(mapGroupsToRoles([], config)).toEqual(["employee"]);
    expect(mapGroupsToRoles(null, config)).toEqual(["employee"]);
  });

  it("gives HR and editors their role from their group", () => {
    expect(mapGroupsToRoles(["portaal-po"], config)).toEqual(["employee", "hr"]);
    expect(mapGroupsToRoles(["portaal-redactie"], config)).toEqual(["employee", "editor"]);
  });

  it("lets an admin do what HR and editors do", () => {
    expect(mapGroupsToRoles(["portaal-beheer"], config)).toEqual([
      "employee",
      "hr",
      "editor",
      "admin",
    ]);
  });

  it("accepts a single group sent as a string instead of an array", () => {
    expect(mapGroupsToRoles("portaal-po", config)).toEqual(["employee", "hr"]);
  });

  it("matches Entra object ids and names regardless of case and spaces", () => {
    expect(mapGroupsToRoles(["6F1C2A9E-0D3B-4C55-9A1E-2B7D8C4E5F60"], config)).toEqual([
      "employee",
      "editor",
    ]);
    expect(mapGroupsToRoles([" Portaal-PO "], config)).toEqual(["employee", "hr"]);
  });

  it("ignores unknown groups and values that are not strings", () => {
    expect(
      mapGroupsToRoles(["marketing", 42, { name: "portaal-beheer" }, ["portaal-po"]], config),
    ).toEqual(["employee"]);
    expect(mapGroupsToRoles({ groups: ["portaal-beheer"] }, config)).toEqual(["employee"]);
  });

  it("grants nothing beyond employee when no groups are configured", () => {
    const none = { hrGroups: [], editorGroups: [], adminGroups: [] };
    expect(mapGroupsToRoles(["portaal-beheer", ""], none)).toEqual(["employee"]);
  });

  it("returns each role once, in a fixed order", () => {
    expect(
      mapGroupsToRoles(["portaal-redactie", "portaal-beheer", "portaal-po", "portaal-po"], config),
    ).toEqual(["employee", "hr", "editor", "admin"]);
  });
});

describe("readGroups", () => {
  it("drops empty strings and non-strings", () => {
    expect(readGroups(["a", "", "  ", 1, null, "b"])).toEqual(["a", "b"]);
  });
});
