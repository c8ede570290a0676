// The reading path's one query per page view (lib/reading/current-policy.ts): the same status as
// the acknowledgement rule's own query, and a text cache that follows every new version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion, getAcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { changeDeadline } from "@/lib/policy/deadline-changes";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { readReadingState } from "@/lib/reading/current-policy";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

describe("readReadingState", () => {
  it("gives the status of getAcknowledgementStatus and follows a new version at once", async () => {
    const policy = uniquePolicy();
    const v1 = await ensureInitialVersion({
      db: store.db,
      policy,
      directory: "content/sociale-media",
    });
    const reader = await createEmployee({ db: store.db });
    const other = await createEmployee({ db: store.db });
    const now = new Date();
    const read = (employeeId: number | null) =>
      readReadingState({ db: store.db, policy, employeeId, now });
    const expected = (employeeId: number) =>
      getAcknowledgementStatus({ db: store.db, employeeId, policy, now });

    const first = await read(reader.id);
    expect(first.policy.version.id).toBe(v1.id);
    expect(first.policy.bodyParts.length).toBeGreaterThan(0);
    expect(first.status).toEqual(await expected(reader.id));
    expect(first.status.state).toBe("outstanding");

    await acknowledgeVersion({
      db: store.db,
      employeeId: reader.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: null,
    });
    const acknowledged = await read(reader.id);
    expect(acknowledged.status.state).toBe("acknowledged");
    expect(acknowledged.status).toEqual(await expected(reader.id));
    // Another employee's acknowledgement is not theirs, and nobody signed in has none.
    expect((await read(other.id)).status.state).toBe("outstanding");
    expect((await read(null)).status.acknowledged).toBeNull();
    // The text of a version is read once and kept.
    expect(acknowledged.policy.parts).toBe(first.policy.parts);

    // A new material version: the next read shows it and its own text, and the reader must
    // acknowledge again.
    const v2 = await createVersion({ db: store.db, policy, material: true });
    const after = await read(reader.id);
    expect(after.policy.version.id).toBe(v2.id);
    expect(after.policy.version.contentHash).toBe(v2.contentHash);
    expect(after.policy.parts).not.toBe(first.policy.parts);
    expect(after.status.state).toBe("changed");
    expect(after.status).toEqual(await expected(reader.id));
  });

  it("reads a corrected deadline on the next request, so overdue follows the correction", async () => {
    const policy = uniquePolicy();
    await ensureInitialVersion({ db: store.db, policy, directory: "content/sociale-media" });
    const reader = await createEmployee({ db: store.db });
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    // Warm the text cache first: the deadline must not come from it.
    expect(
      (await readReadingState({ db: store.db, policy, employeeId: reader.id, now })).policy.version
        .deadline,
    ).toBeNull();

    const deadline = new Date(now.getTime() + 10 * day);
    await changeDeadline({
      policy,
      deadline,
      confirmShortDeadline: false,
      reason: "Termijn vastgesteld",
      changedBy: { label: "test" },
      now,
      db: store.db,
    });
    const later = new Date(now.getTime() + 20 * day);
    const read = await readReadingState({
      db: store.db,
      policy,
      employeeId: reader.id,
      now: later,
    });
    expect(read.policy.version.deadline?.getTime()).toBe(deadline.getTime());
    expect(read.status.state).toBe("outstanding");
    expect(read.status.overdue).toBe(true);
    expect(read.status).toEqual(
      await getAcknowledgementStatus({ db: store.db, employeeId: reader.id, policy, now: later }),
    );
  });
});
