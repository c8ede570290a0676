import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { BAD_FILES } from "./__fixtures__/bad-files";
import {
  formatIssue,
  type ParseProgress,
  parseRosterFile,
  type RosterSource,
  rosterSourceFromBlob,
  rosterSourceFromPath,
} from "./parse";

function source(name: string, content: string | Uint8Array): RosterSource {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return rosterSourceFromBlob(new Blob([new Uint8Array(bytes)]), name);
}

async function rowsOf(name: string, content: string | Uint8Array) {
  const result = await parseRosterFile({ source: source(name, content) });
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join("\n"));
  return result;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "roster-parse-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("a roster file that must be refused, with every problem in Dutch", () => {
  for (const bad of BAD_FILES) {
    it(`refuses ${bad.title}`, async () => {
      const result = await parseRosterFile({ source: source(bad.name, bad.content) });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual(bad.errors);
      expect(result.errorCount).toBe(bad.errors.length);
    });
  }

  it("formats a problem with its line number", () => {
    expect(formatIssue({ line: 12, message: "E-mailadres ontbreekt." })).toBe(
      "Regel 12: E-mailadres ontbreekt.",
    );
    expect(formatIssue({ line: null, message: "Het bestand is leeg." })).toBe(
      "Het bestand is leeg.",
    );
  });

  it("lists at most maxErrors problems but counts them all", async () => {
    const lines = ["Personeelsnummer,Naam,E-mail,Afdeling"];
    for (let n = 1; n <= 30; n++) lines.push(`${n},Naam ${n},fout,ICT`);
    const result = await parseRosterFile({
      source: source("veel.csv", lines.join("\n")),
      maxErrors: 10,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(10);
    expect(result.errorCount).toBe(30);
    expect(result.errors[0]).toEqual({ line: 2, message: 'E-mailadres "fout" is ongeldig.' });
  });
});

const EXPECTED_JAN = {
  employeeNumber: "0012",
  name: "Jan de Vries",
  email: "jan.devries@kempenhaeghe.example",
  department: "Epilepsiezorg – Kinderen",
  manager: "Zoë Smits",
  startDate: "2020-02-01",
  endDate: null,
};

describe("a good roster file, however HR's system wrote it", () => {
  it("reads comma-separated UTF-8 with English headers and ignores unknown columns", async () => {
    const result = await rowsOf(
      "roster.csv",
      "Employee number,Name,Email,Department,Manager,Start date,Job title\n" +
        '0012,Jan de Vries,jan.devries@kempenhaeghe.example,Epilepsiezorg – Kinderen,Zoë Smits,2020-02-01,"Verpleegkundige, senior"\n',
    );
    expect(result.rows).toEqual([EXPECTED_JAN]);
    expect(result).toMatchObject({ encoding: "utf-8", delimiter: "," });
    expect(result.notices).toEqual(['Deze kolommen worden genegeerd: "Job title".']);
  });

  it("reads semicolon-separated UTF-8 with a BOM, CRLF and Dutch headers in any case and accents", async () => {
    const result = await rowsOf(
      "personeel.csv",
      "\uFEFFPERSONEELSNUMMER ; naam;E-MAILADRES;Afdéling;Leidinggevende;Datum in dienst;Datum uit dienst\r\n" +
        "0012;Jan de Vries;jan.devries@kempenhaeghe.example;Epilepsiezorg – Kinderen;Zoë Smits;01-02-2020;\r\n",
    );
    expect(result.rows).toEqual([EXPECTED_JAN]);
    expect(result).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(result.notices).toEqual([]);
  });

  it("reads Windows-1252 (Excel's CSV on Windows) and keeps the accents", async () => {
    const text =
      "Personeelsnummer;Naam;E-mail;Afdeling;Leidinggevende;Startdatum\r\n" +
      "0012;Jan de Vries;jan.devries@kempenhaeghe.example;Epilepsiezorg – Kinderen;Zoë Smits;1-2-2020\r\n" +
      "0013;Chloé Maës;chloe.maes@kempenhaeghe.example;Ondersteunende diensten – Financiën;;\r\n";
    const result = await rowsOf("personeel.csv", iconv.encode(text, "win1252"));
    expect(result.encoding).toBe("windows-1252");
    expect(result.rows[0]).toEqual(EXPECTED_JAN);
    expect(result.rows[1]).toMatchObject({
      name: "Chloé Maës",
      department: "Ondersteunende diensten – Financiën",
    });
  });

  it("reads quoted fields with separators, doubled quotes and newlines, on one line each", async () => {
    const result = await rowsOf(
      "quotes.csv",
      'Personeelsnummer;Naam;E-mail;Afdeling\n0012;"Jan ""Johnny""\nde Vries";jan@kempenhaeghe.example;"Onderwijs; De\r\nBerkenschutse"\n',
    );
    expect(result.rows).toEqual([
      expect.objectContaining({
        name: 'Jan "Johnny" de Vries',
        department: "Onderwijs; De Berkenschutse",
      }),
    ]);
  });

  it("builds the name from first name, infix and last name", async () => {
    const result = await rowsOf(
      "afas.csv",
      "Medewerker code;Voornaam;Tussenvoegsel;Achternaam;E-mail werk;Organisatorische eenheid\n" +
        "0012;Jan;de;Vries;jan.devries@kempenhaeghe.example;Slaapgeneeskunde\n" +
        "0013;Els;;Smit;els.smit@kempenhaeghe.example;Slaapgeneeskunde\n",
    );
    expect(result.rows.map((row) => row.name)).toEqual(["Jan de Vries", "Els Smit"]);
  });

  it("reads tab-separated files and skips trailing empty rows", async () => {
    const result = await rowsOf(
      "tab.txt",
      "Personeelsnummer\tNaam\tE-mail\tAfdeling\n0012\tJan\tjan@kempenhaeghe.example\tICT\n\t\t\t\n\n",
    );
    expect(result.delimiter).toBe("\t");
    expect(result.rows).toHaveLength(1);
  });

  it("reads an XLSX workbook with date cells, numbers, hyperlinks and rich text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Medewerkers");
    sheet.addRow([
      "Personeelsnummer",
      "Naam",
      "E-mailadres",
      "Afdeling",
      "Leidinggevende",
      "Datum in dienst",
      "Einddatum",
      "Functie",
    ]);
    sheet.addRow([
      "0012",
      { richText: [{ text: "Jan " }, { text: "de Vries", font: { bold: true } }] },
      {
        text: "jan.devries@kempenhaeghe.example",
        hyperlink: "mailto:jan.devries@kempenhaeghe.example",
      },
      "Epilepsiezorg – Kinderen",
      "Zoë Smits",
      new Date(Date.UTC(2020, 1, 1)),
      null,
      "Verpleegkundige",
    ]);
    sheet.addRow([
      4711,
      "Els Smit",
      "els.smit@kempenhaeghe.example",
      "ICT",
      null,
      43831,
      "31-12-2026",
    ]);
    sheet.getCell("F2").numFmt = "dd-mm-yyyy";
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await rowsOf("personeel.xlsx", buffer);
    expect(result.format).toBe("xlsx");
    expect(result.rows).toEqual([
      EXPECTED_JAN,
      {
        employeeNumber: "4711",
        name: "Els Smit",
        email: "els.smit@kempenhaeghe.example",
        department: "ICT",
        manager: null,
        // Excel serial 43831 is 1 January 2020.
        startDate: "2020-01-01",
        endDate: "2026-12-31",
      },
    ]);
    expect(result.notices).toEqual(['Deze kolommen worden genegeerd: "Functie".']);
  });

  it("names the Excel row of a bad cell in an XLSX workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad1");
    sheet.addRow([]);
    sheet.addRow(["Personeelsnummer", "Naam", "E-mail", "Afdeling"]);
    sheet.addRow(["1", "Jan", "jan@kempenhaeghe.example", "ICT"]);
    sheet.addRow(["2", "Piet", "piet(at)kempenhaeghe.example", "ICT"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await parseRosterFile({ source: source("blad.xlsx", buffer) });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ line: 4, message: 'E-mailadres "piet(at)kempenhaeghe.example" is ongeldig.' }],
    });
  });
});

describe("a 50,000-row file", () => {
  it("streams: progress arrives many times while reading, and only the rows are kept", async () => {
    const file = path.join(scratch, "groot.csv");
    const out = fs.openSync(file, "w");
    fs.writeSync(
      out,
      "Personeelsnummer;Naam;E-mailadres;Afdeling;Leidinggevende;Datum in dienst\r\n",
    );
    let chunk = "";
    for (let n = 1; n <= 50_000; n++) {
      chunk += `${100_000 + n};Medewerker ${n};medewerker.${n}@kempenhaeghe.example;Afdeling ${n % 40};Leiding ${n % 40};01-0${1 + (n % 9)}-2015\r\n`;
      if (n % 5_000 === 0) {
        fs.writeSync(out, chunk);
        chunk = "";
      }
    }
    fs.closeSync(out);
    const size = fs.statSync(file).size;

    const progress: ParseProgress[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const started = performance.now();
    const result = await parseRosterFile({
      source: rosterSourceFromPath(file),
      onProgress: (event) => {
        progress.push(event);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(50_000);
    expect(result.rows[49_999]).toMatchObject({
      employeeNumber: "150000",
      startDate: "2015-06-01",
    });

    // Progress while reading, not only at the end: rows and bytes climb together.
    expect(progress.length).toBeGreaterThanOrEqual(50);
    const halfway = progress[Math.floor(progress.length / 2)];
    expect(halfway.bytesRead).toBeGreaterThan(0);
    expect(halfway.bytesRead).toBeLessThan(size);
    expect(progress.at(-1)).toEqual({ rowsRead: 50_000, bytesRead: size, totalBytes: size });
    console.info(
      `50,000 rows (${(size / 1e6).toFixed(1)} MB): ${seconds.toFixed(2)} s, heap growth at peak ${((peakHeap - heapBefore) / 1e6).toFixed(0)} MB, ${progress.length} progress events`,
    );
  }, 60_000);
});
