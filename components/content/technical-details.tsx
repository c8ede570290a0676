/**
 * The version's fingerprint, folded away: it means nothing to most readers, but P&O and the
 * service desk can compare it with the one on a receipt.
 */
export function TechnicalDetails({ contentHash }: { contentHash: string }) {
  return (
    <details className="text-sm text-stone-600 dark:text-stone-300 print:text-black">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 dark:text-brand-200">
        Technische gegevens
      </summary>
      <dl className="mt-1 space-y-1">
        <dt className="font-medium">SHA-256 van de volledige tekst</dt>
        <dd>
          <code className="break-all">{contentHash}</code>
        </dd>
        <dd>
          Een vingerafdruk van deze versie. Hij staat ook op elk bewijs van bevestiging, zodat
          P&amp;O kan aantonen welke tekst is bevestigd.
        </dd>
      </dl>
    </details>
  );
}
