import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { can, type Permission } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";

// Each link names what its page requires; the menu shows only what this person may open.
const links: { href: string; label: string; permission: Permission }[] = [
  { href: "/richtlijnen", label: "Richtlijnen", permission: "read-policy" },
  { href: "/richtlijnen/volledig", label: "Volledige tekst", permission: "read-policy" },
  { href: "/mijn-bevestigingen", label: "Mijn bevestigingen", permission: "view-own-data" },
  { href: "/hr", label: "P&O", permission: "view-hr-data" },
  { href: "/beheer", label: "Beheer", permission: "administer" },
];

export function SiteHeader({ user }: { user: SessionUser }) {
  const visible = links.filter((link) => can(user, link.permission));
  return (
    <header className="no-print border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/richtlijnen" className="flex flex-col leading-tight">
          <span className="text-lg font-bold tracking-tight text-brand-800 dark:text-brand-100">
            Kempenhaeghe
          </span>
          <span className="text-sm text-stone-600 dark:text-stone-300">
            Richtlijnen sociale media
          </span>
        </Link>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
          {/* On a phone the name would not fit beside the button; the receipts carry it anyway. */}
          <span className="hidden min-w-0 text-right text-stone-700 sm:inline dark:text-stone-200">
            <span className="sr-only">Aangemeld als </span>
            <span className="font-medium">{user.name}</span>
            {user.department ? (
              <span className="hidden text-stone-600 sm:inline dark:text-stone-300">
                {" "}
                · {user.department}
              </span>
            ) : null}
          </span>
          {/* Hidden on a phone like the name, for the same reason. */}
          <ul aria-label="Rollen" className="hidden flex-wrap items-center gap-1 sm:flex">
            {user.roles.map((role) => (
              <li key={role}>
                <Badge>{ROLE_LABELS[role]}</Badge>
              </li>
            ))}
          </ul>
          <SignOutButton />
        </div>
      </div>
      <nav aria-label="Hoofdmenu" className="mx-auto max-w-5xl px-2 pb-1 sm:px-4 sm:pb-2">
        <ul className="flex flex-wrap gap-x-0 gap-y-0 sm:gap-x-1">
          {visible.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="inline-flex min-h-11 items-center rounded-md px-2 font-medium sm:px-3 text-brand-800 hover:bg-brand-50 dark:text-brand-100 dark:hover:bg-brand-900"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
