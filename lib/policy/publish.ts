import "server-only";

import { type Db, type Executor, getDb } from "@/lib/db/client";
import { DEFAULT_POLICY, hashParts, type PartSource } from "@/lib/content/source";
import { validationErrorsOf } from "@/lib/content/validation-error";
import { AppError } from "@/lib/errors";
import { summarizeEmployees } from "@/lib/hr/employee-list";
import { checkDeadline, checkSummary, PublishRefusal } from "@/lib/policy/guard-rails";
import {
  findCurrentVersion,
  getVersionParts,
  listVersions,
  type Publisher,
  publishVersion,
  type Version,
} from "@/lib/policy/versions";

export type GuardedPublishInput = {
  policy?: string;
  parts: PartSource[];
  summary: string;
  material: boolean;
  deadline: Date | null;
  /** The editor (form checkbox, CLI flag) accepts a deadline less than a week away. */
  confirmShortDeadline: boolean;
  publishedBy: Publisher;
  alsoAudit?: { action: string; data: Record<string, unknown> };
  now?: Date;
  db?: Db;
};

/**
 * Publish with the guard rails, for every way in (the portal's form, the CLI, its internal route):
 * a change summary, a deadline in the future (a week or more, or confirmed), content that differs
 * from the current version and that validates and compiles. Then publishVersion makes the version
 * in one transaction. Every refusal is a PublishRefusal with a Dutch message.
 */
export async function publishGuarded({
  policy = DEFAULT_POLICY,
  now = new Date(),
  db,
  ...input
}: GuardedPublishInput): Promise<Version> {
  const summary = checkSummary(input.summary);
  checkDeadline({
    deadline: input.deadline,
    material: input.material,
    confirmShortDeadline: input.confirmShortDeadline,
    now,
  });
  const executor = db ?? (await getDb());
  const current = await findCurrentVersion({ policy, db: executor });
  const ordered = [...input.parts].sort((a, b) => a.order - b.order);
  if (current && current.contentHash === hashParts(ordered)) throw identical(current.number);
  try {
    return await publishVersion({ ...input, policy, summary, db: executor });
  } catch (error) {
    if (error instanceof PublishRefusal || !(error instanceof AppError)) throw error;
    // Another editor published the same text a moment ago.
    if (error.code === "conflict") {
      const number = (error.details as { currentVersion?: number } | undefined)?.currentVersion;
      throw identical(number ?? current?.number ?? 0);
    }
    if (error.code === "invalid_input") {
      throw new PublishRefusal(
        "invalid_content",
        error.message,
        "parts",
        validationErrorsOf(error.details) ?? undefined,
      );
    }
    throw error;
  }
}

function identical(number: number): PublishRefusal {
  return new PublishRefusal(
    "identical",
    `De tekst is gelijk aan de huidige versie (versie ${number}): er is niets nieuws om te publiceren. Wil je alleen de uiterste datum aanpassen? Dat kan zonder nieuwe versie, onder "Uiterste datum wijzigen" (/redactie/termijn).`,
    "parts",
    undefined,
    { currentVersion: number },
  );
}

/**
 * Withdraw the current version: its predecessor's text is published as a new version, so history
 * is never rewritten. Material when the withdrawn version was (what employees acknowledged has
 * changed again), editorial otherwise. `expectedNumber` is the version the editor saw on the page:
 * when someone published since, nothing happens.
 */
export async function withdrawCurrentVersion({
  policy = DEFAULT_POLICY,
  expectedNumber,
  summary,
  publishedBy,
  now = new Date(),
  db,
}: {
  policy?: string;
  expectedNumber: number;
  summary: string;
  publishedBy: Publisher;
  now?: Date;
  db?: Db;
}): Promise<Version> {
  const executor = db ?? (await getDb());
  const versions = await listVersions({ policy, db: executor });
  const [current, previous] = versions;
  if (!current || current.number !== expectedNumber) {
    throw new AppError(
      "conflict",
      `Versie ${expectedNumber} is niet meer de huidige versie${current ? ` (dat is nu versie ${current.number})` : ""}. Bekijk de geschiedenis opnieuw.`,
    );
  }
  if (!previous) {
    throw new PublishRefusal(
      "nothing_to_withdraw",
      "Versie 1 kan niet worden ingetrokken: er is geen eerdere tekst om naar terug te gaan.",
    );
  }
  const parts = await getVersionParts({ versionId: previous.id, db: executor });
  const reason = checkSummary(summary);
  return publishGuarded({
    policy,
    parts,
    summary: `Versie ${current.number} ingetrokken; de tekst van versie ${previous.number} geldt weer. ${reason}`,
    material: current.material,
    deadline: null,
    confirmShortDeadline: false,
    publishedBy,
    alsoAudit: {
      action: "policy.withdrawn",
      data: {
        withdrawnVersion: current.number,
        withdrawnVersionId: current.id,
        restoredTextOf: previous.number,
        reason,
      },
    },
    now,
    db: executor,
  });
}

export type AcknowledgeCounts = {
  /** Active employees: on the roster and not left (P&O's population). */
  active: number;
  /** Of those, who have not acknowledged the version that counts now. */
  notAcknowledged: number;
};

/**
 * How many employees a publication asks to acknowledge: after a material change every active
 * employee (`active`), after an editorial one only those who had not yet (`notAcknowledged`).
 * Counted in SQL by the one state rule (lib/acknowledgements/reports.ts via P&O's list).
 */
export async function countEmployeesToAcknowledge({
  policy = DEFAULT_POLICY,
  now = new Date(),
  db,
}: {
  policy?: string;
  now?: Date;
  db?: Executor;
} = {}): Promise<AcknowledgeCounts> {
  const { overall } = await summarizeEmployees({ policy, now, db });
  return { active: overall.active, notAcknowledged: overall.outstanding + overall.overdue };
}
