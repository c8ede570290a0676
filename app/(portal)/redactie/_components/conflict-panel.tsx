"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DraftPart } from "@/lib/drafts/parts";
import type { Draft } from "@/lib/drafts/queries";
import { formatDateTime } from "@/lib/format/dates";

const FIELD_LABEL = { title: "titel", summary: "samenvatting", body: "tekst" } as const;
type Field = keyof typeof FIELD_LABEL;

/**
 * Someone else saved first. Both texts side by side, for every field that differs: the editor's
 * own text is editable (merge into it), the other is read-only. Nothing is stored until the
 * editor chooses, and neither text is thrown away before that.
 */
export function ConflictPanel({
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: readonly DraftPart[];
  theirs: Draft;
  onKeepMine: (merged: DraftPart[]) => void;
  onTakeTheirs: () => void;
}) {
  const [merged, setMerged] = useState<DraftPart[]>(() => [...mine]);
  const headingId = useId();
  const baseId = useId();
  const theirsBySlug = new Map(theirs.parts.map((part) => [part.slug, part]));
  const differences = mine.flatMap((part) => {
    const other = theirsBySlug.get(part.slug);
    return (Object.keys(FIELD_LABEL) as Field[])
      .filter((field) => (other?.[field] ?? "") !== part[field])
      .map((field) => ({
        slug: part.slug,
        title: part.title || part.slug,
        field,
        theirs: other?.[field] ?? "",
      }));
  });
  const who = theirs.savedBy?.label ?? "iemand anders";
  const when = theirs.savedAt ? ` op ${formatDateTime(theirs.savedAt)}` : "";

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-stone-900 dark:border-amber-400 dark:bg-stone-900 dark:text-stone-100"
      data-testid="conflict"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        Iemand anders heeft het concept intussen bewaard
      </h2>
      <p>
        {who} heeft het concept{when} bewaard, terwijl jij ook aan het werk was. Jouw tekst is nog
        niet bewaard en gaat niet verloren. Vergelijk beide teksten hieronder: pas jouw tekst aan om
        ze samen te voegen en bewaar hem, of neem de tekst van {who} over.
      </p>
      {differences.length === 0 ? <p>De teksten zijn gelijk.</p> : null}
      {differences.map((difference) => {
        const id = `${baseId}-${difference.slug}-${difference.field}`;
        const value =
          merged.find((part) => part.slug === difference.slug)?.[difference.field] ?? "";
        const rows = Math.min(16, Math.max(3, value.split("\n").length + 1));
        return (
          <div key={id} className="grid grid-cols-[minmax(0,1fr)] gap-3 md:grid-cols-2">
            <div>
              <label htmlFor={`${id}-mijn`} className="font-semibold">
                Jouw {FIELD_LABEL[difference.field]} van {difference.title}
              </label>
              <textarea
                id={`${id}-mijn`}
                rows={rows}
                value={value}
                onChange={(event) =>
                  setMerged((parts) =>
                    parts.map((part) =>
                      part.slug === difference.slug
                        ? { ...part, [difference.field]: event.target.value }
                        : part,
                    ),
                  )
                }
                className="mt-1 w-full rounded-md border border-stone-400 bg-white p-2 font-mono text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-950 dark:text-stone-100"
              />
            </div>
            <div>
              <label htmlFor={`${id}-server`} className="font-semibold">
                {FIELD_LABEL[difference.field][0].toUpperCase() +
                  FIELD_LABEL[difference.field].slice(1)}{" "}
                van {who}
              </label>
              <textarea
                id={`${id}-server`}
                rows={rows}
                readOnly
                value={difference.theirs}
                className="mt-1 w-full rounded-md border border-stone-400 bg-stone-100 p-2 font-mono text-sm text-stone-900 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100"
              />
            </div>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => onKeepMine(merged)}>
          Mijn tekst bewaren
        </Button>
        <Button type="button" variant="secondary" onClick={onTakeTheirs}>
          Tekst van {who} overnemen
        </Button>
      </div>
    </section>
  );
}
