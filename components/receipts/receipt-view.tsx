import { Fragment } from "react";
import { PrintButton } from "@/components/content/print-button";
import { buttonClasses } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";
import {
  HASH_LABEL,
  RECEIPT_HASH_NOTE,
  RECEIPT_TITLE,
  hashGroups,
  receiptRows,
  receiptStatement,
} from "@/lib/receipts/labels";
import type { Receipt } from "@/lib/receipts/receipt";

/**
 * The printable receipt: the same for the employee and for P&O, only the PDF's address differs.
 * Its labels are the PDF's (lib/receipts/labels.ts), so the two never say different things.
 */
export function ReceiptView({ receipt, pdfHref }: { receipt: Receipt; pdfHref: string }) {
  return (
    <article className="mx-auto max-w-2xl rounded-lg border border-stone-300 bg-white p-6 shadow-sm dark:border-stone-700 dark:bg-stone-900 print:border-0 print:p-0 print:shadow-none">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-200 print:text-black">
        Kempenhaeghe
      </p>
      <h1 className="mt-1 text-2xl font-bold">{RECEIPT_TITLE}</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300 print:text-black">
        {receiptStatement(receipt)}
      </p>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
        {receiptRows(receipt).map((row) => (
          <Fragment key={row.label}>
            <dt className="font-semibold">{row.label}</dt>
            <dd>
              {row.label === HASH_LABEL ? (
                // Groups of eight that wrap as a whole; copying still gives one unbroken hash.
                <code className="flex flex-wrap gap-x-[1ch] text-sm">
                  {hashGroups(row.value).map((group, index) => (
                    <span key={index}>{group}</span>
                  ))}
                </code>
              ) : row.href ? (
                <TextLink href={row.href}>{row.value}</TextLink>
              ) : row.kind === "code" ? (
                <code className="text-sm">{row.value}</code>
              ) : (
                row.value
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="mt-6 text-sm text-stone-600 dark:text-stone-400 print:text-black">
        {RECEIPT_HASH_NOTE}
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
