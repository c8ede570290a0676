import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeInvitation } from "./_components/acknowledge-section";
import { ClosingLine } from "@/components/content/closing-line";
import { MdxContent } from "@/components/content/mdx-content";
import { requirePermission } from "@/lib/auth/session";
import { EditorialNote } from "@/components/acknowledgement/acknowledgement-status";
import { formatDate } from "@/lib/format/dates";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";
import { TextLink } from "@/components/ui/link";

export const metadata: Metadata = { title: "Richtlijnen sociale media" };

export default async function OverviewPage() {
  const user = await requirePermission("read-policy");
  const policy = await getCurrentPolicy();
  const status = await getStatusForEmployee(user.employeeId, policy.version.policy);

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl dark:text-brand-50">
          {policy.intro?.title ?? "Richtlijnen sociale media"}
        </h1>
        <p className="text-sm text-stone-600 dark:text-stone-300">
          Versie {policy.version.number}, gepubliceerd op {formatDate(policy.version.publishedAt)}
        </p>
        <EditorialNote status={status} />
      </header>

      {policy.intro ? (
        // A measure of about 70 characters: long lines are hard to follow back to the next one.
        <div className="prose prose-stone max-w-[70ch] dark:prose-invert">
          <MdxContent part={policy.intro.compiled} />
        </div>
      ) : null}

      <section aria-labelledby="onderdelen-titel">
        <h2 id="onderdelen-titel" className="mb-4 text-2xl font-semibold">
          Onderdelen
        </h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {policy.bodyParts.map((part) => (
            <li key={part.slug}>
              <Link
                href={`/richtlijnen/${part.slug}`}
                className="flex h-full flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-500 hover:shadow dark:border-stone-800 dark:bg-stone-900 dark:hover:border-brand-200"
              >
                <span className="text-lg font-semibold text-brand-800 dark:text-brand-100">
                  {part.title}
                </span>
                <span className="text-stone-700 dark:text-stone-300">{part.summary}</span>
                <span className="mt-auto text-sm text-stone-600 dark:text-stone-400">
                  {part.compiled?.rules.length ?? 0} regels
                </span>
              </Link>
            </li>
          ))}
        </ol>
        <p className="mt-4">
          <TextLink href="/richtlijnen/volledig">
            Alle onderdelen op één pagina (ook om af te drukken)
          </TextLink>
        </p>
      </section>

      {policy.closing ? (
        <div className="max-w-[70ch]">
          <ClosingLine part={policy.closing} />
        </div>
      ) : null}

      <AcknowledgeInvitation status={status} />
    </article>
  );
}
