import type { Metadata } from "next";
import { AcknowledgeSection } from "@/components/acknowledge-section";
import { EditorialNote } from "@/components/acknowledgement-status";
import { ClosingLine } from "@/components/closing-line";
import { AnchoredHeading } from "@/components/heading-anchor";
import { MdxContent } from "@/components/mdx-content";
import { PrintButton } from "@/components/print-button";
import { TechnicalDetails } from "@/components/technical-details";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";

export const metadata: Metadata = { title: "Volledige tekst – Richtlijnen sociale media" };

export default async function FullTextPage() {
  const user = await requireUser();
  const policy = await getCurrentPolicy();
  const status = await getStatusForEmployee(user.employeeId, policy.version.policy);

  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6 space-y-2 border-b border-stone-200 pb-4 dark:border-stone-800 print:border-stone-400">
        <p className="hidden text-sm print:block">Kempenhaeghe</p>
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50 print:text-black">
          {policy.intro?.title ?? "Richtlijnen sociale media"}
        </h1>
        <p className="text-sm text-stone-600 dark:text-stone-300 print:text-black">
          Versie {policy.version.number}, gepubliceerd op {formatDate(policy.version.publishedAt)}
        </p>
        <EditorialNote status={status} />
        <TechnicalDetails contentHash={policy.version.contentHash} />
        <PrintButton />
      </header>

      <nav
        aria-label="Inhoudsopgave"
        className="mb-8 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900 print:border-stone-400"
      >
        <h2 className="mb-2 font-semibold">Inhoudsopgave</h2>
        <ol className="list-decimal space-y-1 pl-6">
          {policy.sections.map((part) => (
            <li key={part.slug}>
              <a
                href={`#${part.slug}`}
                className="text-brand-700 underline underline-offset-2 dark:text-brand-200"
              >
                {part.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {/* The introduction's title is the page's h1 and the closing line speaks for itself:
          only the parts get a heading, so every heading on the page is said once. */}
      {policy.intro ? (
        <div id={policy.intro.slug} className="prose prose-stone mb-10 dark:prose-invert">
          <MdxContent part={policy.intro.compiled} />
        </div>
      ) : null}

      {policy.sections.map((part) => (
        <section key={part.slug} aria-labelledby={part.slug} className="mb-10">
          <AnchoredHeading
            as="h2"
            id={part.slug}
            className="mb-3 text-2xl font-semibold text-brand-900 dark:text-brand-50 print:text-black"
            label={part.title}
          />
          <div className="prose prose-stone max-w-none dark:prose-invert">
            <MdxContent part={part.compiled} />
          </div>
        </section>
      ))}

      {policy.closing ? (
        <div id={policy.closing.slug} className="mb-10">
          <ClosingLine part={policy.closing} />
        </div>
      ) : null}

      <AcknowledgeSection status={status} />
    </article>
  );
}
