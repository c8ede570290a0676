import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/policy/deadline";
import { amsterdamDay, daysBetween, parseDayList, scheduledMail } from "./days";

describe("amsterdamDay", () => {
  it("counts days in Amsterdam, not UTC, in winter and summer time", () => {
    expect(amsterdamDay(new Date("2027-01-15T22:59:59Z"))).toBe("2027-01-15");
    expect(amsterdamDay(new Date("2027-01-15T23:00:00Z"))).toBe("2027-01-16");
    expect(amsterdamDay(new Date("2027-07-15T21:59:59Z"))).toBe("2027-07-15");
    expect(amsterdamDay(new Date("2027-07-15T22:00:00Z"))).toBe("2027-07-16");
  });

  it("counts calendar days across a DST change", () => {
    expect(daysBetween("2027-03-24", "2027-03-31")).toBe(7);
    expect(daysBetween("2027-03-31", "2027-03-24")).toBe(-7);
    expect(daysBetween("2027-10-30", "2027-11-01")).toBe(2);
  });
});

describe("the schedule: a week before the deadline and the day after it", () => {
  const deadline = parseDeadline("2027-03-31"); // the whole of 31 March in Amsterdam

  it.each([
    ["2027-03-24T00:30:00+01:00", { kind: "reminder", daysBefore: 7 }],
    ["2027-03-24T23:30:00+01:00", { kind: "reminder", daysBefore: 7 }],
    ["2027-04-01T00:05:00+02:00", { kind: "deadline_passed", daysAfter: 1 }],
    ["2027-04-01T23:55:00+02:00", { kind: "deadline_passed", daysAfter: 1 }],
  ])("on %s sends %o", (now, expected) => {
    expect(scheduledMail({ deadline, now: new Date(now) })).toEqual(expected);
  });

  it.each([
    "2027-03-23T23:59:00+01:00",
    "2027-03-25T08:00:00+01:00",
    "2027-03-31T12:00:00+02:00",
    "2027-04-02T08:00:00+02:00",
  ])("on %s sends nothing: a missed day is not caught up", (now) => {
    expect(scheduledMail({ deadline, now: new Date(now) })).toBeNull();
  });

  it("follows a configured schedule, including the deadline day itself", () => {
    const schedule = { daysBefore: [14, 1, 0], daysAfter: [1, 7] };
    const on = (now: string) => scheduledMail({ deadline, now: new Date(now), schedule });
    expect(on("2027-03-17T09:00:00+01:00")).toEqual({ kind: "reminder", daysBefore: 14 });
    expect(on("2027-03-24T09:00:00+01:00")).toBeNull();
    expect(on("2027-03-30T09:00:00+02:00")).toEqual({ kind: "reminder", daysBefore: 1 });
    expect(on("2027-03-31T09:00:00+02:00")).toEqual({ kind: "reminder", daysBefore: 0 });
    expect(on("2027-04-07T09:00:00+02:00")).toEqual({ kind: "deadline_passed", daysAfter: 7 });
  });
});

describe("parseDayList", () => {
  it("reads comma-separated whole days, largest first, without duplicates", () => {
    expect(parseDayList("7", { min: 0 })).toEqual([7]);
    expect(parseDayList("1, 14,7,7", { min: 0 })).toEqual([14, 7, 1]);
  });

  it.each(["", "x", "-1", "1.5", "7;1", "400"])("refuses %o", (value) => {
    expect(parseDayList(value, { min: 0 })).toBeNull();
  });

  it("refuses 0 days after the deadline (the deadline day belongs to the reminders)", () => {
    expect(parseDayList("0", { min: 1 })).toBeNull();
  });
});
