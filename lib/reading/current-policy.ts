import "server-only";

import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import { plainBlocks, type TextBlock } from "@/lib/content/diff";
import { DEFAULT_POLICY, type PartSource } from "@/lib/content/source";
import type {
  AcknowledgementStatus,
  AcknowledgementWithVersion,
} from "@/lib/acknowledgements/queries";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import { getCurrentUser } from "@/lib/auth/session";
import { type Db, type Executor, getDb } from "@/lib/db/client";
import { acknowledgements, policyVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getRenderings, type StoredRendering } from "@/lib/policy/renderings";
import { getVersionParts, listVersions, type Version } from "@/lib/policy/versions";

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

export type CurrentPolicy = ReturnType<typeof policyOf>;
export type PolicyPart = CurrentPolicy["parts"][number];

// The current version cache (docs/decisions/0012-current-version-cache.md). A published version
// never changes (no UPDATE or DELETE touches policy_versions, its parts or its renderings), and a
// new one always becomes the newest. So what readers see is fixed for as long as the newest
// version's id and hash are the same; every request checks those in the same round trip as the
// employee's acknowledgements, so each instance sees a publication (its own or another's) on its
// next request. Per database handle, so tests with several stores in one process keep theirs apart.
type Snapshot = {
  /** Every version of the policy, newest first: the acknowledgement rule needs them all. */
  versions: Version[];
  byId: Map<number, Version>;
  policy: CurrentPolicy;
};
const MAX_POLICIES = 16;
const snapshots = new WeakMap<object, Map<string, Snapshot>>();

async function loadSnapshot(db: Executor, policy: string): Promise<Snapshot> {
  const versions = await listVersions({ policy, db });
  if (versions.length === 0)
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  const parts = await getReadableParts(versions[0].id, db);
  return {
    versions,
    byId: new Map(versions.map((version) => [version.id, version])),
    policy: policyOf(versions[0], parts),
  };
}

/**
 * One round trip: the newest version's id and hash (the cache check) and the employee's
 * acknowledgements of this policy (none for `employeeId` null).
 */
async function readCheck(db: Db, policy: string, employeeId: number | null) {
  const current = db
    .select({ id: policyVersions.id, contentHash: policyVersions.contentHash })
    .from(policyVersions)
    .where(eq(policyVersions.policy, policy))
    .orderBy(desc(policyVersions.number))
    .limit(1)
    .as("current");
  const ofThisPolicy = db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(eq(policyVersions.policy, policy));
  const rows = await db
    .select({
      currentId: current.id,
      currentHash: current.contentHash,
      acknowledgement: acknowledgements,
    })
    .from(current)
    .leftJoin(
      acknowledgements,
      employeeId === null
        ? sql`false`
        : and(
            eq(acknowledgements.employeeId, employeeId),
            inArray(acknowledgements.versionId, ofThisPolicy),
          ),
    );
  if (rows.length === 0)
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  return {
    currentId: rows[0].currentId,
    currentHash: rows[0].currentHash,
    acknowledgements: rows.flatMap((row) => (row.acknowledgement ? [row.acknowledgement] : [])),
  };
}

/**
 * What one request needs to show the policy to one employee: the current version with its parts
 * (from the cache while it is current) and the employee's acknowledgements. One query on a hit.
 */
const readingState = cache(async (policy: string, employeeId: number | null) => {
  const db = await getDb();
  const check = await readCheck(db, policy, employeeId);
  let byPolicy = snapshots.get(db);
  if (!byPolicy) snapshots.set(db, (byPolicy = new Map()));
  let snapshot = byPolicy.get(policy);
  if (
    !snapshot ||
    snapshot.policy.version.id !== check.currentId ||
    snapshot.policy.version.contentHash !== check.currentHash ||
    check.acknowledgements.some((ack) => !snapshot!.byId.has(ack.versionId))
  ) {
    snapshot = await loadSnapshot(db, policy);
    byPolicy.delete(policy);
    byPolicy.set(policy, snapshot);
    if (byPolicy.size > MAX_POLICIES) byPolicy.delete(byPolicy.keys().next().value as string);
  }
  const loaded = snapshot;
  const withVersions: AcknowledgementWithVersion[] = check.acknowledgements.flatMap((ack) => {
    const version = loaded.byId.get(ack.versionId);
    return version ? [{ ...ack, version }] : [];
  });
  return { snapshot: loaded, acknowledgements: withVersions };
});

/**
 * The current version with every part ready to render. Per request (React's cache()) and, across
 * requests, from the current version cache: a page view costs one query for this and the
 * signed-in employee's status together.
 */
export const getCurrentPolicy = cache(
  async (policy: string = DEFAULT_POLICY): Promise<CurrentPolicy> => {
    const user = await getCurrentUser();
    return (await readingState(policy, user?.employeeId ?? null)).snapshot.policy;
  },
);

/**
 * The employee's acknowledgement status (the rule of lib/acknowledgements/state.ts), once per
 * request however many components ask (layout and page); shares its query with getCurrentPolicy.
 */
export const getStatusForEmployee = cache(
  async (employeeId: number, policy: string = DEFAULT_POLICY): Promise<AcknowledgementStatus> => {
    const { snapshot, acknowledgements } = await readingState(policy, employeeId);
    return computeAcknowledgementState({
      versions: snapshot.versions,
      acknowledgements,
      now: new Date(),
    });
  },
);
