"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { erasePersonalDataAction, type EraseState } from "../actions";

export type EraseCandidate = {
  employeeNumber: string;
  name: string;
  department: string;
  endedOn: string;
};

/**
 * The leavers past the term with a checkbox each, and a required confirmation before the server
 * erases anything. Works without JavaScript (a plain form post).
 */
export function EraseForm({ candidates }: { candidates: EraseCandidate[] }) {
  const [state, formAction, pending] = useActionState<EraseState, FormData>(
    erasePersonalDataAction,
    null,
  );
  const result =
    state?.status === "ok" ? (
      <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
        Gegevens gewist van {state.erased} {state.erased === 1 ? "medewerker" : "medewerkers"}.
        {state.skipped > 0
          ? ` ${state.skipped} overgeslagen: niet (meer) over de bewaartermijn of al gewist.`
          : ""}
      </p>
    ) : state ? (
      <p role="alert" className="font-medium text-red-800 dark:text-red-300">
        {state.status === "invalid"
          ? (Object.values(state.errors).flat()[0] ?? state.message)
          : state.message}
      </p>
    ) : null;
  if (candidates.length === 0)
    return (
      <div className="space-y-3">
        {result}
        <p>Er zijn geen medewerkers over de bewaartermijn.</p>
      </div>
    );
  return (
    <form action={formAction} className="space-y-4">
      <fieldset>
        <legend className="mb-2 font-semibold">Kies wiens gegevens je wist</legend>
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {candidates.map((candidate) => (
            <li key={candidate.employeeNumber}>
              <label className="flex min-h-11 items-start gap-3 py-2">
                <input
                  type="checkbox"
                  name="employeeNumbers"
                  value={candidate.employeeNumber}
                  defaultChecked
                  className="mt-1 size-5"
                />
                <span>
                  <span className="font-medium">{candidate.name}</span>{" "}
                  <span className="text-stone-700 dark:text-stone-300">
                    (personeelsnummer {candidate.employeeNumber}, {candidate.department}, uit dienst
                    sinds {candidate.endedOn})
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <label className="flex min-h-11 items-start gap-3">
        <input type="checkbox" name="confirm" value="ja" required className="mt-1 size-5" />
        <span>
          Ik begrijp dat naam, e-mailadres, afdeling, leidinggevende en data definitief worden
          gewist. Dit kan niet ongedaan worden gemaakt.
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met wissen…" : "Gegevens definitief wissen"}
      </Button>
      {result}
    </form>
  );
}
