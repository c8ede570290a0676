import "server-only";

import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { checkpointNow } from "@/lib/audit/checkpoints";
import { appendAuditEvent } from "@/lib/audit/events";
import { PUBLISH_LOCK_CLASS } from "@/lib/db/advisory-locks";
import { type Db, type Executor, getDb, type Tx } from "@/lib/db/client";
import { type PolicyVersion, policyVersionParts, policyVersions } from "@/lib/db/schema";
import {
  contentDirectory,
  DEFAULT_POLICY,
  hashParts,
  type PartSource,
  readPolicyDirectory,
} from "@/lib/content/source";
import { formatValidationErrors, type ValidationError } from "@/lib/content/validation-error";
import { AppError } from "@/lib/errors";
import { effectiveDeadline } from "@/lib/policy/effective-deadline";
import { insertRenderings, renderForPublish, type RenderedPart } from "@/lib/policy/renderings";

/** A version as readers see it: `deadline` is the effective one, with any correction applied. */
export type Version = PolicyVersion;

// Every read of a version: the row, with the deadline a correction may have changed since.
export const versionColumns = { ...getTableColumns(policyVersions), deadline: effectiveDeadline };

export type Publisher = { employeeId?: number | null; label: string };

export type PublishVersionInput = {
  policy: string;
  parts: PartSource[];
  summary: string;
  material: boolean;
  deadline: Date | null;
  publishedBy: Publisher;
  /**
   * A second audit event about this publication, written in the same transaction (a withdrawal
   * says which version it withdrew). Its subject is the new version.
   */
  alsoAudit?: { action: string; data: Record<string, unknown> };
  db?: Db;
};

export const INITIAL_VERSION_SUMMARY = "Eerste versie van de richtlijnen.";
export const INITIAL_PUBLISHER_LABEL = "Systeem (eerste import)";
const MAX_SUMMARY_LENGTH = 2_000;

/**
 * Publish a new immutable version: every part validated and compiled in the MDX worker before the
 * transaction, then numbered current + 1 under a lock per policy and stored with its parts, their
 * renderings and a "policy.published" audit event in one transaction: all of it, or nothing.
 */
export async function publishVersion({ db, ...input }: PublishVersionInput): Promise<Version> {
  const prepared = await prepareVersion(input);
  const executor = db ?? (await getDb());
  const version = await executor.transaction(async (tx) => {
    const current = await lockAndReadCurrent(tx, input.policy);
    if (current && current.contentHash === prepared.contentHash) {
      throw new AppError(
        "conflict",
        `De inhoud is gelijk aan de huidige versie (versie ${current.number}). Er is niets nieuws om te publiceren.`,
        { currentVersion: current.number },
      );
    }
    return insertVersion(tx, prepared, (current?.number ?? 0) + 1);
  });
  // Pin the chain head outside the database at every publication (no-op unless configured).
  await checkpointNow({ db: executor, reason: `publish ${version.policy} ${version.number}` });
  return version;
}

/**
 * Import `content/<policy>` as version 1 when the policy has no version yet. Safe when several
 * instances start at once: the publish lock makes the others see the first one's version.
 */
export async function ensureInitialVersion({
  policy = DEFAULT_POLICY,
  directory,
  deadline = null,
  db,
}: {
  policy?: string;
  directory?: string;
  /** Only the demo sets one (lib/roster/demo.ts): a deadline already passed, so some are overdue. */
  deadline?: Date | null;
  db?: Db;
} = {}): Promise<Version> {
  const executor = db ?? (await getDb());
  const existing = await findCurrentVersion({ policy, db: executor });
  if (existing) return existing;

  const parts = await readPolicyDirectory(directory ?? contentDirectory(policy));
  const prepared = await prepareVersion({
    policy,
    parts,
    summary: INITIAL_VERSION_SUMMARY,
    // Nobody has acknowledged anything yet: the first version always needs acknowledging.
    material: true,
    deadline,
    publishedBy: { label: INITIAL_PUBLISHER_LABEL },
  });
  return executor.transaction(async (tx) => {
    const current = await lockAndReadCurrent(tx, policy);
    return current ?? insertVersion(tx, prepared, 1);
  });
}

/** The newest version of the policy. Throws not_found when none exists (the store imports one at startup). */
export async function getCurrentVersion({
  policy,
  db,
}: {
  policy: string;
  db?: Executor;
}): Promise<Version> {
  const version = await findCurrentVersion({ policy, db });
  if (!version)
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  return version;
}

export async function findCurrentVersion({
  policy,
  db,
}: {
  policy: string;
  db?: Executor;
}): Promise<Version | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select(versionColumns)
    .from(policyVersions)
    .where(eq(policyVersions.policy, policy))
    .orderBy(desc(policyVersions.number))
    .limit(1);
  return row ?? null;
}

export async function getVersion({
  id,
  db,
}: {
  id: number;
  db?: Executor;
}): Promise<Version | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select(versionColumns)
    .from(policyVersions)
    .where(eq(policyVersions.id, id))
    .limit(1);
  return row ?? null;
}

/** One version by its number, as people cite it ("versie 3"); null when there is no such version. */
export async function findVersionByNumber({
  policy,
  number,
  db,
}: {
  policy: string;
  number: number;
  db?: Executor;
}): Promise<Version | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policy, policy), eq(policyVersions.number, number)))
    .limit(1);
  return row ?? null;
}

/** Every version of the policy, newest first. */
export async function listVersions({
  policy,
  db,
}: {
  policy: string;
  db?: Executor;
}): Promise<Version[]> {
  const executor = db ?? (await getDb());
  return executor
    .select(versionColumns)
    .from(policyVersions)
    .where(eq(policyVersions.policy, policy))
    .orderBy(desc(policyVersions.number));
}

/** The parts exactly as published, in reading order. */
export async function getVersionParts({
  versionId,
  db,
}: {
  versionId: number;
  db?: Executor;
}): Promise<PartSource[]> {
  const executor = db ?? (await getDb());
  return executor
    .select({
      slug: policyVersionParts.slug,
      title: policyVersionParts.title,
      order: policyVersionParts.order,
      kind: policyVersionParts.kind,
      summary: policyVersionParts.summary,
      source: policyVersionParts.source,
    })
    .from(policyVersionParts)
    .where(eq(policyVersionParts.versionId, versionId))
    .orderBy(asc(policyVersionParts.order), asc(policyVersionParts.slug));
}

type PreparedVersion = Omit<PublishVersionInput, "db" | "parts"> & {
  parts: PartSource[];
  contentHash: string;
  /** What readers need of each part, by slug: compiled before the transaction, stored within it. */
  renderings: Map<string, RenderedPart>;
};

/**
/**
 * Validate and compile everything before the transaction starts (in the MDX worker, never on the
 * request thread); metadata comes from each part's own frontmatter. The one place these rules
 * live: callers (the CLI, the internal route, the editor) only report the structured errors this
 * throws in `details.errors`.
 */
async function prepareVersion(input: Omit<PublishVersionInput, "db">): Promise<PreparedVersion> {
  const problems: ValidationError[] = [];
  const problem = (message: string, at: Omit<ValidationError, "message"> = {}) =>
    problems.push({ ...at, message });
  const policy = input.policy?.trim();
  if (!policy || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(policy))
    problem(`"${input.policy}" is geen geldige naam voor richtlijnen.`);
  const summary = input.summary?.trim() ?? "";
  if (!summary) problem("Geef een samenvatting van de wijziging.");
  if (summary.length > MAX_SUMMARY_LENGTH)
    problem(`De samenvatting is te lang (meer dan ${MAX_SUMMARY_LENGTH} tekens).`);
  if (input.deadline && Number.isNaN(input.deadline.getTime()))
    problem("De uiterste datum is geen geldige datum.");
  if (input.deadline && !input.material) {
    problem(
      "Een uiterste datum hoort alleen bij een inhoudelijke wijziging: bij een redactionele wijziging hoeft niemand opnieuw te bevestigen.",
    );
  }
  if (!input.publishedBy?.label?.trim()) problem("Geef aan wie publiceert.");
  if (!input.parts?.length) problem("Een versie heeft minstens één onderdeel.");

  const parts: PartSource[] = [];
  const renderings = new Map<string, RenderedPart>();
  const rendered = await renderForPublish((input.parts ?? []).map((part) => part.source));
  for (const [index, part] of (input.parts ?? []).entries()) {
    const name = part.slug || "(zonder slug)";
    const result = rendered[index];
    if (!result.ok) {
      for (const error of result.errors) problem(error.message, { ...error, part: name });
      continue;
    }
    const { frontmatter } = result;
    if (part.slug && part.slug !== frontmatter.slug) {
      problem(`De slug in de frontmatter is "${frontmatter.slug}".`, { part: name });
      continue;
    }
    parts.push({ ...frontmatter, source: part.source });
    renderings.set(frontmatter.slug, result.part);
  }
  const seenSlugs = new Set<string>();
  const seenOrders = new Set<number>();
  for (const part of parts) {
    if (seenSlugs.has(part.slug)) problem(`De slug "${part.slug}" komt meer dan eens voor.`);
    if (seenOrders.has(part.order))
      problem(`De volgorde ${part.order} komt meer dan eens voor.`, { part: part.slug });
    seenSlugs.add(part.slug);
    seenOrders.add(part.order);
  }
  if (problems.length) {
    throw new AppError("invalid_input", formatValidationErrors(problems), { errors: problems });
  }

  parts.sort((a, b) => a.order - b.order);
  return {
    ...input,
    policy,
    summary,
    publishedBy: {
      employeeId: input.publishedBy.employeeId ?? null,
      label: input.publishedBy.label.trim(),
    },
    parts,
    contentHash: hashParts(parts.map(({ slug, source }) => ({ slug, source }))),
    renderings,
  };
}

/** Exclusive per policy: publications are numbered one at a time; acknowledgements take it shared. */
async function lockAndReadCurrent(tx: Tx, policy: string): Promise<Version | null> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_CLASS}::int4, hashtext(${policy}))`,
  );
  return findCurrentVersion({ policy, db: tx });
}

async function insertVersion(tx: Tx, version: PreparedVersion, number: number): Promise<Version> {
  const [row] = await tx
    .insert(policyVersions)
    .values({
      policy: version.policy,
      number,
      contentHash: version.contentHash,
      summary: version.summary,
      material: version.material,
      deadline: version.deadline,
      publishedByEmployeeId: version.publishedBy.employeeId ?? null,
      publishedByLabel: version.publishedBy.label,
    })
    .returning();
  await tx.insert(policyVersionParts).values(
    version.parts.map((part) => ({
      versionId: row.id,
      slug: part.slug,
      title: part.title,
      order: part.order,
      kind: part.kind,
      summary: part.summary,
      source: part.source,
    })),
  );
  await insertRenderings(tx, row.id, version.renderings);
  await appendAuditEvent(tx, {
    actorEmployeeId: version.publishedBy.employeeId ?? null,
    actorLabel: version.publishedBy.label,
    action: "policy.published",
    subjectType: "policy_version",
    subjectId: row.id,
    data: {
      policy: row.policy,
      number: row.number,
      contentHash: row.contentHash,
      material: row.material,
      deadline: row.deadline?.toISOString() ?? null,
      summary: row.summary,
      parts: version.parts.map((part) => part.slug),
      publishedAt: row.publishedAt.toISOString(),
    },
  });
  if (version.alsoAudit) {
    await appendAuditEvent(tx, {
      actorEmployeeId: version.publishedBy.employeeId ?? null,
      actorLabel: version.publishedBy.label,
      action: version.alsoAudit.action,
      subjectType: "policy_version",
      subjectId: row.id,
      data: { ...version.alsoAudit.data, policy: row.policy, number: row.number },
    });
  }
  return row;
}
