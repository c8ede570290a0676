import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { plainBlocks, type TextBlock } from "@/lib/content/diff";
import { DEFAULT_POLICY, type PartSource } from "@/lib/content/source";
import type {
  AcknowledgementStatus,
  AcknowledgementWithVersion,
} from "@/lib/acknowledgements/queries";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { acknowledgements, policyVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getRenderings, type StoredRendering } from "@/lib/policy/renderings";
import {
  findCurrentVersion,
  findVersionByNumber,
  getVersionParts,
  versionColumns,
  type Version,
} from "@/lib/policy/versions";

export type ReadablePart = PartSource & {
  /** Compiled at publish time; null when the part could not be compiled (the page says so). */
  compiled: Omit<StoredRendering, "blocks"> | null;
  /** The redline's text blocks. */
  blocks: TextBlock[];
};

// Names, once: "policy" in code is the slug that names a guideline ("sociale-media"); what is read
// is a version of it, made of parts ("onderdeel" in the UI and URLs). `bodyParts` are the parts of
// kind "part", between the intro and the closing part.

/**
 * A version's parts with what readers need, all read from the database: the compiled code and the
 * redline's blocks were stored at publish time (or at the first start after an upgrade), so no MDX
 * is parsed or compiled on the request path.
 */
export async function getReadableParts(versionId: number, db?: Executor): Promise<ReadablePart[]> {
  db ??= await getDb();
  const [parts, renderings] = await Promise.all([
    getVersionParts({ versionId, db }),
    getRenderings({ versionId, db }),
  ]);
  return parts.map((part) => {
    const rendering = renderings.get(part.slug);
    const compiled =
      rendering && rendering.code
        ? {
            hash: rendering.hash,
            code: rendering.code,
            headings: rendering.headings,
            rules: rendering.rules,
          }
        : null;
    // Without a stored rendering, plain paragraphs: a linear split, never a parse.
    return { ...part, compiled, blocks: rendering?.blocks ?? plainBlocks(part.source) };
  });
}

function policyOf(version: Version, parts: ReadablePart[]) {
  return {
    version,
    parts,
    intro: parts.find((part) => part.kind === "intro") ?? null,
    bodyParts: parts.filter((part) => part.kind === "part"),
    closing: parts.find((part) => part.kind === "closing") ?? null,
  };
}

async function readablePolicy(version: Version) {
  return policyOf(version, await getReadableParts(version.id));
}

/**
 * Any published version by its number, as cited ("/richtlijnen/versie/3/…"), with the newest
 * version beside it so the page can say when a newer one exists. Null when there is no such version.
 */
export const getPolicyVersion = cache(async (number: number, policy: string = DEFAULT_POLICY) => {
  const [version, latest] = await Promise.all([
    findVersionByNumber({ policy, number }),
    findCurrentVersion({ policy }),
  ]);
  if (!version || !latest) return null;
  return { ...(await readablePolicy(version)), latest };
});

export type CurrentPolicy = ReturnType<typeof policyOf>;
export type PolicyPart = CurrentPolicy["parts"][number];

// The text cache (docs/decisions/0015-reading-path-cache.md). A published version's text never
// changes (triggers refuse UPDATE on policy_versions, its parts and its renderings), so its parts
// are kept per instance under the version's id and content hash. What may change for a version
// (a corrected deadline) and which version is current are read on every request, in the same
// round trip as the employee's acknowledgements: each instance sees a publication, its own or
// another's, on its next request, and nothing that judges "overdue" comes from a cache. Per
// database handle, so tests with several stores in one process keep theirs apart.
type Text = { versionId: number; contentHash: string; parts: ReadablePart[] };
const MAX_TEXTS = 8;
const texts = new WeakMap<object, Map<string, Text>>();

async function textFor(db: Db, policy: string, version: Version): Promise<ReadablePart[]> {
  let byPolicy = texts.get(db);
  if (!byPolicy) texts.set(db, (byPolicy = new Map()));
  const cached = byPolicy.get(policy);
  if (cached && cached.versionId === version.id && cached.contentHash === version.contentHash)
    return cached.parts;
  const parts = await getReadableParts(version.id, db);
  // A part without a rendering may get one later (another instance's startup backfills it):
  // such a version is read again next time rather than kept.
  if (parts.some((part) => part.compiled === null)) return parts;
  byPolicy.delete(policy);
  byPolicy.set(policy, { versionId: version.id, contentHash: version.contentHash, parts });
  if (byPolicy.size > MAX_TEXTS) byPolicy.delete(byPolicy.keys().next().value as string);
  return parts;
}

/**
 * One round trip: every version of the policy, newest first (the acknowledgement rule needs them
 * all; they are few), each with the employee's acknowledgement of it if any (none for null).
 * Keep its version columns in step with listVersions (lib/policy/versions.ts).
 */
async function readVersionsAndAcknowledgements(
  db: Db,
  policy: string,
  employeeId: number | null,
): Promise<{ versions: Version[]; acknowledgements: AcknowledgementWithVersion[] }> {
  const rows = await db
    .select({ version: versionColumns, acknowledgement: acknowledgements })
    .from(policyVersions)
    .leftJoin(
      acknowledgements,
      employeeId === null
        ? sql`false`
        : and(
            eq(acknowledgements.versionId, policyVersions.id),
            eq(acknowledgements.employeeId, employeeId),
          ),
    )
    .where(eq(policyVersions.policy, policy))
    .orderBy(desc(policyVersions.number));
  return {
    versions: rows.map((row) => row.version),
    acknowledgements: rows.flatMap((row) =>
      row.acknowledgement ? [{ ...row.acknowledgement, version: row.version }] : [],
    ),
  };
}

/**
 * What one request needs to show the policy to one employee: the versions, the current one's
 * text (from the text cache while it is current) and the employee's acknowledgements. One query
 * when the text is cached. Pages use it through getCurrentPolicy and getStatusForEmployee.
 */
export async function readReadingState({
  db,
  policy,
  employeeId,
  now = new Date(),
}: {
  db: Db;
  policy: string;
  employeeId: number | null;
  now?: Date;
}) {
  const { versions, acknowledgements } = await readVersionsAndAcknowledgements(
    db,
    policy,
    employeeId,
  );
  if (versions.length === 0)
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  const parts = await textFor(db, policy, versions[0]);
  return {
    policy: policyOf(versions[0], parts),
    status: computeAcknowledgementState({ versions, acknowledgements, now }),
  };
}

// Once per request however many components ask (layout, page, metadata).
const readingState = cache(async (policy: string, employeeId: number | null) =>
  readReadingState({ db: await getDb(), policy, employeeId }),
);

/**
 * The current version with every part ready to render. Per request (React's cache()) and, across
 * requests, from the current version cache: a page view costs one query for this and the
 * signed-in employee's status together.
 */
export const getCurrentPolicy = cache(
  async (policy: string = DEFAULT_POLICY): Promise<CurrentPolicy> => {
    // Loaded when asked: the rest of this module also runs outside Next (tsx scripts, tests).
    const { getCurrentUser } = await import("@/lib/auth/session");
    const user = await getCurrentUser();
    return (await readingState(policy, user?.employeeId ?? null)).policy;
  },
);

/**
 * The employee's acknowledgement status (the rule of lib/acknowledgements/state.ts), once per
 * request however many components ask (layout and page); shares its query with getCurrentPolicy.
 */
export const getStatusForEmployee = cache(
  async (employeeId: number, policy: string = DEFAULT_POLICY): Promise<AcknowledgementStatus> =>
    (await readingState(policy, employeeId)).status,
);
