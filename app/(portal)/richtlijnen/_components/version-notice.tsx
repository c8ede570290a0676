import { formatDate } from "@/lib/format/dates";
import type { Version } from "@/lib/policy/versions";
import { TextLink } from "@/components/ui/link";

/**
 * On a cited version's page: which version this is, and, when a newer one exists, that this text
 * may no longer apply, with the way to the current text and to what changed since.
 */
export function VersionNotice({
  version,
  latest,
  currentHref,
}: {
  version: Version;
  latest: Version;
  /** The same text in the current version (a part that no longer exists: the overview). */
  currentHref: string;
}) {
  if (version.number >= latest.number) {
    return (
      <p className="no-print mb-4 text-sm text-stone-700 dark:text-stone-300">
        Dit is de huidige versie (versie {version.number}).
      </p>
    );
  }
  return (
    <div
      role="note"
      aria-label="Oudere versie"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-stone-950 dark:border-amber-900 dark:bg-amber-950 dark:text-stone-50"
    >
      <p>
        <strong>
          Je leest versie {version.number}, gepubliceerd op {formatDate(version.publishedAt)}.
        </strong>{" "}
        Er is een nieuwere versie: versie {latest.number}, gepubliceerd op{" "}
        {formatDate(latest.publishedAt)}.
      </p>
      <p className="no-print mt-1 flex flex-wrap gap-x-4">
        <TextLink href={currentHref} className="inline-flex min-h-11 items-center">
          Lees de huidige versie
        </TextLink>
        <TextLink
          href={`/richtlijnen/wijzigingen?van=${version.number}`}
          className="inline-flex min-h-11 items-center"
        >
          Wat is er veranderd sinds versie {version.number}
        </TextLink>
      </p>
    </div>
  );
}
