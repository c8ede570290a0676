import "server-only";

import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { formatDateTime } from "@/lib/format/dates";
import type { Receipt } from "./receipt";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.06, 0.31, 0.34);

/**
 * A one-page A4 receipt. pdf-lib writes the PDF directly (no headless browser on the server);
 * the standard Helvetica font covers the Dutch accented letters (WinAnsi).
 */
export async function renderReceiptPdf(receipt: Receipt): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Bewijs van bevestiging – versie ${receipt.versionNumber}`);
  pdf.setAuthor("Kempenhaeghe");
  pdf.setSubject(receipt.policyTitle);
  pdf.setLanguage("nl-NL");
  pdf.setCreationDate(receipt.acknowledgedAt);
  pdf.setModificationDate(receipt.acknowledgedAt);

  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const write = (
    text: string,
    font: PDFFont,
    size: number,
    color = rgb(0, 0, 0),
    maxWidth = width,
    x = MARGIN,
  ) => {
    for (const line of wrap(text, font, size, maxWidth)) {
      page.drawText(line, { x, y, size, font, color });
      y -= size * 1.45;
    }
  };

  write("KEMPENHAEGHE", bold, 11, BRAND);
  y -= 6;
  write("Bewijs van bevestiging", bold, 22);
  y -= 4;
  write(
    `${receipt.employeeName} heeft bevestigd de richtlijnen voor het gebruik van sociale media te hebben gelezen en begrepen.`,
    regular,
    11,
  );
  y -= 14;

  const rows: [string, string, PDFFont][] = [
    [
      "Medewerker",
      receipt.department ? `${receipt.employeeName}, ${receipt.department}` : receipt.employeeName,
      regular,
    ],
    ["Richtlijnen", receipt.policyTitle, regular],
    [
      "Versie",
      `Versie ${receipt.versionNumber}, gepubliceerd op ${formatDateTime(receipt.publishedAt)}`,
      regular,
    ],
    ["Samenvatting", receipt.versionSummary, regular],
    ["Bevestigd op", formatDateTime(receipt.acknowledgedAt), regular],
    ["SHA-256 van de tekst", receipt.contentHash, mono],
    ["Kenmerk", receipt.reference, mono],
  ];
  const labelWidth = 140;
  for (const [label, value, font] of rows) {
    const top = y;
    write(label, bold, 10.5, rgb(0.2, 0.2, 0.2), labelWidth - 8);
    const afterLabel = y;
    y = top;
    write(
      value,
      font,
      font === mono ? 9.5 : 10.5,
      rgb(0, 0, 0),
      width - labelWidth,
      MARGIN + labelWidth,
    );
    y = Math.min(y, afterLabel) - 6;
  }

  y -= 10;
  write(
    "De SHA-256 is een vingerafdruk van de volledige tekst van deze versie. P&O kan daarmee aantonen welke tekst is bevestigd.",
    regular,
    9.5,
    rgb(0.3, 0.3, 0.3),
  );
  return pdf.save();
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const safe = toWinAnsi(text);
  const lines: string[] = [];
  let line = "";
  for (const word of safe.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line (a hash) is broken by characters.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > maxWidth) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > maxWidth) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

// Standard PDF fonts only encode WinAnsi; replace what they cannot draw instead of failing.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
function toWinAnsi(text: string): string {
  return Array.from(text.normalize("NFC"))
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (
        (code >= 0x20 && code <= 0x7e) ||
        (code >= 0xa0 && code <= 0xff) ||
        WIN_ANSI_EXTRA.has(char)
      )
        return char;
      return "?";
    })
    .join("");
}
