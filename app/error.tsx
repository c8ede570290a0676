"use client";

import { PlainPage } from "@/components/plain-page";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <PlainPage title="Er ging iets mis">
      <p>
        Door een storing kan deze pagina nu niet worden getoond. Probeer het over een paar minuten
        opnieuw.
      </p>
      <button
        type="button"
        onClick={reset}
        className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200"
      >
        Opnieuw proberen
      </button>
    </PlainPage>
  );
}
