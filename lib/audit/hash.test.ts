import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashAuditEvent } from "./hash";

const event = {
  seq: 1,
  prevHash: GENESIS_HASH,
  occurredAt: new Date("2027-03-12T13:05:00.123Z"),
  actorEmployeeId: 7,
  actorLabel: "medewerker 7",
  action: "acknowledgement.created",
  subjectType: "acknowledgement",
  subjectId: "3",
  data: { versionId: 2, contentHash: "ab".repeat(32) },
};

describe("audit hash", () => {
  it("gives the same hash whatever the key order of data, as after a jsonb round trip", () => {
    const reordered = { ...event, data: { contentHash: "ab".repeat(32), versionId: 2 } };
    expect(hashAuditEvent(reordered)).toBe(hashAuditEvent(event));
  });

  it("changes when any stored field changes", () => {
    const base = hashAuditEvent(event);
    expect(hashAuditEvent({ ...event, seq: 2 })).not.toBe(base);
    expect(hashAuditEvent({ ...event, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(hashAuditEvent({ ...event, occurredAt: new Date("2027-03-12T13:05:00.124Z") })).not.toBe(
      base,
    );
    expect(hashAuditEvent({ ...event, actorEmployeeId: null })).not.toBe(base);
    expect(hashAuditEvent({ ...event, action: "acknowledgement.deleted" })).not.toBe(base);
    expect(hashAuditEvent({ ...event, data: { ...event.data, versionId: 3 } })).not.toBe(base);
  });

  it("sorts keys at every level and leaves arrays in order", () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: undefined, b: null } })).toBe(
      '{"a":{"b":null,"d":1},"b":[2,1]}',
    );
  });
});
