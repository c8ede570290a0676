import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import {
  detectFormat,
  parseRosterFile,
  rosterSourceFromPath,
  type ParseProgress,
  type ParseResult,
} from "@/lib/roster/parse";
import type { RosterCounts } from "@/lib/roster/import";

// An uploaded roster file waits here between the preview and the confirmation: on disk in a
// private (0700) directory, under a random token, for at most UPLOAD_TTL_MS. The confirmation
// parses the same bytes again (their SHA-256 must be the one previewed), so nothing is held in
// memory between the two requests and a second instance with the same temp dir could confirm.

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const UPLOAD_TTL_MS = 30 * 60 * 1000;

const TOKEN = /^[0-9a-f]{32}$/;
export const uploadTokenSchema = z.string().regex(TOKEN, "Ongeldige upload.");

type UploadMeta = {
  fileName: string;
  sha256: string;
  size: number;
  employeeId: number;
  createdAt: number;
  counts: RosterCounts | null;
};

let directory: Promise<string> | null = null;

/**
 * The private upload directory. A fixed path per user, not mkdtemp per module: Next bundles the
 * upload route and the confirming server action separately, and both must find the same files.
 * Refuses a directory someone else owns or that others can read (a planted path in /tmp).
 */
function uploadDirectory(): Promise<string> {
  directory ??= (async () => {
    const uid = process.getuid?.() ?? 0;
    const dir = path.join(os.tmpdir(), `portal-roster-uploads-${uid}`);
    await fs.mkdir(dir, { mode: 0o700, recursive: true });
    const stat = await fs.lstat(dir);
    if (!stat.isDirectory() || (process.getuid && stat.uid !== uid))
      throw new Error(`${dir} is not a directory owned by this user`);
    await fs.chmod(dir, 0o700);
    return dir;
  })();
  return directory;
}

async function sweep(dir: string, now: number) {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > UPLOAD_TTL_MS) await fs.rm(file, { force: true });
  }
}

export class UploadError extends Error {}

/**
 * Stream a request body to a new temp file, hashing it on the way; never the whole file in memory.
 * Refuses an empty body, an unknown extension or more than MAX_UPLOAD_BYTES (Dutch messages).
 */
export async function receiveUpload({
  body,
  fileName,
  employeeId,
}: {
  body: ReadableStream<Uint8Array> | null;
  fileName: string;
  employeeId: number;
}): Promise<{ token: string; file: string; sha256: string; size: number }> {
  if (!detectFormat(fileName))
    throw new UploadError(
      "Dit type bestand wordt niet ondersteund. Gebruik CSV (.csv) of Excel (.xlsx).",
    );
  if (!body) throw new UploadError("Het bestand is leeg.");
  const dir = await uploadDirectory();
  await sweep(dir, Date.now());
  const token = randomBytes(16).toString("hex");
  const file = path.join(dir, `${token}.upload`);
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) {
        done(new UploadError(`Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>),
      counter,
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  if (size === 0) {
    await fs.rm(file, { force: true });
    throw new UploadError("Het bestand is leeg.");
  }
  const sha256 = hash.digest("hex");
  await writeMeta(dir, token, {
    fileName,
    sha256,
    size,
    employeeId,
    createdAt: Date.now(),
    counts: null,
  });
  return { token, file, sha256, size };
}

async function writeMeta(dir: string, token: string, meta: UploadMeta) {
  await fs.writeFile(path.join(dir, `${token}.json`), JSON.stringify(meta), { mode: 0o600 });
}

/** Remember what the preview counted, for the confirmation to insist on. */
export async function recordPreviewCounts(token: string, counts: RosterCounts) {
  const dir = await uploadDirectory();
  const meta = await readMeta(dir, token);
  if (meta) await writeMeta(dir, token, { ...meta, counts });
}

async function readMeta(dir: string, token: string): Promise<UploadMeta | null> {
  if (!TOKEN.test(token)) return null;
  try {
    return JSON.parse(await fs.readFile(path.join(dir, `${token}.json`), "utf8")) as UploadMeta;
  } catch {
    return null;
  }
}

/** Parse an uploaded file, reporting progress. */
export async function parseUpload(
  file: string,
  fileName: string,
  onProgress?: (progress: ParseProgress) => void,
): Promise<ParseResult> {
  return parseRosterFile({ source: { ...rosterSourceFromPath(file), name: fileName }, onProgress });
}

/**
 * The upload behind a token, checked: the same person, not expired, and its bytes still hashing to
 * what was previewed. Null when any of that fails.
 */
export async function claimUpload({
  token,
  sha256,
  employeeId,
}: {
  token: string;
  sha256: string;
  employeeId: number;
}): Promise<(UploadMeta & { file: string }) | null> {
  const dir = await uploadDirectory();
  const meta = await readMeta(dir, token);
  if (!meta || meta.employeeId !== employeeId || meta.sha256 !== sha256) return null;
  if (Date.now() - meta.createdAt > UPLOAD_TTL_MS) return null;
  const file = path.join(dir, `${token}.upload`);
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest("hex") === sha256 ? { ...meta, file } : null;
}

export async function discardUpload(token: string) {
  if (!TOKEN.test(token)) return;
  const dir = await uploadDirectory();
  await fs.rm(path.join(dir, `${token}.upload`), { force: true });
  await fs.rm(path.join(dir, `${token}.json`), { force: true });
}
