import { formatDate, formatDateTime } from "@/lib/format/dates";
import type { AcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { ButtonLink } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

/** The status strip on every portal page: the one thing an employee must not miss. */
export function AcknowledgementStatusBanner({ status }: { status: AcknowledgementStatus }) {
  if (status.state === "acknowledged" && status.acknowledged) {
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
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="text-stone-950 dark:text-stone-50">
          <p className="font-semibold">
            {changed
              ? "De richtlijnen zijn gewijzigd."
              : "Je hebt de richtlijnen nog niet bevestigd."}
          </p>
          <p className="text-sm">
            {changed && status.acknowledged
              ? `Je bevestigde versie ${status.acknowledged.version.number}. Bekijk wat er is veranderd en bevestig versie ${status.current.number}.`
              : `Lees de richtlijnen en bevestig dat je ze hebt gelezen en begrepen.`}
            {status.deadline ? (
              <>
                {" "}
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
          href={changed ? "/richtlijnen/wijzigingen" : "/richtlijnen#bevestigen"}
          className="shrink-0"
        >
          {changed ? "Bekijk wat er is veranderd" : "Lezen en bevestigen"}
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
