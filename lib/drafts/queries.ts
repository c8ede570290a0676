import "server-only";

import { and, eq, sql } from "drizzle-orm";
import { appendAuditEvent } from "@/lib/audit/events";
import { hashParts, type PartSource } from "@/lib/content/source";
import { validateInWorker } from "@/lib/content/worker";
import { type Executor, getDb, type Tx } from "@/lib/db/client";
import { type PolicyDraft, policyDrafts, policyVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { findCurrentVersion, getVersionParts } from "@/lib/policy/versions";
import { bodyLineOffset, composePartSource, type DraftPart, splitPartSource } from "./parts";
import { type DraftProblem, placeProblem } from "./problems";
import { draftPartsSchema } from "./schema";

export type { DraftPart } from "./parts";
export type { DraftProblem } from "./problems";

export type DraftActor = { employeeId?: number | null; label: string };

export type Draft = {
  policy: string;
  /** 0 until the first save; every save, discard and restore adds one. Saves name the revision they started from. */
  revision: number;
  parts: DraftPart[];
  /** False when the draft is the published text (never saved, discarded, or just published). */
  changed: boolean;
  /** The published version the draft's text started from; null when nothing is published. */
  baseVersionNumber: number | null;
  /** The newest published version now. */
  publishedVersionNumber: number | null;
  savedAt: Date | null;
  savedBy: { employeeId: number | null; label: string } | null;
};

export type SaveDraftResult =
  | { status: "saved"; draft: Draft; problems: DraftProblem[] }
  /** Someone saved first: `draft` is the server's text, unchanged; the caller's text was not stored. */
  | { status: "conflict"; draft: Draft };

/** The shared draft of a policy; with no saved changes, the published text of the newest version. */
export async function getDraft({ policy, db }: { policy: string; db?: Executor }): Promise<Draft> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select()
    .from(policyDrafts)
    .where(eq(policyDrafts.policy, policy))
    .limit(1);
  return toDraft(executor, policy, row ?? null);
}

async function toDraft(
  executor: Executor,
  policy: string,
  row: PolicyDraft | null,
): Promise<Draft> {
  const current = await findCurrentVersion({ policy, db: executor });
  const saved = row
    ? {
        savedAt: row.savedAt,
        savedBy: { employeeId: row.savedByEmployeeId, label: row.savedByLabel },
      }
    : { savedAt: null, savedBy: null };
  if (row?.parts) {
    return {
      policy,
      revision: row.revision,
      parts: row.parts,
      changed: true,
      baseVersionNumber: row.baseVersionNumber,
      publishedVersionNumber: current?.number ?? null,
      ...saved,
    };
  }
  const published = current ? await getVersionParts({ versionId: current.id, db: executor }) : [];
  return {
    policy,
    revision: row?.revision ?? 0,
    parts: published.map(splitPartSource),
    changed: false,
    baseVersionNumber: current?.number ?? null,
    publishedVersionNumber: current?.number ?? null,
    ...saved,
  };
}

/** The draft as publishVersion takes it: whole MDX files, frontmatter composed from the fields. */
export function draftSources(draft: Pick<Draft, "parts">): PartSource[] {
  return draft.parts.map((part) => ({
    slug: part.slug,
    kind: part.kind,
    order: part.order,
    title: part.title,
    summary: part.summary,
    source: composePartSource(part),
  }));
}

/** SHA-256 of the draft in the published form: equal to a version's content_hash when the texts are equal. */
export function draftContentHash(draft: Pick<Draft, "parts">): string {
  return hashParts(
    [...draftSources(draft)]
      .sort((a, b) => a.order - b.order)
      .map(({ slug, source }) => ({ slug, source })),
  );
}

/**
 * Runs the one validate() on every part, in the MDX worker with its time budget (never on the
 * request thread), and places each message: a frontmatter problem on the title or summary field,
 * a body problem at its line and column in the body.
 */
export async function validateDraftParts(parts: DraftPart[]): Promise<DraftProblem[]> {
  const problems: DraftProblem[] = [];
  for (const part of parts) {
    const result = await validateInWorker(composePartSource(part));
    if (result.ok) continue;
    const offset = bodyLineOffset(part);
    for (const error of result.errors) problems.push(placeProblem(part, offset, error));
  }
  return problems;
}

/**
 * Save the shared draft if nobody saved since `expectedRevision`. The database decides: inside a
 * transaction, an UPDATE that only matches that revision (or, for revision 0, an INSERT that only
 * succeeds when no row exists). Of concurrent saves exactly one wins; the others get "conflict"
 * with the server's text and their own text is not stored (the caller still holds it). Invalid
 * MDX is saved too (work in progress is never lost); the problems come back with the result.
 */
export async function saveDraft({
  policy,
  expectedRevision,
  parts: input,
  actor,
  db,
}: {
  policy: string;
  expectedRevision: number;
  parts: DraftPart[];
  actor: DraftActor;
  db?: Executor;
}): Promise<SaveDraftResult> {
  const parts = parseParts(input);
  if (!Number.isInteger(expectedRevision) || expectedRevision < 0)
    throw new AppError("invalid_input", "Ongeldig revisienummer van het concept.");
  const problems = await validateDraftParts(parts);
  const executor = db ?? (await getDb());
  const outcome = await executor.transaction(async (tx) => {
    const current = await findCurrentVersion({ policy, db: tx });
    const row = await writeDraft(tx, {
      policy,
      expectedRevision,
      parts,
      baseVersionNumber: current?.number ?? null,
      actor,
    });
    if (!row) return null;
    await appendAuditEvent(tx, {
      ...auditActor(actor),
      action: "draft.saved",
      subjectType: "policy_draft",
      subjectId: policy,
      data: {
        policy,
        revision: row.revision,
        contentHash: draftContentHash({ parts }),
        valid: problems.length === 0,
      },
    });
    return row;
  });
  if (!outcome) return { status: "conflict", draft: await getDraft({ policy, db: executor }) };
  return { status: "saved", draft: await toDraft(executor, policy, outcome), problems };
}

/**
 * Back to the published text. With `expectedRevision`, only if nobody saved since (else
 * "conflict" and nothing changes); the row stays and its revision goes up, so an editor still
 * holding the old text gets a conflict rather than overwriting the discard.
 */
export async function discardDraft({
  policy,
  expectedRevision,
  actor,
  db,
}: {
  policy: string;
  expectedRevision?: number;
  actor: DraftActor;
  db?: Executor;
}): Promise<{ status: "discarded"; draft: Draft } | { status: "conflict"; draft: Draft }> {
  const executor = db ?? (await getDb());
  const row = await executor.transaction(async (tx) => {
    const current = await findCurrentVersion({ policy, db: tx });
    const written = await writeDraft(tx, {
      policy,
      expectedRevision,
      parts: null,
      baseVersionNumber: current?.number ?? null,
      actor,
    });
    if (!written) return null;
    await appendAuditEvent(tx, {
      ...auditActor(actor),
      action: "draft.discarded",
      subjectType: "policy_draft",
      subjectId: policy,
      data: { policy, revision: written.revision, publishedVersion: current?.number ?? null },
    });
    return written;
  });
  const draft = row
    ? await toDraft(executor, policy, row)
    : await getDraft({ policy, db: executor });
  return row ? { status: "discarded", draft } : { status: "conflict", draft };
}

/**
 * Put the text of an earlier version in the draft (history's "terugzetten"); publishing it then
 * makes a new version. History is never rewritten. With `expectedRevision` it is refused with
 * "conflict" when someone saved since.
 */
export async function restoreVersionToDraft({
  policy,
  versionNumber,
  expectedRevision,
  actor,
  db,
}: {
  policy: string;
  versionNumber: number;
  expectedRevision?: number;
  actor: DraftActor;
  db?: Executor;
}): Promise<{ status: "restored"; draft: Draft } | { status: "conflict"; draft: Draft }> {
  const executor = db ?? (await getDb());
  const [version] = await executor
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policy, policy), eq(policyVersions.number, versionNumber)))
    .limit(1);
  if (!version) throw new AppError("not_found", `Versie ${versionNumber} bestaat niet.`);
  const parts = (await getVersionParts({ versionId: version.id, db: executor })).map(
    splitPartSource,
  );
  const row = await executor.transaction(async (tx) => {
    const current = await findCurrentVersion({ policy, db: tx });
    const written = await writeDraft(tx, {
      policy,
      expectedRevision,
      parts,
      baseVersionNumber: current?.number ?? null,
      actor,
    });
    if (!written) return null;
    await appendAuditEvent(tx, {
      ...auditActor(actor),
      action: "draft.restored",
      subjectType: "policy_draft",
      subjectId: policy,
      data: {
        policy,
        revision: written.revision,
        restoredVersion: version.number,
        contentHash: version.contentHash,
      },
    });
    return written;
  });
  const draft = row
    ? await toDraft(executor, policy, row)
    : await getDraft({ policy, db: executor });
  return row ? { status: "restored", draft } : { status: "conflict", draft };
}

/**
 * The guarded write. `expectedRevision` undefined: unconditional (discard, restore without a
 * check). 0: only when no draft row exists yet. n: only when the row is at n. Returns null when
 * the guard did not match: the loser sees no row.
 */
async function writeDraft(
  tx: Tx,
  {
    policy,
    expectedRevision,
    parts,
    baseVersionNumber,
    actor,
  }: {
    policy: string;
    expectedRevision: number | undefined;
    parts: DraftPart[] | null;
    baseVersionNumber: number | null;
    actor: DraftActor;
  },
): Promise<PolicyDraft | null> {
  const values = {
    parts,
    baseVersionNumber,
    savedAt: new Date(),
    savedByEmployeeId: actor.employeeId ?? null,
    savedByLabel: actor.label,
  };
  if (expectedRevision === undefined) {
    const [row] = await tx
      .insert(policyDrafts)
      .values({ policy, revision: 1, ...values })
      .onConflictDoUpdate({
        target: policyDrafts.policy,
        set: { ...values, revision: sql`${policyDrafts.revision} + 1` },
      })
      .returning();
    return row;
  }
  if (expectedRevision === 0) {
    const [row] = await tx
      .insert(policyDrafts)
      .values({ policy, revision: 1, ...values })
      .onConflictDoNothing({ target: policyDrafts.policy })
      .returning();
    return row ?? null;
  }
  const [row] = await tx
    .update(policyDrafts)
    .set({ ...values, revision: expectedRevision + 1 })
    .where(and(eq(policyDrafts.policy, policy), eq(policyDrafts.revision, expectedRevision)))
    .returning();
  return row ?? null;
}

function parseParts(parts: DraftPart[]): DraftPart[] {
  const parsed = draftPartsSchema.safeParse(parts);
  if (!parsed.success)
    throw new AppError("invalid_input", "Het concept heeft niet de verwachte vorm.");
  const slugs = new Set(parsed.data.map((part) => part.slug));
  if (slugs.size !== parsed.data.length)
    throw new AppError("invalid_input", "Een onderdeel komt meer dan eens voor in het concept.");
  return parsed.data;
}

function auditActor(actor: DraftActor) {
  const label = actor.label?.trim();
  if (!label) throw new AppError("invalid_input", "Geef aan wie het concept bewaart.");
  return { actorEmployeeId: actor.employeeId ?? null, actorLabel: label };
}
