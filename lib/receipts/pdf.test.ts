// The PDF receipt, read back by a real PDF text extractor (poppler's pdftotext), as a person's
// PDF viewer or P&O's archive would read it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HASH_LABEL, RECEIPT_TITLE, receiptRows } from "./labels";
import { renderReceiptPdf } from "./pdf";

const dir = mkdtempSync(path.join(tmpdir(), "receipt-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HASH = "3f0c9a1be24d5c6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";

function receiptFor(employeeName: string, department: string | null = "Zorg – Cluster Noord") {
  return {
    reference: "sociale-media-v3-17",
    employeeName,
    department,
    policyTitle: "Gebruik van sociale media",
    versionNumber: 3,
    versionSummary: "Nieuwe regel over cliëntgegevens; „citaten” en ‘aanhalingstekens’",
    publishedAt: new Date("2027-03-12T13:05:00Z"),
    acknowledgedAt: new Date("2027-03-14T08:30:00Z"),
    contentHash: HASH,
  };
}

function pdfToText(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(
        "pdftotext is needed to read the receipt back: install poppler-utils (apt-get install -y poppler-utils).",
      );
    throw error;
  }
}

describe("the PDF receipt", () => {
  for (const name of ["Łukasz Wiśniewski", "Şükrü Yılmaz", "Zoë Ørsted", "Nguyễn Thị Minh"]) {
    it(`prints "${name}" as written, in the statement and the facts`, async () => {
      const text = pdfToText(await renderReceiptPdf(receiptFor(name)), name.replace(/\W/g, "_"));
      // Wrapped lines are joined: a value may run over two lines.
      const normalized = text.normalize("NFC").replace(/\s+/g, " ");
      // Once in the statement, once in the "Medewerker" row.
      expect(normalized.split(name).length - 1).toBe(2);
      expect(normalized).not.toContain("?");
      expect(normalized).toContain("Zorg – Cluster Noord");
      expect(normalized).toContain("„citaten” en ‘aanhalingstekens’");
    });
  }

  it("keeps the SHA-256 on one line and carries the same labels as the web receipt", async () => {
    const text = pdfToText(await renderReceiptPdf(receiptFor("Sanne de Vries", null)), "labels");
    const lines = text.split("\n").map((line) => line.trim());
    expect(lines).toContain(HASH);
    expect(text).toContain(RECEIPT_TITLE);
    const flat = text.replace(/\s+/g, " ");
    for (const row of receiptRows(receiptFor("Sanne de Vries", null))) {
      expect(flat).toContain(row.label);
    }
    expect(text).toContain(HASH_LABEL);
  });

  it("says what was confirmed: the full text of the version, with its hash and its address", async () => {
    const text = pdfToText(await renderReceiptPdf(receiptFor("Sanne de Vries")), "confirmed");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(
      "Sanne de Vries heeft bevestigd de richtlijnen voor het gebruik van sociale media te hebben gelezen en begrepen: de volledige tekst van versie 3.",
    );
    expect(flat).toContain("Bevestigde tekst De volledige tekst van versie 3");
    expect(flat).toContain("/richtlijnen/versie/3/volledig");
    expect(flat).toMatch(new RegExp(`${HASH_LABEL} ${HASH}`));
  });

  it("embeds subsets of the fonts, not whole fonts", async () => {
    const bytes = await renderReceiptPdf(receiptFor("Nguyễn Thị Minh"));
    // The three full fonts are 1.5 MB together.
    expect(bytes.byteLength).toBeLessThan(150_000);
    writeFileSync(path.join(dir, "fonts.pdf"), bytes);
    const fonts = execFileSync("pdffonts", [path.join(dir, "fonts.pdf")], { encoding: "utf8" });
    for (const font of ["NotoSans-Regular", "NotoSans-Bold", "NotoSansMono-Regular"])
      expect(fonts).toMatch(new RegExp(`^${font}\\S*\\s+CID TrueType\\s+Identity-H\\s+yes`, "m"));
  });
});
