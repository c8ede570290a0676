import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { acknowledgementStates } from "@/lib/acknowledgements/reports";
import { auditEvents, mailLog, policyDeadlineChanges } from "@/lib/db/schema";
import { parseDeadline } from "@/lib/policy/deadline";
import { changeDeadline, listDeadlineChanges } from "@/lib/policy/deadline-changes";
import { PublishRefusal } from "@/lib/policy/guard-rails";
import { notifyNewVersion } from "@/lib/policy/notify";
import { publishGuarded, withdrawCurrentVersion } from "@/lib/policy/publish";
import {
  findCurrentVersion,
  getVersionParts,
  listVersions,
  publishVersion,
} from "@/lib/policy/versions";
import {
  createEmployee,
  createTestStore,
  editParts,
  shippedParts,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";
import type { Mailer } from "@/lib/mail/transport";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

// 2 December 2026, 10:00 in Amsterdam.
const now = new Date("2026-12-02T09:00:00Z");
const editor = { label: "Communicatie (test)" };

async function refusal(promise: Promise<unknown>): Promise<PublishRefusal> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PublishRefusal);
  return error as PublishRefusal;
}

async function startPolicy() {
  const policy = uniquePolicy();
  const v1 = await publishVersion({
    db: store.db,
    policy,
    parts: await shippedParts(),
    summary: "Eerste versie",
    material: true,
    deadline: null,
    publishedBy: editor,
  });
  return { policy, v1 };
}

const changed = async (append: string) => editParts(await shippedParts(), { append });

describe("publishing with guard rails", () => {
  it("refuses the deadline of the issue's story, 2020-01-01, and publishes nothing", async () => {
    const { policy } = await startPolicy();
    const error = await refusal(
      publishGuarded({
        db: store.db,
        policy,
        parts: await changed("Nieuwe regel."),
        summary: "Nieuwe regel",
        material: true,
        deadline: parseDeadline("2020-01-01"),
        confirmShortDeadline: true,
        publishedBy: editor,
        now,
      }),
    );
    expect(error.reason).toBe("deadline_past");
    expect(error.message).toContain("1 januari 2020 ligt niet in de toekomst");
    expect(await listVersions({ policy, db: store.db })).toHaveLength(1);
  });

  it("asks to confirm a deadline less than a week away, and publishes it when confirmed", async () => {
    const { policy } = await startPolicy();
    const input = {
      db: store.db,
      policy,
      parts: await changed("Nog een regel."),
      summary: "Nog een regel",
      material: true,
      deadline: parseDeadline("2026-12-05"),
      publishedBy: editor,
      now,
    };
    const error = await refusal(publishGuarded({ ...input, confirmShortDeadline: false }));
    expect(error.reason).toBe("deadline_needs_confirmation");
    const v2 = await publishGuarded({ ...input, confirmShortDeadline: true });
    expect(v2).toMatchObject({ number: 2, material: true });
    expect(v2.deadline?.toISOString()).toBe("2026-12-05T22:59:59.999Z");
  });

  it("refuses identical content and points to the deadline correction instead", async () => {
    const { policy } = await startPolicy();
    const error = await refusal(
      publishGuarded({
        db: store.db,
        policy,
        parts: await shippedParts(),
        summary: "Alleen de datum",
        material: false,
        deadline: null,
        confirmShortDeadline: false,
        publishedBy: editor,
        now,
      }),
    );
    expect(error.reason).toBe("identical");
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/gelijk aan de huidige versie \(versie 1\).*\/redactie\/termijn/);
  });

  it("refuses a missing summary and content that does not validate, with line and column", async () => {
    const { policy } = await startPolicy();
    const base = {
      db: store.db,
      policy,
      material: false,
      deadline: null,
      confirmShortDeadline: false,
      publishedBy: editor,
      now,
    };
    const noSummary = await refusal(
      publishGuarded({ ...base, parts: await changed("Iets."), summary: "  " }),
    );
    expect(noSummary.reason).toBe("summary_missing");
    const hostile = await refusal(
      publishGuarded({
        ...base,
        parts: await changed("<img src=x onerror=alert(1) />"),
        summary: "Kwaadaardig",
      }),
    );
    expect(hostile.reason).toBe("invalid_content");
    const errors = (hostile.details as { errors: { line?: number; part?: string }[] }).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBeGreaterThan(0);
    expect(await listVersions({ policy, db: store.db })).toHaveLength(1);
  });
});

describe("correcting the deadline without a new version", () => {
  it("fixes the story's past deadline: nobody is overdue on the next read, in both forms of the rule", async () => {
    const { policy } = await startPolicy();
    // The old CLI let this through; publishVersion itself (no guard rails) still can.
    const v2 = await publishVersion({
      db: store.db,
      policy,
      parts: await changed("Regel met verkeerde datum."),
      summary: "Nieuwe regel",
      material: true,
      deadline: parseDeadline("2020-01-01"),
      publishedBy: editor,
    });
    const employee = await createEmployee({ db: store.db });
    const before = await getAcknowledgementStatus({
      db: store.db,
      employeeId: employee.id,
      policy,
      now,
    });
    expect(before.overdue).toBe(true);

    const past = await refusal(
      changeDeadline({
        db: store.db,
        policy,
        deadline: parseDeadline("2020-02-01"),
        confirmShortDeadline: true,
        reason: "Nog steeds fout",
        changedBy: editor,
        now,
      }),
    );
    expect(past.reason).toBe("deadline_past");
    const noReason = await refusal(
      changeDeadline({
        db: store.db,
        policy,
        deadline: parseDeadline("2027-03-31"),
        confirmShortDeadline: false,
        reason: " ",
        changedBy: editor,
        now,
      }),
    );
    expect(noReason.reason).toBe("reason_missing");

    const { change, versionNumber } = await changeDeadline({
      db: store.db,
      policy,
      deadline: parseDeadline("2027-03-31"),
      confirmShortDeadline: false,
      reason: "Verkeerde datum ingevoerd",
      changedBy: editor,
      now,
    });
    expect(versionNumber).toBe(2);
    expect(change.oldDeadline?.toISOString()).toBe(parseDeadline("2020-01-01").toISOString());

    const after = await getAcknowledgementStatus({
      db: store.db,
      employeeId: employee.id,
      policy,
      now,
    });
    expect(after.overdue).toBe(false);
    expect(after.deadline?.toISOString()).toBe("2027-03-31T21:59:59.999Z");
    const states = acknowledgementStates({ policy, now });
    const [row] = await store.db.select().from(states).where(eq(states.employeeId, employee.id));
    expect(row).toMatchObject({ overdue: false, state: "outstanding" });
    expect(row.deadline?.toISOString()).toBe("2027-03-31T21:59:59.999Z");
    // The version itself is untouched: the history still says what it was published with.
    expect((await findCurrentVersion({ policy, db: store.db }))?.id).toBe(v2.id);
    expect(await listDeadlineChanges({ versionId: v2.id, db: store.db })).toHaveLength(1);

    const [event] = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "policy.deadline_changed"),
          eq(auditEvents.subjectId, String(v2.id)),
        ),
      );
    expect(event.data).toMatchObject({
      policy,
      number: 2,
      oldDeadline: "2020-01-01T22:59:59.999Z",
      newDeadline: "2027-03-31T21:59:59.999Z",
      reason: "Verkeerde datum ingevoerd",
    });

    // Removing the deadline is a correction too.
    await changeDeadline({
      db: store.db,
      policy,
      deadline: null,
      confirmShortDeadline: false,
      reason: "Geen datum nodig",
      changedBy: editor,
      now,
    });
    expect((await findCurrentVersion({ policy, db: store.db }))?.deadline).toBeNull();
  });

  it("is append-only in the database", async () => {
    const refused = {
      cause: expect.objectContaining({ message: expect.stringMatching(/refused/) }),
    };
    await expect(
      store.ownerDb.update(policyDeadlineChanges).set({ reason: "Herschreven" }),
    ).rejects.toMatchObject(refused);
    await expect(store.ownerDb.delete(policyDeadlineChanges)).rejects.toMatchObject(refused);
  });
});

describe("withdrawing a version", () => {
  it("publishes the previous text as a new version and leaves history as it was", async () => {
    const { policy, v1 } = await startPolicy();
    const v2 = await publishGuarded({
      db: store.db,
      policy,
      parts: await changed("Een regel die niet klopt."),
      summary: "Foute regel",
      material: true,
      deadline: null,
      confirmShortDeadline: false,
      publishedBy: editor,
      now,
    });
    const stale = withdrawCurrentVersion({
      db: store.db,
      policy,
      expectedNumber: 1,
      summary: "Terug",
      publishedBy: editor,
      now,
    });
    await expect(stale).rejects.toThrow(/niet meer de huidige versie/);

    const v3 = await withdrawCurrentVersion({
      db: store.db,
      policy,
      expectedNumber: 2,
      summary: "De regel klopte niet.",
      publishedBy: editor,
      now,
    });
    expect(v3).toMatchObject({ number: 3, material: true, contentHash: v1.contentHash });
    expect(v3.summary).toBe(
      "Versie 2 ingetrokken; de tekst van versie 1 geldt weer. De regel klopte niet.",
    );
    expect(await getVersionParts({ versionId: v3.id, db: store.db })).toEqual(
      await getVersionParts({ versionId: v1.id, db: store.db }),
    );
    expect((await listVersions({ policy, db: store.db })).map((v) => v.id)).toEqual([
      v3.id,
      v2.id,
      v1.id,
    ]);
    const events = await store.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, String(v3.id)));
    expect(events.map((event) => event.action)).toEqual(["policy.published", "policy.withdrawn"]);
    expect(events[1].data).toMatchObject({ withdrawnVersion: 2, restoredTextOf: 1 });
  });
});

describe("notifying employees of a material version", () => {
  it("sends one mail per active employee through the outbox and writes one audit event", async () => {
    const { policy } = await startPolicy();
    const people = [await createEmployee({ db: store.db }), await createEmployee({ db: store.db })];
    const v2 = await publishGuarded({
      db: store.db,
      policy,
      parts: await changed("Nieuwe regel voor iedereen."),
      summary: "Nieuwe regel voor iedereen",
      material: true,
      deadline: parseDeadline("2027-03-31"),
      confirmShortDeadline: false,
      publishedBy: editor,
      now,
    });
    const outbox: Mailer = { transport: "outbox", from: "portaal@example.test", close: () => {} };
    const result = await notifyNewVersion({
      db: store.db,
      version: v2,
      actor: editor,
      mailer: outbox,
      portalUrl: "http://127.0.0.1:3000",
      now,
    });
    // The store is shared by the suite: other tests' employees are active too.
    expect(result.sent).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBe(0);
    const mails = await store.db
      .select()
      .from(mailLog)
      .where(
        and(
          eq(mailLog.kind, "new_version"),
          inArray(
            mailLog.employeeId,
            people.map((person) => person.id),
          ),
        ),
      );
    expect(mails).toHaveLength(2);
    expect(mails[0].subject).toContain("31 maart 2027");
    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "policy.notification_sent"),
          eq(auditEvents.subjectId, String(v2.id)),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ number: 2, sent: result.sent });
  });
});
