export function DemoBanner() {
  return (
    <div role="note" className="no-print bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-stone-950">
      Demo-omgeving: je bent aangemeld via de ontwikkel-aanmelding met demo-accounts. Gebruik hier geen echte gegevens.
    </div>
  );
}
