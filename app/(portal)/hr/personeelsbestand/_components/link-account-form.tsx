"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { linkAccountAction, type LinkAccountState } from "../actions";

/** One unlinked account: link it to the roster entry with this employee number. */
export function LinkAccountForm({ employeeId, name }: { employeeId: number; name: string }) {
  const [state, action, pending] = useActionState<LinkAccountState, FormData>(
    linkAccountAction,
    null,
  );
  const id = `nummer-${employeeId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="employeeId" value={employeeId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Personeelsnummer voor {name}
        </label>
        <input
          id={id}
          name="employeeNumber"
          required
          className="min-h-11 w-40 rounded-md border border-stone-400 bg-white px-3 dark:border-stone-600 dark:bg-stone-900"
          aria-describedby={state && state.status !== "ok" ? `${id}-fout` : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Koppelen
      </Button>
      <p aria-live="polite" className="w-full text-sm">
        {state?.status === "ok" ? (
          <span className="text-emerald-900 dark:text-emerald-200">
            Gekoppeld aan {state.employeeNumber}.
          </span>
        ) : state ? (
          <span id={`${id}-fout`} className="text-red-800 dark:text-red-300">
            {state.status === "invalid"
              ? (Object.values(state.errors).flat()[0] ?? state.message)
              : state.message}
          </span>
        ) : null}
      </p>
    </form>
  );
}
