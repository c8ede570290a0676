"use client";

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/dates";
import type { DraftPart } from "@/lib/drafts/parts";
import type { DraftProblem } from "@/lib/drafts/problems";
import type { Draft } from "@/lib/drafts/queries";
import { discardDraftAction, previewDraftPartAction, saveDraftAction } from "../actions";
import { ConflictPanel } from "./conflict-panel";
import { HelpPanel, type HelpItem } from "./help-panel";
import { SourceEditor, type SourceEditorHandle } from "./source-editor";

const SAVE_DELAY_MS = 1_500;
const PREVIEW_DELAY_MS = 600;
const RETRY_DELAY_MS = 5_000;

const KIND_LABEL: Record<DraftPart["kind"], string> = {
  intro: "Inleiding",
  part: "Onderdeel",
  closing: "Slotzin",
};

type SaveState =
  | { kind: "clean" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "conflict" };

const sameParts = (a: readonly DraftPart[], b: readonly DraftPart[]) =>
  JSON.stringify(a) === JSON.stringify(b);

export function DraftEditor({ initial, help }: { initial: Draft; help: readonly HelpItem[] }) {
  const [parts, setParts] = useState<DraftPart[]>(initial.parts);
  const [server, setServer] = useState<Draft>(initial);
  const [activeSlug, setActiveSlug] = useState(
    initial.parts.find((p) => p.kind === "part")?.slug ?? initial.parts[0]?.slug,
  );
  const [saveState, setSaveState] = useState<SaveState>({ kind: "clean" });
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [preview, setPreview] = useState<{ slug: string; node: ReactNode } | null>(null);
  const [previewNote, setPreviewNote] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Draft | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const editor = useRef<SourceEditorHandle>(null);

  // The latest values for timers and async callbacks.
  const latest = useRef({ parts, revision: initial.revision, conflict });
  useEffect(() => {
    latest.current.parts = parts;
    latest.current.conflict = conflict;
  }, [parts, conflict]);
  const saving = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const previewSeq = useRef(0);
  // Timers call the newest callbacks through these.
  type SaveFn = (override?: { parts: DraftPart[]; revision: number }) => Promise<void>;
  const saveRef = useRef<SaveFn | null>(null);
  const previewRef = useRef<((part: DraftPart) => Promise<void>) | null>(null);

  const dirty = !sameParts(parts, server.parts);
  const active = parts.find((part) => part.slug === activeSlug) ?? parts[0];

  const applyServer = useCallback((draft: Draft) => {
    latest.current.revision = draft.revision;
    setServer(draft);
  }, []);

  const save = useCallback(
    async (override?: { parts: DraftPart[]; revision: number }) => {
      if (saving.current) return;
      if (latest.current.conflict && !override) return;
      const sent = override?.parts ?? latest.current.parts;
      const revision = override?.revision ?? latest.current.revision;
      saving.current = true;
      setSaveState({ kind: "saving" });
      try {
        const result = await saveDraftAction(null, { expectedRevision: revision, parts: sent });
        if (result.status !== "ok") {
          setSaveState({ kind: "error", message: `Nog niet bewaard: ${result.message}` });
          return;
        }
        if (result.outcome === "conflict") {
          setConflict(result.draft);
          latest.current.conflict = result.draft;
          setSaveState({ kind: "conflict" });
          return;
        }
        applyServer(result.draft);
        setProblems(result.problems);
        setSaveState({ kind: "saved", at: new Date(result.draft.savedAt ?? Date.now()) });
        if (override) {
          setConflict(null);
          latest.current.conflict = null;
          setParts(sent);
          latest.current.parts = sent;
        }
        // Typed on while the save was under way: save again.
        if (!sameParts(latest.current.parts, sent)) {
          setSaveState({ kind: "pending" });
          clearTimeout(saveTimer.current);
          saveTimer.current = setTimeout(() => void saveRef.current?.(), SAVE_DELAY_MS);
        }
      } catch {
        // The request never got an answer: the text stays here, and we try again.
        setSaveState({ kind: "offline" });
        clearTimeout(saveTimer.current);
        saveTimer.current = setTimeout(() => void saveRef.current?.(override), RETRY_DELAY_MS);
      } finally {
        saving.current = false;
      }
    },
    [applyServer],
  );

  const requestPreview = useCallback(async (part: DraftPart) => {
    const seq = ++previewSeq.current;
    try {
      const result = await previewDraftPartAction(null, { part });
      if (seq !== previewSeq.current) return;
      if (result.status !== "ok") {
        setPreviewNote(result.message);
        return;
      }
      switch (result.outcome) {
        case "ok":
          setPreview({ slug: part.slug, node: result.preview });
          setPreviewNote(null);
          setProblems((all) => all.filter((problem) => problem.slug !== part.slug));
          break;
        case "invalid":
          setPreviewNote(
            "Het voorbeeld toont de laatste tekst zonder fouten. Herstel de fouten hieronder.",
          );
          setProblems((all) => [
            ...all.filter((problem) => problem.slug !== part.slug),
            ...result.problems,
          ]);
          break;
        case "too_slow":
          setPreviewNote(result.message);
          break;
        case "rate_limited":
          setPreviewNote(result.message);
          clearTimeout(previewTimer.current);
          previewTimer.current = setTimeout(() => {
            const current = latest.current.parts.find((candidate) => candidate.slug === part.slug);
            if (current) void previewRef.current?.(current);
          }, result.retryAfterMs ?? 1_000);
          break;
      }
    } catch {
      if (seq === previewSeq.current)
        setPreviewNote("Het voorbeeld kon niet worden bijgewerkt: geen verbinding met de server.");
    }
  }, []);

  useEffect(() => {
    saveRef.current = save;
    previewRef.current = requestPreview;
  }, [save, requestPreview]);

  // First preview, and a new one whenever another part is chosen.
  useEffect(() => {
    const part = latest.current.parts.find((candidate) => candidate.slug === activeSlug);
    if (part) void requestPreview(part);
  }, [activeSlug, requestPreview]);

  useEffect(() => {
    if (!dirty && saveState.kind !== "offline") return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, saveState.kind]);

  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      clearTimeout(previewTimer.current);
    },
    [],
  );

  function change(slug: string, field: "title" | "summary" | "body", value: string) {
    const next = parts.map((part) => (part.slug === slug ? { ...part, [field]: value } : part));
    setParts(next);
    latest.current.parts = next;
    if (!latest.current.conflict) {
      setSaveState({ kind: "pending" });
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    }
    clearTimeout(previewTimer.current);
    const part = next.find((candidate) => candidate.slug === slug);
    previewTimer.current = setTimeout(() => {
      if (part) void requestPreview(part);
    }, PREVIEW_DELAY_MS);
  }

  async function discard() {
    setConfirmDiscard(false);
    clearTimeout(saveTimer.current);
    try {
      const result = await discardDraftAction(null, { expectedRevision: latest.current.revision });
      if (result.status !== "ok") {
        setSaveState({ kind: "error", message: result.message });
        return;
      }
      if (result.outcome === "conflict") {
        setConflict(result.draft);
        latest.current.conflict = result.draft;
        setSaveState({ kind: "conflict" });
        return;
      }
      applyServer(result.draft);
      setParts(result.draft.parts);
      latest.current.parts = result.draft.parts;
      setProblems([]);
      setSaveState({ kind: "clean" });
      const part = result.draft.parts.find((candidate) => candidate.slug === activeSlug);
      if (part) void requestPreview(part);
    } catch {
      setSaveState({
        kind: "error",
        message: "Het concept is niet verworpen: geen verbinding met de server.",
      });
    }
  }

  function takeServerText(draft: Draft) {
    applyServer(draft);
    setParts(draft.parts);
    latest.current.parts = draft.parts;
    setConflict(null);
    latest.current.conflict = null;
    setSaveState({ kind: "clean" });
    const part = draft.parts.find((candidate) => candidate.slug === activeSlug);
    if (part) void requestPreview(part);
  }

  const bodyProblems = problems.filter(
    (problem) => problem.slug === active?.slug && problem.field === "body",
  );
  const fieldProblem = (field: "title" | "summary") =>
    problems.find((problem) => problem.slug === active?.slug && problem.field === field)?.message;
  const ids = {
    status: useId(),
    problems: useId(),
    title: useId(),
    summary: useId(),
    body: useId(),
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
            Redactie
          </h1>
          <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="concept-herkomst">
            {server.changed && server.savedBy && server.savedAt
              ? `Concept, laatst bewaard door ${server.savedBy.label} op ${formatDateTime(new Date(server.savedAt))}.`
              : `Het concept is gelijk aan de gepubliceerde tekst${server.publishedVersionNumber ? ` (versie ${server.publishedVersionNumber})` : ""}.`}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SaveStatus id={ids.status} state={saveState} />
          {server.changed || dirty ? (
            <Button variant="secondary" type="button" onClick={() => setConfirmDiscard(true)}>
              Concept verwerpen
            </Button>
          ) : null}
        </div>
      </div>

      {confirmDiscard ? (
        <div
          role="alertdialog"
          aria-labelledby="verwerpen-titel"
          aria-describedby="verwerpen-tekst"
          className="rounded-lg border border-amber-600 bg-amber-50 p-4 dark:border-amber-400 dark:bg-amber-950"
        >
          <h2 id="verwerpen-titel" className="font-semibold">
            Concept verwerpen?
          </h2>
          <p id="verwerpen-tekst" className="mt-1">
            Alle wijzigingen in het concept gaan verloren, ook die van anderen; het concept wordt
            weer de gepubliceerde tekst.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button type="button" onClick={() => void discard()} autoFocus>
              Ja, concept verwerpen
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirmDiscard(false)}>
              Annuleren
            </Button>
          </div>
        </div>
      ) : null}

      {conflict ? (
        <ConflictPanel
          mine={parts}
          theirs={conflict}
          onKeepMine={(merged) => void save({ parts: merged, revision: conflict.revision })}
          onTakeTheirs={() => takeServerText(conflict)}
        />
      ) : null}

      <nav aria-label="Onderdelen van de richtlijnen">
        <ul className="flex flex-wrap gap-2">
          {parts.map((part) => {
            const count = problems.filter((problem) => problem.slug === part.slug).length;
            return (
              <li key={part.slug}>
                <button
                  type="button"
                  aria-pressed={part.slug === active?.slug}
                  onClick={() => setActiveSlug(part.slug)}
                  className="inline-flex min-h-11 items-center gap-2 rounded-full border border-stone-400 px-3 text-brand-800 hover:bg-brand-50 aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white dark:border-stone-600 dark:text-brand-100 dark:hover:bg-brand-900 dark:aria-pressed:border-brand-200 dark:aria-pressed:bg-brand-200 dark:aria-pressed:text-stone-950"
                >
                  <span className="sr-only">{KIND_LABEL[part.kind]}: </span>
                  {part.title || part.slug}
                  {count > 0 ? (
                    <span className="text-sm">
                      ({count} {count === 1 ? "fout" : "fouten"})
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>

      {active ? (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
          <section aria-labelledby="bewerken-titel" className="min-w-0 space-y-4">
            <h2 id="bewerken-titel" className="text-xl font-semibold">
              {KIND_LABEL[active.kind]} bewerken
            </h2>
            <Field
              id={ids.title}
              label="Titel"
              value={active.title}
              error={fieldProblem("title")}
              onChange={(value) => change(active.slug, "title", value)}
            />
            <Field
              id={ids.summary}
              label="Samenvatting"
              hint="Eén zin; lezers zien hem groot boven het onderdeel."
              multiline
              value={active.summary}
              error={fieldProblem("summary")}
              onChange={(value) => change(active.slug, "summary", value)}
            />
            <div>
              <p id={ids.body} className="mb-1 font-semibold">
                Tekst (Markdown)
              </p>
              <SourceEditor
                key={active.slug}
                ref={editor}
                value={active.body}
                onChange={(value) => change(active.slug, "body", value)}
                problems={bodyProblems}
                label={`Tekst van ${active.title || active.slug} (Markdown)`}
                describedBy={ids.problems}
              />
            </div>
            <div id={ids.problems} aria-live="polite">
              {bodyProblems.length > 0 ? (
                <div className="rounded-md border border-red-700 bg-red-50 p-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
                  <h3 className="font-semibold">
                    {bodyProblems.length === 1
                      ? "1 fout in de tekst"
                      : `${bodyProblems.length} fouten in de tekst`}
                  </h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="validatie-fouten">
                    {bodyProblems.map((problem, index) => (
                      <li key={index}>
                        Regel {problem.line}, kolom {problem.column}: {problem.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
            <HelpPanel items={help} onInsert={(example) => editor.current?.insert(example)} />
          </section>

          <section aria-labelledby="voorbeeld-titel" className="min-w-0">
            <h2 id="voorbeeld-titel" className="text-xl font-semibold">
              Voorbeeld
            </h2>
            <p
              aria-live="polite"
              className="mt-1 min-h-6 text-sm text-stone-700 dark:text-stone-300"
              data-testid="voorbeeld-melding"
            >
              {previewNote}
            </p>
            <div
              className="mt-2 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              data-testid="voorbeeld"
            >
              <p className="text-2xl font-bold text-brand-900 dark:text-brand-50">{active.title}</p>
              <p className="mt-2 text-stone-700 sm:text-lg dark:text-stone-300">{active.summary}</p>
              <div className="prose prose-stone mt-4 max-w-none dark:prose-invert">
                {preview?.slug === active.slug ? preview.node : <p>Het voorbeeld wordt gemaakt…</p>}
              </div>
            </div>
          </section>
        </div>
      ) : null}
    </div>
  );
}

function SaveStatus({ id, state }: { id: string; state: SaveState }) {
  const text: Record<SaveState["kind"], string> = {
    clean: "Geen wijzigingen",
    pending: "Wijzigingen nog niet bewaard…",
    saving: "Bezig met bewaren…",
    saved: "",
    offline:
      "Nog niet bewaard: er is geen verbinding met de server. Je tekst staat nog hier; we proberen het zo opnieuw.",
    error: "",
    conflict: "Nog niet bewaard: iemand anders heeft het concept intussen bewaard.",
  };
  const message =
    state.kind === "saved"
      ? `Bewaard op ${formatDateTime(state.at)}`
      : state.kind === "error"
        ? state.message
        : text[state.kind];
  const alert = state.kind === "offline" || state.kind === "error" || state.kind === "conflict";
  return (
    <p
      id={id}
      role={alert ? "alert" : "status"}
      data-testid="bewaarstatus"
      className={
        alert
          ? "font-semibold text-red-800 dark:text-red-300"
          : "text-stone-700 dark:text-stone-300"
      }
    >
      {message}
    </p>
  );
}

function Field({
  id,
  label,
  hint,
  value,
  error,
  multiline,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const classes =
    "mt-1 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";
  return (
    <div>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-700 dark:text-stone-300">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          className={classes}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          className={classes}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
