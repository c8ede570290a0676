"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { sendRemindersAction, type ReminderState } from "../herinneringen/actions";

/** The id the list's checkboxes name in their `form` attribute to join this form. */
export const REMINDER_FORM_ID = "herinnering-versturen";

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The outcome in Dutch: sent, skipped as already reminded today, not outstanding. */
export function reminderSummary(state: Extract<ReminderState, { status: "ok" }>): string {
  const parts = [`${count(state.sent, "herinnering", "herinneringen")} verstuurd`];
  if (state.alreadyToday)
    parts.push(`${state.alreadyToday} overgeslagen: vandaag al een herinnering gehad`);
  if (state.notOutstanding)
    parts.push(`${state.notOutstanding} niet openstaand (of nog niet aangemeld in het portaal)`);
  if (state.noEmail) parts.push(`${state.noEmail} zonder bruikbaar e-mailadres`);
  if (state.failed) parts.push(`${state.failed} niet verstuurd: de mailserver weigerde`);
  return `${parts.join("; ")}.`;
}

/**
 * Sends reminders to the employees ticked in the list (checkboxes named `employeeIds` with
 * `form={REMINDER_FORM_ID}`, holding account ids) or to everyone outstanding in the list's filter
 * (`filterQuery`: the list's search params). Works without JavaScript too.
 */
export function ReminderForm({
  filterQuery,
  allowSelection = true,
}: {
  filterQuery: string;
  allowSelection?: boolean;
}) {
  const [state, formAction, pending] = useActionState<ReminderState, FormData>(
    sendRemindersAction,
    null,
  );
  return (
    <form id={REMINDER_FORM_ID} action={formAction} className="space-y-3">
      <input type="hidden" name="filter" value={filterQuery} />
      <p className="text-stone-700 dark:text-stone-300">
        Alleen wie nog niet heeft bevestigd krijgt een herinnering, en niemand meer dan één per dag.
      </p>
      <div className="flex flex-wrap gap-3">
        {allowSelection ? (
          <Button type="submit" name="scope" value="selectie" disabled={pending}>
            Herinnering sturen aan de gekozen medewerkers
          </Button>
        ) : null}
        <Button
          type="submit"
          name="scope"
          value="filter"
          variant={allowSelection ? "secondary" : "primary"}
          disabled={pending}
        >
          Herinnering sturen aan iedereen in dit filter
        </Button>
      </div>
      {pending ? <p role="status">Bezig met versturen…</p> : null}
      {state?.status === "ok" ? (
        <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
          {reminderSummary(state)}
        </p>
      ) : state ? (
        <p role="alert" className="font-medium text-red-800 dark:text-red-300">
          {state.status === "invalid"
            ? (Object.values(state.errors).flat()[0] ?? state.message)
            : state.message}
        </p>
      ) : null}
    </form>
  );
}
