import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { getPortalStatus } from "@/lib/admin/status";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/dates";
import { VerifyAuditForm } from "./_components/verify-audit-form";

export const metadata: Metadata = { title: "Beheer" };

const STORE_LABEL = {
  pglite: "Ingebouwde database (PGlite, in de datamap)",
  postgres: "PostgreSQL (DATABASE_URL)",
} as const;

export default async function AdminPage() {
  await requirePermission("administer");
  const status = await getPortalStatus();
  const last = status.audit.lastVerification;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Beheer
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        De status van het portaal. Hier staan alleen aantallen, geen gegevens van medewerkers.
      </p>

      <Card aria-labelledby="status-titel">
        <h2 id="status-titel" className="mb-3 text-xl font-semibold">
          Status
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">Versie van het portaal</dt>
          <dd>{status.appVersion}</dd>
          <dt className="font-semibold">Opslag</dt>
          <dd>{STORE_LABEL[status.store]}</dd>
          <dt className="font-semibold">Huidige versie richtlijnen</dt>
          <dd>
            {status.currentVersion
              ? `Versie ${status.currentVersion.number}, gepubliceerd op ${formatDateTime(status.currentVersion.publishedAt)}`
              : "Nog geen versie gepubliceerd"}
          </dd>
          <dt className="font-semibold">Medewerkers</dt>
          <dd>{status.employees}</dd>
          <dt className="font-semibold">Bevestigingen (alle versies)</dt>
          <dd>{status.acknowledgements}</dd>
          <dt className="font-semibold">Audittrail</dt>
          <dd>{status.audit.events} gebeurtenissen</dd>
          <dt className="font-semibold">Laatste controle</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {last ? (
              <>
                {formatDateTime(last.at)}
                {last.ok ? (
                  <Badge tone="success">in orde</Badge>
                ) : (
                  <Badge tone="danger">niet in orde</Badge>
                )}
              </>
            ) : (
              "Nog niet gecontroleerd vanuit het portaal"
            )}
          </dd>
        </dl>
        <p className="mt-4">
          {/* A plain link: a route handler, not a page to prefetch. */}
          <a href="/beheer/status" className={linkClasses}>
            Status als JSON
          </a>
        </p>
      </Card>

      <Card aria-labelledby="audit-titel">
        <h2 id="audit-titel" className="mb-2 text-xl font-semibold">
          Audittrail controleren
        </h2>
        <p className="mb-4 text-stone-700 dark:text-stone-300">
          Controleert de hele keten van gebeurtenissen (hetzelfde als{" "}
          <code>npm run audit:verify</code>) en legt de controle zelf vast in de audittrail.
        </p>
        <VerifyAuditForm />
      </Card>
    </div>
  );
}
