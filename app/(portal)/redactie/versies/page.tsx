import type { Metadata } from "next";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDraft } from "@/lib/drafts/queries";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { listDeadlineChanges } from "@/lib/policy/deadline-changes";
import { listVersions } from "@/lib/policy/versions";
import { formatDeadline } from "@/lib/reminders/mail";
import { ActionForm } from "../_publish/action-form";
import { Checkbox, Field } from "../_publish/fields";
import { PublishNav } from "../_publish/publish-nav";
import { restoreVersionAction, withdrawVersionAction } from "./actions";

export const metadata: Metadata = { title: "Versies – Redactie" };

const searchSchema = z.object({
  gepubliceerd: z.coerce.number().int().positive().optional(),
  gemaild: z.coerce.number().int().min(0).optional(),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VersionsPage({ searchParams }: Props) {
  const user = await requirePermission("edit-content");
  const query = searchSchema.safeParse(await searchParams);
  const [versions, changes, draft] = await Promise.all([
    listVersions({ policy: DEFAULT_POLICY }),
    listDeadlineChanges({}),
    getDraft({ policy: DEFAULT_POLICY }),
  ]);
  const changesOf = (versionId: number) => changes.filter((c) => c.versionId === versionId);
  const [current, previous] = versions;
  const mayPublish = can(user, "publish-content");
  const published = query.success ? query.data.gepubliceerd : undefined;
  const mailed = query.success ? query.data.gemaild : undefined;

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <PublishNav current="/redactie/versies" />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          Versies
        </h1>
        <p className="text-stone-700 dark:text-stone-300">
          Elke gepubliceerde versie blijft bewaard zoals ze is gepubliceerd. Terugzetten zet de
          tekst van een versie in het concept; pas publiceren maakt er een nieuwe versie van.
        </p>
        {published ? (
          <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
            Versie {published} is gepubliceerd.
            {mailed !== undefined
              ? ` ${mailed} ${mailed === 1 ? "medewerker kreeg" : "medewerkers kregen"} een e-mail.`
              : ""}
          </p>
        ) : null}
      </header>

      <form
        action="/redactie/versies/vergelijk"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 p-4 dark:border-stone-800"
      >
        <Field id="van" label="Vergelijk versie">
          {(props) => (
            <select name="van" defaultValue={previous?.number ?? current?.number} {...props}>
              {versions.map((version) => (
                <option key={version.id} value={version.number}>
                  Versie {version.number}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="naar" label="met versie">
          {(props) => (
            <select name="naar" defaultValue={current?.number} {...props}>
              {versions.map((version) => (
                <option key={version.id} value={version.number}>
                  Versie {version.number}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="secondary">
          Vergelijken
        </Button>
      </form>

      <ol className="space-y-4" aria-label="Gepubliceerde versies, nieuwste eerst">
        {versions.map((version) => {
          const corrections = changesOf(version.id);
          const older = versions.find((v) => v.number === version.number - 1);
          return (
            <li
              key={version.id}
              className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
            >
              <h2 className="text-xl font-semibold">
                Versie {version.number}
                {version.id === current.id ? " (huidige versie)" : ""}
              </h2>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">Gepubliceerd</dt>
                <dd>{formatDateTime(version.publishedAt)}</dd>
                <dt className="font-semibold">Door</dt>
                <dd>{version.publishedByLabel}</dd>
                <dt className="font-semibold">Soort</dt>
                <dd>{version.material ? "Inhoudelijke wijziging" : "Redactionele wijziging"}</dd>
                <dt className="font-semibold">Uiterste datum</dt>
                <dd>
                  {version.deadline ? formatDeadline(version.deadline) : "geen"}
                  {corrections.length ? (
                    <span className="block text-sm text-stone-700 dark:text-stone-300">
                      Gewijzigd na publicatie:{" "}
                      {corrections
                        .map(
                          (change) =>
                            `${change.oldDeadline ? formatDeadline(change.oldDeadline) : "geen"} → ${change.newDeadline ? formatDeadline(change.newDeadline) : "geen"} (${formatDate(change.changedAt)}, ${change.changedByLabel}: ${change.reason})`,
                        )
                        .join("; ")}
                    </span>
                  ) : null}
                </dd>
                <dt className="font-semibold">Samenvatting</dt>
                <dd>{version.summary}</dd>
              </dl>
              <div className="flex flex-wrap items-start gap-3">
                {older ? (
                  <TextLink
                    href={`/redactie/versies/vergelijk?van=${older.number}&naar=${version.number}`}
                    className="inline-flex min-h-11 items-center"
                  >
                    Wat veranderde in versie {version.number}
                  </TextLink>
                ) : null}
                {version.id !== current.id ? (
                  <ActionForm
                    action={restoreVersionAction}
                    submitLabel={`Tekst van versie ${version.number} in het concept zetten`}
                    variant="secondary"
                    className="space-y-2"
                  >
                    <input type="hidden" name="version" value={version.number} />
                    <input type="hidden" name="revision" value={draft.revision} />
                  </ActionForm>
                ) : null}
              </div>
              {version.id === current.id && previous && mayPublish ? (
                <details className="rounded-md border border-stone-300 p-3 dark:border-stone-700">
                  <summary className="min-h-11 cursor-pointer content-center font-semibold">
                    Versie {version.number} intrekken
                  </summary>
                  <p className="my-2">
                    De tekst van versie {previous.number} wordt als versie {version.number + 1}{" "}
                    gepubliceerd
                    {version.material
                      ? "; omdat versie " +
                        version.number +
                        " inhoudelijk was, moet iedereen opnieuw bevestigen."
                      : "; bevestigingen blijven gelden."}{" "}
                    Versie {version.number} blijft in de geschiedenis staan.
                  </p>
                  <ActionForm
                    action={withdrawVersionAction}
                    submitLabel={`Versie ${version.number} intrekken`}
                    pendingLabel="Bezig met intrekken…"
                  >
                    <input type="hidden" name="version" value={version.number} />
                    <Field id="withdraw-summary" label="Reden (verplicht)">
                      {(props) => <textarea name="summary" rows={2} required {...props} />}
                    </Field>
                    <Checkbox
                      name="confirm"
                      label={`Ja, trek versie ${version.number} in en publiceer de tekst van versie ${previous.number} opnieuw.`}
                    />
                  </ActionForm>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
