import type { Metadata } from "next";
import { listAcknowledgements } from "@/lib/acknowledgements/queries";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { linkClasses, TextLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Mijn bevestigingen" };

export default async function MyAcknowledgementsPage() {
  const user = await requirePermission("view-own-data");
  const acknowledgements = await listAcknowledgements({ employeeId: user.employeeId });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Mijn bevestigingen
      </h1>
      {acknowledgements.length === 0 ? (
        <p>
          Je hebt de richtlijnen nog niet bevestigd.{" "}
          <TextLink href="/richtlijnen/volledig">Lees en bevestig ze nu</TextLink>.
        </p>
      ) : (
        <ul className="space-y-3">
          {acknowledgements.map((acknowledgement) => (
            <li
              key={acknowledgement.id}
              className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <p className="font-semibold">
                Versie {acknowledgement.version.number}: bevestigd op{" "}
                {formatDateTime(acknowledgement.acknowledgedAt)}
              </p>
              <p className="text-stone-700 dark:text-stone-300">
                {acknowledgement.version.summary}
              </p>
              <p className="mt-2 flex flex-wrap gap-x-4">
                <TextLink
                  href={`/mijn-bevestigingen/${acknowledgement.id}`}
                  className="inline-flex min-h-11 items-center"
                >
                  Bewijs van bevestiging
                  <span className="sr-only"> voor versie {acknowledgement.version.number}</span>
                </TextLink>
                <TextLink
                  href={`/richtlijnen/versie/${acknowledgement.version.number}/volledig`}
                  className="inline-flex min-h-11 items-center"
                >
                  De bevestigde tekst
                  <span className="sr-only"> van versie {acknowledgement.version.number}</span>
                </TextLink>
                <a
                  href={`/mijn-bevestigingen/${acknowledgement.id}/pdf`}
                  className={`inline-flex min-h-11 items-center ${linkClasses}`}
                >
                  Download als PDF
                  <span className="sr-only"> (versie {acknowledgement.version.number})</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
