import Link from "next/link";
import { can, type Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

// P&O's part of the portal. The layout checks too, but every page and action checks for itself:
// a layout does not protect what renders beside it.
const links: { href: string; label: string; permission: Permission }[] = [
  { href: "/hr", label: "Overzicht", permission: "view-hr-data" },
  { href: "/hr/medewerkers", label: "Medewerkers", permission: "view-hr-data" },
  { href: "/hr/controleren", label: "Bewijs controleren", permission: "view-hr-data" },
  { href: "/hr/personeelsbestand", label: "Personeelsbestand", permission: "manage-roster" },
  { href: "/hr/herinneringen", label: "Herinneringen", permission: "send-reminders" },
  { href: "/hr/bewaartermijn", label: "Bewaartermijn", permission: "manage-roster" },
];

export default async function HrLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("view-hr-data");
  return (
    <div className="space-y-6">
      <nav aria-label="P&O" className="no-print border-b border-stone-200 dark:border-stone-800">
        <ul className="flex flex-wrap gap-x-1">
          {links
            .filter((link) => can(user, link.permission))
            .map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-800 hover:bg-brand-50 sm:px-3 dark:text-brand-100 dark:hover:bg-brand-900"
                >
                  {link.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
