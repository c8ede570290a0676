import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "@/lib/db/client";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { parseDeadline } from "@/lib/policy/deadline";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { sendReminders } from "@/lib/reminders/send";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// Two portal instances (two connection pools) on one PostgreSQL database; vitest.config.ts runs
// *.postgres.test.ts only when TEST_DATABASE_URL is set.

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

describe("reminders from several instances (PostgreSQL)", () => {
  it("send one mail per employee when two instances remind the same people at once", async () => {
    const policy = uniquePolicy();
    await ensureInitialVersion({ db: store.db, policy, directory: "content/sociale-media" });
    await createVersion({ db: store.db, policy, deadline: parseDeadline("2027-03-31") });
    const team = await Promise.all(
      Array.from({ length: 8 }, () =>
        createEmployee({ db: store.db, department: "Epilepsiezorg volwassenen" }),
      ),
    );
    const ids = team.map((employee) => employee.id);
    const instances: Store[] = await Promise.all([
      openStore({
        databaseUrl: store.databaseUrl!,
        migrationDatabaseUrl: store.migrationDatabaseUrl ?? null,
      }),
      openStore({
        databaseUrl: store.databaseUrl!,
        migrationDatabaseUrl: store.migrationDatabaseUrl ?? null,
      }),
    ]);
    try {
      const results = await Promise.all(
        instances.map((instance, i) =>
          sendReminders({
            policy,
            employeeIds: i === 0 ? ids : [...ids].reverse(),
            actor: { label: `P&O (instantie ${i + 1})` },
            now: new Date("2027-03-24T11:00:00Z"),
            mailer,
            portalUrl: "https://beleid.kempenhaeghe.test",
            db: instance.db,
          }),
        ),
      );
      expect(results[0].sent + results[1].sent).toBe(8);
      expect(results[0].alreadyToday + results[1].alreadyToday).toBe(8);
      await smtp.waitForMessages(8);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(smtp.messages).toHaveLength(8);
      expect(new Set(smtp.messages.map((message) => message.envelopeTo[0])).size).toBe(8);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});
