import { AppError } from "@/lib/errors";

const TIME_ZONE = "Europe/Amsterdam";

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds the Amsterdam wall clock is ahead of UTC at the given instant. */
function amsterdamOffset(instant: number): number {
  const parts = Object.fromEntries(
    offsetFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A deadline given as a date ("2027-03-31") means the whole of that day in Amsterdam: the last
 * millisecond before midnight, so it displays as that date and is overdue from the next day on.
 * A full ISO timestamp is taken as is.
 */
export function parseDeadline(input: string): Date {
  const text = input.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day
    ) {
      throw invalid(input);
    }
    const nextMidnightWall = Date.UTC(year, month - 1, day + 1);
    let instant = nextMidnightWall - amsterdamOffset(nextMidnightWall);
    // Correct once more in case the guess fell on the other side of a DST change.
    instant = nextMidnightWall - amsterdamOffset(instant);
    return new Date(instant - 1);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw invalid(input);
}

function invalid(input: string) {
  return new AppError(
    "invalid_input",
    `"${input}" is geen geldige datum. Gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2027-03-31.`,
  );
}
