import type { Metadata } from "next";
import { z } from "zod";
import { AcknowledgeSection } from "../_components/acknowledge-section";
import { versionPath } from "../_components/version-paths";
import { Redline } from "@/components/content/redline";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { listVersions } from "@/lib/policy/versions";
import { getComparison } from "@/lib/reading/comparison";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";
import { ButtonLink } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Wat is er veranderd – Richtlijnen sociale media" };

const searchSchema = z.object({ van: z.coerce.number().int().positive().optional() });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangesPage({ searchParams }: Props) {
  const user = await requirePermission("read-policy");
  const policy = await getCurrentPolicy();
  const status = await getStatusForEmployee(user.employeeId, policy.version.policy);
  const versions = await listVersions({ policy: policy.version.policy });
  // With one version there is nothing to compare: the text itself is what to read, and no form
  // here, since this page shows none of it.
  if (versions.length < 2) return <NothingToCompare />;
  const query = searchSchema.safeParse(await searchParams);

  // By default compare with the version this employee last acknowledged; ?van=N compares with any older version.
  const requested =
    query.success && query.data.van
      ? versions.find((version) => version.number === query.data.van)
      : undefined;
  const from =
    requested ??
    (status.acknowledged && status.acknowledged.version.number < policy.version.number
      ? status.acknowledged.version
      : undefined);
  const olderVersions = versions.filter((version) => version.number < policy.version.number);
  // The redline stands in for the text only when it shows every change since the version this
  // employee acknowledged; otherwise the form waits under the full text.
  const redlineCoversAll =
    status.state === "changed" &&
    !!from &&
    !!status.acknowledged &&
    from.number <= status.acknowledged.version.number;

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          Wat is er veranderd
        </h1>
        {from ? (
          <p className="text-stone-700 dark:text-stone-300">
            Verschillen tussen versie {from.number} ({formatDate(from.publishedAt)})
            {status.acknowledged?.version.id === from.id ? ", die jij hebt bevestigd," : ""} en de
            huidige versie {policy.version.number} ({formatDate(policy.version.publishedAt)}).
            Toegevoegde tekst is <ins className="redline-ins">onderstreept</ins>, verwijderde tekst
            is <del className="redline-del">doorgestreept</del>.
          </p>
        ) : (
          <p className="text-stone-700 dark:text-stone-300">
            Kies een eerdere versie om te zien wat er sindsdien is veranderd.
          </p>
        )}
      </header>

      {from ? (
        <ChangeSummaries versions={versions.filter((version) => version.number > from.number)} />
      ) : null}

      {from ? (
        <Redline diffs={await getComparison({ fromVersionId: from.id, current: policy })} />
      ) : null}

      {olderVersions.length > 0 ? (
        <section aria-labelledby="versies-titel" className="no-print">
          <h2 id="versies-titel" className="mb-3 text-xl font-semibold">
            Eerdere versies
          </h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {olderVersions.map((version) => (
              <li
                key={version.id}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
              >
                <span>
                  Versie {version.number}, {formatDate(version.publishedAt)}: {version.summary}
                </span>
                <span className="flex flex-wrap gap-x-4">
                  <TextLink
                    href={`${versionPath(version.number)}/volledig`}
                    className="inline-flex min-h-11 items-center"
                  >
                    Lees versie {version.number}
                  </TextLink>
                  <TextLink
                    href={`/richtlijnen/wijzigingen?van=${version.number}`}
                    aria-current={from?.id === version.id ? "true" : undefined}
                    className="inline-flex min-h-11 items-center"
                  >
                    Vergelijk met versie {policy.version.number}
                    <span className="sr-only"> (vanaf versie {version.number})</span>
                  </TextLink>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <AcknowledgeSection
        status={status}
        employeeId={user.employeeId}
        page="wijzigingen"
        offerForm={redlineCoversAll}
      />
    </article>
  );
}

function ChangeSummaries({
  versions,
}: {
  versions: { id: number; number: number; summary: string; material: boolean; publishedAt: Date }[];
}) {
  if (versions.length === 0) return null;
  return (
    <section
      aria-labelledby="samenvatting-titel"
      className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="samenvatting-titel" className="mb-2 text-lg font-semibold">
        Samenvatting van de wijzigingen
      </h2>
      <ul className="space-y-1">
        {versions.map((version) => (
          <li key={version.id}>
            <strong>Versie {version.number}</strong> ({formatDate(version.publishedAt)},{" "}
            {version.material ? "inhoudelijke wijziging" : "redactionele wijziging"}):{" "}
            {version.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NothingToCompare() {
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Wat is er veranderd
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        Er is nog maar één versie van de richtlijnen, dus er is nog niets veranderd. Lees de
        volledige tekst; daaronder bevestig je dat je hem hebt gelezen en begrepen.
      </p>
      <ButtonLink href="/richtlijnen/volledig">Lees de volledige tekst</ButtonLink>
    </article>
  );
}
