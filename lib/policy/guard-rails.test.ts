import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseDeadline } from "./deadline";
import { checkDeadline, checkSummary, PublishRefusal } from "./guard-rails";

// 2 December 2026, 10:00 in Amsterdam.
const now = new Date("2026-12-02T09:00:00Z");

function refusal(run: () => void): PublishRefusal {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PublishRefusal);
    expect(error).toBeInstanceOf(AppError);
    return error as PublishRefusal;
  }
  throw new Error("expected a refusal");
}

const check = (date: string, confirmShortDeadline = false, material = true) =>
  checkDeadline({ deadline: parseDeadline(date), material, confirmShortDeadline, now });

describe("publishing's guard rails", () => {
  it("refuses --deadline 2020-01-01, naming the date in Dutch", () => {
    const error = refusal(() => check("2020-01-01"));
    expect(error.reason).toBe("deadline_past");
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("1 januari 2020 ligt niet in de toekomst");
    expect(error.field).toBe("deadline");
  });

  it("refuses today as the deadline, even with the confirmation", () => {
    expect(refusal(() => check("2026-12-02", true)).reason).toBe("deadline_past");
  });

  it("asks for a confirmation of a deadline less than a week away, and accepts it then", () => {
    const error = refusal(() => check("2026-12-08"));
    expect(error.reason).toBe("deadline_needs_confirmation");
    expect(error.message).toContain("over 6 dagen");
    expect(() => check("2026-12-08", true)).not.toThrow();
    expect(refusal(() => check("2026-12-03")).message).toContain("over 1 dag:");
  });

  it("accepts a deadline a week or more away without a confirmation", () => {
    expect(() => check("2026-12-09")).not.toThrow();
    expect(() => check("2027-03-31")).not.toThrow();
  });

  it("counts Amsterdam dates: late in the evening UTC is already tomorrow", () => {
    const lateEvening = new Date("2026-12-02T23:30:00Z"); // 00:30 on 3 December in Amsterdam
    expect(() =>
      checkDeadline({
        deadline: parseDeadline("2026-12-03"),
        material: true,
        confirmShortDeadline: true,
        now: lateEvening,
      }),
    ).toThrow(/ligt niet in de toekomst/);
  });

  it("refuses a deadline on an editorial change", () => {
    expect(refusal(() => check("2027-03-31", false, false)).reason).toBe("deadline_editorial");
  });

  it("needs a change summary", () => {
    expect(refusal(() => checkSummary("   ")).reason).toBe("summary_missing");
    expect(refusal(() => checkSummary("x".repeat(2_001))).reason).toBe("summary_too_long");
    expect(checkSummary("  Nieuwe regel ")).toBe("Nieuwe regel");
  });
});
