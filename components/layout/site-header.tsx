import Link from "next/link";
import { MainMenu } from "@/components/layout/main-menu";
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
  { href: "/redactie", label: "Redactie", permission: "edit-content" },
  { href: "/beheer", label: "Beheer", permission: "administer" },
];

function Account({ user }: { user: SessionUser }) {
  return (
    <div className="flex min-w-0 flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
      <span className="min-w-0 text-stone-700 sm:text-right dark:text-stone-200">
        <span className="sr-only">Aangemeld als </span>
        <span className="font-medium">{user.name}</span>
        {user.department ? (
          <span className="text-stone-600 dark:text-stone-300"> · {user.department}</span>
        ) : null}
      </span>
      <ul aria-label="Rollen" className="flex flex-wrap items-center gap-1">
        {user.roles.map((role) => (
          <li key={role}>
            <Badge>{ROLE_LABELS[role]}</Badge>
          </li>
        ))}
      </ul>
      <SignOutButton />
    </div>
  );
}

export function SiteHeader({ user }: { user: SessionUser }) {
  const visible = links
    .filter((link) => can(user, link.permission))
    .map(({ href, label }) => ({ href, label }));
  return (
    <header className="no-print border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      {/* One row on a phone (name, Menu); the menu and the account fold out below it. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 px-4 py-1.5 sm:py-3 sm:pb-1">
        <Link
          href="/richtlijnen"
          className="flex min-h-11 flex-col justify-center leading-tight sm:flex-1"
        >
          <span className="text-lg font-bold tracking-tight text-brand-800 dark:text-brand-100">
            Kempenhaeghe
          </span>
          <span className="hidden text-sm text-stone-600 sm:block dark:text-stone-300">
            Richtlijnen sociale media
          </span>
        </Link>
        <div className="hidden sm:block">
          <Account user={user} />
        </div>
        <MainMenu links={visible} account={<Account user={user} />} />
      </div>
    </header>
  );
}
