import Link from "next/link";

export const NOT_FOUND_TITLE = "Pagina niet gevonden";

/** What every 404 says, inside whichever frame the page has (portal layout or plain page). */
export function NotFoundContent({ headingClassName = "" }: { headingClassName?: string }) {
  return (
    <div className="max-w-[70ch] space-y-4">
      <h1 className={`text-3xl font-bold text-brand-900 dark:text-brand-50 ${headingClassName}`}>
        {NOT_FOUND_TITLE}
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        Deze pagina bestaat niet (meer). Controleer het adres, of ga verder bij de richtlijnen of
        bij je bevestigingen.
      </p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link
            href="/richtlijnen"
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200"
          >
            Naar de richtlijnen
          </Link>
        </li>
        <li>
          <Link
            href="/mijn-bevestigingen"
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200"
          >
            Mijn bevestigingen
          </Link>
        </li>
      </ul>
    </div>
  );
}
