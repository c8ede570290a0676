import "server-only";

import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { computeAcknowledgementState } from "@/lib/acknowledgements/state";
import { appendAuditEvent } from "@/lib/audit/events";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { REMINDER_SCHEDULE_LOCK } from "@/lib/db/advisory-locks";
import { type Db, getDb } from "@/lib/db/client";
import { type MailKind, type Reminder, reminders } from "@/lib/db/schema";
import { withSessionLock } from "@/lib/db/session-lock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deliverMail } from "@/lib/mail/send";
import { getMailer, type Mailer } from "@/lib/mail/transport";
import { listVersions, type Version } from "@/lib/policy/versions";
import { amsterdamDay, DEFAULT_SCHEDULE, type Schedule, scheduledMail } from "./days";
import { renderReminderMail } from "./mail";
import {
  type OutstandingEmployee,
  type ReminderFilter,
  type ReminderTarget,
  selectOutstandingEmployees,
} from "./recipients";

export type { ReminderFilter } from "./recipients";

export type ReminderActor = { employeeId?: number | null; label: string };

export type ReminderBatchResult = {
  /** The Amsterdam date the batch counts against: one reminder per employee per day. */
  day: string;
  kind: MailKind;
  policy: string;
  versionId: number;
  versionNumber: number;
  deadline: string | null;
  transport: "smtp" | "outbox";
  /** Outstanding employees in the target. */
  selected: number;
  sent: number;
  /** Already had a reminder today (sent, or being sent by a concurrent batch). */
  alreadyToday: number;
  /** Outstanding, but with no usable email address. */
  noEmail: number;
  failed: number;
  /** Per failed employee, the reason (SMTP's answer). */
  failures: { employeeId: number | null; employeeNumber: string | null; error: string }[];
  /** Ids HR selected that need no reminder: acknowledged, or unknown. */
  notOutstanding: number;
};

const filterSchema = z.strictObject({
  department: z.string().trim().min(1).max(200).optional(),
  search: z.string().trim().max(200).optional(),
  status: z.enum(["outstanding", "overdue"]).optional(),
});

/** What HR (or the schedule) asks for; server actions can reuse it for their own input. */
export const reminderRequestSchema = z.union([
  z
    .strictObject({
      employeeIds: z.array(z.number().int().positive()).max(50_000),
      // Roster entries, for people who never signed in (and so have no account id).
      employeeNumbers: z.array(z.string().trim().min(1).max(100)).max(50_000).optional(),
    })
    .refine((target) => target.employeeIds.length + (target.employeeNumbers?.length ?? 0) > 0, {
      error: "Kies minstens één medewerker.",
    }),
  z.strictObject({ filter: filterSchema }),
]);

// A mail server that refuses this many in a row is down or refusing us: stop knocking, and let
// the rest of the batch retry later today instead of each waiting for its own timeout.
const MAX_CONSECUTIVE_FAILURES = 5;
const CLAIM_CHUNK = 1_000;
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * Mail a reminder to every outstanding employee in the target, at most one per employee per
 * Amsterdam day, and record one "reminders.sent" audit event for the batch.
 *
 * The day is claimed in the database before each mail goes out (unique employee_id + day): a
 * second press, a concurrent batch on another instance, or the scheduled run finds it taken and
 * skips that employee. A send that the mail server refused marks the claim failed, which frees the
 * day for a later retry; a claim left pending (the process died mid-send, so the mail may have
 * gone) is not retried that day: one mail too few rather than one too many.
 */
export async function sendReminders({
  employeeIds,
  employeeNumbers,
  filter,
  kind: requestedKind,
  actor,
  source = "manual",
  policy = DEFAULT_POLICY,
  now = new Date(),
  mailer,
  portalUrl,
  db,
}: {
  employeeIds?: number[];
  /** Roster entries (also of people who never signed in). */
  employeeNumbers?: string[];
  filter?: ReminderFilter;
  /** Default: "reminder" until the deadline has passed, "deadline_passed" after it. */
  kind?: MailKind;
  actor: ReminderActor;
  source?: "manual" | "schedule";
  policy?: string;
  now?: Date;
  /** Defaults to the one the environment configures. */
  mailer?: Mailer;
  /** Defaults to NEXTAUTH_URL. */
  portalUrl?: string;
  db?: Db;
}): Promise<ReminderBatchResult> {
  const parsed = reminderRequestSchema.safeParse(
    employeeIds !== undefined || employeeNumbers !== undefined
      ? { employeeIds: employeeIds ?? [], ...(employeeNumbers ? { employeeNumbers } : {}) }
      : { filter: filter ?? {} },
  );
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      parsed.error.issues[0]?.message.startsWith("Kies")
        ? parsed.error.issues[0].message
        : "Ongeldige selectie van medewerkers voor een herinnering.",
    );
  }
  const target: ReminderTarget = parsed.data;
  if (!actor.label.trim())
    throw new AppError("invalid_input", "Geef aan wie de herinnering stuurt.");
  const executor = db ?? (await getDb());
  const transport = mailer ?? getMailer();
  const origin = portalUrl ?? env.NEXTAUTH_URL;

  const { current, required } = await requiredVersion(executor, policy);
  const deadline = required.deadline;
  const passed = deadline !== null && now.getTime() > deadline.getTime();
  const kind: MailKind = requestedKind ?? (passed ? "deadline_passed" : "reminder");
  if (kind === "deadline_passed" && !passed) {
    throw new AppError(
      "invalid_input",
      "De uiterste datum is nog niet verstreken; stuur een gewone herinnering.",
    );
  }
  if (kind === "reminder" && passed) {
    // "Bevestig ze uiterlijk <a date in the past>" would be nonsense.
    throw new AppError(
      "invalid_input",
      "De uiterste datum is al verstreken; stuur de melding dat de uiterste datum verstreken is.",
    );
  }
  const day = amsterdamDay(now);

  const outstanding = await selectOutstandingEmployees({ db: executor, policy, target, now });
  const reachable = outstanding.filter(
    (employee) => employee.email && ADDRESS.test(employee.email),
  );
  const claimed = await claimDay(executor, reachable, {
    day,
    versionId: required.id,
    kind,
    source,
    actor,
  });

  const result: ReminderBatchResult = {
    day,
    kind,
    policy,
    versionId: required.id,
    versionNumber: current.number,
    deadline: deadline?.toISOString() ?? null,
    transport: transport.transport,
    selected: outstanding.length,
    sent: 0,
    alreadyToday: reachable.length - claimed.length,
    noEmail: outstanding.length - reachable.length,
    failed: 0,
    failures: [],
    notOutstanding:
      "employeeIds" in target
        ? new Set(target.employeeIds).size +
          new Set(target.employeeNumbers ?? []).size -
          outstanding.length
        : 0,
  };

  let consecutiveFailures = 0;
  for (const { reminderId, employee } of claimed) {
    if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
      const error = "Niet geprobeerd: de mailserver weigerde de vorige berichten in deze reeks.";
      await executor
        .update(reminders)
        .set({ status: "failed", error })
        .where(eq(reminders.id, reminderId));
      result.failed++;
      result.failures.push({
        employeeId: employee.employeeId,
        employeeNumber: employee.employeeNumber,
        error,
      });
      continue;
    }
    const mail = renderReminderMail({
      kind,
      name: employee.name,
      versionNumber: current.number,
      deadline,
      acknowledgedBefore: employee.acknowledgedBefore,
      portalUrl: origin,
    });
    const delivery = await deliverMail({
      db: executor,
      mailer: transport,
      employeeId: employee.employeeId,
      rosterEmployeeNumber: employee.employeeNumber,
      kind,
      mail: { to: { name: employee.name, address: employee.email! }, ...mail },
    });
    if (delivery.status === "sent") {
      consecutiveFailures = 0;
      result.sent++;
      await executor
        .update(reminders)
        .set({ status: "sent", mailId: delivery.mailId, sentAt: sql`now()`, error: null })
        .where(eq(reminders.id, reminderId));
    } else {
      consecutiveFailures++;
      result.failed++;
      result.failures.push({
        employeeId: employee.employeeId,
        employeeNumber: employee.employeeNumber,
        error: delivery.error,
      });
      await executor
        .update(reminders)
        .set({ status: "failed", mailId: delivery.mailId, error: delivery.error })
        .where(eq(reminders.id, reminderId));
    }
  }

  await executor.transaction((tx) =>
    appendAuditEvent(tx, {
      actorEmployeeId: actor.employeeId ?? null,
      actorLabel: actor.label,
      action: "reminders.sent",
      subjectType: "policy_version",
      subjectId: required.id,
      data: {
        policy,
        versionNumber: current.number,
        requiredVersionNumber: required.number,
        kind,
        source,
        day,
        transport: transport.transport,
        // The filter as given, or how many were selected: the ids themselves are in `reminders`.
        target:
          "employeeIds" in target
            ? {
                employeeIds: target.employeeIds.length,
                ...(target.employeeNumbers
                  ? { employeeNumbers: target.employeeNumbers.length }
                  : {}),
              }
            : target,
        counts: {
          selected: result.selected,
          sent: result.sent,
          alreadyToday: result.alreadyToday,
          noEmail: result.noEmail,
          failed: result.failed,
          notOutstanding: result.notOutstanding,
        },
      },
    }),
  );
  return result;
}

/** The newest version (to read) and the newest material one (whose deadline counts). */
async function requiredVersion(
  db: Db,
  policy: string,
): Promise<{ current: Version; required: Version }> {
  const versions = await listVersions({ policy, db });
  if (versions.length === 0) {
    throw new AppError("not_found", "Er is nog geen versie van deze richtlijnen gepubliceerd.");
  }
  // The one state rule decides which version is required (and so whose deadline counts).
  const { current, required } = computeAcknowledgementState({
    versions,
    acknowledgements: [],
    now: new Date(),
  });
  return { current, required };
}

/** One key per person: the roster entry when they are on it, else the account. */
const recipientKey = (person: { employeeId: number | null; employeeNumber: string | null }) =>
  person.employeeNumber !== null ? `R${person.employeeNumber}` : `A${person.employeeId}`;

/**
 * Claim today's reminder for each employee, per chunk: first take over today's failed claims
 * (attempts + 1), then insert the rest, skipping anyone who has a claim today already. Two unique
 * keys hold it: (account, day) and (roster entry, day), so someone on the roster gets one reminder
 * a day whether they have an account or not. Under concurrency the unique indexes make the later
 * inserter wait for the earlier one's commit and then skip; the takeover's row lock does the same.
 */
async function claimDay(
  db: Db,
  people: OutstandingEmployee[],
  claim: {
    day: string;
    versionId: number;
    kind: MailKind;
    source: "manual" | "schedule";
    actor: ReminderActor;
  },
): Promise<{ reminderId: number; employee: OutstandingEmployee }[]> {
  const byKey = new Map(people.map((person) => [recipientKey(person), person]));
  const claimed: { reminderId: number; employee: OutstandingEmployee }[] = [];
  const take = (
    rows: { id: number; employeeId: number | null; employeeNumber: string | null }[],
  ) => {
    for (const row of rows) {
      const employee = byKey.get(recipientKey(row));
      if (employee) claimed.push({ reminderId: row.id, employee });
    }
  };
  const actorColumns = {
    versionId: claim.versionId,
    kind: claim.kind,
    source: claim.source,
    actorEmployeeId: claim.actor.employeeId ?? null,
    actorLabel: claim.actor.label,
  };
  const returned = {
    id: reminders.id,
    employeeId: reminders.employeeId,
    employeeNumber: reminders.rosterEmployeeNumber,
  };
  for (let start = 0; start < people.length; start += CLAIM_CHUNK) {
    const chunk = people.slice(start, start + CLAIM_CHUNK);
    const numbers = chunk.flatMap((person) => person.employeeNumber ?? []);
    const accountIds = chunk.flatMap((person) =>
      person.employeeNumber === null && person.employeeId !== null ? [person.employeeId] : [],
    );
    const taken = await db
      .update(reminders)
      .set({
        ...actorColumns,
        status: "pending",
        attempts: sql`${reminders.attempts} + 1`,
        mailId: null,
        error: null,
        claimedAt: sql`now()`,
      })
      .where(
        and(
          eq(reminders.day, claim.day),
          eq(reminders.status, "failed"),
          or(
            numbers.length ? inArray(reminders.rosterEmployeeNumber, numbers) : undefined,
            accountIds.length
              ? and(
                  inArray(reminders.employeeId, accountIds),
                  isNull(reminders.rosterEmployeeNumber),
                )
              : undefined,
          ),
        ),
      )
      .returning(returned);
    take(taken);
    const takenKeys = new Set(taken.map(recipientKey));
    const fresh = chunk.filter((person) => !takenKeys.has(recipientKey(person)));
    if (fresh.length === 0) continue;
    const inserted = await db
      .insert(reminders)
      .values(
        fresh.map((person) => ({
          ...actorColumns,
          employeeId: person.employeeId,
          rosterEmployeeNumber: person.employeeNumber,
          day: claim.day,
          status: "pending" as const,
        })),
      )
      .onConflictDoNothing()
      .returning(returned);
    take(inserted);
  }
  claimed.sort((a, b) => compareRecipients(a.employee, b.employee));
  return claimed;
}

/** Accounts by id, then roster entries nobody signed in for by number: a stable mailing order. */
function compareRecipients(a: OutstandingEmployee, b: OutstandingEmployee): number {
  if (a.employeeId !== null && b.employeeId !== null) return a.employeeId - b.employeeId;
  if (a.employeeId !== null) return -1;
  if (b.employeeId !== null) return 1;
  return (a.employeeNumber ?? "").localeCompare(b.employeeNumber ?? "");
}

export type ScheduledRunResult =
  | { status: "no_deadline"; policy: string; versionNumber: number }
  | { status: "not_today"; policy: string; versionNumber: number; deadline: string; day: string }
  | { status: "busy"; policy: string }
  | {
      status: "sent";
      scheduled: { kind: MailKind; daysBefore?: number; daysAfter?: number };
      batch: ReminderBatchResult;
    };

export const SCHEDULE_ACTOR_LABEL = "Planner (npm run reminders:send)";

/**
 * The scheduled run (`npm run reminders:send`, from cron or a systemd timer on one or more hosts):
 * when today is a scheduled day for the required version's deadline, remind every outstanding
 * employee. A session advisory lock lets one host work at a time; the per-day claim in
 * sendReminders is what guarantees one mail per employee even without it.
 */
export async function runScheduledReminders({
  policy = DEFAULT_POLICY,
  schedule = DEFAULT_SCHEDULE,
  now = new Date(),
  mailer,
  portalUrl,
  db,
}: {
  policy?: string;
  schedule?: Schedule;
  now?: Date;
  mailer?: Mailer;
  portalUrl?: string;
  db?: Db;
} = {}): Promise<ScheduledRunResult> {
  const executor = db ?? (await getDb());
  const { current, required } = await requiredVersion(executor, policy);
  if (!required.deadline) {
    return { status: "no_deadline", policy, versionNumber: current.number };
  }
  const scheduled = scheduledMail({ deadline: required.deadline, now, schedule });
  if (!scheduled) {
    return {
      status: "not_today",
      policy,
      versionNumber: current.number,
      deadline: required.deadline.toISOString(),
      day: amsterdamDay(now),
    };
  }
  const locked = await withSessionLock(executor, REMINDER_SCHEDULE_LOCK, () =>
    sendReminders({
      filter: {},
      kind: scheduled.kind,
      actor: { label: SCHEDULE_ACTOR_LABEL },
      source: "schedule",
      policy,
      now,
      mailer,
      portalUrl,
      db: executor,
    }),
  );
  if (!locked.acquired) return { status: "busy", policy };
  return { status: "sent", scheduled, batch: locked.result };
}

/**
 * The reminders an employee got, newest first: for P&O's page about that employee. By account,
 * by roster entry (also before they ever signed in), or both.
 */
export async function listRemindersForEmployee({
  employeeId,
  employeeNumber,
  db,
}: {
  employeeId?: number | null;
  employeeNumber?: string | null;
  db?: Db;
}): Promise<Reminder[]> {
  if (employeeId == null && employeeNumber == null) return [];
  const executor = db ?? (await getDb());
  return executor
    .select()
    .from(reminders)
    .where(
      or(
        employeeId != null ? eq(reminders.employeeId, employeeId) : undefined,
        employeeNumber != null ? eq(reminders.rosterEmployeeNumber, employeeNumber) : undefined,
      ),
    )
    .orderBy(desc(reminders.day), desc(reminders.id));
}
