import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  date,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

// Evidence tables (policy_versions, policy_version_parts, acknowledgements, audit_events) are also
// guarded by triggers in the custom migration: the database itself refuses to rewrite history.

export const employees = pgTable(
  "employees",
  {
    id: serial("id").primaryKey(),
    // Identity is the IdP's (issuer, subject), never the email address.
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    department: text("department"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // The roster entry this account belongs to (docs/decisions/0008-roster-linking.md). Null: unlinked.
    rosterEmployeeNumber: text("roster_employee_number").references(
      () => rosterEntries.employeeNumber,
    ),
    // What the IdP said at the last sign-in, kept so a later import can link the account.
    claimedEmployeeNumber: text("claimed_employee_number"),
    emailVerified: boolean("email_verified").notNull().default(false),
    // Set from the IdP's groups at each sign-in and read on every request, so a change made here
    // (by HR or an admin) applies on the employee's next request.
    roles: text("roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [
    unique("employees_issuer_subject_unique").on(table.issuer, table.subject),
    // One account per roster entry.
    unique("employees_roster_employee_number_unique").on(table.rosterEmployeeNumber),
  ],
);

export type Employee = InferSelectModel<typeof employees>;
export type NewEmployee = InferInsertModel<typeof employees>;

/**
 * The personnel file as HR imports it, keyed by employee number. Independent of sign-ins: people
 * who never signed in are here, accounts not on the roster are not. Rows are never deleted; someone
 * missing from an import gets left_at.
 */
export const rosterEntries = pgTable(
  "roster_entries",
  {
    employeeNumber: text("employee_number").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    department: text("department").notNull(),
    manager: text("manager"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    // Set when an import no longer lists them; cleared when a later import lists them again.
    leftAt: timestamp("left_at", { withTimezone: true }),
    // Set when the personal data was erased after the retention term (lib/hr/retention.ts); the
    // row stays, pseudonymous, so accounts and their acknowledgements keep their key.
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("roster_entries_employee_number_not_blank", sql`btrim(${table.employeeNumber}) <> ''`),
    index("roster_entries_department_idx").on(table.department),
    index("roster_entries_email_idx").on(sql`lower(${table.email})`),
  ],
);

export type RosterEntry = InferSelectModel<typeof rosterEntries>;
export type NewRosterEntry = InferInsertModel<typeof rosterEntries>;

/**
 * One row per sign-in. The session cookie carries only the id; each request checks the row, so
 * signing out (ended_at) and the absolute lifetime (expires_at, fixed at sign-in) hold on the server.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    // 256 random bits, base64url; the cookie that carries it is encrypted with NEXTAUTH_SECRET.
    id: text("id").primaryKey(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("auth_sessions_employee_idx").on(table.employeeId)],
);

export type AuthSession = InferSelectModel<typeof authSessions>;
export type NewAuthSession = InferInsertModel<typeof authSessions>;

export const policyVersions = pgTable(
  "policy_versions",
  {
    id: serial("id").primaryKey(),
    policy: text("policy").notNull(),
    number: integer("number").notNull(),
    // SHA-256 (hex) over every part's source, see hashParts in lib/content/source.ts.
    contentHash: char("content_hash", { length: 64 }).notNull(),
    summary: text("summary").notNull(),
    // Material: employees must acknowledge again. Editorial: earlier acknowledgements carry forward.
    material: boolean("material").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedByEmployeeId: integer("published_by_employee_id").references(() => employees.id),
    // Kept beside the id so the record still says who published after the employee row is gone.
    publishedByLabel: text("published_by_label").notNull(),
  },
  (table) => [
    unique("policy_versions_policy_number_unique").on(table.policy, table.number),
    check("policy_versions_number_positive", sql`${table.number} >= 1`),
    check("policy_versions_content_hash_hex", sql`${table.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

export type PolicyVersion = InferSelectModel<typeof policyVersions>;
export type NewPolicyVersion = InferInsertModel<typeof policyVersions>;

export const policyVersionParts = pgTable(
  "policy_version_parts",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    order: integer("order").notNull(),
    kind: text("kind", { enum: ["intro", "part", "closing"] }).notNull(),
    summary: text("summary").notNull(),
    // The whole MDX file, frontmatter included, exactly as published.
    source: text("source").notNull(),
  },
  (table) => [
    primaryKey({ name: "policy_version_parts_pkey", columns: [table.versionId, table.slug] }),
    check("policy_version_parts_kind", sql`${table.kind} in ('intro', 'part', 'closing')`),
  ],
);

export type PolicyVersionPart = InferSelectModel<typeof policyVersionParts>;
export type NewPolicyVersionPart = InferInsertModel<typeof policyVersionParts>;

/**
 * What readers need of each published part, compiled once at publish time (in the MDX worker), so
 * a page view or a comparison is a lookup and never parses MDX. Append-only like the versions:
 * a new pipeline version adds rows beside the old ones (written at startup for older versions).
 */
export const policyVersionRenderings = pgTable(
  "policy_version_renderings",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    slug: text("slug").notNull(),
    // PIPELINE_VERSION in lib/content/hash.ts.
    pipeline: text("pipeline").notNull(),
    // compileHash(): pipeline, slug and source; keys the in-memory component cache.
    hash: char("hash", { length: 64 }).notNull(),
    // mdx-bundler output, evaluated by components/mdx-content.tsx.
    code: text("code").notNull(),
    headings: jsonb("headings").$type<{ id: string; text: string; depth: number }[]>().notNull(),
    rules: jsonb("rules").$type<{ id: string; text: string }[]>().notNull(),
    // The redline's readable text blocks (lib/content/diff.ts).
    blocks: jsonb("blocks")
      .$type<{ kind: "paragraph" | "heading" | "bullet"; level: number; text: string }[]>()
      .notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({
      name: "policy_version_renderings_pkey",
      columns: [table.versionId, table.slug, table.pipeline],
    }),
    foreignKey({
      name: "policy_version_renderings_part_fk",
      columns: [table.versionId, table.slug],
      foreignColumns: [policyVersionParts.versionId, policyVersionParts.slug],
    }),
  ],
);

export type PolicyVersionRendering = InferSelectModel<typeof policyVersionRenderings>;

/**
 * Corrections of a version's deadline after publication (a wrong date, a date moved): the version
 * stays immutable and the newest row here is its effective deadline (lib/policy/deadline-changes.ts),
 * which the acknowledgement-state rule reads. Append-only, like the versions.
 */
export const policyDeadlineChanges = pgTable(
  "policy_deadline_changes",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    // The effective deadline before this change (null: none) and after it (null: removed).
    oldDeadline: timestamp("old_deadline", { withTimezone: true }),
    newDeadline: timestamp("new_deadline", { withTimezone: true }),
    reason: text("reason").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    changedByEmployeeId: integer("changed_by_employee_id").references(() => employees.id),
    changedByLabel: text("changed_by_label").notNull(),
  },
  (table) => [
    check("policy_deadline_changes_reason_not_blank", sql`btrim(${table.reason}) <> ''`),
    index("policy_deadline_changes_version_idx").on(table.versionId, table.id),
  ],
);

export type PolicyDeadlineChange = InferSelectModel<typeof policyDeadlineChanges>;

export const acknowledgements = pgTable(
  "acknowledgements",
  {
    id: serial("id").primaryKey(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    // The hash of the text that was shown when the employee pressed "Bevestigen".
    contentHash: char("content_hash", { length: 64 }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
  },
  (table) => [
    // Exactly one acknowledgement per employee and version: double submits collapse onto it.
    unique("acknowledgements_employee_version_unique").on(table.employeeId, table.versionId),
    index("acknowledgements_version_idx").on(table.versionId),
  ],
);

export type Acknowledgement = InferSelectModel<typeof acknowledgements>;
export type NewAcknowledgement = InferInsertModel<typeof acknowledgements>;

/**
 * Each employee's newest acknowledged version per policy, so the state rule's SQL form
 * (lib/acknowledgements/reports.ts) reads one row per employee instead of aggregating every
 * acknowledgement on every request (docs/decisions/0016-employee-policy-states.md). Derived, never
 * written by the portal: a trigger on `acknowledgements` keeps it in the acknowledgement's own
 * transaction (the custom migration), so every writer (action, CLI, seed, tests) is covered.
 */
export const employeePolicyStates = pgTable(
  "employee_policy_states",
  {
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    policy: text("policy").notNull(),
    // The highest version number among the employee's acknowledgements of this policy.
    acknowledgedVersionNumber: integer("acknowledged_version_number").notNull(),
    // When that acknowledgement was made (the HR list's column).
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    // Policy first: the dashboard reads every employee of one policy.
    primaryKey({
      name: "employee_policy_states_pkey",
      columns: [table.policy, table.employeeId],
    }),
  ],
);

export type EmployeePolicyState = InferSelectModel<typeof employeePolicyStates>;

export const auditEvents = pgTable(
  "audit_events",
  {
    // Assigned by the application under an advisory lock, so the chain has no gaps.
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    // No foreign key: the trail must outlive the rows it talks about.
    actorEmployeeId: integer("actor_employee_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: char("prev_hash", { length: 64 }).notNull(),
    hash: char("hash", { length: 64 }).notNull(),
  },
  (table) => [
    unique("audit_events_hash_unique").on(table.hash),
    check("audit_events_seq_positive", sql`${table.seq} >= 1`),
    index("audit_events_subject_idx").on(table.subjectType, table.subjectId),
  ],
);

export type AuditEvent = InferSelectModel<typeof auditEvents>;
export type NewAuditEvent = InferInsertModel<typeof auditEvents>;

export const MAIL_KINDS = ["reminder", "deadline_passed"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
/** What the mail log holds: the reminders' kinds and the notice of a new material version. */
export const MAIL_LOG_KINDS = [...MAIL_KINDS, "new_version"] as const;
export type MailLogKind = (typeof MAIL_LOG_KINDS)[number];

// Every mail the portal sends, whichever way it went: over SMTP (headers and outcome only) or, with
// no SMTP configured, into this table as the outbox (development only; then the body is kept too).
export const mailLog = pgTable(
  "mail_log",
  {
    id: serial("id").primaryKey(),
    // Nullable and kept when the employee's personal data is erased (the address is cleared then).
    employeeId: integer("employee_id").references(() => employees.id),
    // The roster entry it was for (also for someone on the roster who never signed in).
    rosterEmployeeNumber: text("roster_employee_number").references(
      () => rosterEntries.employeeNumber,
    ),
    kind: text("kind", { enum: MAIL_LOG_KINDS }).notNull(),
    recipient: text("recipient").notNull(),
    sender: text("sender").notNull(),
    subject: text("subject").notNull(),
    // Only for the outbox: a real mail's body is not evidence and need not be stored twice.
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    transport: text("transport", { enum: ["smtp", "outbox"] }).notNull(),
    status: text("status", { enum: ["sent", "failed"] }).notNull(),
    messageId: text("message_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("mail_log_kind", sql`${table.kind} in ('reminder', 'deadline_passed', 'new_version')`),
    check("mail_log_transport", sql`${table.transport} in ('smtp', 'outbox')`),
    check("mail_log_status", sql`${table.status} in ('sent', 'failed')`),
    index("mail_log_employee_idx").on(table.employeeId),
    index("mail_log_roster_employee_idx").on(table.rosterEmployeeNumber),
    index("mail_log_transport_idx").on(table.transport, table.id),
  ],
);

export type MailLogEntry = InferSelectModel<typeof mailLog>;
export type NewMailLogEntry = InferInsertModel<typeof mailLog>;

export const REMINDER_STATUSES = ["pending", "sent", "failed"] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

// At most one reminder per employee per day (Europe/Amsterdam): the unique key is claimed before
// the mail goes out, so a second press, a second instance or a second cron host finds it taken.
// A failed send releases the day for a retry; a pending one (crash mid-send) does not.
export const reminders = pgTable(
  "reminders",
  {
    id: serial("id").primaryKey(),
    // The account; null for someone on the roster who never signed in (mailed at the roster's address).
    employeeId: integer("employee_id").references(() => employees.id),
    // The roster entry, whenever the recipient is on the roster: one reminder a day per person,
    // whether they have an account yet or not.
    rosterEmployeeNumber: text("roster_employee_number").references(
      () => rosterEntries.employeeNumber,
    ),
    // The Amsterdam calendar date, "YYYY-MM-DD".
    day: date("day", { mode: "string" }).notNull(),
    versionId: integer("version_id")
      .notNull()
      .references(() => policyVersions.id),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    status: text("status", { enum: REMINDER_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    // "manual" when P&O pressed the button, "schedule" for npm run reminders:send.
    source: text("source", { enum: ["manual", "schedule"] }).notNull(),
    actorEmployeeId: integer("actor_employee_id"),
    actorLabel: text("actor_label").notNull(),
    mailId: integer("mail_id").references(() => mailLog.id),
    error: text("error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    unique("reminders_employee_day_unique").on(table.employeeId, table.day),
    unique("reminders_roster_employee_day_unique").on(table.rosterEmployeeNumber, table.day),
    check(
      "reminders_recipient",
      sql`${table.employeeId} is not null or ${table.rosterEmployeeNumber} is not null`,
    ),
    check("reminders_kind", sql`${table.kind} in ('reminder', 'deadline_passed')`),
    check("reminders_status", sql`${table.status} in ('pending', 'sent', 'failed')`),
    check("reminders_source", sql`${table.source} in ('manual', 'schedule')`),
    index("reminders_day_idx").on(table.day),
  ],
);

export type Reminder = InferSelectModel<typeof reminders>;
export type NewReminder = InferInsertModel<typeof reminders>;

/** One part of a draft, as the editor edits it: metadata as fields, the MDX body as text. */
export type DraftPartData = {
  slug: string;
  kind: "intro" | "part" | "closing";
  order: number;
  title: string;
  summary: string;
  /** The MDX below the frontmatter. May be invalid: a draft keeps work in progress. */
  body: string;
};

/**
 * The one shared draft (concept) per policy. Saves are optimistic: the writer names the revision
 * it started from and the UPDATE only matches that revision, so of two concurrent saves exactly
 * one wins and the other gets a conflict with this row's text. The row is never deleted: a
 * discard sets `parts` to null (back to the published text) and still bumps the revision.
 */
export const policyDrafts = pgTable(
  "policy_drafts",
  {
    policy: text("policy").primaryKey(),
    revision: integer("revision").notNull(),
    // Null: no changes, the draft is the published text.
    parts: jsonb("parts").$type<DraftPartData[]>(),
    // The published version the text was based on (a newer publication makes it stale).
    baseVersionNumber: integer("base_version_number"),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
    savedByEmployeeId: integer("saved_by_employee_id").references(() => employees.id),
    // Kept beside the id, as with versions: the label outlives the employee row.
    savedByLabel: text("saved_by_label").notNull(),
  },
  (table) => [check("policy_drafts_revision_positive", sql`${table.revision} >= 1`)],
);

export type PolicyDraft = InferSelectModel<typeof policyDrafts>;
export type NewPolicyDraft = InferInsertModel<typeof policyDrafts>;
