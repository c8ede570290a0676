import "server-only";

import { cache } from "react";
import { compilePart } from "@/lib/content/compile";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getAcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { getCurrentVersion, getVersionParts } from "@/lib/policy/versions";

// Names, once: "policy" in code is the slug that names a guideline ("sociale-media"); what is read
// is a version of it, made of parts ("onderdeel" in the UI and URLs). `bodyParts` are the parts of
// kind "part", between the intro and the closing part.

/**
 * The current version with every part compiled. Wrapped in React's cache() so the layout and the
 * page of one request read the database once; compiled output itself is cached by content hash.
 */
export const getCurrentPolicy = cache(async (policy: string = DEFAULT_POLICY) => {
  const version = await getCurrentVersion({ policy });
  const parts = await getVersionParts({ versionId: version.id });
  const compiled = await Promise.all(
    parts.map((part) => compilePart({ source: part.source, slug: part.slug })),
  );
  const withCompiled = parts.map((part, index) => ({ ...part, compiled: compiled[index] }));
  return {
    version,
    parts: withCompiled,
    intro: withCompiled.find((part) => part.kind === "intro") ?? null,
    bodyParts: withCompiled.filter((part) => part.kind === "part"),
    closing: withCompiled.find((part) => part.kind === "closing") ?? null,
  };
});

export type CurrentPolicy = Awaited<ReturnType<typeof getCurrentPolicy>>;
export type PolicyPart = CurrentPolicy["parts"][number];

/** The employee's acknowledgement status, once per request however many components ask (layout and page). */
export const getStatusForEmployee = cache((employeeId: number, policy: string = DEFAULT_POLICY) =>
  getAcknowledgementStatus({ employeeId, policy }),
);
