import type { Metadata } from "next";
import { AcknowledgeSection } from "../_components/acknowledge-section";
import { AnchoredHeading } from "@/components/content/heading-anchor";
import { MdxContent } from "@/components/content/mdx-content";
import { PrintButton } from "@/components/content/print-button";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";
import { linkClasses } from "@/components/ui/link";

export const metadata: Metadata = { title: "Volledige tekst – Richtlijnen sociale media" };

export default async function FullTextPage() {
  const user = await requirePermission("read-policy");
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
          Versie {policy.version.number}, gepubliceerd op {formatDate(policy.version.publishedAt)} ·
          SHA-256 <code className="break-all">{policy.version.contentHash}</code>
        </p>
        <PrintButton />
      </header>

      <nav
        aria-label="Inhoudsopgave"
        className="mb-8 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900 print:border-stone-400"
      >
        <h2 className="mb-2 font-semibold">Inhoudsopgave</h2>
        <ol className="list-decimal space-y-1 pl-6">
          {policy.parts.map((part) => (
            <li key={part.slug}>
              <a href={`#${part.slug}`} className={linkClasses}>
                {part.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {policy.parts.map((part) => (
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

      <AcknowledgeSection status={status} />
    </article>
  );
}
