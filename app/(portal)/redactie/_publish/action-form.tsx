"use client";

import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-core";

type FormAction = (previous: unknown, input: FormData) => Promise<ActionResult>;

/**
 * A form for one of the editor's server actions. On success the action redirects; otherwise the
 * Dutch message appears beside the button (a validation error names the first field's problem).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Bezig…",
  variant = "primary",
  className = "space-y-4",
}: {
  action: FormAction;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const message =
    state && state.status !== "ok"
      ? state.status === "invalid"
        ? (Object.values(state.errors).flat()[0] ?? state.message)
        : state.message
      : null;
  return (
    <form
      action={formAction}
      // React resets a form after its action; an editor whose publish was refused keeps what
      // they typed. Without JavaScript the plain action above still submits.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {submitLabel}
        </Button>
        {pending ? <span role="status">{pendingLabel}</span> : null}
      </div>
      {message ? (
        <p role="alert" className="whitespace-pre-line font-medium text-red-800 dark:text-red-300">
          {message}
        </p>
      ) : null}
    </form>
  );
}
