import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
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
    // Set from the IdP's groups at each sign-in and read on every request, so a change made here
    // (by HR or an admin) applies on the employee's next request.
    roles: text("roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (table) => [unique("employees_issuer_subject_unique").on(table.issuer, table.subject)],
);

export type Employee = InferSelectModel<typeof employees>;
export type NewEmployee = InferInsertModel<typeof employees>;

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
