// Two transactions acknowledging versions of one policy for one employee at once, on PostgreSQL
// (PGlite runs one statement at a time): the kept state must end at the higher version whichever
// commits first. vitest.config.ts runs *.postgres.test.ts only when TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employeePolicyStates, employees, policyVersions } from "@/lib/db/schema";
import { createTestStore, type TestStore, uniquePolicy } from "@/tests/support/db";

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  return client;
}

/** Until `pid` waits for a lock: the other transaction holds the row it must upsert. */
async function untilWaiting(observer: pg.Client, pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await observer.query<{ waiting: boolean }>(
      "select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1",
      [pid],
    );
    if (rows[0]?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

describe("the kept state with concurrent acknowledgements (PostgreSQL)", () => {
  for (const [first, second] of [
    [3, 2],
    [2, 3],
  ] as const) {
    it(`ends at version 3 when v${first} holds the row and v${second} waits for it`, async () => {
      const policy = uniquePolicy();
      const versions = await store.db
        .insert(policyVersions)
        .values(
          [1, 2, 3].map((number) => ({
            policy,
            number,
            contentHash: randomBytes(32).toString("hex"),
            summary: `Versie ${number}`,
            material: true,
            publishedByLabel: "Test",
          })),
        )
        .returning();
      const subject = `race-${randomBytes(6).toString("hex")}`;
      const [employee] = await store.db
        .insert(employees)
        .values({ issuer: "http://127.0.0.1:3001", subject, name: subject })
        .returning();
      const insert = (client: pg.Client, number: number) => {
        const version = versions.find((candidate) => candidate.number === number)!;
        return client.query(
          "insert into acknowledgements (employee_id, version_id, content_hash) values ($1, $2, $3)",
          [employee.id, version.id, version.contentHash],
        );
      };

      const [a, b, observer] = [await connect(), await connect(), await connect()];
      try {
        await a.query("begin");
        await insert(a, first);
        await b.query("begin");
        const { rows } = await b.query<{ pid: number }>("select pg_backend_pid() as pid");
        const waiting = insert(b, second);
        await untilWaiting(observer, rows[0].pid);
        await a.query("commit");
        await waiting;
        await b.query("commit");
      } finally {
        await Promise.all([a.end(), b.end(), observer.end()]);
      }

      const kept = await store.db
        .select({ number: employeePolicyStates.acknowledgedVersionNumber })
        .from(employeePolicyStates)
        .where(
          and(
            eq(employeePolicyStates.employeeId, employee.id),
            eq(employeePolicyStates.policy, policy),
          ),
        );
      expect(kept).toEqual([{ number: 3 }]);
    });
  }
});
