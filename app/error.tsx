"use client";

import { PlainPage } from "@/components/layout/plain-page";
import { Button } from "@/components/ui/button";

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
      <Button type="button" variant="link" onClick={reset}>
        Opnieuw proberen
      </Button>
    </PlainPage>
  );
}
