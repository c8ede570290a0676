// "Everyone in the current filter" for a reminder, read with the list's own query, then mailed
// through a real SMTP server (smtp-server on loopback): only outstanding roster employees get
// mail, leavers and those who acknowledged do not, and a second batch the same day sends nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { employees, rosterEntries } from "@/lib/db/schema";
import { DEFAULT_FILTER } from "@/lib/hr/employee-list";
import { outstandingAccountsInFilter } from "@/lib/hr/reminder-targets";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { sendReminders } from "@/lib/reminders/send";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

const HR = { employeeId: null, label: "P&O (test)" };
const department = `Herinneringstest ${Date.now()}`;

let store: TestStore;
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  store = await createTestStore();
  smtp = await startSmtpServer();
  mailer = createMailer({
    transport: "smtp",
    from: "Beleidsportaal <beleid@kempenhaeghe.test>",
    smtp: { url: smtp.url },
  });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await store?.close();
});

async function onRoster(number: string, left = false) {
  await store.db.insert(rosterEntries).values({
    employeeNumber: number,
    name: `Naam ${number}`,
    email: `${number}@kempenhaeghe.test`,
    department,
    leftAt: left ? new Date() : null,
  });
  const account = await createEmployee({ db: store.db, department });
  await store.db
    .update(employees)
    .set({ rosterEmployeeNumber: number })
    .where(eq(employees.id, account.id));
  return account;
}

describe("reminders for a filter of the list", () => {
  it("mails only the outstanding employees in the filter, once a day", async () => {
    const policy = uniquePolicy();
    const version = await createVersion({ db: store.db, policy });
    const prefix = `H${Date.now()}`;
    const outstanding = await onRoster(`${prefix}-1`);
    const acknowledged = await onRoster(`${prefix}-2`);
    await onRoster(`${prefix}-3`, true);
    await acknowledgeVersion({
      db: store.db,
      employeeId: acknowledged.id,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: null,
    });

    const now = new Date();
    const { accountIds, inFilter } = await outstandingAccountsInFilter({
      filter: { ...DEFAULT_FILTER, department },
      now,
      policy,
      db: store.db,
    });
    expect(accountIds).toEqual([outstanding.id]);
    expect(inFilter).toBe(3);

    const first = await sendReminders({
      employeeIds: accountIds,
      actor: HR,
      policy,
      now,
      mailer,
      portalUrl: "https://beleid.kempenhaeghe.test",
      db: store.db,
    });
    expect(first).toMatchObject({ sent: 1, alreadyToday: 0 });
    const [mail] = await smtp.waitForMessages(1);
    // The roster's address (the HR system's) wins over the account's.
    expect(mail.envelopeTo).toEqual([`${prefix}-1@kempenhaeghe.test`]);

    const second = await sendReminders({
      employeeIds: accountIds,
      actor: HR,
      policy,
      now,
      mailer,
      portalUrl: "https://beleid.kempenhaeghe.test",
      db: store.db,
    });
    expect(second).toMatchObject({ sent: 0, alreadyToday: 1 });
    expect(smtp.messages).toHaveLength(1);
  });
});
