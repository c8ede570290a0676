import { createHash } from "node:crypto";

/** Bump when plugins or options change the output, so stale compiled code is never reused. */
export const PIPELINE_VERSION = "content-pipeline-1";

/** SHA-256 of pipeline version, slug and source: names one compiled part. */
export function compileHash({ source, slug }: { source: string; slug: string }): string {
  return createHash("sha256").update(`${PIPELINE_VERSION}\0${slug}\0${source}`, "utf8").digest("hex");
}
