import { formatDateTime } from "@/lib/format/dates";

/** The receipt's facts as both the web page and the PDF show them: one list, so they never differ. */
export type ReceiptFacts = {
  reference: string;
  employeeName: string;
  department: string | null;
  policyTitle: string;
  versionNumber: number;
  versionSummary: string;
  publishedAt: Date;
  acknowledgedAt: Date;
  contentHash: string;
};

export type ReceiptRow = {
  label: string;
  value: string;
  /** "code": machine values (hash, reference), set in a monospaced font and never wrapped. */
  kind: "text" | "code";
  /** The portal address of what the value names (the web receipt links it, the PDF prints it). */
  href?: string;
};

export const RECEIPT_TITLE = "Bewijs van bevestiging";
export const HASH_LABEL = "SHA-256 van de getoonde tekst";

export function receiptStatement(
  receipt: Pick<ReceiptFacts, "employeeName" | "versionNumber">,
): string {
  return `${receipt.employeeName} heeft bevestigd de richtlijnen voor het gebruik van sociale media te hebben gelezen en begrepen: ${confirmedText(receipt)}.`;
}

/** What was shown before the confirmation: the form only follows the whole text (or its redline). */
function confirmedText(receipt: Pick<ReceiptFacts, "versionNumber">): string {
  return `de volledige tekst van versie ${receipt.versionNumber}`;
}

/** That text as it was published, at its own address: it never changes. */
export function confirmedTextPath(receipt: Pick<ReceiptFacts, "versionNumber">): string {
  return `/richtlijnen/versie/${receipt.versionNumber}/volledig`;
}

export const RECEIPT_HASH_NOTE =
  "De SHA-256 is een vingerafdruk van de volledige tekst van deze versie. P&O kan daarmee aantonen welke tekst is bevestigd.";

export function receiptRows(receipt: ReceiptFacts): ReceiptRow[] {
  return [
    {
      label: "Medewerker",
      value: receipt.department
        ? `${receipt.employeeName}, ${receipt.department}`
        : receipt.employeeName,
      kind: "text",
    },
    { label: "Richtlijnen", value: receipt.policyTitle, kind: "text" },
    {
      label: "Versie",
      value: `Versie ${receipt.versionNumber}, gepubliceerd op ${formatDateTime(receipt.publishedAt)}`,
      kind: "text",
    },
    { label: "Samenvatting van de versie", value: receipt.versionSummary, kind: "text" },
    { label: "Bevestigd op", value: formatDateTime(receipt.acknowledgedAt), kind: "text" },
    {
      label: "Bevestigde tekst",
      value: `De volledige tekst van versie ${receipt.versionNumber}`,
      kind: "text",
      href: confirmedTextPath(receipt),
    },
    { label: HASH_LABEL, value: receipt.contentHash, kind: "code" },
    { label: "Kenmerk", value: receipt.reference, kind: "code" },
  ];
}

/** The hash in groups of eight, for reading aloud or comparing by eye. */
export function hashGroups(hash: string): string[] {
  return hash.match(/.{1,8}/g) ?? [];
}
