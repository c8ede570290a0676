import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { linkClasses } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import {
  acknowledgedShare,
  DEFAULT_FILTER,
  employeeListSearchParams,
  summarizeEmployees,
  type StatusFilter,
} from "@/lib/hr/employee-list";
import { findCurrentVersion } from "@/lib/policy/versions";
import { DepartmentChart } from "./_components/department-chart";

export const metadata: Metadata = { title: "P&O – overzicht" };

const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

function listHref(filter: { status?: StatusFilter; department?: string | null }) {
  const params = employeeListSearchParams(DEFAULT_FILTER, {
    status: filter.status ?? null,
    department: filter.department ?? null,
  });
  const query = params.toString();
  return query ? `/hr/medewerkers?${query}` : "/hr/medewerkers";
}

export default async function HrDashboardPage() {
  await requirePermission("view-hr-data");
  const now = new Date();
  const [version, { overall, departments }] = await Promise.all([
    findCurrentVersion({ policy: DEFAULT_POLICY }),
    summarizeEmployees({ now }),
  ]);
  const share = acknowledgedShare(overall);
  const notYet = overall.outstanding + overall.overdue;

  const counts: { label: string; value: number; status: StatusFilter; note?: string }[] = [
    { label: "Bevestigd", value: overall.acknowledged, status: "acknowledged" },
    {
      label: "Openstaand",
      value: notYet,
      status: "outstanding",
      note: "waarvan te laat hieronder",
    },
    { label: "Te laat", value: overall.overdue, status: "overdue" },
    { label: "Uit dienst", value: overall.left, status: "left", note: "telt niet mee" },
    {
      label: "Niet gekoppeld",
      value: overall.unlinked,
      status: "unlinked",
      note: "account zonder personeelsbestand",
    },
  ];

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        P&amp;O – overzicht
      </h1>
      <p className="text-stone-700 dark:text-stone-300">
        {version
          ? `Versie ${version.number} van de richtlijnen, gepubliceerd op ${formatDateTime(version.publishedAt)}${version.deadline ? `; uiterste datum ${formatDate(version.deadline)}` : ""}.`
          : "Er is nog geen versie van de richtlijnen gepubliceerd."}{" "}
        Medewerkers in het personeelsbestand die niet uit dienst zijn tellen mee.
      </p>

      <Card aria-labelledby="aandeel-titel">
        <h2 id="aandeel-titel" className="text-xl font-semibold">
          Bevestigd
        </h2>
        <p className="mt-2 text-4xl font-bold" data-testid="aandeel-bevestigd">
          {share === null ? "–" : percent.format(share / 100)}
        </p>
        <p className="mt-1 text-stone-700 dark:text-stone-300">
          {overall.acknowledged} van {overall.active} medewerkers hebben de geldende versie
          bevestigd.
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {counts.map((count) => (
            <div
              key={count.status}
              className="rounded-md border border-stone-200 p-3 dark:border-stone-700"
            >
              <dt className="text-sm text-stone-700 dark:text-stone-300">{count.label}</dt>
              <dd className="text-2xl font-semibold">
                <Link href={listHref({ status: count.status })} className={linkClasses}>
                  <span data-testid={`aantal-${count.status}`}>{count.value}</span>
                  <span className="sr-only"> – toon de lijst</span>
                </Link>
              </dd>
              {count.note ? (
                <dd className="text-xs text-stone-600 dark:text-stone-400">{count.note}</dd>
              ) : null}
            </div>
          ))}
        </dl>
      </Card>

      <Card aria-labelledby="afdelingen-titel">
        <h2 id="afdelingen-titel" className="mb-3 text-xl font-semibold">
          Per afdeling
        </h2>
        <DepartmentChart departments={departments} />
        <div
          className="relative mt-6 overflow-x-auto"
          role="region"
          aria-label="Per afdeling in cijfers"
          tabIndex={0}
        >
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="mb-2 text-left font-semibold">Per afdeling in cijfers</caption>
            <thead>
              <tr className="border-b border-stone-300 dark:border-stone-700">
                <th scope="col" className="py-2 pr-3">
                  Afdeling
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Medewerkers
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Bevestigd
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Openstaand
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Te laat
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Aandeel bevestigd
                </th>
              </tr>
            </thead>
            <tbody>
              {departments
                .filter((department) => department.active > 0)
                .map((department) => (
                  <tr
                    key={department.department ?? ""}
                    className="border-b border-stone-200 dark:border-stone-800"
                  >
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link
                        href={listHref({ department: department.department })}
                        className={linkClasses}
                      >
                        {department.department ?? "Zonder afdeling"}
                      </Link>
                    </th>
                    <td className="py-2 pr-3 text-right">{department.active}</td>
                    <td className="py-2 pr-3 text-right">{department.acknowledged}</td>
                    <td className="py-2 pr-3 text-right">
                      {department.outstanding + department.overdue}
                    </td>
                    <td className="py-2 pr-3 text-right">{department.overdue}</td>
                    <td className="py-2 pr-3 text-right">
                      {percent.format(department.acknowledged / department.active)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
