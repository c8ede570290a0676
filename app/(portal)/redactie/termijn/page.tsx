import type { Metadata } from "next";
import { z } from "zod";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { formatDateTime } from "@/lib/format/dates";
import { listDeadlineChanges } from "@/lib/policy/deadline-changes";
import { SHORT_DEADLINE_DAYS } from "@/lib/policy/guard-rails";
import { listVersions } from "@/lib/policy/versions";
import { formatDeadline } from "@/lib/reminders/mail";
import { ActionForm } from "../_publish/action-form";
import { Checkbox, Field } from "../_publish/fields";
import { PublishNav } from "../_publish/publish-nav";
import { changeDeadlineAction } from "./actions";

export const metadata: Metadata = { title: "Uiterste datum – Redactie" };

const searchSchema = z.object({ gewijzigd: z.coerce.number().int().positive().optional() });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeadlinePage({ searchParams }: Props) {
  await requirePermission("publish-content");
  const query = searchSchema.safeParse(await searchParams);
  const versions = await listVersions({ policy: DEFAULT_POLICY });
  // The deadline that counts is the required version's, by the one state rule.
  const { required } = computeAcknowledgementState({
    versions,
    acknowledgements: [],
    now: new Date(),
  });
  const changes = await listDeadlineChanges({ versionId: required.id });

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PublishNav current="/redactie/termijn" />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
          Uiterste datum wijzigen
        </h1>
        <p className="text-stone-700 dark:text-stone-300">
          Een verkeerde of verschoven uiterste datum pas je hier aan, zonder nieuwe versie:
          bevestigingen blijven gelden en medewerkers zien de nieuwe datum bij hun volgende bezoek.
          Elke wijziging wordt met reden vastgelegd.
        </p>
        {query.success && query.data.gewijzigd ? (
          <p role="status" className="font-medium text-emerald-900 dark:text-emerald-200">
            De uiterste datum van versie {query.data.gewijzigd} is gewijzigd.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="nu-titel" className="space-y-2">
        <h2 id="nu-titel" className="text-2xl font-semibold">
          Nu
        </h2>
        <p>
          De uiterste datum hoort bij versie {required.number} (
          {required.material ? "de laatste inhoudelijke wijziging" : "de eerste versie"}):{" "}
          <strong>{required.deadline ? formatDeadline(required.deadline) : "geen"}</strong>.
        </p>
        {changes.length ? (
          <>
            <h3 className="text-lg font-semibold">Eerdere wijzigingen</h3>
            <ul className="list-disc space-y-1 pl-5">
              {changes.map((change) => (
                <li key={change.id}>
                  {formatDateTime(change.changedAt)}, {change.changedByLabel}:{" "}
                  {change.oldDeadline ? formatDeadline(change.oldDeadline) : "geen"} →{" "}
                  {change.newDeadline ? formatDeadline(change.newDeadline) : "geen"}. Reden:{" "}
                  {change.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="wijzigen-titel" className="space-y-4">
        <h2 id="wijzigen-titel" className="text-2xl font-semibold">
          Nieuwe uiterste datum
        </h2>
        <ActionForm action={changeDeadlineAction} submitLabel="Uiterste datum wijzigen">
          <Field
            id="deadline"
            label="Nieuwe uiterste datum"
            hint={`Een datum na vandaag. Ligt de datum minder dan ${SHORT_DEADLINE_DAYS} dagen weg, bevestig dat dan hieronder.`}
          >
            {(props) => <input type="date" name="deadline" {...props} />}
          </Field>
          <Checkbox
            name="confirmShortDeadline"
            label={`Ja, de uiterste datum mag minder dan ${SHORT_DEADLINE_DAYS} dagen weg liggen.`}
          />
          <Checkbox name="remove" label="Geen uiterste datum meer (laat de datum dan leeg)." />
          <Field id="reason" label="Reden (verplicht)" hint="Komt in het auditlog.">
            {(props) => <textarea name="reason" rows={2} required {...props} />}
          </Field>
        </ActionForm>
      </section>
    </div>
  );
}
