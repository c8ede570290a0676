export function DemoBanner() {
  return (
    <div
      role="note"
      className="no-print bg-amber-300 px-4 py-1.5 text-center text-sm font-semibold text-stone-950"
    >
      Demo-omgeving
      <span className="hidden sm:inline">
        : je bent aangemeld via de ontwikkel-aanmelding met demo-accounts
      </span>
      . Gebruik hier geen echte gegevens.
    </div>
  );
}
