import { env, type Contact } from "@/lib/env";

/** "040 123 45 67" -> "tel:0401234567"; "+31 40 …" keeps its plus. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

function ContactDetails({ name, contact }: { name: string; contact: Contact }) {
  const link = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-200";
  return (
    <div>
      <h2 className="font-semibold text-stone-800 dark:text-stone-100">{name}</h2>
      <ul className="mt-1 space-y-1">
        <li>
          <a href={`mailto:${contact.email}`} className={link}>
            {contact.email}
          </a>
        </li>
        <li>
          <a href={telHref(contact.phone)} className={link}>
            {contact.phone}
          </a>
        </li>
        <li>
          <a href={contact.intranetUrl} className={link}>
            Intranetpagina van {name}
          </a>
        </li>
      </ul>
    </div>
  );
}

export function SiteFooter() {
  return (
    <footer className="no-print mt-12 border-t border-stone-200 py-6 text-sm text-stone-600 dark:border-stone-800 dark:text-stone-300">
      <div className="mx-auto max-w-5xl space-y-4 px-4">
        <p>
          Vragen over deze richtlijnen? Neem contact op met de afdeling Communicatie of met
          Personeel &amp; Organisatie (P&amp;O).
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <ContactDetails name="Communicatie" contact={env.CONTACTS.communicatie} />
          <ContactDetails name="P&O" contact={env.CONTACTS.po} />
        </div>
      </div>
    </footer>
  );
}
