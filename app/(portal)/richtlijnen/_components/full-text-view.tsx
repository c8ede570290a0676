import type { ReactNode } from "react";
import { AnchoredHeading } from "@/components/content/heading-anchor";
import { ClosingLine } from "@/components/content/closing-line";
import { MdxContent } from "@/components/content/mdx-content";
import { PrintButton } from "@/components/content/print-button";
import { TechnicalDetails } from "@/components/content/technical-details";
import { formatDate } from "@/lib/format/dates";
import type { CurrentPolicy } from "@/lib/reading/current-policy";
import { linkClasses, TextLink } from "@/components/ui/link";
import { versionPath } from "./version-paths";

type Props = {
  policy: CurrentPolicy;
  /** Under the version line: the editorial note, or which version this is and whether a newer one exists. */
  notice?: ReactNode;
  /** After the text: the acknowledgement (current version only). */
  children?: ReactNode;
};

/** Every part of a version on one page, for reading through, printing, and citing. */
export function FullTextView({ policy, notice, children }: Props) {
  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6 space-y-2 border-b border-stone-200 pb-4 dark:border-stone-800 print:border-stone-400">
        <p className="hidden text-sm print:block">Kempenhaeghe</p>
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50 print:text-black">
          {policy.intro?.title ?? "Richtlijnen sociale media"}
        </h1>
        <p className="text-sm text-stone-600 dark:text-stone-300 print:text-black">
          Versie {policy.version.number}, gepubliceerd op {formatDate(policy.version.publishedAt)}
          <span className="no-print">
            {" · "}
            <TextLink href="/richtlijnen/versie">Alle versies</TextLink>
          </span>
        </p>
        {notice}
        <TechnicalDetails contentHash={policy.version.contentHash} />
        <PrintButton />
      </header>

      <nav
        aria-label="Inhoudsopgave"
        className="mb-8 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900 print:border-stone-400"
      >
        <h2 className="mb-2 font-semibold">Inhoudsopgave</h2>
        <ol className="list-decimal space-y-1 pl-6">
          {policy.bodyParts.map((part) => (
            <li key={part.slug}>
              <a href={`#${part.slug}`} className={linkClasses}>
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

      {policy.bodyParts.map((part) => (
        <section key={part.slug} aria-labelledby={part.slug} className="mb-10">
          <AnchoredHeading
            as="h2"
            id={part.slug}
            className="mb-3 text-2xl font-semibold text-brand-900 dark:text-brand-50 print:text-black"
            label={part.title}
          />
          <div className="prose prose-stone max-w-none dark:prose-invert">
            {/* Each rule's link names this version's part page, so a cited link never moves. */}
            <MdxContent
              part={part.compiled}
              linkBase={`${versionPath(policy.version.number)}/${part.slug}`}
            />
          </div>
        </section>
      ))}

      {policy.closing ? (
        <div id={policy.closing.slug} className="mb-10">
          <ClosingLine part={policy.closing} />
        </div>
      ) : null}

      {children}
    </article>
  );
}
