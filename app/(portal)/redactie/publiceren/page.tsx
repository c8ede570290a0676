import type { Metadata } from "next";
import { z } from "zod";
import { Redline } from "@/components/content/redline";
import { TextLink } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { diffParts } from "@/lib/content/diff";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { formatValidationError, type ValidationError } from "@/lib/content/validation-error";
import { draftSources, getDraft } from "@/lib/drafts/queries";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { SHORT_DEADLINE_DAYS } from "@/lib/policy/guard-rails";
import { countEmployeesToAcknowledge } from "@/lib/policy/publish";
import { renderForPublish } from "@/lib/policy/renderings";
import { getCurrentPolicy } from "@/lib/reading/current-policy";
import { ActionForm } from "../_publish/action-form";
import { Checkbox, Field } from "../_publish/fields";
import { PublishNav } from "../_publish/publish-nav";
import { publishDraftAction } from "./actions";

export const metadata: Metadata = { title: "Publiceren – Redactie" };

const searchSchema = z.object({ teruggezet: z.coerce.number().int().positive().optional() });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublishPage({ searchParams }: Props) {
  await requirePermission("publish-content");
  const query = searchSchema.safeParse(await searchParams);
  const [draft, published, counts] = await Promise.all([
    getDraft({ policy: DEFAULT_POLICY }),
    getCurrentPolicy(DEFAULT_POLICY),
    countEmployeesToAcknowledge({ policy: DEFAULT_POLICY }),
  ]);
  const sources = draftSources(draft);
  // The same validation and compilation as publishing, in the MDX worker: the redline below is
  // made from the same blocks employees will get, and a draft that fails cannot be published.
  const rendered = await renderForPublish(sources.map((part) => part.source));
  const problems: ValidationError[] = rendered.flatMap((result, index) =>
    result.ok ? [] : result.errors.map((error) => ({ ...error, part: sources[index].slug })),
  );
  const diffs = problems.length
    ? null
    : diffParts({
        from: published.parts,
        to: rendered.map((result, index) => ({
          slug: sources[index].slug,
          title: sources[index].title,
          order: sources[index].order,
          blocks: result.ok ? result.part.blocks : [],
        })),
      });
  const unchanged = diffs !== null && diffs.every((part) => part.status === "unchanged");

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PublishNav current="/redactie/publiceren" />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          Publiceren
        </h1>
        <p className="text-stone-700 dark:text-stone-300">
          Het concept wordt versie {published.version.number + 1}. De huidige versie is versie{" "}
          {published.version.number}, gepubliceerd op {formatDate(published.version.publishedAt)}.
          {draft.savedAt && draft.savedBy
            ? ` Het concept is het laatst opgeslagen door ${draft.savedBy.label} op ${formatDateTime(draft.savedAt)}.`
            : ""}
        </p>
        {query.success && query.data.teruggezet ? (
          <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
            De tekst van versie {query.data.teruggezet} staat in het concept. Controleer de
            wijzigingen hieronder en publiceer.
          </p>
        ) : null}
      </header>

      {problems.length ? (
        <section
          aria-labelledby="fouten-titel"
          className="rounded-lg border border-red-700 p-4 dark:border-red-400"
        >
          <h2 id="fouten-titel" className="mb-2 text-xl font-semibold">
            Dit concept kan niet worden gepubliceerd
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {problems.map((problem, index) => (
              <li key={index}>{formatValidationError(problem)}</li>
            ))}
          </ul>
          <p className="mt-2">
            <TextLink href="/redactie">Verbeter het concept in de editor</TextLink>.
          </p>
        </section>
      ) : unchanged ? (
        <p className="rounded-lg border border-stone-300 p-4 dark:border-stone-700">
          Het concept is gelijk aan de gepubliceerde versie: er is niets om te publiceren.{" "}
          <TextLink href="/redactie">Naar de editor</TextLink>, of{" "}
          <TextLink href="/redactie/termijn">wijzig alleen de uiterste datum</TextLink>.
        </p>
      ) : (
        <>
          <section aria-labelledby="redline-titel" className="space-y-3">
            <h2 id="redline-titel" className="text-2xl font-semibold">
              Wat medewerkers als wijziging zien
            </h2>
            <p className="text-stone-700 dark:text-stone-300">
              Zo ziet de pagina &lsquo;Wat is er veranderd&rsquo; eruit voor wie versie{" "}
              {published.version.number} heeft gelezen. Toegevoegde tekst is{" "}
              <ins className="redline-ins">onderstreept</ins>, verwijderde tekst is{" "}
              <del className="redline-del">doorgestreept</del>.
            </p>
            <Redline diffs={diffs!} />
          </section>

          <section aria-labelledby="publiceren-titel" className="space-y-4">
            <h2 id="publiceren-titel" className="text-2xl font-semibold">
              Versie {published.version.number + 1} publiceren
            </h2>
            <ActionForm
              action={publishDraftAction}
              submitLabel={`Versie ${published.version.number + 1} publiceren`}
              pendingLabel="Bezig met publiceren…"
            >
              <input type="hidden" name="revision" value={draft.revision} />
              <Field
                id="summary"
                label="Samenvatting van de wijziging (verplicht)"
                hint="Medewerkers zien deze samenvatting boven wat er is veranderd."
              >
                {(props) => <textarea name="summary" rows={3} required {...props} />}
              </Field>
              <fieldset className="space-y-2">
                <legend className="font-semibold">Soort wijziging</legend>
                <label className="flex min-h-11 items-start gap-3">
                  <input type="radio" name="material" value="ja" className="mt-1 size-5" />
                  <span>
                    <strong>Inhoudelijke wijziging</strong>: iedereen moet opnieuw bevestigen. Dat
                    zijn nu {counts.active} {counts.active === 1 ? "medewerker" : "medewerkers"}.
                  </span>
                </label>
                <label className="flex min-h-11 items-start gap-3">
                  <input
                    type="radio"
                    name="material"
                    value="nee"
                    defaultChecked
                    className="mt-1 size-5"
                  />
                  <span>
                    <strong>Redactionele wijziging</strong>: bevestigingen blijven gelden. Wie nog
                    niet had bevestigd ({counts.notAcknowledged}), moet dat nog steeds doen.
                  </span>
                </label>
              </fieldset>
              <Field
                id="deadline"
                label="Uiterste datum (optioneel, alleen bij een inhoudelijke wijziging)"
                hint={`Een datum na vandaag. Ligt de datum minder dan ${SHORT_DEADLINE_DAYS} dagen weg, bevestig dat dan hieronder.`}
              >
                {(props) => <input type="date" name="deadline" {...props} />}
              </Field>
              <Checkbox
                name="confirmShortDeadline"
                label={`Ja, de uiterste datum mag minder dan ${SHORT_DEADLINE_DAYS} dagen weg liggen.`}
              />
              <Checkbox
                name="notify"
                label="Bij een inhoudelijke wijziging: stuur elke actieve medewerker een e-mail over de nieuwe versie."
              />
            </ActionForm>
          </section>
        </>
      )}
    </div>
  );
}
