import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Employee } from "@/lib/db/schema";
import { recordSignIn } from "@/lib/employees/queries";
import { DEFAULT_FILTER, listEmployees, summarizeEmployees } from "@/lib/hr/employee-list";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { parseDeadline } from "@/lib/policy/deadline";
import { sendReminders } from "@/lib/reminders/send";
import { applyRosterImport } from "@/lib/roster/import";
import { linkAccount } from "@/lib/roster/linking";
import type { RosterRow } from "@/lib/roster/values";
import { createTestStore, createVersion, type TestStore, uniquePolicy } from "@/tests/support/db";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// HR systems keep exporting people for a while after their last working day. Someone whose end
// date has passed has left, also while they are still in P&O's file: not outstanding, not counted
// in the share, not reminded. Their end date is their last day, in the Netherlands.

const HR = { employeeId: null, label: "P&O (test)" };
// 12:00 in Amsterdam on 24 March 2027.
const NOW = new Date("2027-03-24T11:00:00Z");
const DEPARTMENT = "Ondersteunende diensten";

function row(employeeNumber: string, name: string, endDate: string | null): RosterRow {
  return {
    employeeNumber,
    name,
    email: `${name.toLowerCase()}@kempenhaeghe.test`,
    department: DEPARTMENT,
    manager: null,
    startDate: "2020-01-01",
    endDate,
  };
}

let store: TestStore;
let smtp: TestSmtpServer;
let mailer: Mailer;
let policy: string;
const accounts: Record<string, Employee> = {};

beforeAll(async () => {
  store = await createTestStore();
  smtp = await startSmtpServer();
  mailer = createMailer({
    transport: "smtp",
    from: "Beleidsportaal <beleid@kempenhaeghe.test>",
    smtp: { url: smtp.url },
  });
  const { db } = store;
  policy = uniquePolicy();
  await createVersion({ db, policy, material: true, deadline: parseDeadline("2027-03-31") });
  await applyRosterImport({
    db,
    actor: HR,
    rows: [
      row("E1", "Blijft", null),
      row("E2", "Vertrekt", "2027-04-30"), // leaves next month: still outstanding
      row("E3", "Vertrokken", "2027-03-01"), // left: still in the file
      row("E4", "Gisteren", "2027-03-23"), // last day yesterday
      row("E5", "Vandaag", "2027-03-24"), // last day today: still employed
      row("E6", "Aangemeld", "2027-03-10"), // left, with an account
    ],
  });
  accounts.Aangemeld = await recordSignIn({
    db,
    issuer: "http://127.0.0.1:3001",
    subject: "end-date-aangemeld",
    name: "Aangemeld (IdP)",
    email: "aangemeld@kempenhaeghe.test",
    department: null,
  });
  await linkAccount({ db, actor: HR, employeeId: accounts.Aangemeld.id, employeeNumber: "E6" });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await store?.close();
});

describe("a roster entry past its end date", () => {
  it("is listed as left from the day after its last day, whatever the file says", async () => {
    const page = await listEmployees({
      db: store.db,
      policy,
      now: NOW,
      filter: { ...DEFAULT_FILTER, perPage: 100 },
    });
    const byName = Object.fromEntries(page.rows.map((r) => [r.name, r]));
    expect(Object.fromEntries(page.rows.map((r) => [r.name, r.status]))).toEqual({
      Blijft: "outstanding",
      Vertrekt: "outstanding",
      Vertrokken: "left",
      Gisteren: "left",
      Vandaag: "outstanding",
      Aangemeld: "left",
    });
    // Left since the start of the day after the last day, Amsterdam time (CET in March).
    expect(new Date(byName.Gisteren.leftAt!).toISOString()).toBe("2027-03-23T23:00:00.000Z");
    expect(byName.Blijft.leftAt).toBeNull();
  });

  it("does not count towards the outstanding or the share", async () => {
    const { overall } = await summarizeEmployees({ db: store.db, policy, now: NOW });
    expect(overall).toMatchObject({ outstanding: 3, left: 3, acknowledged: 0, active: 3 });
  });

  it("gets no reminder, with or without an account", async () => {
    const byFilter = await sendReminders({
      actor: HR,
      now: NOW,
      mailer,
      portalUrl: "https://beleid.kempenhaeghe.test",
      db: store.db,
      policy,
      filter: { department: DEPARTMENT },
    });
    expect(byFilter).toMatchObject({ sent: 3 });
    const mails = await smtp.waitForMessages(3);
    expect(mails.flatMap((mail) => mail.envelopeTo).sort()).toEqual([
      "blijft@kempenhaeghe.test",
      "vandaag@kempenhaeghe.test",
      "vertrekt@kempenhaeghe.test",
    ]);
    const picked = await sendReminders({
      actor: HR,
      now: NOW,
      mailer,
      portalUrl: "https://beleid.kempenhaeghe.test",
      db: store.db,
      policy,
      employeeIds: [accounts.Aangemeld.id],
      employeeNumbers: ["E3"],
    });
    expect(picked).toMatchObject({ sent: 0 });
    expect(smtp.messages).toHaveLength(3);
  });
});
