"use client";

import { useActionState, useId } from "react";
import { acknowledgeAction, type AcknowledgeState } from "../actions";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

type Props = {
  versionId: number;
  versionNumber: number;
  contentHash: string;
  /** Issued when this page was rendered: proof that the text above was shown (see lib/reading/reading-token.ts). */
  readingToken: string;
  /** Where a refused confirmation sends the person: the text to read. */
  textHref: string;
};

/**
 * Works without JavaScript too (a plain form post to the server action); with JavaScript it shows
 * the pending state and the result in place.
 */
export function AcknowledgeForm({
  versionId,
  versionNumber,
  contentHash,
  readingToken,
  textHref,
}: Props) {
  const [state, formAction, pending] = useActionState<AcknowledgeState, FormData>(
    acknowledgeAction,
    null,
  );
  const checkboxId = useId();
  const errorId = useId();

  if (state?.status === "ok") {
    return (
      <p
        role="status"
        className="rounded-md bg-emerald-50 p-4 font-semibold text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50"
      >
        Bevestigd op {state.acknowledgedAtText} (versie {state.versionNumber}).
      </p>
    );
  }

  const error =
    state?.status === "invalid"
      ? (state.errors.confirm?.[0] ?? state.message)
      : state?.status === "error"
        ? state.message
        : null;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="contentHash" value={contentHash} />
      <input type="hidden" name="readingToken" value={readingToken} />
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          name="confirm"
          value="ja"
          required
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-6 shrink-0 accent-brand-700"
        />
        <label htmlFor={checkboxId} className="text-base">
          Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.
        </label>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="font-medium text-red-800 dark:text-red-300">
          {error}
          {/* A refused confirmation (no reading, or an old one) or a newer version: back to the text. */}
          {state?.status === "error" &&
          (state.code === "invalid_input" || state.code === "version_outdated") ? (
            <>
              {" "}
              <TextLink href={textHref}>Naar de tekst</TextLink>
            </>
          ) : null}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full px-6 sm:w-auto">
        {pending ? "Bezig met bevestigen…" : "Bevestigen"}
      </Button>
      <p className="text-sm text-stone-600 dark:text-stone-300">
        Je bevestigt de volledige tekst van versie {versionNumber}.
      </p>
    </form>
  );
}
