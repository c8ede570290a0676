import "server-only";

import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { z } from "zod";
import {
  newestAcknowledgements,
  overdueSql,
  requiredVersion,
  stateSql,
} from "@/lib/acknowledgements/reports";
import type { AcknowledgementState } from "@/lib/acknowledgements/state";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDb, type Executor } from "@/lib/db/client";
import { employees, rosterEntries } from "@/lib/db/schema";
import { rosterLeftAt } from "@/lib/roster/employment";

// P&O's list of employees: every roster entry (with or without an account) and every account that
// belongs to no roster entry. One row has exactly one status:
//   left         on the roster, marked as left or past their end date (lib/roster/employment.ts;
//                whatever they acknowledged; never outstanding)
//   unlinked     an account not on the roster (signed in, not in the personnel file)
//   acknowledged on the roster, acknowledged the required version (or newer)
//   overdue      on the roster, not acknowledged, the deadline has passed
//   outstanding  on the roster, not acknowledged, the deadline has not passed (or there is none)
// The filter "outstanding" means "has not acknowledged yet", so it includes overdue: that is P&O's
// question. A roster entry nobody signed in for has acknowledged nothing; the state rule of
// lib/acknowledgements/reports.ts decides the rest.

/** The statuses as they appear in the URL (Dutch: users see and share these links). */
export const STATUS_PARAMS = {
  bevestigd: "acknowledged",
  openstaand: "outstanding",
  "te-laat": "overdue",
  "uit-dienst": "left",
  "niet-gekoppeld": "unlinked",
} as const;
export type StatusParam = keyof typeof STATUS_PARAMS;
export type EmployeeStatus = "acknowledged" | "outstanding" | "overdue" | "left" | "unlinked";
export type StatusFilter = (typeof STATUS_PARAMS)[StatusParam];

export const STATUS_LABELS: Record<EmployeeStatus, string> = {
  acknowledged: "Bevestigd",
  outstanding: "Openstaand",
  overdue: "Te laat",
  left: "Uit dienst",
  unlinked: "Niet gekoppeld",
};

/** Sort keys in the URL (Dutch) → the column they sort. */
export const SORT_PARAMS = {
  naam: "name",
  nummer: "employeeNumber",
  afdeling: "department",
  status: "status",
  "bevestigd-op": "acknowledgedAt",
  "laatst-aangemeld": "lastSignInAt",
} as const;
export type SortParam = keyof typeof SORT_PARAMS;
export type SortColumn = (typeof SORT_PARAMS)[SortParam];

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

const paramEnum = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values).optional().catch(undefined);

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The list's filter as URL search params: `q` (name, number or email), `afdeling`, `status`
 * (bevestigd | openstaand | te-laat | uit-dienst | niet-gekoppeld), `sorteer`
 * (naam | nummer | afdeling | status | bevestigd-op | laatst-aangemeld), `volgorde` (op | af),
 * `pagina` (from 1), `per` (25 | 50 | 100). A value that does not fit is dropped rather than
 * refused: a bookmarked link from an older version still opens.
 */
export const employeeListParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(200).optional().catch(undefined)),
  afdeling: z.preprocess(firstValue, z.string().trim().max(200).optional().catch(undefined)),
  status: z.preprocess(
    firstValue,
    paramEnum(Object.keys(STATUS_PARAMS) as [StatusParam, ...StatusParam[]]),
  ),
  sorteer: z.preprocess(
    firstValue,
    paramEnum(Object.keys(SORT_PARAMS) as [SortParam, ...SortParam[]]),
  ),
  volgorde: z.preprocess(firstValue, paramEnum(["op", "af"])),
  pagina: z.preprocess(
    firstValue,
    z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  ),
  per: z.preprocess(
    firstValue,
    z.coerce
      .number()
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .optional()
      .catch(undefined),
  ),
});

export type EmployeeListFilter = {
  search: string | null;
  department: string | null;
  status: StatusFilter | null;
  sort: SortColumn;
  order: "asc" | "desc";
  page: number;
  perPage: number;
};

export const DEFAULT_FILTER: EmployeeListFilter = {
  search: null,
  department: null,
  status: null,
  sort: "name",
  order: "asc",
  page: 1,
  perPage: DEFAULT_PAGE_SIZE,
};

type SearchParamsInput =
  URLSearchParams | Record<string, string | string[] | undefined> | null | undefined;

/** Read the filter from a page's searchParams or a request's URLSearchParams. Never throws. */
export function parseEmployeeListFilter(searchParams: SearchParamsInput): EmployeeListFilter {
  const record: Record<string, string | string[] | undefined> =
    searchParams instanceof URLSearchParams
      ? Object.fromEntries(searchParams.entries())
      : (searchParams ?? {});
  const parsed = employeeListParamsSchema.parse(record);
  return {
    search: parsed.q || null,
    department: parsed.afdeling || null,
    status: parsed.status ? STATUS_PARAMS[parsed.status] : null,
    sort: parsed.sorteer ? SORT_PARAMS[parsed.sorteer] : DEFAULT_FILTER.sort,
    order: parsed.volgorde === "af" ? "desc" : "asc",
    page: parsed.pagina ?? 1,
    perPage: parsed.per ?? DEFAULT_PAGE_SIZE,
  };
}

const STATUS_TO_PARAM = Object.fromEntries(
  Object.entries(STATUS_PARAMS).map(([param, status]) => [status, param]),
) as Record<StatusFilter, StatusParam>;
const SORT_TO_PARAM = Object.fromEntries(
  Object.entries(SORT_PARAMS).map(([param, column]) => [column, param]),
) as Record<SortColumn, SortParam>;

/** The filter back as search params, defaults left out: for links (sorting, pages) and exports. */
export function employeeListSearchParams(
  filter: EmployeeListFilter,
  overrides: Partial<EmployeeListFilter> = {},
): URLSearchParams {
  const f = { ...filter, ...overrides };
  const params = new URLSearchParams();
  if (f.search) params.set("q", f.search);
  if (f.department) params.set("afdeling", f.department);
  if (f.status) params.set("status", STATUS_TO_PARAM[f.status]);
  if (f.sort !== DEFAULT_FILTER.sort) params.set("sorteer", SORT_TO_PARAM[f.sort]);
  if (f.order !== "asc") params.set("volgorde", "af");
  if (f.page !== 1) params.set("pagina", String(f.page));
  if (f.perPage !== DEFAULT_PAGE_SIZE) params.set("per", String(f.perPage));
  return params;
}

export type EmployeeListRow = {
  /** Unique and stable: "R" + employee number for a roster entry, "A" + account id otherwise. */
  rowKey: string;
  employeeNumber: string | null;
  name: string;
  email: string | null;
  department: string | null;
  status: EmployeeStatus;
  /** The rule's state; null only before the first version is published. */
  state: AcknowledgementState | null;
  overdue: boolean;
  acknowledgedVersionNumber: number | null;
  acknowledgedAt: Date | null;
  /** When an import stopped listing them. */
  leftAt: Date | null;
  /** The linked account (employees.id); null: nobody signed in for this roster entry yet. */
  accountId: number | null;
  lastSignInAt: Date | null;
};

/**
 * Every row of the list with its status, as a subquery: the one source for the list page, the
 * dashboard's counts and the exports.
 */
export function employeeListSource({
  policy = DEFAULT_POLICY,
  now,
}: {
  policy?: string;
  now: Date;
}) {
  const qb = new QueryBuilder();
  // The state rule's parts (lib/acknowledgements/reports.ts) joined straight onto the list's own
  // accounts: acknowledgementStates would bring every account a second time, to be joined back.
  const required = requiredVersion({ policy });
  const newest = newestAcknowledgements({ policy });
  // drizzle names a subquery's columns without the subquery's alias; several share names here.
  const R = (column: string) => sql.raw(`"required_version"."${column}"`);
  const N = (column: string) => sql.raw(`"newest_acknowledgement"."${column}"`);
  const acknowledgedVersionNumber = N("acknowledged_version_number");

  // No account, or an account that acknowledged nothing: the rule's answer for nothing acknowledged.
  // Null only before the first version.
  const state = sql<AcknowledgementState | null>`case
    when ${R("required_version_number")} is not null then ${stateSql({
      acknowledgedVersionNumber,
      requiredVersionNumber: R("required_version_number"),
    })} end`;
  const overdue = sql<boolean>`coalesce(${overdueSql({
    acknowledgedVersionNumber,
    requiredVersionNumber: R("required_version_number"),
    deadline: R("required_deadline"),
    now,
  })}, false)`;
  // The time they acknowledged the version that counts (their newest), kept beside its number.
  const acknowledgedAt = sql<string | null>`${N("newest_acknowledged_at")}`;

  const onRoster = qb
    .select({
      rowKey: sql<string>`'R' || ${rosterEntries.employeeNumber}`.as("row_key"),
      employeeNumber: sql<string | null>`${rosterEntries.employeeNumber}`.as("employee_number"),
      name: sql<string>`${rosterEntries.name}`.as("name"),
      email: sql<string | null>`${rosterEntries.email}`.as("email"),
      department: sql<string | null>`${rosterEntries.department}`.as("department"),
      leftAt: rosterLeftAt(now).as("left_at"),
      accountId: sql<number | null>`${employees.id}`.as("account_id"),
      lastSignInAt: sql<string | null>`${employees.lastSignInAt}`.as("last_sign_in_at"),
      state: state.as("state"),
      overdue: overdue.as("overdue"),
      acknowledgedVersionNumber: sql<number | null>`${acknowledgedVersionNumber}`.as(
        "acknowledged_version_number",
      ),
      acknowledgedAt: acknowledgedAt.as("acknowledged_at"),
    })
    .from(rosterEntries)
    .leftJoin(required, sql`true`)
    .leftJoin(employees, eq(employees.rosterEmployeeNumber, rosterEntries.employeeNumber))
    .leftJoin(newest, sql`${N("acknowledging_employee_id")} = ${employees.id}`);

  const notOnRoster = qb
    .select({
      rowKey: sql<string>`'A' || lpad(${employees.id}::text, 12, '0')`.as("row_key"),
      employeeNumber: sql<string | null>`null::text`.as("employee_number"),
      name: sql<string>`${employees.name}`.as("name"),
      email: sql<string | null>`${employees.email}`.as("email"),
      department: sql<string | null>`${employees.department}`.as("department"),
      leftAt: sql<string | null>`null::timestamptz`.as("left_at"),
      accountId: sql<number | null>`${employees.id}`.as("account_id"),
      lastSignInAt: sql<string | null>`${employees.lastSignInAt}`.as("last_sign_in_at"),
      state: state.as("state"),
      overdue: overdue.as("overdue"),
      acknowledgedVersionNumber: sql<number | null>`${acknowledgedVersionNumber}`.as(
        "acknowledged_version_number",
      ),
      acknowledgedAt: acknowledgedAt.as("acknowledged_at"),
    })
    .from(employees)
    .leftJoin(required, sql`true`)
    .leftJoin(newest, sql`${N("acknowledging_employee_id")} = ${employees.id}`)
    .where(isNull(employees.rosterEmployeeNumber));

  const people = onRoster.unionAll(notOnRoster).as("people");

  return qb
    .select({
      rowKey: people.rowKey,
      employeeNumber: people.employeeNumber,
      name: people.name,
      email: people.email,
      department: people.department,
      leftAt: people.leftAt,
      accountId: people.accountId,
      lastSignInAt: people.lastSignInAt,
      state: people.state,
      overdue: people.overdue,
      acknowledgedVersionNumber: people.acknowledgedVersionNumber,
      acknowledgedAt: people.acknowledgedAt,
      status: sql<EmployeeStatus>`case
        when ${people.leftAt} is not null then 'left'
        when ${people.employeeNumber} is null then 'unlinked'
        when ${people.state} = 'acknowledged' then 'acknowledged'
        when ${people.overdue} then 'overdue'
        else 'outstanding' end`.as("status"),
    })
    .from(people)
    .as("employee_list");
}

type ListSource = ReturnType<typeof employeeListSource>;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function whereOf(list: ListSource, filter: EmployeeListFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      or(
        ilike(list.name, pattern),
        ilike(list.email, pattern),
        ilike(list.employeeNumber, `${escapeLike(filter.search)}%`),
      )!,
    );
  }
  if (filter.department) conditions.push(eq(list.department, filter.department));
  if (filter.status === "outstanding")
    conditions.push(inArray(list.status, ["outstanding", "overdue"]));
  else if (filter.status) conditions.push(eq(list.status, filter.status));
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * The sort column as text that orders like the column itself and is never null, so keyset
 * pagination can compare (sortKey, rowKey) pairs. Empty values sort first ascending.
 */
function sortKeyOf(list: ListSource, sort: SortColumn): SQL<string> {
  switch (sort) {
    case "name":
      return sql<string>`lower(${list.name})`;
    case "employeeNumber":
      // Numbers as numbers (2 before 10); the pad keeps text comparison in that order.
      return sql<string>`lpad(coalesce(${list.employeeNumber}, ''), 24, '0')`;
    case "department":
      return sql<string>`lower(coalesce(${list.department}, ''))`;
    case "status":
      return sql<string>`case ${list.status} when 'overdue' then '1' when 'outstanding' then '2'
        when 'acknowledged' then '3' when 'unlinked' then '4' else '5' end`;
    case "acknowledgedAt":
      return sql<string>`coalesce(to_char(${list.acknowledgedAt} at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.US'), '')`;
    case "lastSignInAt":
      return sql<string>`coalesce(to_char(${list.lastSignInAt} at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.US'), '')`;
  }
}

function rowSelection(list: ListSource, filter: Pick<EmployeeListFilter, "sort">) {
  return {
    rowKey: list.rowKey,
    employeeNumber: list.employeeNumber,
    name: list.name,
    email: list.email,
    department: list.department,
    status: list.status,
    state: list.state,
    overdue: list.overdue,
    acknowledgedVersionNumber: list.acknowledgedVersionNumber,
    acknowledgedAt: list.acknowledgedAt,
    leftAt: list.leftAt,
    accountId: list.accountId,
    lastSignInAt: list.lastSignInAt,
    sortKey: sortKeyOf(list, filter.sort),
  };
}

type RawRow = {
  rowKey: string;
  employeeNumber: string | null;
  name: string;
  email: string | null;
  department: string | null;
  status: EmployeeStatus;
  state: AcknowledgementState | null;
  overdue: boolean | string | null;
  acknowledgedVersionNumber: number | string | null;
  acknowledgedAt: Date | string | null;
  leftAt: Date | string | null;
  accountId: number | string | null;
  lastSignInAt: Date | string | null;
  sortKey: string;
};

// Values computed in SQL come back as the driver gives them (PGlite: Date; node-postgres through
// drizzle: string): one place turns them into the row type.
function toDate(value: Date | string | null): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}
function toNumber(value: number | string | null): number | null {
  return value === null || value === undefined ? null : Number(value);
}
function toRow(raw: RawRow): EmployeeListRow {
  return {
    rowKey: raw.rowKey,
    employeeNumber: raw.employeeNumber,
    name: raw.name,
    email: raw.email,
    department: raw.department,
    status: raw.status,
    state: raw.state,
    overdue: raw.overdue === true || raw.overdue === "t" || raw.overdue === "true",
    acknowledgedVersionNumber: toNumber(raw.acknowledgedVersionNumber),
    acknowledgedAt: toDate(raw.acknowledgedAt),
    leftAt: toDate(raw.leftAt),
    accountId: toNumber(raw.accountId),
    lastSignInAt: toDate(raw.lastSignInAt),
  };
}

export type EmployeeListPage = {
  rows: EmployeeListRow[];
  /** Rows matching the filter, over all pages. */
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
};

/**
 * One page of the filtered, sorted list and the filter's total: two queries, and only the page's
 * rows come back.
 */
export async function listEmployees({
  filter,
  now,
  policy = DEFAULT_POLICY,
  db,
}: {
  filter: EmployeeListFilter;
  now: Date;
  policy?: string;
  db?: Executor;
}): Promise<EmployeeListPage> {
  const executor = db ?? (await getDb());
  const list = employeeListSource({ policy, now });
  const where = whereOf(list, filter);
  const [{ total }] = await executor.select({ total: count() }).from(list).where(where);
  const pageCount = Math.max(1, Math.ceil(total / filter.perPage));
  const page = Math.min(filter.page, pageCount);
  const direction = filter.order === "desc" ? desc : asc;
  const rows = (await executor
    .select(rowSelection(list, filter))
    .from(list)
    .where(where)
    .orderBy(direction(sortKeyOf(list, filter.sort)), direction(list.rowKey))
    .limit(filter.perPage)
    .offset((page - 1) * filter.perPage)) as RawRow[];
  return { rows: rows.map(toRow), total, page, perPage: filter.perPage, pageCount };
}

/**
 * Every row matching the filter (page and perPage ignored), in the list's order, fetched
 * `batchSize` rows at a time by keyset pagination: memory stays flat however long the list, and
 * a row is neither skipped nor repeated while the pages are read.
 */
export async function* streamEmployees({
  filter,
  now,
  batchSize = 1000,
  policy = DEFAULT_POLICY,
  db,
}: {
  filter: EmployeeListFilter;
  now: Date;
  batchSize?: number;
  policy?: string;
  db?: Executor;
}): AsyncGenerator<EmployeeListRow, void, undefined> {
  const executor = db ?? (await getDb());
  const list = employeeListSource({ policy, now });
  const where = whereOf(list, filter);
  const sortKey = sortKeyOf(list, filter.sort);
  const descending = filter.order === "desc";
  const direction = descending ? desc : asc;
  let after: { sortKey: string; rowKey: string } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? descending
        ? sql`(${sortKey}, ${list.rowKey}) < (${after.sortKey}, ${after.rowKey})`
        : sql`(${sortKey}, ${list.rowKey}) > (${after.sortKey}, ${after.rowKey})`
      : undefined;
    const batch = (await executor
      .select(rowSelection(list, filter))
      .from(list)
      .where(and(where, keyset))
      .orderBy(direction(sortKey), direction(list.rowKey))
      .limit(batchSize)) as RawRow[];
    for (const raw of batch) yield toRow(raw);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { sortKey: last.sortKey, rowKey: last.rowKey };
  }
}

/**
 * The departments in the list, for the filter's choices: the roster's, and those the IdP gave
 * accounts that are on no roster (the list's department column). No acknowledgement state needed.
 */
export async function listDepartments({ db }: { db?: Executor } = {}): Promise<string[]> {
  const executor = db ?? (await getDb());
  const rows = await executor
    .select({ department: rosterEntries.department })
    .from(rosterEntries)
    .union(
      executor
        .select({ department: sql<string>`${employees.department}` })
        .from(employees)
        .where(and(isNull(employees.rosterEmployeeNumber), isNotNull(employees.department))),
    )
    .orderBy(asc(sql`1`));
  return rows.map((row) => row.department).filter(Boolean);
}

export type StatusCounts = Record<EmployeeStatus, number> & {
  /** On the roster and not left: the population the share is computed over. */
  active: number;
};

export type DepartmentSummary = StatusCounts & { department: string | null };

const countsSelection = (list: ListSource) => ({
  acknowledged: sql<number>`count(*) filter (where ${list.status} = 'acknowledged')`.mapWith(
    Number,
  ),
  outstanding: sql<number>`count(*) filter (where ${list.status} = 'outstanding')`.mapWith(Number),
  overdue: sql<number>`count(*) filter (where ${list.status} = 'overdue')`.mapWith(Number),
  left: sql<number>`count(*) filter (where ${list.status} = 'left')`.mapWith(Number),
  unlinked: sql<number>`count(*) filter (where ${list.status} = 'unlinked')`.mapWith(Number),
  active:
    sql<number>`count(*) filter (where ${list.status} in ('acknowledged', 'outstanding', 'overdue'))`.mapWith(
      Number,
    ),
});

/**
 * The dashboard's numbers, counted in SQL with GROUP BY: overall and per department. Departments
 * come from the roster (an unlinked account: what the IdP said, or none).
 */
export async function summarizeEmployees({
  now,
  policy = DEFAULT_POLICY,
  db,
}: {
  now: Date;
  policy?: string;
  db?: Executor;
}): Promise<{ overall: StatusCounts; departments: DepartmentSummary[] }> {
  const executor = db ?? (await getDb());
  const departments = await summaryQuery({ now, policy, db: executor });
  // Adding up a row per department (a few dozen), not employees: the counting stays in SQL.
  const overall: StatusCounts = {
    acknowledged: 0,
    outstanding: 0,
    overdue: 0,
    left: 0,
    unlinked: 0,
    active: 0,
  };
  for (const row of departments)
    for (const key of Object.keys(overall) as (keyof StatusCounts)[]) overall[key] += row[key];
  return { overall, departments };
}

/** One pass over the list, grouped by department. */
function summaryQuery({ now, policy, db }: { now: Date; policy: string; db: Executor }) {
  const list = employeeListSource({ policy, now });
  return db
    .select({ department: list.department, ...countsSelection(list) })
    .from(list)
    .groupBy(list.department)
    .orderBy(sql`${list.department} asc nulls last`);
}

/** The dashboard's and the list's queries, for EXPLAIN ANALYZE in bench/hr.ts. */
export function explainedQueries({ now, db }: { now: Date; db: Executor }) {
  const policy = DEFAULT_POLICY;
  const list = employeeListSource({ policy, now });
  return [
    ["dashboard: counts per department", summaryQuery({ now, policy, db })],
    ["list: total of the default filter", db.select({ total: count() }).from(list)],
    [
      "list: first page (name)",
      db
        .select(rowSelection(list, DEFAULT_FILTER))
        .from(list)
        .orderBy(asc(sortKeyOf(list, "name")), asc(list.rowKey))
        .limit(DEFAULT_PAGE_SIZE),
    ],
  ] as const;
}

/** Share acknowledged of the active roster, 0–100, or null when nobody is on it. */
export function acknowledgedShare(counts: StatusCounts): number | null {
  return counts.active === 0 ? null : (100 * counts.acknowledged) / counts.active;
}
