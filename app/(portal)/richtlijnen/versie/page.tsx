import type { Metadata } from "next";
import { versionPath } from "../_components/version-paths";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { formatDate } from "@/lib/format/dates";
import { listVersions } from "@/lib/policy/versions";
import { TextLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Alle versies – Richtlijnen sociale media" };

/** Every published version, each readable in full as it was, and comparable with the current one. */
export default async function VersionsPage() {
  await requirePermission("read-policy");
  const versions = await listVersions({ policy: DEFAULT_POLICY });
  const latest = versions[0]?.number;

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Alle versies
      </h1>
      <p className="max-w-[70ch] text-stone-700 dark:text-stone-300">
        Elke versie van de richtlijnen blijft te lezen zoals hij is gepubliceerd. Een link naar een
        regel in een versie toont altijd de tekst van die versie.
      </p>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
        {versions.map((version) => (
          <li key={version.id} className="space-y-1 p-4">
            <p className="font-semibold">
              Versie {version.number}
              {version.number === latest ? " (huidige versie)" : ""}, gepubliceerd op{" "}
              {formatDate(version.publishedAt)}
            </p>
            <p className="text-sm text-stone-700 dark:text-stone-300">
              {version.number === 1
                ? version.summary
                : `${version.material ? "Inhoudelijke wijziging" : "Redactionele wijziging"}: ${version.summary}`}
            </p>
            <p className="flex flex-wrap gap-x-4">
              <TextLink
                href={`${versionPath(version.number)}/volledig`}
                className="inline-flex min-h-11 items-center"
              >
                Lees versie {version.number}
              </TextLink>
              {version.number !== latest ? (
                <TextLink
                  href={`/richtlijnen/wijzigingen?van=${version.number}`}
                  className="inline-flex min-h-11 items-center"
                >
                  Vergelijk met versie {latest}
                  <span className="sr-only"> (vanaf versie {version.number})</span>
                </TextLink>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </article>
  );
}
