export function SiteFooter() {
  return (
    <footer className="no-print mt-12 border-t border-stone-200 py-6 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-300">
      <div className="mx-auto max-w-5xl px-4">
        Vragen over deze richtlijnen? Neem contact op met de afdeling Communicatie of met Personeel
        &amp; Organisatie (P&amp;O).
      </div>
    </footer>
  );
}
