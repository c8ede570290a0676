// The guard rails of publishing, pure (no database) so the CLI, the portal and the tests share one
// reading of them: a change summary, a deadline that lies in the future in Amsterdam dates, and an
// explicit confirmation for a deadline less than a week away. The checks that need the database
// (identical content, the MDX itself) live in lib/policy/publish.ts.
import type { ValidationError } from "@/lib/content/validation-error";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { amsterdamDay, daysBetween } from "@/lib/reminders/days";

/** Days ahead under which a deadline needs an explicit confirmation. */
export const SHORT_DEADLINE_DAYS = 7;

export type PublishRefusalReason =
  | "summary_missing"
  | "summary_too_long"
  | "deadline_past"
  | "deadline_needs_confirmation"
  | "deadline_editorial"
  | "deadline_unchanged"
  | "reason_missing"
  | "identical"
  | "invalid_content"
  | "nothing_to_withdraw";

/** The form field a refusal belongs to, so the portal can show it beside that field. */
export type PublishField = "summary" | "deadline" | "confirmShortDeadline" | "reason" | "parts";

/**
 * Why a publication (or a deadline change, or a withdrawal) was refused, in Dutch. An AppError, so
 * the action wrapper, the internal routes and the CLIs report it as they report any other; the
 * reason and field let the form and the CLI add their own hint (a checkbox, a flag).
 */
export class PublishRefusal extends AppError {
  constructor(
    public reason: PublishRefusalReason,
    message: string,
    public field?: PublishField,
    errors?: ValidationError[],
    extra: Record<string, unknown> = {},
  ) {
    super(reason === "identical" ? "conflict" : "invalid_input", message, {
      reason,
      field,
      ...(errors ? { errors } : {}),
      ...extra,
    });
    this.name = "PublishRefusal";
  }
}

export const MAX_SUMMARY_LENGTH = 2_000;

export function checkSummary(summary: string | null | undefined): string {
  const text = summary?.trim() ?? "";
  if (!text) {
    throw new PublishRefusal(
      "summary_missing",
      "Geef een samenvatting van de wijziging: medewerkers zien die boven wat er is veranderd.",
      "summary",
    );
  }
  if (text.length > MAX_SUMMARY_LENGTH) {
    throw new PublishRefusal(
      "summary_too_long",
      `De samenvatting is te lang (meer dan ${MAX_SUMMARY_LENGTH} tekens).`,
      "summary",
    );
  }
  return text;
}

/** Whole Amsterdam calendar days from today to the deadline's day (0: today, negative: past). */
export function daysUntilDeadline(deadline: Date, now: Date): number {
  return daysBetween(amsterdamDay(now), amsterdamDay(deadline));
}

/**
 * A deadline must fall on a later Amsterdam date than today: "today" would leave no time to read,
 * and a past date makes everyone overdue at once (the story that started issue 9). One less than a
 * week away is allowed only with `confirmShortDeadline`.
 */
export function checkDeadline({
  deadline,
  material,
  confirmShortDeadline,
  now,
}: {
  deadline: Date | null;
  material: boolean;
  confirmShortDeadline: boolean;
  now: Date;
}): void {
  if (!deadline) return;
  if (!material) {
    throw new PublishRefusal(
      "deadline_editorial",
      "Een uiterste datum hoort alleen bij een inhoudelijke wijziging: bij een redactionele wijziging hoeft niemand opnieuw te bevestigen.",
      "deadline",
    );
  }
  checkFutureDeadline({ deadline, confirmShortDeadline, now });
}

/** The date rules alone, shared by publishing and by a deadline correction. */
export function checkFutureDeadline({
  deadline,
  confirmShortDeadline,
  now,
}: {
  deadline: Date;
  confirmShortDeadline: boolean;
  now: Date;
}): void {
  const days = daysUntilDeadline(deadline, now);
  if (days <= 0) {
    throw new PublishRefusal(
      "deadline_past",
      `De uiterste datum ${formatDate(deadline)} ligt niet in de toekomst. Kies een datum na vandaag (${formatDate(now)}).`,
      "deadline",
    );
  }
  if (days < SHORT_DEADLINE_DAYS && !confirmShortDeadline) {
    throw new PublishRefusal(
      "deadline_needs_confirmation",
      `De uiterste datum ${formatDate(deadline)} ligt over ${days === 1 ? "1 dag" : `${days} dagen`}: minder dan een week. Bevestig dat medewerkers zo weinig tijd krijgen, of kies een latere datum.`,
      "confirmShortDeadline",
    );
  }
}
