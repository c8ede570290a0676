import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { listUnlinkedAccounts } from "@/lib/roster/linking";
import { LinkAccountForm } from "./_components/link-account-form";
import { RosterUpload } from "./_components/roster-upload";

export const metadata: Metadata = { title: "P&O – personeelsbestand" };

export default async function RosterPage() {
  await requirePermission("manage-roster");
  const { total, accounts } = await listUnlinkedAccounts({ limit: 50 });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Personeelsbestand
      </h1>
      <Card aria-labelledby="inlezen-titel">
        <h2 id="inlezen-titel" className="mb-3 text-xl font-semibold">
          Personeelsbestand inlezen
        </h2>
        <p className="mb-4 text-stone-700 dark:text-stone-300">
          Lees de export uit het personeelssysteem in (bijvoorbeeld AFAS). Wie niet meer in het
          bestand staat, gaat naar uit dienst; niemand wordt verwijderd. Een bestand met een fout
          wordt helemaal niet ingelezen.
        </p>
        <RosterUpload />
      </Card>

      <Card aria-labelledby="ongekoppeld-titel">
        <h2 id="ongekoppeld-titel" className="mb-3 text-xl font-semibold">
          Niet gekoppelde accounts ({total})
        </h2>
        <p className="mb-4 text-stone-700 dark:text-stone-300">
          Deze mensen hebben zich aangemeld, maar horen bij geen medewerker in het
          personeelsbestand. Koppel ze met het personeelsnummer.
          {total > accounts.length ? ` Je ziet de eerste ${accounts.length}.` : ""}
        </p>
        {accounts.length ? (
          <ul className="space-y-4">
            {accounts.map((account) => (
              <li
                key={account.id}
                className="rounded-md border border-stone-200 p-3 dark:border-stone-700"
              >
                <p className="font-medium">{account.name}</p>
                <p className="text-sm text-stone-700 dark:text-stone-300">
                  {[
                    account.email,
                    account.department,
                    account.claimedEmployeeNumber
                      ? `opgegeven nummer ${account.claimedEmployeeNumber}`
                      : null,
                    account.lastSignInAt
                      ? `laatst aangemeld ${formatDateTime(account.lastSignInAt)}`
                      : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <LinkAccountForm employeeId={account.id} name={account.name} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Alle accounts zijn gekoppeld.</p>
        )}
      </Card>
    </div>
  );
}
