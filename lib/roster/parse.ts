// Reading a roster file (CSV or XLSX, as HR systems such as AFAS export them) into validated rows.
// Streaming throughout: the file is read in chunks and only the validated rows are kept, so a
// 50,000-row file is never held twice in memory. All-or-nothing: any bad row makes the whole
// file fail, with every problem listed by line.
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable, pipeline } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { type ColumnMap, mapColumns, type RosterField } from "./columns";
import { type CellValue, MAX_ROWS, readRow, type RosterRow } from "./values";

export type { RosterRow } from "./values";

/** Something that can be read from the start, more than once (a file, an uploaded Blob). */
export type RosterSource = {
  /** The file name as uploaded; its extension decides CSV or XLSX. */
  name: string;
  /** Size in bytes, for progress; null when unknown. */
  size: number | null;
  open: () => AsyncIterable<Uint8Array>;
};

export type RosterIssue = { line: number | null; message: string };

export type ParseProgress = {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number | null;
};

export type RosterFormat = "csv" | "xlsx";
export type TextEncoding = "utf-8" | "windows-1252";

export type ParseResult =
  | {
      ok: true;
      rows: RosterRow[];
      /** Things HR should know that do not stop the import (e.g. ignored columns). Dutch. */
      notices: string[];
      format: RosterFormat;
      encoding: TextEncoding | null;
      delimiter: string | null;
    }
  | {
      ok: false;
      /** The first maxErrors problems, in file order. */
      errors: RosterIssue[];
      /** How many problems there were in all. */
      errorCount: number;
      notices: string[];
    };

const DEFAULT_MAX_ERRORS = 500;
const PROGRESS_EVERY = 1_000;

/** "Regel 12: E-mailadres ontbreekt." */
export function formatIssue(issue: RosterIssue): string {
  return issue.line === null ? issue.message : `Regel ${issue.line}: ${issue.message}`;
}

export function rosterSourceFromPath(file: string): RosterSource {
  return {
    name: path.basename(file),
    size: statSync(file).size,
    open: () => createReadStream(file, { highWaterMark: 64 * 1024 }),
  };
}

/** An uploaded file (FormData gives a File): Blob.stream() can be opened again for a second pass. */
export function rosterSourceFromBlob(blob: Blob, name: string): RosterSource {
  return {
    name,
    size: blob.size,
    open: () => blob.stream() as unknown as AsyncIterable<Uint8Array>,
  };
}

export function detectFormat(name: string): RosterFormat | null {
  const extension = path.extname(name).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".csv" || extension === ".txt") return "csv";
  return null;
}

class Collector {
  readonly rows: RosterRow[] = [];
  readonly errors: RosterIssue[] = [];
  readonly notices: string[] = [];
  errorCount = 0;
  rowsRead = 0;
  bytesRead = 0;
  private readonly seen = new Map<string, number>();
  private columns: ColumnMap | null = null;

  constructor(
    private readonly maxErrors: number,
    private readonly totalBytes: number | null,
    private readonly onProgress?: (progress: ParseProgress) => void,
  ) {}

  problem(line: number | null, message: string) {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ line, message });
  }

  get hasHeader() {
    return this.columns !== null;
  }

  header(cells: CellValue[], line: number): boolean {
    this.columns = mapColumns(
      cells.map((cell) => (typeof cell === "string" ? cell : String(cell ?? ""))),
    );
    for (const message of this.columns.problems) this.problem(line, message);
    if (this.columns.ignored.length) {
      this.notices.push(
        `Deze kolommen worden genegeerd: ${this.columns.ignored.map((name) => `"${name}"`).join(", ")}.`,
      );
    }
    return this.columns.problems.length === 0;
  }

  record(cells: CellValue[], line: number) {
    const columns = this.columns!;
    const byField = new Map<RosterField, CellValue>();
    let empty = true;
    for (const [index, field] of columns.fields) {
      const value = cells[index];
      byField.set(field, value);
      if (value !== null && value !== undefined && String(value).trim() !== "") empty = false;
    }
    // Spreadsheets often end with rows of empty cells (";;;;"): not a person, not an error.
    if (
      empty &&
      cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === "")
    )
      return;
    this.rowsRead++;
    if (this.rowsRead > MAX_ROWS) {
      if (this.rowsRead === MAX_ROWS + 1)
        this.problem(
          line,
          `Het bestand heeft meer dan ${MAX_ROWS.toLocaleString("nl-NL")} medewerkers; splits het niet, maar neem contact op met de beheerder.`,
        );
      return;
    }
    const result = readRow(byField);
    if (result.problems) {
      for (const message of result.problems) this.problem(line, message);
    } else {
      const earlier = this.seen.get(result.row.employeeNumber);
      if (earlier !== undefined) {
        this.problem(
          line,
          `Personeelsnummer ${result.row.employeeNumber} staat ook op regel ${earlier}.`,
        );
      } else {
        this.seen.set(result.row.employeeNumber, line);
        // Once the file is known to be bad the rows are no longer needed.
        if (this.errorCount === 0) this.rows.push(result.row);
      }
    }
    if (this.errorCount > 0) this.rows.length = 0;
    if (this.rowsRead % PROGRESS_EVERY === 0) this.progress();
  }

  progress() {
    this.onProgress?.({
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
    });
  }

  result(
    format: RosterFormat,
    encoding: TextEncoding | null,
    delimiter: string | null,
  ): ParseResult {
    this.progress();
    if (!this.hasHeader && this.errorCount === 0) this.problem(null, "Het bestand is leeg.");
    else if (this.errorCount === 0 && this.rowsRead === 0)
      this.problem(null, "Het bestand bevat alleen kolomkoppen en geen medewerkers.");
    if (this.errorCount > 0) {
      return {
        ok: false,
        errors: this.errors,
        errorCount: this.errorCount,
        notices: this.notices,
      };
    }
    return { ok: true, rows: this.rows, notices: this.notices, format, encoding, delimiter };
  }
}

class NotUtf8 extends Error {}

/** Bytes → text. UTF-8 is strict, so a Windows-1252 file is noticed and read again as such. */
async function* decode(
  source: RosterSource,
  encoding: TextEncoding,
  counter: { bytesRead: number },
): AsyncGenerator<string> {
  if (encoding === "utf-8") {
    // Strips a BOM; throws on the first invalid byte sequence.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    try {
      for await (const chunk of source.open()) {
        counter.bytesRead += chunk.byteLength;
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (error) {
      if (error instanceof TypeError) throw new NotUtf8();
      throw error;
    }
    return;
  }
  const decoder = iconv.getDecoder("win1252");
  for await (const chunk of source.open()) {
    counter.bytesRead += chunk.byteLength;
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The separator is whichever of ; , tab occurs most in the header line (outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

async function parseCsvSource(
  source: RosterSource,
  encoding: TextEncoding,
  collector: Collector,
): Promise<{ delimiter: string | null }> {
  const text = decode(source, encoding, collector);
  // Read until the first line is complete, to pick the separator; then replay it to the parser.
  const buffered: string[] = [];
  let head = "";
  while (!head.includes("\n")) {
    const next = await text.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
    if (head.length > 1_000_000) break;
  }
  const firstLine =
    head
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((line) => line.trim()) ?? "";
  return parseCsvFrom(buffered, text, detectDelimiter(firstLine), collector);
}

async function parseCsvFrom(
  buffered: string[],
  rest: AsyncGenerator<string>,
  delimiter: string,
  collector: Collector,
): Promise<{ delimiter: string }> {
  async function* all() {
    yield* buffered;
    yield* rest;
  }
  let parsedEnd = 0;
  let parsedEmpty = 0;
  const parser = parseCsv({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Called as each record is parsed, ahead of the consumer: tells where a broken record starts.
    on_record: (record: string[], context: { lines: number; empty_lines: number }) => {
      parsedEnd = context.lines;
      parsedEmpty = context.empty_lines;
      return record;
    },
    // Excel writes "=""0012""" for text that looks like a number; that is rare enough to leave alone.
  });
  pipeline(Readable.from(all()), parser, () => {});
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      // info.lines is where the record ends; a quoted field with newlines starts earlier.
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      if (!collector.hasHeader) {
        if (record.every((cell) => cell.trim() === "")) continue;
        if (!collector.header(record, line)) break;
      } else {
        collector.record(record, line);
      }
    }
  } catch (error) {
    if (error instanceof NotUtf8) throw error;
    const code = (error as { code?: string }).code;
    const lines = (error as { lines?: number }).lines ?? null;
    const emptyLines = (error as { empty_lines?: number }).empty_lines ?? parsedEmpty;
    if (code === "CSV_QUOTE_NOT_CLOSED") {
      collector.problem(
        parsedEnd + 1 + (emptyLines - parsedEmpty),
        'Een aanhalingsteken (") wordt geopend maar nergens gesloten; het bestand is vanaf hier onleesbaar.',
      );
    } else if (code === "INVALID_OPENING_QUOTE" || code === "CSV_INVALID_CLOSING_QUOTE") {
      collector.problem(
        lines,
        'Een aanhalingsteken (") staat midden in een veld. Zet het veld tussen aanhalingstekens en verdubbel het teken ("").',
      );
    } else if (code?.startsWith("CSV_")) {
      collector.problem(lines, `Het bestand is geen leesbare CSV (${code}).`);
    } else {
      throw error;
    }
  }
  return { delimiter };
}

async function parseXlsxSource(source: RosterSource, collector: Collector) {
  async function* counted() {
    for await (const chunk of source.open()) {
      collector.bytesRead += chunk.byteLength;
      yield chunk;
    }
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(counted()), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Needed to tell date cells from numbers: with styles, exceljs gives dates as Date.
    styles: "cache",
    entries: "ignore",
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const cells = (row.values as CellValue[]).slice(1);
        if (!collector.hasHeader) {
          if (
            cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === "")
          )
            continue;
          const headers = cells.map((cell) => {
            if (
              cell &&
              typeof cell === "object" &&
              !(cell instanceof Date) &&
              Array.isArray(cell.richText)
            )
              return (cell.richText as { text: string }[]).map((part) => part.text).join("");
            return cell === null || cell === undefined ? "" : String(cell);
          });
          if (!collector.header(headers, row.number)) return;
        } else {
          collector.record(cells, row.number);
        }
      }
      // Only the first worksheet is the roster.
      break;
    }
  } catch (error) {
    // exceljs's own message (zip internals) means nothing to HR.
    console.warn("[roster] unreadable XLSX:", (error as Error).message);
    collector.problem(null, "Het bestand is geen leesbaar Excel-bestand (.xlsx).");
  }
}

/**
 * Read and validate a roster file. Never throws for bad content: problems come back in the result.
 * A CSV that is not valid UTF-8 is read a second time as Windows-1252 (Excel's "CSV" on Windows).
 */
export async function parseRosterFile({
  source,
  format = detectFormat(source.name),
  onProgress,
  maxErrors = DEFAULT_MAX_ERRORS,
}: {
  source: RosterSource;
  format?: RosterFormat | null;
  onProgress?: (progress: ParseProgress) => void;
  maxErrors?: number;
}): Promise<ParseResult> {
  if (!format) {
    const extension = path.extname(source.name).toLowerCase();
    return {
      ok: false,
      errorCount: 1,
      notices: [],
      errors: [
        {
          line: null,
          message:
            extension === ".xls"
              ? "Oude Excel-bestanden (.xls) worden niet ondersteund. Sla het bestand op als Excel-werkmap (.xlsx) of als CSV."
              : `Bestanden van het type "${extension || "zonder extensie"}" worden niet ondersteund. Gebruik CSV (.csv) of Excel (.xlsx).`,
        },
      ],
    };
  }
  if (format === "xlsx") {
    const collector = new Collector(maxErrors, source.size, onProgress);
    await parseXlsxSource(source, collector);
    return collector.result("xlsx", null, null);
  }
  for (const encoding of ["utf-8", "windows-1252"] as const) {
    const collector = new Collector(maxErrors, source.size, onProgress);
    try {
      const { delimiter } = await parseCsvSource(source, encoding, collector);
      return collector.result("csv", encoding, delimiter);
    } catch (error) {
      if (!(error instanceof NotUtf8)) throw error;
    }
  }
  throw new Error("unreachable: Windows-1252 decodes every byte");
}
