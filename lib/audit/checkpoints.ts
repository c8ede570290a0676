import "server-only";

import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { desc, inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { systemLog } from "@/lib/log";

// Signed checkpoints of the audit chain's head, kept outside the database. Whoever owns the
// database can rewrite rows and recompute every later hash, or cut off the newest rows; neither
// survives a comparison with a checkpoint signed by a key the database never sees.

export type CheckpointConfig = {
  /** Folder for checkpoints.jsonl: not the data directory, not the database. */
  dir: string;
  /** Ed25519 private key (PKCS#8 PEM); created with mode 0600 on first use. */
  keyFile: string;
  /** Minutes between periodic checkpoints. */
  intervalMinutes: number;
};

export type Checkpoint = {
  /** Format version. */
  v: 1;
  seq: number;
  hash: string;
  /** ISO time the checkpoint was signed. */
  at: string;
  reason: string;
  /** Ed25519 over the canonical payload, base64. */
  sig: string;
};

export const CHECKPOINT_FILE = "checkpoints.jsonl";

export function checkpointFile(config: Pick<CheckpointConfig, "dir">): string {
  return path.join(config.dir, CHECKPOINT_FILE);
}

/** The public key beside the private one: all that verification needs. */
export function publicKeyFile(keyFile: string): string {
  return keyFile.replace(/(\.pem)?$/, ".pub.pem");
}

/** What is signed: fixed field order, so the same checkpoint always gives the same bytes. */
export function checkpointPayload(checkpoint: Omit<Checkpoint, "sig">): Buffer {
  return Buffer.from(
    `kempenhaeghe-audit-checkpoint:v${checkpoint.v}:${checkpoint.seq}:${checkpoint.hash}:${checkpoint.at}:${checkpoint.reason}`,
    "utf8",
  );
}

/** The signing key, created (with its public half) on first use. */
export function loadOrCreateSigningKey(keyFile: string): KeyObject {
  try {
    return createPrivateKey(fs.readFileSync(keyFile, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  try {
    // "wx": never overwrite a key another process created a moment ago.
    fs.writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), {
      mode: 0o600,
      flag: "wx",
    });
    fs.writeFileSync(publicKeyFile(keyFile), publicKey.export({ type: "spki", format: "pem" }), {
      mode: 0o644,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return createPrivateKey(fs.readFileSync(keyFile, "utf8"));
}

export function signCheckpoint(
  fields: Omit<Checkpoint, "sig" | "v">,
  privateKey: KeyObject,
): Checkpoint {
  const unsigned = { v: 1 as const, ...fields };
  return {
    ...unsigned,
    sig: sign(null, checkpointPayload(unsigned), privateKey).toString("base64"),
  };
}

export function verifyCheckpointSignature(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    const { sig, ...unsigned } = checkpoint;
    return verify(null, checkpointPayload(unsigned), publicKey, Buffer.from(sig, "base64"));
  } catch {
    return false;
  }
}

export type ReadCheckpoints = {
  checkpoints: Checkpoint[];
  /** Lines that are not a checkpoint at all (line numbers, 1-based). */
  unreadable: number[];
};

export function readCheckpoints(config: Pick<CheckpointConfig, "dir">): ReadCheckpoints {
  let text: string;
  try {
    text = fs.readFileSync(checkpointFile(config), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { checkpoints: [], unreadable: [] };
    throw error;
  }
  const checkpoints: Checkpoint[] = [];
  const unreadable: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as Checkpoint;
      if (
        value.v === 1 &&
        Number.isSafeInteger(value.seq) &&
        typeof value.hash === "string" &&
        typeof value.at === "string" &&
        typeof value.reason === "string" &&
        typeof value.sig === "string"
      ) {
        checkpoints.push(value);
        return;
      }
    } catch {
      // counted below
    }
    unreadable.push(index + 1);
  });
  return { checkpoints, unreadable };
}

async function readHead(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head ?? null;
}

export type CheckpointOutcome =
  | { written: true; checkpoint: Checkpoint }
  | { written: false; reason: "empty" | "unchanged" | "mismatch"; message?: string };

/**
 * Sign the chain head and append it to the checkpoint file (JSON lines, mode 0600) and to the log.
 * Refuses to sign when the row of the last checkpoint no longer has its hash: signing a rewritten
 * chain would launder it.
 */
export async function writeCheckpoint({
  db,
  config,
  reason,
  log = (line) => console.log(line),
  now = new Date(),
}: {
  db: Executor;
  config: CheckpointConfig;
  reason: string;
  log?: (line: string) => void;
  now?: Date;
}): Promise<CheckpointOutcome> {
  const head = await readHead(db);
  if (!head) return { written: false, reason: "empty" };
  const privateKey = loadOrCreateSigningKey(config.keyFile);
  const publicKey = createPublicKey(privateKey);
  const last = readCheckpoints(config)
    .checkpoints.filter((checkpoint) => verifyCheckpointSignature(checkpoint, publicKey))
    .at(-1);
  if (last) {
    if (last.seq === head.seq && last.hash === head.hash)
      return { written: false, reason: "unchanged" };
    const [row] = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(inArray(auditEvents.seq, [last.seq]));
    if (!row || row.hash !== last.hash || head.seq < last.seq) {
      const message =
        `[audit-checkpoint] NOT signed: the audit trail no longer matches checkpoint ${last.seq} of ${last.at}. ` +
        "Run npm run audit:verify.";
      console.error(message);
      return { written: false, reason: "mismatch", message };
    }
  }
  const checkpoint = signCheckpoint(
    { seq: head.seq, hash: head.hash, at: now.toISOString(), reason },
    privateKey,
  );
  fs.mkdirSync(config.dir, { recursive: true, mode: 0o700 });
  const fd = fs.openSync(checkpointFile(config), "a", 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // The log is a second copy outside the database (and outside this folder).
  log(`[audit-checkpoint] ${JSON.stringify(checkpoint)}`);
  // TODO(mail): also send the line to the address the organisation keeps for this, once lib/mail
  // exists; a mailbox is a third copy that neither the database owner nor this host can rewrite.
  return { written: true, checkpoint };
}

export type CheckpointFinding = {
  kind:
    | "checkpoint_signature_invalid"
    | "checkpoint_unreadable"
    | "checkpoint_rows_missing"
    | "checkpoint_hash_mismatch"
    | "checkpoint_key_missing";
  seq?: number;
  message: string;
};

/**
 * Compare the chain with every signed checkpoint. A row rewritten with every later hash
 * recomputed changes the hash at the next checkpoint's seq; deleted tail rows leave a checkpoint
 * whose seq no longer exists.
 */
export async function verifyAgainstCheckpoints({
  db,
  config,
}: {
  db: Executor;
  config: Pick<CheckpointConfig, "dir" | "keyFile">;
}): Promise<{ checked: number; latest: Checkpoint | null; findings: CheckpointFinding[] }> {
  const findings: CheckpointFinding[] = [];
  const { checkpoints, unreadable } = readCheckpoints(config);
  for (const line of unreadable) {
    findings.push({
      kind: "checkpoint_unreadable",
      message: `Regel ${line} van ${checkpointFile(config)} is geen checkpoint.`,
    });
  }
  if (checkpoints.length === 0) return { checked: 0, latest: null, findings };

  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(fs.readFileSync(publicKeyFile(config.keyFile), "utf8"));
  } catch {
    findings.push({
      kind: "checkpoint_key_missing",
      message: `De publieke sleutel ${publicKeyFile(config.keyFile)} ontbreekt: de checkpoints kunnen niet worden gecontroleerd.`,
    });
    return { checked: 0, latest: null, findings };
  }

  const valid: Checkpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (verifyCheckpointSignature(checkpoint, publicKey)) valid.push(checkpoint);
    else
      findings.push({
        kind: "checkpoint_signature_invalid",
        seq: checkpoint.seq,
        message: `Het checkpoint bij volgnummer ${checkpoint.seq} (${checkpoint.at}) heeft geen geldige handtekening.`,
      });
  }
  const seqs = [...new Set(valid.map((checkpoint) => checkpoint.seq))];
  const rows = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 1_000) {
    const batch = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(inArray(auditEvents.seq, seqs.slice(i, i + 1_000)));
    for (const row of batch) rows.set(row.seq, row.hash);
  }
  const head = await readHead(db);
  for (const checkpoint of valid) {
    const hash = rows.get(checkpoint.seq);
    if (hash === undefined) {
      findings.push({
        kind: "checkpoint_rows_missing",
        seq: checkpoint.seq,
        message: `Het checkpoint van ${checkpoint.at} legde rij ${checkpoint.seq} vast, maar de audittrail ${
          head ? `eindigt bij rij ${head.seq}` : "is leeg"
        }: rijen aan het eind zijn verwijderd.`,
      });
    } else if (hash !== checkpoint.hash) {
      findings.push({
        kind: "checkpoint_hash_mismatch",
        seq: checkpoint.seq,
        message: `Rij ${checkpoint.seq} heeft een andere hash dan het checkpoint van ${checkpoint.at}: de audittrail is tot en met die rij herschreven.`,
      });
    }
  }
  return { checked: valid.length, latest: valid.at(-1) ?? null, findings };
}

// The portal process's configuration, set at startup; on globalThis because Next may load this
// module more than once per process.
type GlobalState = { config: CheckpointConfig | null; timer: NodeJS.Timeout | null };
const state: GlobalState = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("portal.checkpoints")
] ??= { config: null, timer: null }) as GlobalState;

export function configureCheckpoints(config: CheckpointConfig | null): void {
  state.config = config;
}

export function checkpointConfig(): CheckpointConfig | null {
  return state.config;
}

/** After a change worth pinning down (a publication): a checkpoint now, never failing the caller. */
export async function checkpointNow({
  db,
  reason,
}: {
  db: Executor;
  reason: string;
}): Promise<void> {
  const config = state.config;
  if (!config) return;
  try {
    // The JSON log line's message is the checkpoint line, for the log collector to keep.
    await writeCheckpoint({
      db,
      config,
      reason,
      log: (line) => systemLog.info({ event: "audit_checkpoint", reason }, line),
    });
  } catch (error) {
    systemLog.error(
      { event: "audit_checkpoint_failed", reason, err: error },
      "Could not write an audit checkpoint",
    );
  }
}

/** A checkpoint at startup and every `intervalMinutes` after, for as long as the process runs. */
export function startCheckpointTimer({ db }: { db: Executor }): void {
  const config = state.config;
  if (!config || state.timer) return;
  void checkpointNow({ db, reason: "startup" });
  state.timer = setInterval(
    () => void checkpointNow({ db, reason: "periodic" }),
    config.intervalMinutes * 60_000,
  );
  state.timer.unref();
}
