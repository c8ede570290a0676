import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("Dutch dates", () => {
  it("shows a winter time in Amsterdam time", () => {
    expect(formatDateTime(new Date("2027-03-12T13:05:00Z"))).toBe("12 maart 2027 om 14:05");
  });
  it("shows a summer time in Amsterdam time (UTC+2)", () => {
    expect(formatDateTime(new Date("2027-07-01T22:30:00Z"))).toBe("2 juli 2027 om 00:30");
  });
  it("shows a date without time", () => {
    expect(formatDate("2027-03-31T12:00:00Z")).toBe("31 maart 2027");
  });
});
