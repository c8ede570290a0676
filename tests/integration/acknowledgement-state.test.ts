// The acknowledgement-state rule exists twice: computeAcknowledgementState (pure, one employee)
// and acknowledgementStates (SQL, every employee). Random histories on a real database must give
// the same answer from both, for every employee, and getAcknowledgementStatus and the HR list
// (which joins the SQL form's parts itself) must agree too.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAcknowledgementStatus } from "@/lib/acknowledgements/queries";
import { acknowledgementStates } from "@/lib/acknowledgements/reports";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import {
  type Acknowledgement,
  acknowledgements,
  employees,
  type NewAcknowledgement,
  policyDeadlineChanges,
  type PolicyVersion,
  policyVersions,
  rosterEntries,
} from "@/lib/db/schema";
import { employeeListSource } from "@/lib/hr/employee-list";
import { createTestStore, type TestStore, uniquePolicy } from "@/tests/support/db";

const BASE = Date.UTC(2027, 2, 1, 12, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(BASE + minutes * MINUTE);

// Times fall in a small window, so "now" lands before, on and after deadlines often.
const minutes = fc.integer({ min: 0, max: 120 });

const history = fc.record({
  versions: fc.array(
    fc.record({
      material: fc.boolean(),
      deadline: fc.option(minutes, { nil: null }),
      // A few minutes' gap between versions: acknowledgements of a version come after it.
    }),
    { minLength: 1, maxLength: 6 },
  ),
  // Per employee: a set of version indexes acknowledged (possibly empty), each at some time.
  employees: fc.array(
    fc.array(fc.record({ version: fc.nat({ max: 5 }), after: minutes }), { maxLength: 5 }),
    { minLength: 1, maxLength: 5 },
  ),
  // Deadline corrections after publication (lib/policy/deadline-changes.ts), in order; the newest
  // per version is its effective deadline, null meaning "removed".
  corrections: fc.array(
    fc.record({ version: fc.nat({ max: 5 }), deadline: fc.option(minutes, { nil: null }) }),
    { maxLength: 3 },
  ),
  now: minutes,
  // Version 1 as published by the portal (always material) or any version 1 at all.
  firstAlwaysMaterial: fc.boolean(),
  // Every acknowledgement in one INSERT, or one INSERT each.
  oneStatement: fc.boolean(),
});

describe("acknowledgement state: the SQL form and the pure rule", () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore();
  });

  afterAll(async () => {
    await store?.close();
  });

  it("agree on every employee for random histories of versions and acknowledgements", async () => {
    await fc.assert(
      fc.asyncProperty(history, async (generated) => {
        const { db } = store;
        // Evidence tables refuse DELETE: each case gets its own policy and its own employees.
        const policy = uniquePolicy();
        const now = at(generated.now);

        const versions: PolicyVersion[] = [];
        for (const [index, spec] of generated.versions.entries()) {
          const material = index === 0 && generated.firstAlwaysMaterial ? true : spec.material;
          const [row] = await db
            .insert(policyVersions)
            .values({
              policy,
              number: index + 1,
              contentHash: randomBytes(32).toString("hex"),
              summary: `Versie ${index + 1}`,
              material,
              // The portal allows a deadline only on material versions; the rule must not care.
              deadline: spec.deadline === null ? null : at(spec.deadline),
              publishedAt: at(index),
              publishedByLabel: "Test",
            })
            .returning();
          versions.push(row);
        }
        for (const correction of generated.corrections) {
          const version = versions[correction.version % versions.length];
          const deadline = correction.deadline === null ? null : at(correction.deadline);
          await db.insert(policyDeadlineChanges).values({
            versionId: version.id,
            oldDeadline: version.deadline,
            newDeadline: deadline,
            reason: "Test",
            changedByLabel: "Test",
          });
          // The model of the effective deadline: the newest correction wins.
          versions[versions.indexOf(version)] = { ...version, deadline };
        }

        const model = [];
        const pending: NewAcknowledgement[] = [];
        for (const [index, acks] of generated.employees.entries()) {
          const subject = `prop-${randomBytes(6).toString("hex")}`;
          // Every other one on the roster: P&O's list reaches the two kinds of account apart.
          const employeeNumber = index % 2 === 0 ? subject : null;
          if (employeeNumber)
            await db.insert(rosterEntries).values({
              employeeNumber,
              name: subject,
              email: `${subject}@example.test`,
              department: "Zorg",
            });
          const [employee] = await db
            .insert(employees)
            .values({
              issuer: "http://127.0.0.1:3001",
              subject,
              name: subject,
              rosterEmployeeNumber: employeeNumber,
            })
            .returning();
          const seen = new Set<number>();
          for (const ack of acks) {
            const version = versions[ack.version % versions.length];
            if (seen.has(version.id)) continue; // one acknowledgement per employee and version
            seen.add(version.id);
            pending.push({
              employeeId: employee.id,
              versionId: version.id,
              contentHash: version.contentHash,
              acknowledgedAt: at(version.number + ack.after),
            });
          }
          const acknowledged: (Acknowledgement & { version: PolicyVersion })[] = [];
          model.push({ employee, acknowledgements: acknowledged });
        }
        // Kept state is written by a trigger per statement: one row at a time (as the portal does)
        // and everything in one INSERT (as a seed does) must both end in the same state.
        const inserted: Acknowledgement[] = [];
        if (generated.oneStatement && pending.length > 0) {
          inserted.push(...(await db.insert(acknowledgements).values(pending).returning()));
        } else {
          for (const values of pending)
            inserted.push(...(await db.insert(acknowledgements).values(values).returning()));
        }
        for (const row of inserted) {
          const version = versions.find((candidate) => candidate.id === row.versionId)!;
          const owner = model.find((entry) => entry.employee.id === row.employeeId)!;
          owner.acknowledgements.push({ ...row, version });
        }

        const states = acknowledgementStates({ policy, now });
        const sqlRows = await db
          .select()
          .from(states)
          .where(
            inArray(
              states.employeeId,
              model.map((entry) => entry.employee.id),
            ),
          );
        expect(sqlRows).toHaveLength(model.length);
        const byEmployee = new Map(sqlRows.map((row) => [row.employeeId, row]));
        // The HR list joins the rule's parts onto its own accounts (lib/hr/employee-list.ts).
        const list = employeeListSource({ policy, now });
        const listRows = await db
          .select({
            accountId: list.accountId,
            state: list.state,
            overdue: list.overdue,
            acknowledgedVersionNumber: list.acknowledgedVersionNumber,
            acknowledgedAt: list.acknowledgedAt,
          })
          .from(list)
          .where(
            inArray(
              list.accountId,
              model.map((entry) => entry.employee.id),
            ),
          );
        expect(listRows).toHaveLength(model.length);
        const inList = new Map(listRows.map((row) => [Number(row.accountId), row]));

        for (const entry of model) {
          const expected = computeAcknowledgementState({
            versions,
            acknowledgements: entry.acknowledgements,
            now,
          });
          const fromSql = byEmployee.get(entry.employee.id);
          expect(fromSql).toEqual({
            employeeId: entry.employee.id,
            state: expected.state,
            requiredVersionNumber: expected.required.number,
            acknowledgedVersionNumber: expected.acknowledged?.version.number ?? null,
            acknowledgedAt: expected.acknowledged?.acknowledgedAt ?? null,
            deadline: expected.deadline,
            overdue: expected.overdue,
          });

          const listed = inList.get(entry.employee.id)!;
          // Raw SQL columns come back as the driver gives them (PGlite: typed; node-postgres: text).
          expect({
            state: listed.state,
            overdue: listed.overdue,
            acknowledgedVersionNumber:
              listed.acknowledgedVersionNumber === null
                ? null
                : Number(listed.acknowledgedVersionNumber),
            acknowledgedAt:
              listed.acknowledgedAt === null ? null : new Date(listed.acknowledgedAt).getTime(),
          }).toEqual({
            state: expected.state,
            overdue: expected.overdue,
            acknowledgedVersionNumber: expected.acknowledged?.version.number ?? null,
            acknowledgedAt: expected.acknowledged?.acknowledgedAt.getTime() ?? null,
          });

          const status = await getAcknowledgementStatus({
            db,
            employeeId: entry.employee.id,
            policy,
            now,
          });
          expect({
            state: status.state,
            required: status.required.id,
            current: status.current.id,
            acknowledged: status.acknowledged?.id ?? null,
            overdue: status.overdue,
          }).toEqual({
            state: expected.state,
            required: expected.required.id,
            current: expected.current.id,
            acknowledged: expected.acknowledged?.id ?? null,
            overdue: expected.overdue,
          });
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("counts per department in the database (the HR dashboard's shape)", async () => {
    const { db } = store;
    const policy = uniquePolicy();
    const now = at(60);
    const [v1] = await db
      .insert(policyVersions)
      .values({
        policy,
        number: 1,
        contentHash: randomBytes(32).toString("hex"),
        summary: "Versie 1",
        material: true,
        deadline: at(30),
        publishedByLabel: "Test",
      })
      .returning();
    const department = `Afdeling ${randomBytes(3).toString("hex")}`;
    const people = await db
      .insert(employees)
      .values(
        [0, 1, 2].map((n) => ({
          issuer: "http://127.0.0.1:3001",
          subject: `dept-${n}-${randomBytes(6).toString("hex")}`,
          name: `Medewerker ${n}`,
          department,
        })),
      )
      .returning();
    await db.insert(acknowledgements).values({
      employeeId: people[0].id,
      versionId: v1.id,
      contentHash: v1.contentHash,
    });

    const states = acknowledgementStates({ policy, now });
    const rows = await db
      .select({
        department: employees.department,
        total: count(),
        overdue: sql<number>`count(*) filter (where ${states.overdue})`.mapWith(Number),
      })
      .from(states)
      .innerJoin(employees, eq(employees.id, states.employeeId))
      .where(eq(employees.department, department))
      .groupBy(employees.department);
    expect(rows).toEqual([{ department, total: 3, overdue: 2 }]);
  });
});
