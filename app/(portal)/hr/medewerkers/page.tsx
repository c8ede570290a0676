import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { linkClasses } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import {
  employeeListSearchParams,
  type EmployeeListFilter,
  listDepartments,
  listEmployees,
  PAGE_SIZES,
  parseEmployeeListFilter,
  type SortColumn,
  STATUS_LABELS,
  STATUS_PARAMS,
} from "@/lib/hr/employee-list";
import { employeeHref } from "../_components/links";
import { REMINDER_FORM_ID, ReminderForm } from "../_components/reminder-form";
import { StatusBadge } from "../_components/status-badge";

export const metadata: Metadata = { title: "P&O – medewerkers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: { sort: SortColumn; label: string }[] = [
  { sort: "employeeNumber", label: "Nummer" },
  { sort: "name", label: "Naam" },
  { sort: "department", label: "Afdeling" },
  { sort: "status", label: "Status" },
  { sort: "acknowledgedAt", label: "Bevestigd op" },
  { sort: "lastSignInAt", label: "Laatst aangemeld" },
];

function href(filter: EmployeeListFilter, overrides: Partial<EmployeeListFilter>) {
  const query = employeeListSearchParams(filter, overrides).toString();
  return query ? `/hr/medewerkers?${query}` : "/hr/medewerkers";
}

function SortHeader({
  filter,
  column,
}: {
  filter: EmployeeListFilter;
  column: (typeof COLUMNS)[number];
}) {
  const active = filter.sort === column.sort;
  const nextOrder = active && filter.order === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className="py-2 pr-3"
      aria-sort={active ? (filter.order === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link
        href={href(filter, { sort: column.sort, order: nextOrder, page: 1 })}
        className={`${linkClasses} inline-flex min-h-11 items-center gap-1`}
      >
        {column.label}
        <span aria-hidden="true">{active ? (filter.order === "asc" ? "▲" : "▼") : ""}</span>
        <span className="sr-only">, sorteer {nextOrder === "asc" ? "oplopend" : "aflopend"}</span>
      </Link>
    </th>
  );
}

export default async function EmployeeListPage({ searchParams }: Props) {
  const user = await requirePermission("view-hr-data");
  const filter = parseEmployeeListFilter(await searchParams);
  const mayExport = can(user, "export-hr-data");
  const mayRemind = can(user, "send-reminders");
  // The whole filter, not the page: exports and reminders cover every row it matches.
  const filterQuery = employeeListSearchParams(filter, { page: 1 }).toString();
  const withQuery = (path: string) => (filterQuery ? `${path}?${filterQuery}` : path);
  const now = new Date();
  const [page, departments] = await Promise.all([
    listEmployees({ filter, now }),
    listDepartments(),
  ]);
  const first = page.total === 0 ? 0 : (page.page - 1) * page.perPage + 1;
  const last = Math.min(page.page * page.perPage, page.total);
  const statusParam = filter.status
    ? Object.entries(STATUS_PARAMS).find(([, status]) => status === filter.status)?.[0]
    : "";

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 dark:text-brand-50">
        Medewerkers
      </h1>

      {/* A GET form: the filter lives in the address, works without JavaScript and can be shared. */}
      <form
        method="get"
        action="/hr/medewerkers"
        role="search"
        aria-label="Medewerkers zoeken"
        className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">
            Naam of nummer
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.search ?? ""}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 dark:border-stone-600 dark:bg-stone-900"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="afdeling" className="font-medium">
            Afdeling
          </label>
          <select
            id="afdeling"
            name="afdeling"
            defaultValue={filter.department ?? ""}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 dark:border-stone-600 dark:bg-stone-900"
          >
            <option value="">Alle afdelingen</option>
            {departments.map((department) => (
              <option key={department} value={department}>
                {department}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="font-medium">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={statusParam}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 dark:border-stone-600 dark:bg-stone-900"
          >
            <option value="">Alle</option>
            {Object.entries(STATUS_PARAMS).map(([param, status]) => (
              <option key={param} value={param}>
                {STATUS_LABELS[status]}
                {status === "outstanding" ? " (ook te laat)" : ""}
              </option>
            ))}
          </select>
        </div>
        {filter.sort !== "name" ? (
          <input
            type="hidden"
            name="sorteer"
            value={employeeListSearchParams(filter).get("sorteer") ?? ""}
          />
        ) : null}
        {filter.order === "desc" ? <input type="hidden" name="volgorde" value="af" /> : null}
        {filter.perPage !== 25 ? <input type="hidden" name="per" value={filter.perPage} /> : null}
        <button type="submit" className={buttonClasses("primary")}>
          Zoeken
        </button>
      </form>

      <p aria-live="polite" data-testid="aantal-resultaten">
        {page.total === 0
          ? "Geen medewerkers gevonden."
          : `${first}–${last} van ${page.total} medewerkers`}
        {filter.search || filter.department || filter.status ? (
          <>
            {" · "}
            <Link href="/hr/medewerkers" className={linkClasses}>
              Filter wissen
            </Link>
          </>
        ) : null}
      </p>

      {mayExport ? (
        <ul aria-label="Exporteren" className="flex flex-wrap gap-3">
          <li>
            {/* Plain links: downloads from route handlers, never prefetched. */}
            <a href={withQuery("/hr/export.csv")} className={buttonClasses("secondary")}>
              Exporteren als CSV<span className="sr-only"> (dit filter)</span>
            </a>
          </li>
          <li>
            <a href={withQuery("/hr/export.xlsx")} className={buttonClasses("secondary")}>
              Exporteren als Excel<span className="sr-only"> (dit filter)</span>
            </a>
          </li>
        </ul>
      ) : null}

      <div
        className="relative overflow-x-auto"
        role="region"
        aria-labelledby="lijst-titel"
        tabIndex={0}
      >
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption id="lijst-titel" className="mb-2 text-left font-semibold">
            Medewerkers, gesorteerd op{" "}
            {COLUMNS.find((c) => c.sort === filter.sort)?.label.toLowerCase()} (
            {filter.order === "asc" ? "oplopend" : "aflopend"}), pagina {page.page} van{" "}
            {page.pageCount}
          </caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              {mayRemind ? (
                <th scope="col" className="py-2 pr-3">
                  <span className="sr-only">Kiezen voor een herinnering</span>
                </th>
              ) : null}
              {COLUMNS.map((column) => (
                <SortHeader key={column.sort} filter={filter} column={column} />
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.rowKey} className="border-b border-stone-200 dark:border-stone-800">
                {mayRemind ? (
                  <td className="py-2 pr-3">
                    {/* Only someone who can still be reminded: not yet acknowledged. Someone who
                        never signed in is mailed at the roster's address, by employee number. */}
                    {row.status === "outstanding" || row.status === "overdue" ? (
                      <input
                        type="checkbox"
                        name={row.accountId !== null ? "employeeIds" : "employeeNumbers"}
                        value={row.accountId ?? row.employeeNumber ?? ""}
                        form={REMINDER_FORM_ID}
                        aria-label={`${row.name} kiezen voor een herinnering`}
                        className="size-5"
                      />
                    ) : null}
                  </td>
                ) : null}
                <td className="py-2 pr-3">{row.employeeNumber ?? "–"}</td>
                <th scope="row" className="py-2 pr-3 font-medium">
                  <Link href={employeeHref(row)} className={linkClasses}>
                    {row.name}
                  </Link>
                  {row.email ? (
                    <span className="block text-xs font-normal text-stone-600 dark:text-stone-400">
                      {row.email}
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-3">{row.department ?? "–"}</td>
                <td className="py-2 pr-3">
                  <StatusBadge status={row.status} />
                  {row.accountId === null && row.status !== "left" ? (
                    <span className="block text-xs text-stone-600 dark:text-stone-400">
                      nog nooit aangemeld
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">
                  {row.acknowledgedAt ? (
                    <>
                      {formatDate(row.acknowledgedAt)}
                      <span className="block text-xs text-stone-600 dark:text-stone-400">
                        versie {row.acknowledgedVersionNumber}
                      </span>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td className="py-2 pr-3">
                  {row.lastSignInAt ? formatDateTime(row.lastSignInAt) : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {mayRemind ? (
        <section aria-labelledby="herinneren-titel" className="space-y-2">
          <h2 id="herinneren-titel" className="text-xl font-semibold">
            Herinnering sturen
          </h2>
          <ReminderForm filterQuery={filterQuery} />
        </section>
      ) : null}

      <nav aria-label="Paginering" className="flex flex-wrap items-center justify-between gap-3">
        <ul className="flex flex-wrap items-center gap-2">
          <li>
            {page.page > 1 ? (
              <Link
                href={href(filter, { page: page.page - 1 })}
                className={buttonClasses("secondary")}
                rel="prev"
              >
                Vorige
              </Link>
            ) : null}
          </li>
          <li aria-current="page" className="px-2">
            Pagina {page.page} van {page.pageCount}
          </li>
          <li>
            {page.page < page.pageCount ? (
              <Link
                href={href(filter, { page: page.page + 1 })}
                className={buttonClasses("secondary")}
                rel="next"
              >
                Volgende
              </Link>
            ) : null}
          </li>
        </ul>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Per pagina:
          {PAGE_SIZES.map((size) =>
            size === filter.perPage ? (
              <span key={size} className="px-2 font-semibold">
                {size}
              </span>
            ) : (
              <Link
                key={size}
                href={href(filter, { perPage: size, page: 1 })}
                className={`${linkClasses} inline-flex min-h-11 items-center px-2`}
              >
                {size}
              </Link>
            ),
          )}
        </p>
      </nav>
    </div>
  );
}
