import "server-only";

import { cache } from "react";
import { plainBlocks, type TextBlock } from "@/lib/content/diff";
import { DEFAULT_POLICY, type PartSource } from "@/lib/content/source";
import { getAcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { type Executor, getDb } from "@/lib/db/client";
import { getRenderings, type StoredRendering } from "@/lib/policy/renderings";
import {
  findCurrentVersion,
  findVersionByNumber,
  getCurrentVersion,
  getVersionParts,
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

/**
 * The current version with every part ready to render. Wrapped in React's cache() so the layout
 * and the page of one request read the database once.
 */
export const getCurrentPolicy = cache(async (policy: string = DEFAULT_POLICY) => {
  const version: Version = await getCurrentVersion({ policy });
  return readablePolicy(version);
});

async function readablePolicy(version: Version) {
  const parts = await getReadableParts(version.id);
  return {
    version,
    parts: parts,
    intro: parts.find((part) => part.kind === "intro") ?? null,
    bodyParts: parts.filter((part) => part.kind === "part"),
    closing: parts.find((part) => part.kind === "closing") ?? null,
  };
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

export type CurrentPolicy = Awaited<ReturnType<typeof getCurrentPolicy>>;
export type PolicyPart = CurrentPolicy["parts"][number];

/** The employee's acknowledgement status, once per request however many components ask (layout and page). */
export const getStatusForEmployee = cache((employeeId: number, policy: string = DEFAULT_POLICY) =>
  getAcknowledgementStatus({ employeeId, policy }),
);
