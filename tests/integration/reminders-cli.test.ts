import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "@/lib/db/client";
import { listRemindersForEmployee } from "@/lib/reminders/send";
import type { Employee } from "@/lib/db/schema";
import { ensureInitialVersion } from "@/lib/policy/versions";
import {
  createEmployee,
  createTestStore,
  createVersion,
  makeTempDir,
  type TestStore,
} from "@/tests/support/db";
import { deadlineInDays } from "@/tests/support/reminders";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// `npm run reminders:send` as cron runs it, against a store nobody else holds (PGlite without a
// portal, or PostgreSQL), mailing through a real SMTP server. The way through a running portal is
// in reminders-portal.pglite.test.ts.

let store: TestStore | undefined;
let scratch: string;
let smtp: TestSmtpServer;
// With two roles (.ci/run), the CLI migrates as the owner and works as the application role.
let location: { DATA_DIR: string; DATABASE_URL: string; MIGRATION_DATABASE_URL?: string };
let anna: Employee;

beforeAll(async () => {
  scratch = await makeTempDir("portal-reminders-cli-");
  smtp = await startSmtpServer();
  if (process.env.TEST_DATABASE_URL) {
    store = await createTestStore();
    location = {
      DATA_DIR: path.join(scratch, "data"),
      DATABASE_URL: store.databaseUrl!,
      ...(store.migrationDatabaseUrl ? { MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : {}),
    };
  } else {
    location = { DATA_DIR: path.join(scratch, "data"), DATABASE_URL: "" };
  }
  // A week from today is the deadline of version 2: today is the scheduled reminder day.
  await withStore(async (opened) => {
    await ensureInitialVersion({ db: opened.db });
    await createVersion({ db: opened.db, policy: "sociale-media", deadline: deadlineInDays(7) });
    anna = await createEmployee({ db: opened.db, name: "Anna Jansen" });
  });
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  await store?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  smtp.messages.length = 0;
  smtp.rejectRecipients.clear();
});

async function withStore<T>(fn: (opened: Store) => Promise<T>): Promise<T> {
  const opened = await openStore(
    location.DATABASE_URL
      ? {
          databaseUrl: location.DATABASE_URL,
          migrationDatabaseUrl: location.MIGRATION_DATABASE_URL ?? null,
        }
      : { dataDir: location.DATA_DIR },
  );
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

function run(args: string[] = [], extraEnv: Record<string, string> = {}) {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "scripts/reminders-send.ts", ...args],
    {
      env: {
        ...process.env,
        ...location,
        SMTP_URL: smtp.url,
        MAIL_FROM: "Beleidsportaal <beleid@kempenhaeghe.test>",
        NEXTAUTH_URL: "https://beleid.kempenhaeghe.test",
        VITEST: "",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

describe("npm run reminders:send", () => {
  it("exits 2 with the usage text for a bad schedule, 0 for --help", async () => {
    const bad = await run(["--days-before", "zeven"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--days-before verwacht hele dagen/);
    expect(bad.stderr).toMatch(/Gebruik: npm run reminders:send/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--days-before <dagen>/);
  }, 120_000);

  it("does nothing on a day the schedule does not name", async () => {
    const result = await run(["--days-before", "3", "--days-after", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is geen verzenddag/);
    expect(smtp.messages).toHaveLength(0);
  }, 120_000);

  it("exits 1 and names the employee when the mail server refuses", async () => {
    smtp.rejectRecipients.add(anna.email!.toLowerCase());
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/mislukt:\s+1/);
    expect(result.stderr).toMatch(new RegExp(`Niet verstuurd aan medewerker ${anna.id}: .*550`));
  }, 120_000);

  it("a week before the deadline, mails the outstanding employee once, however often it runs", async () => {
    const first = await run();
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Herinnering, 7 dag\(en\) voor de uiterste datum/);
    expect(first.stdout).toMatch(/verstuurd:\s+1\n/);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelopeTo).toEqual([anna.email]);
    expect(mail.text).toContain("https://beleid.kempenhaeghe.test/richtlijnen");

    // Two hosts' timers firing at once on PostgreSQL (PGlite has one host, and one process at a
    // time on its data directory): nobody gets a second mail today.
    const again = location.DATABASE_URL ? await Promise.all([run(), run()]) : [await run()];
    for (const result of again) expect(result.code).toBe(0);
    expect(again.map((result) => result.stdout).join("\n")).toMatch(/vandaag al gehad:\s+1/);
    expect(smtp.messages).toHaveLength(1);
    const rows = await withStore((opened) =>
      listRemindersForEmployee({ employeeId: anna.id, db: opened.db }),
    );
    expect(rows).toHaveLength(1);
    // The refused attempt of the test before, then this one.
    expect(rows[0]).toMatchObject({ status: "sent", source: "schedule", attempts: 2 });
  }, 120_000);
});
