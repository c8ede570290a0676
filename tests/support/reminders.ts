// Shared by the reminder CLI tests: a deadline that makes today a scheduled day, on the real clock.
import { amsterdamDay } from "@/lib/reminders/days";
import { parseDeadline } from "@/lib/policy/deadline";

/** The whole Amsterdam day `days` from today (negative: in the past), as a deadline. */
export function deadlineInDays(days: number, now = new Date()): Date {
  const [year, month, day] = amsterdamDay(now).split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1, day + days));
  return parseDeadline(target.toISOString().slice(0, 10));
}
