"use client";

import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { confirmRosterImportAction, type ConfirmImportState } from "../actions";
import type { UploadEvent } from "../upload/events";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "parsing"; rowsRead: number; percent: number | null }
  | { kind: "invalid"; errors: string[]; errorCount: number; notices: string[] }
  | { kind: "error"; message: string }
  | (Extract<UploadEvent, { type: "preview" }> & { kind: "preview" });

const number = new Intl.NumberFormat("nl-NL");

/**
 * Uploads the roster file with XMLHttpRequest (so the upload itself shows progress), reads the
 * route's NDJSON answer as it streams in (parsing progress), then shows the preview and the
 * confirmation. Status changes are announced through one aria-live region.
 */
export function RosterUpload() {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [state, confirmAction, confirming] = useActionState<ConfirmImportState, FormData>(
    confirmRosterImportAction,
    null,
  );
  const fileInput = useRef<HTMLInputElement>(null);

  function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setPhase({ kind: "error", message: "Kies eerst een bestand." });
      return;
    }
    const request = new XMLHttpRequest();
    let seen = 0;
    let buffer = "";
    const handleLines = () => {
      buffer += request.responseText.slice(seen);
      seen = request.responseText.length;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as UploadEvent;
        if (message.type === "received") setPhase({ kind: "parsing", rowsRead: 0, percent: 0 });
        else if (message.type === "progress")
          setPhase({
            kind: "parsing",
            rowsRead: message.rowsRead,
            percent: message.totalBytes
              ? Math.min(100, Math.round((100 * message.bytesRead) / message.totalBytes))
              : null,
          });
        else if (message.type === "invalid") setPhase({ kind: "invalid", ...message });
        else if (message.type === "error") setPhase({ kind: "error", message: message.message });
        else if (message.type === "preview") setPhase({ ...message, kind: "preview" });
      }
    };
    request.open("POST", "/hr/personeelsbestand/upload");
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.upload.onprogress = (progress) =>
      setPhase({
        kind: "uploading",
        percent: progress.lengthComputable
          ? Math.round((100 * progress.loaded) / progress.total)
          : 0,
      });
    request.onprogress = handleLines;
    request.onload = () => {
      if (request.status !== 200) {
        setPhase({
          kind: "error",
          message: request.responseText || "Het uploaden is mislukt. Probeer het opnieuw.",
        });
        return;
      }
      handleLines();
    };
    request.onerror = () =>
      setPhase({ kind: "error", message: "Het uploaden is mislukt. Controleer de verbinding." });
    setPhase({ kind: "uploading", percent: 0 });
    request.send(file);
  }

  const busy = phase.kind === "uploading" || phase.kind === "parsing";
  const done = state?.status === "ok";

  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="bestand" className="font-medium">
            Bestand (CSV of Excel)
          </label>
          <input
            id="bestand"
            ref={fileInput}
            type="file"
            name="bestand"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="min-h-11"
            aria-describedby="bestand-uitleg"
          />
          <p id="bestand-uitleg" className="text-sm text-stone-700 dark:text-stone-300">
            Kolommen: personeelsnummer, naam, e-mailadres en afdeling; leidinggevende, startdatum en
            einddatum mogen erbij. Er verandert nog niets: je ziet eerst een voorbeeld.
          </p>
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? "Bezig…" : "Bestand controleren"}
        </Button>
      </form>

      <div aria-live="polite" role="status" className="space-y-2">
        {phase.kind === "uploading" ? (
          <>
            <p>Uploaden: {phase.percent}%</p>
            <progress max={100} value={phase.percent} aria-label="Uploaden" className="w-full" />
          </>
        ) : null}
        {phase.kind === "parsing" ? (
          <>
            <p>
              Controleren: {number.format(phase.rowsRead)} regels gelezen
              {phase.percent !== null ? ` (${phase.percent}%)` : ""}
            </p>
            <progress
              max={100}
              value={phase.percent ?? undefined}
              aria-label="Controleren"
              className="w-full"
            />
          </>
        ) : null}
        {phase.kind === "error" ? (
          <p className="font-medium text-red-800 dark:text-red-300">{phase.message}</p>
        ) : null}
        {phase.kind === "invalid" ? (
          <div>
            <p className="font-medium text-red-800 dark:text-red-300">
              Het bestand is niet ingelezen: er{" "}
              {phase.errorCount === 1
                ? "is 1 fout"
                : `zijn ${number.format(phase.errorCount)} fouten`}
              . Verbeter het bestand en probeer het opnieuw.
            </p>
            <ul className="mt-2 list-disc pl-6" aria-label="Fouten">
              {phase.errors.map((error, index) => (
                <li key={index}>{error}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {done ? (
          <p className="font-medium text-emerald-900 dark:text-emerald-200">
            Het personeelsbestand is bijgewerkt: {state.counts.new} nieuw, {state.counts.changed}{" "}
            gewijzigd, {state.counts.left} uit dienst, {state.counts.returning} terug in dienst.
            {state.linked ? ` ${state.linked} accounts zijn gekoppeld.` : ""}
          </p>
        ) : state ? (
          <p className="font-medium text-red-800 dark:text-red-300">{state.message}</p>
        ) : null}
      </div>

      {phase.kind === "preview" && !done ? (
        <Preview phase={phase} confirmAction={confirmAction} confirming={confirming} />
      ) : null}
    </div>
  );
}

function Preview({
  phase,
  confirmAction,
  confirming,
}: {
  phase: Extract<Phase, { kind: "preview" }>;
  confirmAction: (formData: FormData) => void;
  confirming: boolean;
}) {
  const { preview } = phase;
  return (
    <section aria-labelledby="voorbeeld-titel" className="space-y-4">
      <h2 id="voorbeeld-titel" className="text-xl font-semibold">
        Voorbeeld: {phase.fileName}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="voorbeeld-aantallen">
        {(
          [
            ["Regels", preview.counts.total],
            ["Nieuw", preview.counts.new],
            ["Gewijzigd", preview.counts.changed],
            ["Uit dienst", preview.counts.left],
            ["Terug in dienst", preview.counts.returning],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
            <dt className="text-sm">{label}</dt>
            <dd className="text-2xl font-semibold">{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      {phase.notices.length ? (
        <ul className="list-disc pl-6 text-sm">
          {phase.notices.map((notice, index) => (
            <li key={index}>{notice}</li>
          ))}
        </ul>
      ) : null}
      <PreviewList
        title="Nieuw"
        total={preview.counts.new}
        items={preview.new.map((row) => `${row.employeeNumber} – ${row.name}, ${row.department}`)}
      />
      <PreviewList
        title="Gewijzigd"
        total={preview.counts.changed}
        items={preview.changed.map(
          (entry) =>
            `${entry.employeeNumber} – ${entry.name}: ${entry.changes.map((change) => `${change.field} ${change.before ?? "–"} → ${change.after ?? "–"}`).join("; ")}`,
        )}
      />
      <PreviewList
        title="Uit dienst"
        total={preview.counts.left}
        items={preview.left.map(
          (entry) => `${entry.employeeNumber} – ${entry.name}, ${entry.department}`,
        )}
      />
      <PreviewList
        title="Terug in dienst"
        total={preview.counts.returning}
        items={preview.returning.map((entry) => `${entry.employeeNumber} – ${entry.name}`)}
      />
      <form action={confirmAction}>
        <input type="hidden" name="token" value={phase.token} />
        <input type="hidden" name="sha256" value={phase.sha256} />
        <Button type="submit" disabled={confirming}>
          {confirming ? "Bezig met inlezen…" : "Personeelsbestand bijwerken"}
        </Button>
      </form>
    </section>
  );
}

function PreviewList({ title, total, items }: { title: string; total: number; items: string[] }) {
  if (total === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">
        {title} ({number.format(total)}
        {items.length < total ? `, de eerste ${items.length}` : ""})
      </h3>
      <ul className="mt-1 list-disc pl-6 text-sm">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
