// Calendar days in the organisation's time zone, as "YYYY-MM-DD" strings: the unit of "one
// reminder a day" and of the schedule (a week before the deadline, the day after it).
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Amsterdam date of an instant: 2027-03-31T22:30Z is "2027-04-01". */
export function amsterdamDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type Schedule = {
  /** Send a reminder this many days before the deadline day (0: on the day itself). */
  daysBefore: number[];
  /** Send a "deadline passed" mail this many days after the deadline day (1: the next day). */
  daysAfter: number[];
};

export const DEFAULT_SCHEDULE: Schedule = { daysBefore: [7], daysAfter: [1] };

export type ScheduledMail =
  { kind: "reminder"; daysBefore: number } | { kind: "deadline_passed"; daysAfter: number };

/**
 * What the schedule sends today for a deadline, or null. Exact days only: a run missed on its day
 * is not caught up later, so nobody gets a "one week left" mail three days before the deadline.
 */
export function scheduledMail({
  deadline,
  now,
  schedule = DEFAULT_SCHEDULE,
}: {
  deadline: Date;
  now: Date;
  schedule?: Schedule;
}): ScheduledMail | null {
  const offset = daysBetween(amsterdamDay(now), amsterdamDay(deadline));
  if (offset >= 0 && schedule.daysBefore.includes(offset)) {
    return { kind: "reminder", daysBefore: offset };
  }
  if (offset < 0 && schedule.daysAfter.includes(-offset)) {
    return { kind: "deadline_passed", daysAfter: -offset };
  }
  return null;
}

/** Parse a list such as "7" or "14,7,1" of whole days (CLI flags). Null when it is not one. */
export function parseDayList(value: string, { min }: { min: number }): number[] | null {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) return null;
  const days: number[] = [];
  for (const item of items) {
    if (!/^\d{1,3}$/.test(item)) return null;
    const day = Number(item);
    if (day < min || day > 365) return null;
    days.push(day);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}
