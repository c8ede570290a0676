// The CSV and XLSX exports on a real database: streamed in small batches, Dutch headers, BOM and
// semicolons, formula cells neutralised, and one audit event per export.
import { buffer } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/events";
import { auditEvents } from "@/lib/db/schema";
import { DEFAULT_FILTER } from "@/lib/hr/employee-list";
import { EXPORT_HEADERS } from "@/lib/hr/export-cells";
import { streamEmployeeExport } from "@/lib/hr/export";
import { applyRosterImport } from "@/lib/roster/import";
import type { RosterRow } from "@/lib/roster/values";
import { createTestStore, createVersion, type TestStore, uniquePolicy } from "@/tests/support/db";

const hr = { employeeId: null, label: "P&O (test)" };
const department = `Exporttest ${Date.now()}`;

function row(n: number, name: string): RosterRow {
  return {
    employeeNumber: `X${n}`,
    name,
    email: `x${n}@kempenhaeghe.example`,
    department,
    manager: null,
    startDate: "2020-01-01",
    endDate: null,
  };
}

let store: TestStore;
let policy: string;
const names = [
  "=1+1",
  "Anna de Vries",
  'Bram; "Jansen"',
  ...Array.from({ length: 7 }, (_, i) => `Medewerker ${i}`),
];

beforeAll(async () => {
  store = await createTestStore();
  policy = uniquePolicy();
  await createVersion({ db: store.db, policy });
  await applyRosterImport({
    rows: names.map((name, i) => row(i + 1, name)),
    actor: hr,
    db: store.db,
  });
});
afterAll(() => store?.close());

const filter = { ...DEFAULT_FILTER, department };

async function lastExportEvent() {
  const [event] = await store.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, "hr.exported"))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return event;
}

describe("exports", () => {
  it("writes the filtered list as CSV with BOM and semicolons, a formula neutralised", async () => {
    const bytes = await buffer(
      streamEmployeeExport({
        format: "csv",
        filter,
        actor: hr,
        policy,
        batchSize: 3,
        db: store.db,
      }),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split(/\r?\n/)[0]).toBe(EXPORT_HEADERS.join(";"));
    const records = parse(text, { delimiter: ";", columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(names.length);
    const byNumber = new Map(records.map((r) => [r.Personeelsnummer, r]));
    expect(byNumber.get("X1")?.Naam).toBe("'=1+1");
    expect(byNumber.get("X3")?.Naam).toBe('Bram; "Jansen"');
    expect(byNumber.get("X2")?.Status).toBe("Openstaand");

    const event = await lastExportEvent();
    expect(event.data).toMatchObject({
      format: "csv",
      rows: names.length,
      filter: `afdeling=${encodeURIComponent(department).replace(/%20/g, "+")}`,
    });
  });

  it("writes the same rows as XLSX, a formula neutralised as text", async () => {
    const bytes = await buffer(
      streamEmployeeExport({
        format: "xlsx",
        filter,
        actor: hr,
        policy,
        batchSize: 4,
        db: store.db,
      }),
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs types its Buffer against an older @types/node.
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Medewerkers")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.rowCount).toBe(names.length + 1);
    const cells = sheet.getColumn(2).values.slice(2);
    expect(cells).toContain("'=1+1");
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
    expect((await lastExportEvent()).data).toMatchObject({ format: "xlsx", rows: names.length });
    expect(await verifyAuditChain({ db: store.db })).toMatchObject({ ok: true });
  });
});
