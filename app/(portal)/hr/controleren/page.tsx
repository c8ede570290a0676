import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { checkReceipt, type ReceiptCheck } from "@/lib/hr/employee";

export const metadata: Metadata = { title: "P&O – bewijs controleren" };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const paramsSchema = z.object({
  kenmerk: z.preprocess(first, z.string().trim().max(200).optional().catch(undefined)),
  hash: z.preprocess(first, z.string().trim().max(200).optional().catch(undefined)),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Result({ result }: { result: ReceiptCheck }) {
  if (result.status === "not_found")
    return (
      <Card aria-labelledby="uitkomst" className="border-red-300 dark:border-red-800">
        <h2 id="uitkomst" className="text-xl font-semibold">
          Niet gevonden
        </h2>
        <p className="mt-2">
          Er is geen bevestiging met dit kenmerk en deze SHA-256. Controleer of je ze precies zo
          hebt overgenomen als op het bewijs staat; anders is dit bewijs niet echt.
        </p>
      </Card>
    );
  if (result.status === "version")
    return (
      <Card aria-labelledby="uitkomst">
        <h2 id="uitkomst" className="text-xl font-semibold">
          Echt: de tekst van versie {result.versionNumber}
        </h2>
        <p className="mt-2">
          Deze SHA-256 hoort bij versie {result.versionNumber} van de richtlijnen, gepubliceerd op{" "}
          {formatDateTime(result.publishedAt)}. {result.acknowledgements} bevestigingen gelden deze
          tekst. Vul ook het kenmerk in om één bevestiging te controleren.
        </p>
      </Card>
    );
  return (
    <Card aria-labelledby="uitkomst" className="border-emerald-300 dark:border-emerald-800">
      <h2 id="uitkomst" className="text-xl font-semibold">
        Echt
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Kenmerk</dt>
        <dd>
          <code>{result.reference}</code>
        </dd>
        <dt className="font-semibold">Medewerker</dt>
        <dd>
          {result.employeeName}
          {result.employeeNumber ? ` (${result.employeeNumber})` : ""}
        </dd>
        <dt className="font-semibold">Versie</dt>
        <dd>Versie {result.versionNumber}</dd>
        <dt className="font-semibold">Bevestigd op</dt>
        <dd>{formatDateTime(result.acknowledgedAt)}</dd>
        <dt className="font-semibold">SHA-256</dt>
        <dd>
          <code className="break-all text-sm">{result.contentHash}</code>
          {result.hashMatches ? " (komt overeen)" : " (niet ingevuld; vergelijk met het bewijs)"}
        </dd>
      </dl>
      <p className="mt-3">
        <Link href={`/hr/bevestigingen/${result.acknowledgementId}`} className={linkClasses}>
          Bekijk het bewijs van bevestiging
        </Link>
      </p>
    </Card>
  );
}

export default async function CheckReceiptPage({ searchParams }: Props) {
  await requirePermission("view-hr-data");
  const { kenmerk, hash } = paramsSchema.parse(await searchParams);
  const asked = Boolean(kenmerk || hash);
  const result = asked
    ? await checkReceipt({ reference: kenmerk ?? null, hash: hash ?? null })
    : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Bewijs controleren
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        Is een bewijs van bevestiging echt? Vul het kenmerk in dat erop staat, en als je wilt ook de
        SHA-256. Met alleen de SHA-256 zie je bij welke versie de tekst hoort.
      </p>
      <form method="get" action="/hr/controleren" className="space-y-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="kenmerk" className="font-medium">
            Kenmerk
          </label>
          <input
            id="kenmerk"
            name="kenmerk"
            defaultValue={kenmerk ?? ""}
            placeholder="sociale-media-v1-123"
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 dark:border-stone-600 dark:bg-stone-900"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="hash" className="font-medium">
            SHA-256 van de getoonde tekst
          </label>
          <input
            id="hash"
            name="hash"
            defaultValue={hash ?? ""}
            spellCheck={false}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
          />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Controleren
        </button>
      </form>
      <div aria-live="polite">{result ? <Result result={result} /> : null}</div>
    </div>
  );
}
