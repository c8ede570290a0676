import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { diffLines } from "diff";
import { z } from "zod";
import { Redline } from "@/components/content/redline";
import { TextLink } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { diffParts } from "@/lib/content/diff";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { listVersions } from "@/lib/policy/versions";
import { getReadableParts } from "@/lib/reading/current-policy";
import { PublishNav } from "../../_publish/publish-nav";

export const metadata: Metadata = { title: "Versies vergelijken – Redactie" };

const searchSchema = z.object({
  van: z.coerce.number().int().positive(),
  naar: z.coerce.number().int().positive(),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  await requirePermission("edit-content");
  const query = searchSchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const versions = await listVersions({ policy: DEFAULT_POLICY });
  const from = versions.find((version) => version.number === query.data.van);
  const to = versions.find((version) => version.number === query.data.naar);
  if (!from || !to) notFound();
  // Both sides from the database, stored at publish time: no MDX is parsed here.
  const [before, after] = await Promise.all([getReadableParts(from.id), getReadableParts(to.id)]);
  const diffs = diffParts({ from: before, to: after });
  const slugs = [...new Set([...after, ...before].map((part) => part.slug))];

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <PublishNav current="/redactie/versies" />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          Versie {from.number} en versie {to.number} vergelijken
        </h1>
        <p>
          <TextLink href="/redactie/versies">Terug naar de versies</TextLink>
        </p>
      </header>

      <section aria-labelledby="redline-titel" className="space-y-3">
        <h2 id="redline-titel" className="text-2xl font-semibold">
          Zoals medewerkers het zien
        </h2>
        <Redline diffs={diffs} />
      </section>

      <section aria-labelledby="bron-titel" className="space-y-4">
        <h2 id="bron-titel" className="text-2xl font-semibold">
          Brontekst per onderdeel
        </h2>
        <p className="text-stone-700 dark:text-stone-300">
          Regels met <span className="font-mono">+</span> zijn toegevoegd in versie {to.number},
          regels met <span className="font-mono">−</span> verwijderd.
        </p>
        {slugs.map((slug) => {
          const a = before.find((part) => part.slug === slug);
          const b = after.find((part) => part.slug === slug);
          const changes = diffLines(a?.source ?? "", b?.source ?? "");
          const changed = changes.some((change) => change.added || change.removed);
          return (
            <section key={slug} aria-labelledby={`bron-${slug}`} className="space-y-2">
              <h3 id={`bron-${slug}`} className="text-lg font-semibold">
                {(b ?? a)!.title}
                {changed ? "" : " (ongewijzigd)"}
              </h3>
              {changed ? (
                // Focusable and named: a wide line scrolls sideways, also by keyboard.
                <pre
                  tabIndex={0}
                  role="region"
                  aria-label={`Brontekst van ${(b ?? a)!.title}, verschillen`}
                  className="overflow-x-auto rounded-md border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-950"
                >
                  <code>
                    {changes.flatMap((change, index) =>
                      change.value
                        .replace(/\n$/, "")
                        .split("\n")
                        .map((line, lineIndex) =>
                          change.added ? (
                            <ins
                              key={`${index}-${lineIndex}`}
                              className="block bg-emerald-50 text-emerald-950 no-underline dark:bg-emerald-950 dark:text-emerald-100"
                            >
                              {`+ ${line}`}
                            </ins>
                          ) : change.removed ? (
                            <del
                              key={`${index}-${lineIndex}`}
                              className="block bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-100"
                            >
                              {`− ${line}`}
                            </del>
                          ) : (
                            <span key={`${index}-${lineIndex}`} className="block">
                              {`  ${line}`}
                            </span>
                          ),
                        ),
                    )}
                  </code>
                </pre>
              ) : null}
            </section>
          );
        })}
      </section>
    </div>
  );
}
