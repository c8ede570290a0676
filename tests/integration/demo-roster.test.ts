import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/events";
import { summarizeEmployees } from "@/lib/hr/employee-list";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { DEMO_ROSTER_SIZE, demoDeadline, seedDemoRoster } from "@/lib/roster/demo";
import { createTestStore, type TestStore } from "@/tests/support/db";

// A fresh store as `npm start` makes it with the development IdP (lib/server/startup.ts): version
// 1 with the demo's deadline, then the demo roster. P&O's first look must show every status.
// Never in production: env.DEMO_DATA is false with a real IdP (lib/env.test.ts).
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

describe("the demo", () => {
  it("shows P&O acknowledged, overdue, left and unlinked employees over realistic departments", async () => {
    const now = new Date();
    const version = await ensureInitialVersion({ db: store.db, deadline: demoDeadline(now) });
    expect(version.deadline!.getTime()).toBeLessThan(now.getTime());
    expect(await seedDemoRoster({ db: store.db })).toEqual({ seeded: true });

    const { overall, departments } = await summarizeEmployees({ db: store.db, now });
    expect(overall.active).toBe(DEMO_ROSTER_SIZE);
    expect(overall.acknowledged).toBeGreaterThan(DEMO_ROSTER_SIZE / 3);
    // One deadline, passed: everyone on the roster who has not acknowledged is overdue.
    expect(overall.overdue).toBeGreaterThan(DEMO_ROSTER_SIZE / 5);
    expect(overall.overdue).toBe(overall.active - overall.acknowledged);
    expect(overall.left).toBeGreaterThan(0);
    expect(overall.unlinked).toBe(3);
    const names = departments.map((row) => row.department);
    for (const name of ["Slaapgeneeskunde", "Onderwijs – De Berkenschutse"])
      expect(names).toContain(name);
    expect(names.filter((name) => name?.startsWith("Epilepsiezorg")).length).toBeGreaterThan(1);
    expect(
      names.filter((name) => name?.startsWith("Ondersteunende diensten")).length,
    ).toBeGreaterThan(1);
    expect(departments.filter((row) => row.overdue > 0).length).toBeGreaterThan(5);
    expect(await verifyAuditChain({ db: store.db })).toMatchObject({ ok: true });
  }, 120_000);
});
