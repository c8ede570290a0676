import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, employees } from "@/lib/db/schema";
import { getEmployee, recordSignIn, recordSignOut } from "@/lib/employees/queries";
import { createTestStore, type TestStore } from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

const issuer = "https://login.microsoftonline.com/tenant/v2.0";

describe("signing in", () => {
  it("creates the employee on first sign-in and updates them on the next, by issuer and subject", async () => {
    const first = await recordSignIn({
      db: store.db,
      issuer,
      subject: "abc-123",
      name: "Anna de Vries",
      email: "anna@example.test",
      department: "Zorg",
    });
    expect(first).toMatchObject({
      issuer,
      subject: "abc-123",
      name: "Anna de Vries",
      email: "anna@example.test",
      department: "Zorg",
    });
    expect(first.lastSignInAt).toBeInstanceOf(Date);

    const again = await recordSignIn({
      db: store.db,
      issuer,
      subject: "abc-123",
      name: "Anna Jansen-de Vries",
      email: "anna.jansen@example.test",
      department: "Communicatie",
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      name: "Anna Jansen-de Vries",
      email: "anna.jansen@example.test",
      department: "Communicatie",
    });
    expect(await getEmployee({ db: store.db, id: first.id })).toEqual(again);

    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.subjectId, String(first.id))),
      );
    expect(events.map((event) => event.data)).toEqual([
      { firstSignIn: true },
      { firstSignIn: false },
    ]);
    // The trail names the employee by id only; their name and email stay in the employees table.
    expect(JSON.stringify(events)).not.toMatch(/Anna|example\.test/);
  });

  it("keeps the department and email when the IdP does not send them", async () => {
    const first = await recordSignIn({
      db: store.db,
      issuer,
      subject: "def-456",
      name: "Bram Peeters",
      email: "bram@example.test",
      department: "ICT",
    });
    const again = await recordSignIn({
      db: store.db,
      issuer,
      subject: "def-456",
      name: "Bram Peeters",
      email: null,
      department: undefined,
    });
    expect(again).toMatchObject({ id: first.id, email: "bram@example.test", department: "ICT" });
  });

  it("treats the same subject at another issuer, or the same email, as a different employee", async () => {
    const a = await recordSignIn({
      db: store.db,
      issuer,
      subject: "same",
      name: "Een",
      email: "gedeeld@example.test",
    });
    const b = await recordSignIn({
      db: store.db,
      issuer: "http://127.0.0.1:3001",
      subject: "same",
      name: "Twee",
      email: "gedeeld@example.test",
    });
    const c = await recordSignIn({
      db: store.db,
      issuer,
      subject: "other",
      name: "Drie",
      email: "gedeeld@example.test",
    });
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
  });

  it("creates one employee when the first sign-ins of one person race", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordSignIn({ db: store.db, issuer, subject: "race", name: "Chris Maas" }),
      ),
    );
    expect(new Set(results.map((employee) => employee.id)).size).toBe(1);
    expect(
      await store.db.select().from(employees).where(eq(employees.subject, "race")),
    ).toHaveLength(1);
  });

  it("answers null for an unknown employee", async () => {
    expect(await getEmployee({ db: store.db, id: 987_654 })).toBeNull();
  });
});

describe("signing out", () => {
  it("writes an auth.sign_out event for the employee, from the same module as the sign-in", async () => {
    const employee = await recordSignIn({
      db: store.db,
      issuer,
      subject: "sign-out-1",
      name: "Bram Smit",
    });
    await recordSignOut({ db: store.db, employeeId: employee.id });
    const events = await store.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectType, "employee"),
          eq(auditEvents.subjectId, String(employee.id)),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in", "auth.sign_out"]);
    expect(events[1]).toMatchObject({
      actorEmployeeId: employee.id,
      actorLabel: `medewerker ${employee.id}`,
      subjectType: "employee",
    });
  });
});
