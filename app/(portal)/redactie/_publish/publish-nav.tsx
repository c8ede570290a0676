import Link from "next/link";

const links = [
  { href: "/redactie", label: "Concept" },
  { href: "/redactie/publiceren", label: "Publiceren" },
  { href: "/redactie/versies", label: "Versies" },
  { href: "/redactie/termijn", label: "Uiterste datum" },
];

/** The editor's sections. Each page checks the permission itself; this only links. */
export function PublishNav({ current }: { current: string }) {
  return (
    <nav aria-label="Redactie" className="no-print border-b border-stone-200 dark:border-stone-800">
      <ul className="flex flex-wrap gap-x-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-800 hover:bg-brand-50 aria-[current=page]:underline sm:px-3 dark:text-brand-100 dark:hover:bg-brand-900"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
