import "server-only";

import { inArray, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { ROSTER_LOCK } from "@/lib/db/advisory-locks";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { type RosterEntry, rosterEntries } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { type AccountLink, type Actor, linkPendingAccounts } from "./linking";
import type { RosterRow } from "./values";

// parse (lib/roster/parse.ts) → previewRosterImport → applyRosterImport. The preview is what HR
// confirms; apply computes the same comparison again inside its transaction and refuses when the
// roster changed in between (expectedCounts), so what is applied is what was shown.

export const COMPARED_FIELDS = [
  "name",
  "email",
  "department",
  "manager",
  "startDate",
  "endDate",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type FieldChange = { field: ComparedField; before: string | null; after: string | null };
export type ChangedEntry = { employeeNumber: string; name: string; changes: FieldChange[] };
export type LeftEntry = { employeeNumber: string; name: string; department: string };

export type RosterCounts = {
  /** Rows in the file. */
  total: number;
  new: number;
  changed: number;
  /** On the roster, not in the file: will be marked as left. */
  left: number;
  /** Marked as left before, in the file again. */
  returning: number;
  unchanged: number;
};

export type RosterPreview = {
  counts: RosterCounts;
  new: RosterRow[];
  changed: ChangedEntry[];
  left: LeftEntry[];
  /** With the fields that differ from when they left (often none). */
  returning: ChangedEntry[];
};

export type RosterImportResult = {
  counts: RosterCounts;
  /** Accounts the import linked to their roster entry. */
  linked: AccountLink[];
  importedAt: Date;
};

function compare(row: RosterRow, entry: RosterEntry): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const before = entry[field] ?? null;
    const after = row[field] ?? null;
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

async function diff(executor: Executor, rows: RosterRow[]): Promise<RosterPreview> {
  const existing = new Map<string, RosterEntry>();
  for (const entry of await executor.select().from(rosterEntries))
    existing.set(entry.employeeNumber, entry);

  const preview: RosterPreview = {
    counts: { total: rows.length, new: 0, changed: 0, left: 0, returning: 0, unchanged: 0 },
    new: [],
    changed: [],
    left: [],
    returning: [],
  };
  const inFile = new Set<string>();
  for (const row of rows) {
    if (inFile.has(row.employeeNumber))
      throw new AppError(
        "invalid_input",
        `Personeelsnummer ${row.employeeNumber} komt meer dan eens voor.`,
      );
    inFile.add(row.employeeNumber);
    const entry = existing.get(row.employeeNumber);
    if (!entry) {
      preview.new.push(row);
      continue;
    }
    const changes = compare(row, entry);
    if (entry.leftAt) {
      preview.returning.push({ employeeNumber: row.employeeNumber, name: row.name, changes });
    } else if (changes.length) {
      preview.changed.push({ employeeNumber: row.employeeNumber, name: row.name, changes });
    } else {
      preview.counts.unchanged++;
    }
  }
  for (const entry of existing.values()) {
    if (!entry.leftAt && !inFile.has(entry.employeeNumber))
      preview.left.push({
        employeeNumber: entry.employeeNumber,
        name: entry.name,
        department: entry.department,
      });
  }
  const byNumber = (a: { employeeNumber: string }, b: { employeeNumber: string }) =>
    a.employeeNumber.localeCompare(b.employeeNumber, "nl", { numeric: true });
  preview.new.sort(byNumber);
  preview.changed.sort(byNumber);
  preview.left.sort(byNumber);
  preview.returning.sort(byNumber);
  preview.counts.new = preview.new.length;
  preview.counts.changed = preview.changed.length;
  preview.counts.left = preview.left.length;
  preview.counts.returning = preview.returning.length;
  return preview;
}

/** What an import of these rows would change, without changing anything. */
export async function previewRosterImport({
  rows,
  db,
}: {
  rows: RosterRow[];
  db?: Executor;
}): Promise<RosterPreview> {
  if (rows.length === 0) throw new AppError("invalid_input", "Het bestand bevat geen medewerkers.");
  return diff(db ?? (await getDb()), rows);
}

const BATCH = 500;

function sameCounts(a: RosterCounts, b: RosterCounts): boolean {
  return (Object.keys(a) as (keyof RosterCounts)[]).every((key) => a[key] === b[key]);
}

/**
 * Apply an import in one transaction: upsert new, changed and returning rows on the employee
 * number, mark entries missing from the file as left (never delete: acknowledgements stay), link
 * accounts that now match, and write "roster.imported". One import at a time (advisory lock), so
 * two at once run one after the other; the same file twice changes nothing the second time.
 * With expectedCounts (from the preview HR confirmed), refuses when the comparison came out different.
 */
export async function applyRosterImport({
  rows,
  actor,
  fileName = null,
  expectedCounts,
  now = new Date(),
  db,
}: {
  rows: RosterRow[];
  actor: Actor;
  fileName?: string | null;
  expectedCounts?: RosterCounts;
  now?: Date;
  db?: Db;
}): Promise<RosterImportResult> {
  if (rows.length === 0)
    throw new AppError(
      "invalid_input",
      "Het bestand bevat geen medewerkers. Een leeg bestand zou iedereen als uit dienst markeren; er is niets ingelezen.",
    );
  const executor = db ?? (await getDb());
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROSTER_LOCK})`);
    const preview = await diff(tx, rows);
    if (expectedCounts && !sameCounts(expectedCounts, preview.counts)) {
      throw new AppError(
        "conflict",
        "Het personeelsbestand is gewijzigd sinds het voorbeeld werd gemaakt. Bekijk het voorbeeld opnieuw en bevestig dan.",
        { counts: preview.counts },
      );
    }

    const changedNumbers = new Set(
      [...preview.changed, ...preview.returning].map((entry) => entry.employeeNumber),
    );
    const upserts = [
      ...preview.new,
      ...rows.filter((row) => changedNumbers.has(row.employeeNumber)),
    ];
    for (let i = 0; i < upserts.length; i += BATCH) {
      await tx
        .insert(rosterEntries)
        .values(
          upserts.slice(i, i + BATCH).map((row) => ({
            employeeNumber: row.employeeNumber,
            name: row.name,
            email: row.email,
            department: row.department,
            manager: row.manager,
            startDate: row.startDate,
            endDate: row.endDate,
            importedAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: rosterEntries.employeeNumber,
          set: {
            name: sql`excluded.name`,
            email: sql`excluded.email`,
            department: sql`excluded.department`,
            manager: sql`excluded.manager`,
            startDate: sql`excluded.start_date`,
            endDate: sql`excluded.end_date`,
            leftAt: null,
            // Someone rehired under their old number: the new file brings their data back.
            erasedAt: null,
            updatedAt: now,
          },
        });
    }
    const leaving = preview.left.map((entry) => entry.employeeNumber);
    for (let i = 0; i < leaving.length; i += BATCH) {
      await tx
        .update(rosterEntries)
        .set({ leftAt: now, updatedAt: now })
        .where(inArray(rosterEntries.employeeNumber, leaving.slice(i, i + BATCH)));
    }

    const linked = await linkPendingAccounts(tx);
    await appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId ?? null,
      actorLabel: actor.label,
      action: "roster.imported",
      subjectType: "roster",
      data: {
        fileName,
        counts: preview.counts,
        linked: linked.map(({ employeeId, employeeNumber, method }) => ({
          employeeId,
          employeeNumber,
          method,
        })),
      },
    });
    return { counts: preview.counts, linked, importedAt: now };
  });
}

/** The preview with at most `limit` names per list (the counts stay exact): for the CLI's output. */
export function limitPreview(preview: RosterPreview, limit = 20): RosterPreview {
  return {
    counts: preview.counts,
    new: preview.new.slice(0, limit),
    changed: preview.changed.slice(0, limit),
    left: preview.left.slice(0, limit),
    returning: preview.returning.slice(0, limit),
  };
}
