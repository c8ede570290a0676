// What one exported row looks like, shared by the CSV and the XLSX export. Pure, so it is
// unit-tested without a database.
import type { EmployeeListRow } from "./employee-list";
import { STATUS_LABELS } from "./employee-list";

/** The export's columns, in order, with their Dutch headers. */
export const EXPORT_COLUMNS = [
  { key: "employeeNumber", header: "Personeelsnummer", width: 16 },
  { key: "name", header: "Naam", width: 30 },
  { key: "email", header: "E-mailadres", width: 32 },
  { key: "department", header: "Afdeling", width: 28 },
  { key: "status", header: "Status", width: 14 },
  { key: "acknowledgedVersion", header: "Bevestigde versie", width: 12 },
  { key: "acknowledgedAt", header: "Bevestigd op", width: 18 },
  { key: "leftAt", header: "Uit dienst sinds", width: 18 },
  { key: "lastSignInAt", header: "Laatst aangemeld", width: 18 },
] as const;

export const EXPORT_HEADERS: string[] = EXPORT_COLUMNS.map((column) => column.header);

// A spreadsheet reads a cell starting with one of these as a formula (or, for tab and CR, lets it
// slip past a check for one): OWASP's CSV-injection list.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will not run: a leading formula character gets a `'` before it. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2027-03-12 14:05" in Amsterdam time: sortable, and Excel recognises it as a date. */
export function exportDateTime(value: Date | null): string {
  return value ? dateTime.format(value) : "";
}

/** One row as the export's cells, every text cell neutralised. */
export function exportCells(row: EmployeeListRow): string[] {
  return [
    row.employeeNumber ?? "",
    row.name,
    row.email ?? "",
    row.department ?? "",
    STATUS_LABELS[row.status],
    row.acknowledgedVersionNumber == null ? "" : String(row.acknowledgedVersionNumber),
    exportDateTime(row.acknowledgedAt),
    exportDateTime(row.leftAt),
    exportDateTime(row.lastSignInAt),
  ].map(neutralizeCell);
}

/** "medewerkers-2027-03-12.csv": the Amsterdam date of the export. */
export function exportFileName(format: "csv" | "xlsx", now: Date): string {
  return `medewerkers-${exportDateTime(now).slice(0, 10)}.${format}`;
}
