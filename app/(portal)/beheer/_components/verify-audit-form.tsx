"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { verifyAuditAction, type VerifyAuditState } from "../actions";

/** Runs the audit verification on the server; works without JavaScript too (a plain form post). */
export function VerifyAuditForm() {
  const [state, formAction, pending] = useActionState<VerifyAuditState, FormData>(
    verifyAuditAction,
    null,
  );
  return (
    <form action={formAction} className="space-y-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met controleren…" : "Audittrail nu controleren"}
      </Button>
      {state?.status === "ok" ? (
        state.ok ? (
          <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
            De audittrail is in orde: {state.count} gebeurtenissen gecontroleerd.
          </p>
        ) : (
          <p role="alert" className="font-medium text-red-800 dark:text-red-300">
            De audittrail is niet in orde na {state.count} gebeurtenissen: {state.problem}
          </p>
        )
      ) : state ? (
        <p role="alert" className="font-medium text-red-800 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
