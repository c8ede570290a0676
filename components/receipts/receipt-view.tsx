import { PrintButton } from "@/components/content/print-button";
import { buttonClasses } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/dates";
import type { Receipt } from "@/lib/receipts/receipt";

/** The printable receipt: the same for the employee and for P&O, only the PDF's address differs. */
export function ReceiptView({ receipt, pdfHref }: { receipt: Receipt; pdfHref: string }) {
  return (
    <article className="mx-auto max-w-2xl rounded-lg border border-stone-300 bg-white p-6 shadow-sm dark:border-stone-700 dark:bg-stone-900 print:border-0 print:p-0 print:shadow-none">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-200 print:text-black">
        Kempenhaeghe
      </p>
      <h1 className="mt-1 text-2xl font-bold">Bewijs van bevestiging</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300 print:text-black">
        {receipt.employeeName} heeft bevestigd de richtlijnen voor het gebruik van sociale media te
        hebben gelezen en begrepen.
      </p>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Medewerker</dt>
        <dd>
          {receipt.employeeName}
          {receipt.department ? `, ${receipt.department}` : ""}
        </dd>
        <dt className="font-semibold">Richtlijnen</dt>
        <dd>{receipt.policyTitle}</dd>
        <dt className="font-semibold">Versie</dt>
        <dd>
          Versie {receipt.versionNumber}, gepubliceerd op {formatDateTime(receipt.publishedAt)}
        </dd>
        <dt className="font-semibold">Samenvatting van de versie</dt>
        <dd>{receipt.versionSummary}</dd>
        <dt className="font-semibold">Bevestigd op</dt>
        <dd>{formatDateTime(receipt.acknowledgedAt)}</dd>
        <dt className="font-semibold">SHA-256 van de getoonde tekst</dt>
        <dd>
          <code className="break-all text-sm">{receipt.contentHash}</code>
        </dd>
        <dt className="font-semibold">Kenmerk</dt>
        <dd>
          <code className="text-sm">{receipt.reference}</code>
        </dd>
      </dl>
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400 print:text-black">
        De SHA-256 is een vingerafdruk van de volledige tekst van deze versie. P&amp;O kan daarmee
        aantonen welke tekst je hebt bevestigd.
      </p>
      <div className="no-print mt-6 flex flex-wrap gap-3">
        <PrintButton />
        {/* A plain link: the PDF is a download from a route handler, not a page to prefetch. */}
        <a href={pdfHref} className={buttonClasses("primary")}>
          Download als PDF
        </a>
      </div>
    </article>
  );
}
