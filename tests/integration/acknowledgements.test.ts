import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledgeVersion,
  getAcknowledgement,
  getAcknowledgementStatus,
  listAcknowledgements,
} from "@/lib/acknowledgements/queries";
import { acknowledgements, auditEvents } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { ensureInitialVersion, type Version } from "@/lib/policy/versions";
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

function acknowledge(
  employeeId: number,
  version: Version,
  userAgent: string | null = "Mozilla/5.0 (vitest)",
) {
  return acknowledgeVersion({
    db: store.db,
    employeeId,
    versionId: version.id,
    contentHash: version.contentHash,
    userAgent,
  });
}

function status(employeeId: number, policy: string, now?: Date) {
  return getAcknowledgementStatus({ db: store.db, employeeId, policy, now });
}

/** A policy with its own version 1, so numbering and "current" are this test's alone. */
async function freshPolicy(): Promise<{ policy: string; v1: Version }> {
  const policy = uniquePolicy();
  const v1 = await ensureInitialVersion({
    db: store.db,
    policy,
    directory: "content/sociale-media",
  });
  return { policy, v1 };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("acknowledging a version", () => {
  it("stores the employee, version, hash, server time and user agent, with an audit event", async () => {
    const { v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const before = Date.now();
    const { created, acknowledgement, version } = await acknowledge(employee.id, v1);
    expect(created).toBe(true);
    // The version comes back with the row, so the action shows its number without reading it again.
    expect(version).toEqual(v1);
    expect(acknowledgement).toMatchObject({
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: "Mozilla/5.0 (vitest)",
    });
    expect(acknowledgement.acknowledgedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);

    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "acknowledgement.created"),
          eq(auditEvents.subjectId, String(acknowledgement.id)),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorEmployeeId: employee.id,
      subjectType: "acknowledgement",
    });
    expect(events[0].data).toMatchObject({ versionId: v1.id, contentHash: v1.contentHash });
  });

  it("records in the audit event which page showed the text, and when it was rendered", async () => {
    const { v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const renderedAt = new Date(Date.now() - 20 * 60_000);
    const { acknowledgement } = await acknowledgeVersion({
      db: store.db,
      employeeId: employee.id,
      versionId: v1.id,
      contentHash: v1.contentHash,
      userAgent: null,
      reading: { page: "volledig", renderedAt },
    });
    const [event] = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "acknowledgement.created"),
          eq(auditEvents.subjectId, String(acknowledgement.id)),
        ),
      );
    expect(event.data).toMatchObject({
      shownOn: "volledig",
      shownAt: renderedAt.toISOString(),
    });
  });

  it("gives one row and success to every one of many simultaneous submits", async () => {
    const { v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => acknowledge(employee.id, v1)),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.acknowledgement.id)).size).toBe(1);

    const [{ rows }] = await store.db
      .select({ rows: count() })
      .from(acknowledgements)
      .where(
        and(eq(acknowledgements.employeeId, employee.id), eq(acknowledgements.versionId, v1.id)),
      );
    expect(rows).toBe(1);
    const [{ events }] = await store.db
      .select({ events: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "acknowledgement.created"),
          eq(auditEvents.subjectId, String(results[0].acknowledgement.id)),
        ),
      );
    expect(events).toBe(1);
  });

  it("gives exactly 250 rows for 500 simultaneous submits from 250 employees (each twice)", async () => {
    const { v1 } = await freshPolicy();
    const employees = [];
    for (let i = 0; i < 250; i++) employees.push(await createEmployee({ db: store.db }));
    const calls = employees.flatMap((employee) => [
      acknowledge(employee.id, v1),
      acknowledge(employee.id, v1),
    ]);
    const results = await Promise.allSettled(calls);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(0);
    const [{ rows }] = await store.db
      .select({ rows: count() })
      .from(acknowledgements)
      .where(eq(acknowledgements.versionId, v1.id));
    expect(rows).toBe(250);
  }, 60_000);

  it("refuses a version that is no longer current, in Dutch", async () => {
    const { policy, v1 } = await freshPolicy();
    await createVersion({ db: store.db, policy, material: false });
    const employee = await createEmployee({ db: store.db });
    const error = await rejection(acknowledge(employee.id, v1));
    expect(error.code).toBe("version_outdated");
    expect(error.message).toMatch(/nieuwere versie .* \(versie 2\)/);
  });

  it("refuses a hash that does not match the text of the version", async () => {
    const { v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const error = await rejection(
      acknowledgeVersion({
        db: store.db,
        employeeId: employee.id,
        versionId: v1.id,
        contentHash: "0".repeat(64),
        userAgent: null,
      }),
    );
    expect(error.code).toBe("version_outdated");
    expect(error.message).toMatch(/komt niet overeen/);
  });

  it("answers not_found for a version that does not exist", async () => {
    const employee = await createEmployee({ db: store.db });
    const error = await rejection(
      acknowledgeVersion({
        db: store.db,
        employeeId: employee.id,
        versionId: 999_999,
        contentHash: "0".repeat(64),
        userAgent: null,
      }),
    );
    expect(error.code).toBe("not_found");
  });

  it("keeps at most 512 characters of the user agent", async () => {
    const { v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const { acknowledgement } = await acknowledge(employee.id, v1, "A".repeat(5_000));
    expect(acknowledgement.userAgent).toHaveLength(512);
  });
});

describe("acknowledgement status", () => {
  it("an employee who never acknowledged is outstanding, with the deadline of the version", async () => {
    const { policy } = await freshPolicy();
    const deadline = new Date("2027-03-31T21:59:59.999Z");
    const v2 = await createVersion({ db: store.db, policy, material: true, deadline });
    const employee = await createEmployee({ db: store.db });

    const before = await status(employee.id, policy, new Date("2027-03-01T12:00:00Z"));
    expect(before).toMatchObject({ state: "outstanding", acknowledged: null, overdue: false });
    expect(before.current.id).toBe(v2.id);
    expect(before.deadline?.toISOString()).toBe(deadline.toISOString());

    const after = await status(employee.id, policy, new Date("2027-04-01T08:00:00Z"));
    expect(after).toMatchObject({ state: "outstanding", overdue: true });
  });

  it("an employee who acknowledged the current version is acknowledged, and never overdue", async () => {
    const { policy, v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    await acknowledge(employee.id, v1);
    const result = await status(employee.id, policy, new Date("2099-01-01T00:00:00Z"));
    expect(result).toMatchObject({ state: "acknowledged", overdue: false });
    expect(result.acknowledged?.version.number).toBe(1);
  });

  it("an employee who acknowledged v1 sees that the guidelines changed after a material v2", async () => {
    const { policy, v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    await acknowledge(employee.id, v1);
    const deadline = new Date("2027-06-30T21:59:59.999Z");
    const v2 = await createVersion({ db: store.db, policy, material: true, deadline });

    const changed = await status(employee.id, policy, new Date("2027-07-02T00:00:00Z"));
    expect(changed.state).toBe("changed");
    expect(changed.acknowledged?.version.number).toBe(1);
    expect(changed.current.id).toBe(v2.id);
    expect(changed.required.id).toBe(v2.id);
    expect(changed.overdue).toBe(true);

    await acknowledge(employee.id, v2);
    const done = await status(employee.id, policy);
    expect(done.state).toBe("acknowledged");
    expect(done.acknowledged?.version.number).toBe(2);
  });

  it("an editorial version carries the acknowledgement forward, and the receipt keeps the version acknowledged", async () => {
    const { policy, v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const { acknowledgement } = await acknowledge(employee.id, v1);
    const v2 = await createVersion({ db: store.db, policy, material: false });

    const result = await status(employee.id, policy);
    expect(result.state).toBe("acknowledged");
    expect(result.current.id).toBe(v2.id);
    expect(result.required.id).toBe(v1.id);
    expect(result.acknowledged?.id).toBe(acknowledgement.id);
    expect(result.acknowledged?.version.number).toBe(1);
  });

  it("after material v2 and editorial v3, acknowledging v3 satisfies v2, and acknowledging v1 alone does not", async () => {
    const { policy, v1 } = await freshPolicy();
    const early = await createEmployee({ db: store.db });
    const late = await createEmployee({ db: store.db });
    await acknowledge(early.id, v1);
    await createVersion({ db: store.db, policy, material: true });
    const v3 = await createVersion({ db: store.db, policy, material: false });

    expect((await status(early.id, policy)).state).toBe("changed");
    await acknowledge(late.id, v3);
    const lateStatus = await status(late.id, policy);
    expect(lateStatus.state).toBe("acknowledged");
    expect(lateStatus.required.number).toBe(2);
  });

  it("a newcomer after an editorial version must still acknowledge (version 1 counts as material)", async () => {
    const { policy } = await freshPolicy();
    await createVersion({ db: store.db, policy, material: false });
    const employee = await createEmployee({ db: store.db });
    const result = await status(employee.id, policy);
    expect(result.state).toBe("outstanding");
    expect(result.required.number).toBe(1);
    expect(result.current.number).toBe(2);
  });
});

describe("an employee's acknowledgements", () => {
  it("lists every acknowledged version, newest first, and shows a receipt only to its owner", async () => {
    const { policy, v1 } = await freshPolicy();
    const employee = await createEmployee({ db: store.db });
    const other = await createEmployee({ db: store.db, department: "Communicatie" });
    const first = await acknowledge(employee.id, v1);
    const v2 = await createVersion({
      db: store.db,
      policy,
      material: true,
      summary: "Tweede versie",
    });
    const second = await acknowledge(employee.id, v2);

    const list = await listAcknowledgements({ db: store.db, employeeId: employee.id });
    expect(list.map((item) => item.id)).toEqual([
      second.acknowledgement.id,
      first.acknowledgement.id,
    ]);
    expect(list[0].version).toMatchObject({
      number: 2,
      summary: "Tweede versie",
      contentHash: v2.contentHash,
    });
    expect(await listAcknowledgements({ db: store.db, employeeId: other.id })).toEqual([]);

    const own = await getAcknowledgement({
      db: store.db,
      id: first.acknowledgement.id,
      employeeId: employee.id,
    });
    expect(own?.version.number).toBe(1);
    expect(
      await getAcknowledgement({
        db: store.db,
        id: first.acknowledgement.id,
        employeeId: other.id,
      }),
    ).toBeNull();
  });
});
