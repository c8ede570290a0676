import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline";

describe("parseDeadline", () => {
  it("takes a date as the end of that day in Amsterdam, in winter time", () => {
    expect(parseDeadline("2027-01-15").toISOString()).toBe("2027-01-15T22:59:59.999Z");
  });

  it("takes a date as the end of that day in Amsterdam, in summer time", () => {
    expect(parseDeadline("2027-07-01").toISOString()).toBe("2027-07-01T21:59:59.999Z");
  });

  it("handles the day summer time ends", () => {
    // 31 October 2027 is the last Sunday of October; midnight after it is in winter time.
    expect(parseDeadline("2027-10-31").toISOString()).toBe("2027-10-31T22:59:59.999Z");
    // 28 March 2027: summer time starts; the following midnight is in summer time.
    expect(parseDeadline("2027-03-28").toISOString()).toBe("2027-03-28T21:59:59.999Z");
  });

  it("accepts a full timestamp as given", () => {
    expect(parseDeadline("2027-03-31T12:00:00Z").toISOString()).toBe("2027-03-31T12:00:00.000Z");
  });

  it("rejects dates that do not exist and other text, in Dutch", () => {
    expect(() => parseDeadline("2027-02-30")).toThrow(/geen geldige datum/);
    expect(() => parseDeadline("31-03-2027")).toThrow(/JJJJ-MM-DD/);
  });
});
