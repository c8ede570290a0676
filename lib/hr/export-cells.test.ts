import { describe, expect, it } from "vitest";
import type { EmployeeListRow } from "./employee-list";
import { EXPORT_HEADERS, exportCells, exportFileName, neutralizeCell } from "./export-cells";

const row: EmployeeListRow = {
  rowKey: "R1001",
  employeeNumber: "1001",
  name: '=HYPERLINK("http://evil")',
  email: "anna@kempenhaeghe.test",
  department: "+Slaapgeneeskunde",
  status: "outstanding",
  state: "outstanding",
  overdue: false,
  acknowledgedVersionNumber: null,
  acknowledgedAt: new Date("2027-03-12T13:05:00Z"),
  leftAt: null,
  accountId: 7,
  lastSignInAt: null,
};

describe("export cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31 40 227 9022", "'+31 40 227 9022"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("neutralises %j as a formula start", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it("leaves ordinary text alone, including a formula character further on", () => {
    expect(neutralizeCell("Jan de Vries")).toBe("Jan de Vries");
    expect(neutralizeCell("a=b")).toBe("a=b");
    expect(neutralizeCell("")).toBe("");
  });

  it("writes one row in the header's order, in Dutch, in Amsterdam time", () => {
    expect(EXPORT_HEADERS[0]).toBe("Personeelsnummer");
    const cells = exportCells(row);
    expect(cells).toHaveLength(EXPORT_HEADERS.length);
    expect(cells.slice(0, 7)).toEqual([
      "1001",
      '\'=HYPERLINK("http://evil")',
      "anna@kempenhaeghe.test",
      "'+Slaapgeneeskunde",
      "Openstaand",
      "",
      "2027-03-12 14:05",
    ]);
  });

  it("names the file after the Amsterdam date", () => {
    expect(exportFileName("csv", new Date("2027-03-12T23:30:00Z"))).toBe(
      "medewerkers-2027-03-13.csv",
    );
  });
});
