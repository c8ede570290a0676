import { formatDate, formatDateTime } from "@/lib/format/dates";
import type { AcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { ButtonLink } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

/**
 * Why the page says "versie 3" while the acknowledgement says "versie 2": every version since the
 * acknowledged one was an editorial change, which keeps the acknowledgement valid. Null otherwise.
 */
export function editorialNote(status: AcknowledgementStatus): string | null {
  if (status.state !== "acknowledged" || !status.acknowledged) return null;
  const acknowledged = status.acknowledged.version.number;
  const current = status.current.number;
  if (current <= acknowledged) return null;
  const which =
    current === acknowledged + 1
      ? `Versie ${current} is een tekstuele correctie`
      : `Versies ${acknowledged + 1} tot en met ${current} zijn tekstuele correcties`;
  return `${which} (redactionele wijziging): je bevestiging van versie ${acknowledged} blijft geldig.`;
}

/** The editorial note as a paragraph for the reading pages, or nothing. */
export function EditorialNote({
  status,
  className = "",
}: {
  status: AcknowledgementStatus;
  className?: string;
}) {
  const note = editorialNote(status);
  if (!note) return null;
  return <p className={`text-sm text-stone-700 dark:text-stone-300 ${className}`}>{note}</p>;
}

/** The status strip on every portal page: the one thing an employee must not miss. */
export function AcknowledgementStatusBanner({ status }: { status: AcknowledgementStatus }) {
  if (status.state === "acknowledged" && status.acknowledged) {
    const note = editorialNote(status);
    return (
      <div
        role="status"
        className="no-print border-b border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950"
      >
        <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm text-emerald-950 dark:text-emerald-50">
          <CheckIcon />
          <span>
            <strong>Bevestigd op {formatDateTime(status.acknowledged.acknowledgedAt)}</strong>{" "}
            (versie {status.acknowledged.version.number})
            {note ? <span className="block sm:inline"> {note}</span> : null}
          </span>
          <TextLink href={`/mijn-bevestigingen/${status.acknowledged.id}`}>
            Bewijs van bevestiging
          </TextLink>
        </p>
      </div>
    );
  }

  const changed = status.state === "changed";
  return (
    <div
      role="status"
      className={`no-print border-b ${status.overdue ? "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950" : "border-amber-300 bg-amber-50 dark:border-amber-900 dark:bg-amber-950"}`}
    >
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-2 sm:py-3">
        <div className="text-stone-950 dark:text-stone-50">
          <p className="text-sm font-semibold sm:text-base">
            {changed
              ? "De richtlijnen zijn gewijzigd."
              : "Je hebt de richtlijnen nog niet bevestigd."}
          </p>
          <p className="text-sm">
            {/* On a phone the button says it; the first rule must stay on the first screen. */}
            <span className="hidden sm:inline">
              {changed && status.acknowledged
                ? `Je bevestigde versie ${status.acknowledged.version.number}. Bekijk wat er is veranderd en bevestig versie ${status.current.number}.`
                : `Lees de richtlijnen en bevestig dat je ze hebt gelezen en begrepen.`}
            </span>
            {status.deadline ? (
              <>
                <span className="hidden sm:inline"> </span>
                <span
                  className={
                    status.overdue
                      ? "font-semibold text-red-800 dark:text-red-200"
                      : "font-semibold"
                  }
                >
                  {status.overdue ? "Te laat: de uiterste datum was " : "Uiterste datum: "}
                  {formatDate(status.deadline)}.
                </span>
              </>
            ) : null}
          </p>
        </div>
        <ButtonLink
          href={changed ? "/richtlijnen/wijzigingen" : "/richtlijnen/volledig"}
          className="shrink-0 px-3 text-sm sm:px-4 sm:text-base"
        >
          {changed ? (
            <>
              <span className="sm:hidden">Wat is er veranderd</span>
              <span className="hidden sm:inline">Bekijk wat er is veranderd</span>
            </>
          ) : (
            "Lezen en bevestigen"
          )}
        </ButtonLink>
      </div>
    </div>
  );
}

function CheckIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-5 fill-emerald-700 dark:fill-emerald-300"
    >
      <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3-4 4a1 1 0 0 1-1.4 0l-2-2a1 1 0 1 1 1.4-1.4L9 10.6l3.3-3.3a1 1 0 0 1 1.4 1.4Z" />
    </svg>
  );
}
