import "server-only";

import { once } from "node:events";
import { PassThrough, type Readable, type Writable } from "node:stream";
import { format as csvFormat } from "@fast-csv/format";
import ExcelJS from "exceljs";
import { appendAuditEvent } from "@/lib/audit/events";
import { type Db, getDb } from "@/lib/db/client";
import {
  type EmployeeListFilter,
  employeeListSearchParams,
  streamEmployees,
} from "./employee-list";
import { EXPORT_COLUMNS, EXPORT_HEADERS, exportCells } from "./export-cells";

export type ExportFormat = "csv" | "xlsx";

export type ExportActor = { employeeId: number | null; label: string };

type ExportOptions = {
  format: ExportFormat;
  filter: EmployeeListFilter;
  actor: ExportActor;
  now?: Date;
  batchSize?: number;
  /** Defaults to the portal's guideline. */
  policy?: string;
  db?: Db;
};

/** Wait until `stream` wants more, so a slow download holds one batch, not the whole list. */
async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, "drain");
}

/**
 * The filtered list as a file, streamed: rows come from the database a batch at a time (keyset,
 * lib/hr/employee-list.ts) and go out as they are formatted, so memory stays flat however many
 * employees there are. The audit event (who, which filter, how many rows) is written before the
 * file's last bytes: a download that completes has its audit row.
 */
export function streamEmployeeExport({
  format,
  filter,
  actor,
  now = new Date(),
  batchSize = 1000,
  policy,
  db,
}: ExportOptions): Readable {
  const out = new PassThrough();
  const run = format === "csv" ? writeCsv : writeXlsx;
  run({ out, filter, now, batchSize, policy, db, actor, format }).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

type Writer = Omit<ExportOptions, "now" | "batchSize"> & {
  out: PassThrough;
  now: Date;
  batchSize: number;
};

async function writeCsv({ out, filter, now, batchSize, policy, db, actor, format }: Writer) {
  // UTF-8 with BOM and semicolons: what Dutch Excel opens without an import wizard.
  const csv = csvFormat({
    delimiter: ";",
    writeBOM: true,
    headers: EXPORT_HEADERS,
    alwaysWriteHeaders: true,
  });
  csv.pipe(out);
  let rows = 0;
  for await (const row of streamEmployees({ filter, now, batchSize, policy, db })) {
    if (!csv.write(exportCells(row))) await once(csv, "drain");
    rows++;
  }
  await recordExport({ db, actor, filter, format, rows });
  csv.end();
}

async function writeXlsx({ out, filter, now, batchSize, policy, db, actor, format }: Writer) {
  // No shared strings and no styles: both would be held in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  workbook.creator = "Beleidsportaal Kempenhaeghe";
  workbook.created = now;
  const sheet = workbook.addWorksheet("Medewerkers");
  sheet.columns = EXPORT_COLUMNS.map(({ key, header, width }) => ({ key, header, width }));
  let rows = 0;
  for await (const row of streamEmployees({ filter, now, batchSize, policy, db })) {
    sheet.addRow(exportCells(row)).commit();
    rows++;
    if (rows % batchSize === 0) await drained(out);
  }
  sheet.commit();
  await recordExport({ db, actor, filter, format, rows });
  await workbook.commit();
}

async function recordExport({
  db,
  actor,
  filter,
  format,
  rows,
}: {
  db?: Db;
  actor: ExportActor;
  filter: EmployeeListFilter;
  format: ExportFormat;
  rows: number;
}) {
  const executor = db ?? (await getDb());
  // The filter as the list's URL shows it, without the page: the export ignores paging.
  const query = employeeListSearchParams(filter, { page: 1 });
  query.delete("per");
  await executor.transaction((tx) =>
    appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId,
      actorLabel: actor.label,
      action: "hr.exported",
      subjectType: "employee_list",
      data: { format, filter: query.toString(), rows },
    }),
  );
}
