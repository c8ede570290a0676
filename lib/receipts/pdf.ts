import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import {
  RECEIPT_HASH_NOTE,
  RECEIPT_TITLE,
  receiptRows,
  receiptStatement,
  type ReceiptFacts,
} from "./labels";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.06, 0.31, 0.34);
const LABEL_WIDTH = 170;

// Noto Sans (SIL Open Font License, see fonts/OFL.txt) covers Latin, Greek, Cyrillic and
// Vietnamese, so every employee's name prints as written; PDF's standard fonts only know WinAnsi.
// Read from the project directory, where `next start` runs, and kept for the process's lifetime.
const FONT_DIR = path.join(process.cwd(), "lib", "receipts", "fonts");
type FontBytes = { regular: Uint8Array; bold: Uint8Array; mono: Uint8Array };
let fontBytes: Promise<FontBytes> | undefined;

function loadFontBytes(): Promise<FontBytes> {
  const read = (file: string) => readFile(path.join(FONT_DIR, file));
  fontBytes ??= Promise.all([
    read("NotoSans-Regular.ttf"),
    read("NotoSans-Bold.ttf"),
    read("NotoSansMono-Regular.ttf"),
  ]).then(
    ([regular, bold, mono]) => ({ regular, bold, mono }),
    (error: unknown) => {
      // Do not cache a failure: the next receipt tries again.
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}

/**
 * A one-page A4 receipt. pdf-lib writes the PDF directly (no headless browser on the server).
 * Fonts are embedded as subsets, so a receipt stays small (about 30 KB).
 */
export async function renderReceiptPdf(receipt: ReceiptFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${RECEIPT_TITLE} – versie ${receipt.versionNumber}`);
  pdf.setAuthor("Kempenhaeghe");
  pdf.setSubject(receipt.policyTitle);
  pdf.setLanguage("nl-NL");
  pdf.setCreationDate(receipt.acknowledgedAt);
  pdf.setModificationDate(receipt.acknowledgedAt);

  const bytes = await loadFontBytes();
  const [regular, bold, mono] = await Promise.all([
    pdf.embedFont(bytes.regular, { subset: true }),
    pdf.embedFont(bytes.bold, { subset: true }),
    pdf.embedFont(bytes.mono, { subset: true }),
  ]);

  const page = pdf.addPage(A4);
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
  write(RECEIPT_TITLE, bold, 22);
  y -= 4;
  write(receiptStatement(receipt), regular, 11);
  y -= 14;

  for (const row of receiptRows(receipt)) {
    if (row.kind === "code") {
      // Machine values get the full width, so the 64-character hash stays on one line.
      write(row.label, bold, 10.5, rgb(0.2, 0.2, 0.2));
      write(row.value, mono, 9.5);
      y -= 6;
      continue;
    }
    const top = y;
    write(row.label, bold, 10.5, rgb(0.2, 0.2, 0.2), LABEL_WIDTH - 8);
    const afterLabel = y;
    y = top;
    write(row.value, regular, 10.5, rgb(0, 0, 0), width - LABEL_WIDTH, MARGIN + LABEL_WIDTH);
    if (row.href)
      write(
        `Te lezen in het portaal: ${row.href}`,
        regular,
        9.5,
        rgb(0.3, 0.3, 0.3),
        width - LABEL_WIDTH,
        MARGIN + LABEL_WIDTH,
      );
    y = Math.min(y, afterLabel) - 6;
  }

  y -= 10;
  write(RECEIPT_HASH_NOTE, regular, 9.5, rgb(0.3, 0.3, 0.3));
  return pdf.save();
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.normalize("NFC").split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line is broken by characters.
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
