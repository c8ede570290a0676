// Turning one spreadsheet row into a roster row, with Dutch reasons for what is wrong with it.
import { FIELD_LABELS, type RosterField } from "./columns";

/** What a cell can hold once read: text (CSV), or whatever exceljs made of an XLSX cell. */
export type CellValue =
  string | number | boolean | Date | null | undefined | { [key: string]: unknown };

export type RosterRow = {
  employeeNumber: string;
  name: string;
  email: string;
  department: string;
  manager: string | null;
  /** YYYY-MM-DD */
  startDate: string | null;
  /** YYYY-MM-DD */
  endDate: string | null;
};

/** More than any Dutch care organisation employs; a bigger file is a mistake (or an attack). */
export const MAX_ROWS = 100_000;
const MAX_TEXT = 200;
const EMPLOYEE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,39}$/u;
// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mail server's concern.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

/** Text of a cell as a person would read it in Excel, on one line (a quoted CSV field may hold newlines). */
export function cellText(value: CellValue): string {
  return rawCellText(value).replace(/\s+/g, " ").trim();
}

function rawCellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(value).trim();
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (value instanceof Date) return isoDate(value) ?? "";
  // exceljs: rich text, hyperlinks (an email cell usually is one), formulas with a cached result.
  if (Array.isArray(value.richText))
    return (value.richText as { text?: string }[])
      .map((part) => part.text ?? "")
      .join("")
      .trim();
  if (typeof value.text === "string") return value.text.trim();
  if ("result" in value) return cellText(value.result as CellValue);
  if (typeof value.error === "string") return value.error;
  return "";
}

function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // exceljs gives date cells as UTC midnight of the calendar day shown in Excel.
  return date.toISOString().slice(0, 10);
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

// Excel's day 0 is 1899-12-30 (it counts the non-existent 29 February 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell as YYYY-MM-DD: dd-mm-jjjj, d/m/jjjj, dd.mm.jjjj, jjjj-mm-dd, an Excel date or serial. Null when unreadable. */
export function parseDateCell(value: CellValue): string | null {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "number") {
    if (value < 1 || value > 200_000) return null;
    return isoDate(new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000));
  }
  if (value && typeof value === "object" && !(value instanceof Date) && "result" in value)
    return parseDateCell(value.result as CellValue);
  // A time of midnight is what many exports append to a date.
  const text = cellText(value).replace(/[ T]0{1,2}:00(:00(\.0+)?)?Z?$/, "");
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return validDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/**
 * One data row, by field. Returns the row, or the problems with it (Dutch, without the line
 * number: the caller puts "Regel n: " in front).
 */
export function readRow(
  cells: Map<RosterField, CellValue>,
): { row: RosterRow; problems?: undefined } | { row?: undefined; problems: string[] } {
  const problems: string[] = [];
  const text = (field: RosterField) => cellText(cells.get(field));
  const tooLong = (field: RosterField, value: string) => {
    if (value.length > MAX_TEXT)
      problems.push(`${capital(FIELD_LABELS[field])} is te lang (meer dan ${MAX_TEXT} tekens).`);
  };

  const employeeNumber = text("employeeNumber");
  if (!employeeNumber) problems.push("Personeelsnummer ontbreekt.");
  else if (!EMPLOYEE_NUMBER.test(employeeNumber))
    problems.push(
      `Personeelsnummer "${employeeNumber}" is ongeldig (alleen letters, cijfers, punt, streepje, liggend streepje en schuine streep, hoogstens 40 tekens).`,
    );

  const name =
    text("name") || [text("firstName"), text("infix"), text("lastName")].filter(Boolean).join(" ");
  if (!name) problems.push("Naam ontbreekt.");
  tooLong("name", name);

  const email = text("email").replace(/^mailto:/i, "");
  if (!email) problems.push("E-mailadres ontbreekt.");
  else if (email.length > 254 || !EMAIL.test(email))
    problems.push(`E-mailadres "${email}" is ongeldig.`);

  const department = text("department");
  if (!department) problems.push("Afdeling ontbreekt.");
  tooLong("department", department);

  const manager = text("manager") || null;
  if (manager) tooLong("manager", manager);

  const date = (field: "startDate" | "endDate") => {
    const raw = cells.get(field);
    if (cellText(raw) === "") return null;
    const parsed = parseDateCell(raw);
    if (!parsed)
      problems.push(
        `${capital(FIELD_LABELS[field])} "${cellText(raw)}" is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).`,
      );
    return parsed;
  };
  const startDate = date("startDate");
  const endDate = date("endDate");
  if (startDate && endDate && endDate < startDate)
    problems.push(
      `De einddatum (${dutchDay(endDate)}) ligt voor de startdatum (${dutchDay(startDate)}).`,
    );

  if (problems.length) return { problems };
  return { row: { employeeNumber, name, email, department, manager, startDate, endDate } };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** YYYY-MM-DD → dd-mm-jjjj, as HR writes dates. */
export function dutchDay(iso: string): string {
  return iso.split("-").reverse().join("-");
}
