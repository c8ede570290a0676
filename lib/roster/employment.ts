import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { rosterEntries } from "@/lib/db/schema";

// Who has left the organisation, in SQL: marked as left by an import (no longer in P&O's file), or
// still in the file with an end date that has passed. HR systems keep exporting people for a while
// after their last day; counting them as outstanding, or mailing them reminders, would be wrong.
// The end date is a calendar date in the Netherlands: the last working day, so they have left from
// the start of the next day. `now` is a bound parameter, as in the state rule (decision 0005).

/** Today's date in the Netherlands at `now`, as SQL. */
export function amsterdamToday(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone 'Europe/Amsterdam')::date`;
}

/** When the roster entry left: `left_at`, else the day after a passed end date; null while employed. */
export function rosterLeftAt(now: Date): SQL<string | null> {
  return sql<string | null>`case
    when ${rosterEntries.leftAt} is not null then ${rosterEntries.leftAt}
    when ${rosterEntries.endDate} < ${amsterdamToday(now)}
      then ((${rosterEntries.endDate} + 1)::timestamp at time zone 'Europe/Amsterdam')
    end`;
}

/** True for a roster entry that is still employed (also true when there is no entry: a left join's nulls). */
export function stillEmployed(now: Date): SQL<boolean> {
  return sql<boolean>`(${rosterEntries.leftAt} is null and (${rosterEntries.endDate} is null or ${rosterEntries.endDate} >= ${amsterdamToday(now)}))`;
}
