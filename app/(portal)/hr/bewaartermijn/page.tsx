import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { listRetentionCandidates, RETENTION_YEARS } from "@/lib/hr/retention";
import { EraseForm } from "./_components/erase-form";

export const metadata: Metadata = { title: "Bewaartermijn" };

const PAGE = 500;

export default async function RetentionPage() {
  await requirePermission("manage-roster");
  const { candidates, total } = await listRetentionCandidates({ limit: PAGE });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Bewaartermijn
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        P&amp;O bewaart de persoonsgegevens van een medewerker tot {RETENTION_YEARS} jaar na het
        einde van het dienstverband. Hieronder staan de medewerkers bij wie die termijn voorbij is.
        Na het wissen blijven hun bevestigingen en de audittrail bestaan, alleen nog met een nummer
        in plaats van een naam.
      </p>
      <Card aria-labelledby="termijn-titel">
        <h2 id="termijn-titel" className="mb-3 text-xl font-semibold">
          Over de bewaartermijn ({total})
        </h2>
        {total > candidates.length ? (
          <p className="mb-3">
            De eerste {candidates.length} van {total} staan hieronder; wis deze eerst.
          </p>
        ) : null}
        {/* Always mounted: after the last erasure the list is empty, and the result must stay. */}
        <EraseForm
          candidates={candidates.map((candidate) => ({
            employeeNumber: candidate.employeeNumber,
            name: candidate.name,
            department: candidate.department,
            endedOn: formatDate(candidate.endedOn),
          }))}
        />
      </Card>
    </div>
  );
}
