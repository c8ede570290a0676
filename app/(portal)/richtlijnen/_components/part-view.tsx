import Link from "next/link";
import type { ReactNode } from "react";
import { ClosingLine } from "@/components/content/closing-line";
import { AnchoredHeading } from "@/components/content/heading-anchor";
import { MdxContent } from "@/components/content/mdx-content";
import { TextLink } from "@/components/ui/link";
import type { CurrentPolicy } from "@/lib/reading/current-policy";
import { versionPath } from "./version-paths";

type Props = {
  policy: Pick<CurrentPolicy, "version" | "bodyParts" | "closing">;
  index: number;
  /** "/richtlijnen" for the current version, "/richtlijnen/versie/3" for a cited one. */
  base: string;
  /** The current version's pages link to the overview; a cited version has none. */
  overviewHref?: string;
  /** Above the title: which version this is, and whether a newer one exists. */
  notice?: ReactNode;
  /** Below the text: the acknowledgement, after the last part. */
  children?: ReactNode;
};

/** One part of a version: the current one under /richtlijnen, any one under /richtlijnen/versie/N. */
export function PartView({ policy, index, base, overviewHref, notice, children }: Props) {
  const part = policy.bodyParts[index];
  const previous = policy.bodyParts[index - 1];
  const next = policy.bodyParts[index + 1];
  const isLast = index === policy.bodyParts.length - 1;
  const links = [
    ...(overviewHref ? [{ href: overviewHref, label: "Overzicht", current: false }] : []),
    ...policy.bodyParts.map((section) => ({
      href: `${base}/${section.slug}`,
      label: section.title,
      current: section.slug === part.slug,
    })),
    { href: `${base}/volledig`, label: "Volledige tekst", current: false },
  ];

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
      {/* On a phone the table of contents is one scrollable row of links, so the text starts on the first screen. */}
      <nav aria-label="Inhoudsopgave" className="no-print min-w-0 lg:sticky lg:top-4 lg:self-start">
        <h2 className="sr-only mb-2 text-sm font-semibold uppercase tracking-wide text-stone-600 lg:not-sr-only dark:text-stone-300">
          Inhoudsopgave
        </h2>
        {/* The row scrolls sideways on a phone: a fade and an arrow at the edge say so. */}
        <div className="relative -mx-4 lg:mx-0">
          <ol className="flex gap-2 overflow-x-auto px-4 pr-12 pb-1 lg:flex-col lg:gap-1 lg:overflow-visible lg:px-0 lg:pr-0">
            {links.map((link) => (
              <li key={link.href} className="shrink-0">
                <Link
                  href={link.href}
                  aria-current={link.current ? "page" : undefined}
                  className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-3 text-brand-700 underline-offset-2 hover:underline aria-[current=page]:border-brand-700 aria-[current=page]:font-bold aria-[current=page]:text-stone-900 lg:rounded-none lg:border-0 lg:px-0 dark:border-stone-700 dark:text-brand-200 dark:aria-[current=page]:border-brand-200 dark:aria-[current=page]:text-stone-50"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ol>
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-0 flex w-12 items-center justify-end bg-linear-to-l from-stone-50 from-40% to-transparent pr-1 pb-1 text-brand-700 lg:hidden dark:from-stone-950 dark:text-brand-200"
          >
            <svg viewBox="0 0 20 20" className="size-6 fill-current">
              <path d="M7.3 4.3 13 10l-5.7 5.7-1.4-1.4L10.2 10 5.9 5.7z" />
            </svg>
          </div>
        </div>
      </nav>

      <article className="min-w-0">
        {notice}
        <p className="text-sm text-stone-600 dark:text-stone-300">
          Onderdeel {index + 1} van {policy.bodyParts.length} · versie {policy.version.number}
        </p>
        <AnchoredHeading
          as="h1"
          id={part.slug}
          className="mt-1 text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50"
          label={part.title}
        />
        <p className="mt-2 text-stone-700 sm:text-lg dark:text-stone-300">{part.summary}</p>
        <div className="prose prose-stone mt-4 max-w-none sm:mt-6 dark:prose-invert">
          {/* Each rule's link names this version, so a cited link keeps showing the cited text. */}
          <MdxContent
            part={part.compiled}
            linkBase={`${versionPath(policy.version.number)}/${part.slug}`}
          />
        </div>

        <nav
          aria-label="Vorige en volgende"
          className="no-print mt-10 flex flex-wrap justify-between gap-4 border-t border-stone-200 pt-4 dark:border-stone-800"
        >
          {previous ? (
            <TextLink
              href={`${base}/${previous.slug}`}
              rel="prev"
              className="inline-flex min-h-11 items-center"
            >
              ← {previous.title}
            </TextLink>
          ) : (
            <TextLink
              href={overviewHref ?? `${base}/volledig`}
              className="inline-flex min-h-11 items-center"
            >
              ← {overviewHref ? "Overzicht" : "Volledige tekst"}
            </TextLink>
          )}
          {next ? (
            <TextLink
              href={`${base}/${next.slug}`}
              rel="next"
              className="inline-flex min-h-11 items-center"
            >
              {next.title} →
            </TextLink>
          ) : null}
        </nav>

        {isLast && policy.closing ? <ClosingLine part={policy.closing} className="mt-8" /> : null}
        {children}
      </article>
    </div>
  );
}
