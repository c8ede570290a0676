import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { openStore } from "@/lib/db/client";
import {
  auditEvents,
  employees as employeesTable,
  mailLog,
  reminders,
  rosterEntries,
} from "@/lib/db/schema";
import { withSessionLock } from "@/lib/db/session-lock";
import { REMINDER_SCHEDULE_LOCK } from "@/lib/db/advisory-locks";
import { AppError } from "@/lib/errors";
import { getOutboxMessage, listMailForEmployee, listOutbox } from "@/lib/mail/outbox";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { parseDeadline } from "@/lib/policy/deadline";
import { ensureInitialVersion, type Version } from "@/lib/policy/versions";
import {
  listRemindersForEmployee,
  runScheduledReminders,
  sendReminders,
} from "@/lib/reminders/send";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// Reminders through a real SMTP server (smtp-server on loopback) and the real store: PGlite by
// default, PostgreSQL with TEST_DATABASE_URL.

const FROM = "Beleidsportaal Kempenhaeghe <beleid@kempenhaeghe.test>";
const PORTAL = "https://beleid.kempenhaeghe.test";
const HR = { employeeId: null, label: "P&O (test)" };
// 12:00 in Amsterdam on 24 March 2027: a week before a deadline of 31 March.
const NOW = new Date("2027-03-24T11:00:00Z");
const DEADLINE = parseDeadline("2027-03-31");

let store: TestStore;
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  store = await createTestStore();
  smtp = await startSmtpServer();
  mailer = createMailer({ transport: "smtp", from: FROM, smtp: { url: smtp.url } });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await store?.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
  smtp.rejectRecipients.clear();
});

/** A policy of this test's own: version 1, then a material version 2 with the deadline. */
async function policyWithDeadline(deadline: Date | null = DEADLINE) {
  const policy = uniquePolicy();
  const v1 = await ensureInitialVersion({
    db: store.db,
    policy,
    directory: "content/sociale-media",
  });
  const v2 = await createVersion({ db: store.db, policy, material: true, deadline });
  return { policy, v1, v2 };
}

async function employees(n: number, department = "Slaapgeneeskunde") {
  return Promise.all(Array.from({ length: n }, () => createEmployee({ db: store.db, department })));
}

function acknowledge(employeeId: number, version: Version) {
  return acknowledgeVersion({
    db: store.db,
    employeeId,
    versionId: version.id,
    contentHash: version.contentHash,
    userAgent: null,
  });
}

function remind(args: Partial<Parameters<typeof sendReminders>[0]> & { policy: string }) {
  return sendReminders({
    actor: HR,
    now: NOW,
    mailer,
    portalUrl: PORTAL,
    db: store.db,
    ...args,
  });
}

describe("sending reminders", () => {
  it("mails each outstanding employee in Dutch, naming the deadline and linking to the guidelines", async () => {
    const { policy, v2 } = await policyWithDeadline();
    const [anna, bram] = await employees(2);
    const result = await remind({ policy, employeeIds: [anna.id, bram.id] });
    expect(result).toMatchObject({
      day: "2027-03-24",
      kind: "reminder",
      versionNumber: 2,
      transport: "smtp",
      selected: 2,
      sent: 2,
      alreadyToday: 0,
      failed: 0,
      noEmail: 0,
    });

    const messages = await smtp.waitForMessages(2);
    const toAnna = messages.find((message) => message.envelopeTo.includes(anna.email!))!;
    expect(toAnna.envelopeTo).toEqual([anna.email]);
    expect(toAnna.to).toContain(anna.email);
    expect(toAnna.from).toBe(FROM);
    expect(toAnna.subject).toBe(
      "Herinnering: bevestig de richtlijnen voor sociale media vóór 31 maart 2027",
    );
    expect(toAnna.headers["auto-submitted"]).toBe("auto-generated");
    expect(toAnna.text).toContain(`Beste ${anna.name},`);
    expect(toAnna.text).toContain("versie 2 van de richtlijnen voor sociale media");
    expect(toAnna.text).toContain("uiterlijk 31 maart 2027");
    expect(toAnna.text).toContain(`${PORTAL}/richtlijnen`);
    expect(toAnna.html).toContain(`<a href="${PORTAL}/richtlijnen">`);

    // Logged, claimed for the day, and one audit event for the batch.
    const log = await listMailForEmployee({ employeeId: anna.id, db: store.db });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: "reminder",
      recipient: anna.email,
      transport: "smtp",
      status: "sent",
      subject: toAnna.subject,
    });
    expect(toAnna.headers["message-id"]).toBe(log[0].messageId);
    const [reminder] = await listRemindersForEmployee({ employeeId: anna.id, db: store.db });
    expect(reminder).toMatchObject({
      day: "2027-03-24",
      status: "sent",
      versionId: v2.id,
      source: "manual",
      actorLabel: "P&O (test)",
      mailId: log[0].id,
    });
    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "reminders.sent"), eq(auditEvents.subjectId, String(v2.id))),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: "P&O (test)", subjectType: "policy_version" });
    expect(events[0].data).toMatchObject({
      kind: "reminder",
      source: "manual",
      target: { employeeIds: 2 },
      counts: { selected: 2, sent: 2, alreadyToday: 0, failed: 0 },
    });
  });

  it("skips those who acknowledged, and tells those who acknowledged an older version that it changed", async () => {
    const policy = uniquePolicy();
    const v1 = await ensureInitialVersion({
      db: store.db,
      policy,
      directory: "content/sociale-media",
    });
    const [done, changed, never] = await employees(3);
    await acknowledge(done.id, v1);
    await acknowledge(changed.id, v1);
    const v2 = await createVersion({ db: store.db, policy, material: true, deadline: DEADLINE });
    await acknowledge(done.id, v2);
    const result = await remind({ policy, employeeIds: [done.id, changed.id, never.id] });
    expect(result).toMatchObject({ selected: 2, sent: 2, notOutstanding: 1 });
    const messages = await smtp.waitForMessages(2);
    expect(messages.flatMap((message) => message.envelopeTo).sort()).toEqual(
      [changed.email, never.email].sort(),
    );
    const toChanged = messages.find((message) => message.envelopeTo.includes(changed.email!))!;
    expect(toChanged.text).toContain("zijn inhoudelijk gewijzigd");
    const toNever = messages.find((message) => message.envelopeTo.includes(never.email!))!;
    expect(toNever.text).not.toContain("gewijzigd");
  });

  it("uses the roster's address for a linked account, and skips someone who left", async () => {
    const { policy } = await policyWithDeadline();
    const [current, leaver] = await employees(2);
    const numbers = [`P${current.id}`, `P${leaver.id}`];
    await store.db.insert(rosterEntries).values([
      {
        employeeNumber: numbers[0],
        name: "Carla de Roster",
        email: `carla.${current.id}@kempenhaeghe.test`,
        department: "Onderwijs",
      },
      {
        employeeNumber: numbers[1],
        name: "Vertrokken Medewerker",
        email: `weg.${leaver.id}@kempenhaeghe.test`,
        department: "Onderwijs",
        leftAt: new Date("2027-03-01T00:00:00Z"),
      },
    ]);
    for (const [employee, number] of [
      [current, numbers[0]],
      [leaver, numbers[1]],
    ] as const) {
      await store.db
        .update(employeesTable)
        .set({ rosterEmployeeNumber: number })
        .where(eq(employeesTable.id, employee.id));
    }
    const result = await remind({ policy, employeeIds: [current.id, leaver.id] });
    expect(result).toMatchObject({ selected: 1, sent: 1, notOutstanding: 1 });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelopeTo).toEqual([`carla.${current.id}@kempenhaeghe.test`]);
    expect(mail.text).toContain("Beste Carla de Roster,");
  });

  it("sends one mail when P&O presses twice, and another the next day", async () => {
    const { policy } = await policyWithDeadline();
    const [anna] = await employees(1);
    expect((await remind({ policy, employeeIds: [anna.id] })).sent).toBe(1);
    const second = await remind({ policy, employeeIds: [anna.id] });
    expect(second).toMatchObject({ selected: 1, sent: 0, alreadyToday: 1 });
    expect(smtp.messages).toHaveLength(1);

    // Late the same evening is still the same Amsterdam day; just after midnight is not.
    const evening = new Date("2027-03-24T22:59:00Z");
    expect((await remind({ policy, employeeIds: [anna.id], now: evening })).sent).toBe(0);
    const nextDay = new Date("2027-03-24T23:01:00Z");
    expect((await remind({ policy, employeeIds: [anna.id], now: nextDay })).sent).toBe(1);
    await smtp.waitForMessages(2);
    expect(
      (await listRemindersForEmployee({ employeeId: anna.id, db: store.db })).map((r) => r.day),
    ).toEqual(["2027-03-25", "2027-03-24"]);
  });

  it("sends one mail per employee when two batches for the same people run at once", async () => {
    const { policy } = await policyWithDeadline();
    const team = await employees(6);
    const ids = team.map((employee) => employee.id);
    const results = await Promise.all([
      remind({ policy, employeeIds: ids }),
      remind({ policy, filter: { department: "Slaapgeneeskunde" } }),
      remind({ policy, employeeIds: [...ids].reverse() }),
    ]);
    // Other tests' employees share the department; count this test's six only.
    await smtp.waitForMessages(6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ours = smtp.messages.filter((message) =>
      team.some((employee) => message.envelopeTo.includes(employee.email!)),
    );
    expect(ours).toHaveLength(6);
    expect(new Set(ours.map((message) => message.envelopeTo[0])).size).toBe(6);
    const sentByBatches = results.reduce((sum, result) => sum + result.sent, 0);
    expect(sentByBatches).toBe(smtp.messages.length);
  });

  it("records a refused mail as failed, and lets a retry the same day send it", async () => {
    const { policy } = await policyWithDeadline();
    const [anna, bram] = await employees(2);
    smtp.rejectRecipients.add(bram.email!.toLowerCase());
    const first = await remind({ policy, employeeIds: [anna.id, bram.id] });
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    expect(first.failures).toEqual([
      { employeeId: bram.id, employeeNumber: null, error: expect.stringMatching(/550/) },
    ]);
    const [failedLog] = await listMailForEmployee({ employeeId: bram.id, db: store.db });
    expect(failedLog).toMatchObject({ status: "failed", error: expect.stringMatching(/550/) });
    const [failedReminder] = await listRemindersForEmployee({ employeeId: bram.id, db: store.db });
    expect(failedReminder).toMatchObject({ status: "failed", attempts: 1 });

    smtp.rejectRecipients.clear();
    const retry = await remind({ policy, employeeIds: [anna.id, bram.id] });
    expect(retry).toMatchObject({ sent: 1, alreadyToday: 1, failed: 0 });
    const [retried] = await listRemindersForEmployee({ employeeId: bram.id, db: store.db });
    expect(retried).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(smtp.messages.map((message) => message.envelopeTo[0]).sort()).toEqual(
      [anna.email, bram.email].sort(),
    );
  });

  it("stops trying after repeated refusals and leaves the rest free for a retry", async () => {
    const { policy } = await policyWithDeadline();
    const team = await employees(7);
    for (const employee of team) smtp.rejectRecipients.add(employee.email!.toLowerCase());
    const result = await remind({ policy, employeeIds: team.map((employee) => employee.id) });
    expect(result).toMatchObject({ sent: 0, failed: 7 });
    expect(result.failures.slice(5).map((failure) => failure.error)).toEqual([
      expect.stringMatching(/Niet geprobeerd/),
      expect.stringMatching(/Niet geprobeerd/),
    ]);
    // Five were tried and logged; the two untried have no mail row.
    const logged = await store.db.select().from(mailLog).where(eq(mailLog.employeeId, team[6].id));
    expect(logged).toHaveLength(0);
    smtp.rejectRecipients.clear();
    expect((await remind({ policy, employeeIds: team.map((employee) => employee.id) })).sent).toBe(
      7,
    );
  });

  it("reminds everyone in the filter, and counts those without an email address", async () => {
    const { policy } = await policyWithDeadline();
    const department = `Onderwijs ${policy}`;
    const [anna, bram] = await employees(2, department);
    const [noMail] = await employees(1, department);
    await store.db.execute(
      // The IdP did not send an email for this one.
      (await import("drizzle-orm")).sql`update employees set email = null where id = ${noMail.id}`,
    );
    await employees(1, "Ondersteunende diensten");
    const result = await remind({ policy, filter: { department } });
    expect(result).toMatchObject({ selected: 3, sent: 2, noEmail: 1 });
    expect(smtp.messages.flatMap((message) => message.envelopeTo).sort()).toEqual(
      [anna.email, bram.email].sort(),
    );
    const [event] = await store.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "reminders.sent"))
      .orderBy((await import("drizzle-orm")).desc(auditEvents.seq))
      .limit(1);
    expect(event.data).toMatchObject({ target: { filter: { department } } });
  });

  it("refuses a 'deadline passed' mail before the deadline, a reminder after it, and an empty selection", async () => {
    const { policy } = await policyWithDeadline();
    const [anna] = await employees(1);
    const early = await remind({ policy, employeeIds: [anna.id], kind: "deadline_passed" }).catch(
      (error: unknown) => error,
    );
    expect(early).toBeInstanceOf(AppError);
    expect((early as AppError).message).toMatch(/nog niet verstreken/);
    const late = await remind({
      policy,
      employeeIds: [anna.id],
      kind: "reminder",
      now: new Date("2027-04-02T10:00:00Z"),
    }).catch((error: unknown) => error);
    expect((late as AppError).message).toMatch(/al verstreken/);
    const none = await remind({ policy, employeeIds: [] }).catch((error: unknown) => error);
    expect((none as AppError).message).toBe("Kies minstens één medewerker.");
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("the kind of mail P&O sends", () => {
  it("is the 'deadline passed' mail once the deadline is over, unless asked otherwise", async () => {
    const { policy } = await policyWithDeadline();
    const [anna] = await employees(1);
    const result = await remind({
      policy,
      employeeIds: [anna.id],
      now: new Date("2027-04-03T09:00:00Z"),
    });
    expect(result).toMatchObject({ kind: "deadline_passed", sent: 1 });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.text).toContain("te bevestigen was 31 maart 2027");
  });
});

describe("the outbox (no SMTP configured)", () => {
  it("keeps the message, body included, for an admin to read, and sends nothing", async () => {
    const { policy } = await policyWithDeadline();
    const [anna] = await employees(1);
    const outbox = createMailer({ transport: "outbox", from: FROM });
    const result = await remind({ policy, employeeIds: [anna.id], mailer: outbox });
    expect(result).toMatchObject({ sent: 1, transport: "outbox" });
    expect(smtp.messages).toHaveLength(0);

    const { messages, total } = await listOutbox({ db: store.db });
    expect(total).toBeGreaterThanOrEqual(1);
    const listed = messages.find((message) => message.employeeId === anna.id)!;
    expect(listed).toMatchObject({ recipient: anna.email, kind: "reminder" });
    const message = await getOutboxMessage({ id: listed.id, db: store.db });
    expect(message).toMatchObject({ transport: "outbox", status: "sent", sender: FROM });
    expect(message?.textBody).toContain("uiterlijk 31 maart 2027");
    expect(message?.htmlBody).toContain(`${PORTAL}/richtlijnen`);

    // An SMTP-sent message is not in the outbox.
    const [viaSmtp] = await employees(1);
    await remind({ policy, employeeIds: [viaSmtp.id] });
    const [smtpLog] = await listMailForEmployee({ employeeId: viaSmtp.id, db: store.db });
    expect(await getOutboxMessage({ id: smtpLog.id, db: store.db })).toBeNull();
  });
});

describe("the scheduled run", () => {
  it("reminds a week before the deadline, says it passed the day after, and otherwise does nothing", async () => {
    const { policy } = await policyWithDeadline();
    const [anna] = await employees(1);
    const run = (now: string) =>
      runScheduledReminders({
        policy,
        now: new Date(now),
        mailer,
        portalUrl: PORTAL,
        db: store.db,
      });

    expect(await run("2027-03-20T09:00:00+01:00")).toMatchObject({
      status: "not_today",
      day: "2027-03-20",
    });
    const week = await run("2027-03-24T07:00:00+01:00");
    expect(week).toMatchObject({ status: "sent", scheduled: { kind: "reminder", daysBefore: 7 } });
    // Every outstanding employee in the store, this test's included.
    expect(smtp.messages.some((message) => message.envelopeTo.includes(anna.email!))).toBe(true);
    // A second host (or a second cron line) the same day sends nothing new.
    const again = await run("2027-03-24T07:00:30+01:00");
    expect(again).toMatchObject({ status: "sent", batch: { sent: 0 } });

    smtp.messages.length = 0;
    const after = await run("2027-04-01T07:00:00+02:00");
    expect(after).toMatchObject({ status: "sent", scheduled: { kind: "deadline_passed" } });
    const toAnna = smtp.messages.find((message) => message.envelopeTo.includes(anna.email!))!;
    expect(toAnna.subject).toBe(
      "De uiterste datum is verstreken: bevestig de richtlijnen voor sociale media",
    );
    expect(toAnna.text).toContain("te bevestigen was 31 maart 2027");
    const rows = await store.db.select().from(reminders).where(eq(reminders.employeeId, anna.id));
    expect(rows.map((row) => [row.day, row.kind, row.source]).sort()).toEqual([
      ["2027-03-24", "reminder", "schedule"],
      ["2027-04-01", "deadline_passed", "schedule"],
    ]);
  });

  it("does nothing for a version without a deadline", async () => {
    const { policy } = await policyWithDeadline(null);
    expect(await runScheduledReminders({ policy, now: NOW, mailer, db: store.db })).toMatchObject({
      status: "no_deadline",
      versionNumber: 2,
    });
  });

  it("steps aside while another run holds the schedule lock", async () => {
    const { policy } = await policyWithDeadline();
    if (store.kind === "postgres") {
      // Another host: a second connection pool to the same database holds the lock.
      const other = await openStore({
        databaseUrl: store.databaseUrl!,
        migrationDatabaseUrl: store.migrationDatabaseUrl ?? null,
      });
      try {
        const outcome = await withSessionLock(other.db, REMINDER_SCHEDULE_LOCK, () =>
          runScheduledReminders({ policy, now: NOW, mailer, db: store.db }),
        );
        expect(outcome).toEqual({ acquired: true, result: { status: "busy", policy } });
      } finally {
        await other.close();
      }
    } else {
      const outcome = await withSessionLock(store.db, REMINDER_SCHEDULE_LOCK, () =>
        runScheduledReminders({ policy, now: NOW, mailer, db: store.db }),
      );
      expect(outcome).toEqual({ acquired: true, result: { status: "busy", policy } });
    }
  });
});

describe("reminders to people on the roster who never signed in", () => {
  it("mails them at the roster's address, once a day per roster entry, also after they sign in that day", async () => {
    const { policy } = await policyWithDeadline();
    const department = `Roosterafdeling ${uniquePolicy()}`;
    const never = { employeeNumber: `R${Date.now()}`, email: "nooit.aangemeld@kempenhaeghe.test" };
    await store.db.insert(rosterEntries).values([
      {
        employeeNumber: never.employeeNumber,
        name: "Nooit Aangemeld",
        email: never.email,
        department,
      },
    ]);
    const [linked] = await employees(1, department);
    const linkedNumber = `${never.employeeNumber}-2`;
    await store.db.insert(rosterEntries).values({
      employeeNumber: linkedNumber,
      name: "Wel Aangemeld",
      email: "wel.aangemeld@kempenhaeghe.test",
      department,
    });
    await store.db
      .update(employeesTable)
      .set({ rosterEmployeeNumber: linkedNumber })
      .where(eq(employeesTable.id, linked.id));
    try {
      const first = await remind({ policy, filter: { department } });
      expect(first).toMatchObject({ selected: 2, sent: 2, alreadyToday: 0, noEmail: 0 });
      const messages = await smtp.waitForMessages(2);
      const toNever = messages.find((message) => message.envelopeTo.includes(never.email))!;
      expect(toNever.text).toContain("Beste Nooit Aangemeld,");
      expect(messages.map((message) => message.envelopeTo).flat()).toContain(
        "wel.aangemeld@kempenhaeghe.test",
      );
      expect(await remind({ policy, filter: { department } })).toMatchObject({
        sent: 0,
        alreadyToday: 2,
      });
      expect(
        await listRemindersForEmployee({ employeeNumber: never.employeeNumber, db: store.db }),
      ).toMatchObject([
        { employeeId: null, rosterEmployeeNumber: never.employeeNumber, status: "sent" },
      ]);
      expect(
        await listMailForEmployee({ employeeNumber: never.employeeNumber, db: store.db }),
      ).toMatchObject([{ recipient: never.email, status: "sent" }]);

      // They sign in later that day and are linked: still no second reminder today.
      const account = await createEmployee({ db: store.db, department });
      await store.db
        .update(employeesTable)
        .set({ rosterEmployeeNumber: never.employeeNumber })
        .where(eq(employeesTable.id, account.id));
      expect(await remind({ policy, employeeIds: [account.id] })).toMatchObject({
        selected: 1,
        sent: 0,
        alreadyToday: 1,
      });
      // The next day, picked by employee number, they get one again.
      const nextDay = new Date(NOW.getTime() + 86_400_000);
      expect(
        await remind({
          policy,
          employeeIds: [],
          employeeNumbers: [never.employeeNumber],
          now: nextDay,
        }),
      ).toMatchObject({ selected: 1, sent: 1 });
    } finally {
      // Later suites in this file remind by filter: these entries must not be outstanding there.
      await store.db
        .update(rosterEntries)
        .set({ leftAt: NOW })
        .where(eq(rosterEntries.department, department));
    }
  });
});
