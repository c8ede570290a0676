import { AcknowledgeForm } from "./acknowledge-form";
import { formatDateTime } from "@/lib/format/dates";
import type { AcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { issueReadingToken } from "@/lib/reading/reading-token-server";
import type { ReadingPage } from "@/lib/reading/reading-token";
import { ButtonLink } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

const sectionClasses =
  "no-print mt-10 scroll-mt-4 rounded-lg border-2 border-brand-200 bg-white p-5 dark:border-brand-800 dark:bg-stone-900";

const TEXT_HREF: Record<ReadingPage, string> = {
  volledig: "/richtlijnen/volledig",
  "laatste-onderdeel": "/richtlijnen/volledig",
  wijzigingen: "/richtlijnen/wijzigingen",
};

/**
 * The acknowledgement block at the end of the text it confirms: the full text, the last part, and
 * the redline. The form only comes after the whole text (after a material change: after the
 * redline, which shows every change since the acknowledged version), and it carries a reading token
 * issued now, for this employee and version, which the action requires.
 */
export function AcknowledgeSection({
  status,
  employeeId,
  page,
  offerForm = true,
}: {
  status: AcknowledgementStatus;
  employeeId: number;
  page: ReadingPage;
  /** False where this page does not show all the employee has to read (a redline from too late a version). */
  offerForm?: boolean;
}) {
  let body;
  if (status.state === "acknowledged" && status.acknowledged) {
    body = <AcknowledgedLine status={status} />;
  } else if (status.state === "changed" && page !== "wijzigingen") {
    body = (
      <p>
        De richtlijnen zijn gewijzigd sinds je ze bevestigde.{" "}
        <TextLink href="/richtlijnen/wijzigingen">
          Bekijk wat er is veranderd en bevestig daarna versie {status.current.number}
        </TextLink>
        .
      </p>
    );
  } else if (!offerForm) {
    body =
      status.state === "changed" && status.acknowledged ? (
        <p>
          Je bevestigde versie {status.acknowledged.version.number}.{" "}
          <TextLink href="/richtlijnen/wijzigingen">
            Bekijk alles wat er sinds versie {status.acknowledged.version.number} is veranderd
          </TextLink>{" "}
          en bevestig daaronder versie {status.current.number}.
        </p>
      ) : (
        <p>
          Je bevestigt onder de volledige tekst, nadat je hem hebt gelezen.{" "}
          <TextLink href="/richtlijnen/volledig">Lees de volledige tekst</TextLink>.
        </p>
      );
  } else {
    body = (
      <AcknowledgeForm
        versionId={status.current.id}
        versionNumber={status.current.number}
        contentHash={status.current.contentHash}
        readingToken={issueReadingToken({ employeeId, versionId: status.current.id, page })}
        textHref={TEXT_HREF[page]}
      />
    );
  }
  return (
    <section id="bevestigen" aria-labelledby="bevestigen-titel" className={sectionClasses}>
      <h2 id="bevestigen-titel" className="mb-3 text-xl font-semibold">
        Bevestigen
      </h2>
      {body}
    </section>
  );
}

/**
 * On the overview: where the acknowledgement is, not the form. The overview shows only the
 * introduction and the summaries, so confirming here would confirm text nobody was shown.
 */
export function AcknowledgeInvitation({ status }: { status: AcknowledgementStatus }) {
  return (
    <section id="bevestigen" aria-labelledby="bevestigen-titel" className={sectionClasses}>
      <h2 id="bevestigen-titel" className="mb-3 text-xl font-semibold">
        Bevestigen
      </h2>
      {status.state === "acknowledged" && status.acknowledged ? (
        <AcknowledgedLine status={status} />
      ) : status.state === "changed" ? (
        <div className="space-y-3">
          <p>
            De richtlijnen zijn gewijzigd sinds je ze bevestigde. Onder het overzicht van de
            wijzigingen bevestig je versie {status.current.number}.
          </p>
          <ButtonLink href="/richtlijnen/wijzigingen">Bekijk wat er is veranderd</ButtonLink>
        </div>
      ) : (
        <div className="space-y-3">
          <p>
            Lees de richtlijnen helemaal. Onder de volledige tekst, en na het laatste onderdeel,
            bevestig je dat je ze hebt gelezen en begrepen.
          </p>
          <ButtonLink href="/richtlijnen/volledig">Begin met lezen</ButtonLink>
        </div>
      )}
    </section>
  );
}

function AcknowledgedLine({ status }: { status: AcknowledgementStatus }) {
  if (!status.acknowledged) return null;
  return (
    <p role="status">
      <strong>Bevestigd op {formatDateTime(status.acknowledged.acknowledgedAt)}</strong> (versie{" "}
      {status.acknowledged.version.number}).{" "}
      <TextLink href={`/mijn-bevestigingen/${status.acknowledged.id}`}>
        Bekijk je bewijs van bevestiging
      </TextLink>
      .
    </p>
  );
}
