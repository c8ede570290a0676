import { AcknowledgeForm } from "./acknowledge-form";
import { formatDateTime } from "@/lib/format/dates";
import type { AcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { TextLink } from "@/components/ui/link";

/**
 * The acknowledgement block under the overview, the last part and the redline. When the text
 * changed materially, the form only appears on the redline page, so the employee sees what
 * changed before confirming.
 */
export function AcknowledgeSection({
  status,
  showFormWhenChanged = false,
}: {
  status: AcknowledgementStatus;
  showFormWhenChanged?: boolean;
}) {
  return (
    <section
      id="bevestigen"
      aria-labelledby="bevestigen-titel"
      className="no-print mt-10 scroll-mt-4 rounded-lg border-2 border-brand-200 bg-white p-5 dark:border-brand-800 dark:bg-stone-900"
    >
      <h2 id="bevestigen-titel" className="mb-3 text-xl font-semibold">
        Bevestigen
      </h2>
      {status.state === "acknowledged" && status.acknowledged ? (
        <p role="status">
          <strong>Bevestigd op {formatDateTime(status.acknowledged.acknowledgedAt)}</strong> (versie{" "}
          {status.acknowledged.version.number}).{" "}
          <TextLink href={`/mijn-bevestigingen/${status.acknowledged.id}`}>
            Bekijk je bewijs van bevestiging
          </TextLink>
          .
        </p>
      ) : status.state === "changed" && !showFormWhenChanged ? (
        <p>
          De richtlijnen zijn gewijzigd sinds je ze bevestigde.{" "}
          <TextLink href="/richtlijnen/wijzigingen">
            Bekijk wat er is veranderd en bevestig daarna versie {status.current.number}
          </TextLink>
          .
        </p>
      ) : (
        <AcknowledgeForm
          versionId={status.current.id}
          versionNumber={status.current.number}
          contentHash={status.current.contentHash}
        />
      )}
    </section>
  );
}
