import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import {
  employeeListSearchParams,
  parseEmployeeListFilter,
  STATUS_LABELS,
} from "@/lib/hr/employee-list";
import { ReminderForm } from "../_components/reminder-form";

export const metadata: Metadata = { title: "P&O – herinneringen" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reminders for everyone outstanding in a filter of the list; the list links here with its filter. */
export default async function RemindersPage({ searchParams }: Props) {
  await requirePermission("send-reminders");
  const filter = parseEmployeeListFilter(await searchParams);
  const query = employeeListSearchParams(filter, { page: 1 });
  query.delete("per");
  const filterQuery = query.toString();

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Herinneringen
      </h1>
      <Card aria-labelledby="filter-titel">
        <h2 id="filter-titel" className="mb-3 text-xl font-semibold">
          Voor wie
        </h2>
        <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
          <dt className="font-semibold">Afdeling</dt>
          <dd>{filter.department ?? "Alle afdelingen"}</dd>
          <dt className="font-semibold">Zoekterm</dt>
          <dd>{filter.search ?? "Geen"}</dd>
          <dt className="font-semibold">Status</dt>
          <dd>{filter.status ? STATUS_LABELS[filter.status] : "Openstaand en te laat"}</dd>
        </dl>
        <p className="mb-4">
          <Link href={`/hr/medewerkers?${filterQuery}`} className={linkClasses}>
            Bekijk deze medewerkers in de lijst
          </Link>
        </p>
        <ReminderForm filterQuery={filterQuery} allowSelection={false} />
      </Card>
    </div>
  );
}
