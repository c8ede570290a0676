import { createHash } from "node:crypto";

/** prev_hash of the first row in the chain. */
export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorEmployeeId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: unknown;
};

/**
 * JSON with object keys sorted at every level, so a value hashes the same after a round trip
 * through jsonb (which reorders keys). Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; they are stored as null.
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

/** SHA-256 (hex) over the canonical JSON array of every stored field except the hash itself. */
export function hashAuditEvent(event: HashedFields): string {
  const payload = canonicalJson([
    event.seq,
    event.prevHash,
    event.occurredAt.toISOString(),
    event.actorEmployeeId,
    event.actorLabel,
    event.action,
    event.subjectType,
    event.subjectId,
    event.data,
  ]);
  return createHash("sha256").update(payload, "utf8").digest("hex");
}
