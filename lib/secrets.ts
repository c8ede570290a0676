// The demo setup's one random secret, generated once per data directory, and the secrets derived from it.
// No "server-only" marker: the launcher (plain Node) and the development IdP read this too.
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDataDir } from "./db/data-dir";

export const SECRET_FILE_NAME = "secret";

const SECRET_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Returns the data directory's secret, creating the directory and the secret on first use.
 * Creation is atomic and never overwrites: the secret is written to a private temporary file and
 * hard-linked into place, so two processes starting at once agree on one value and nobody ever
 * reads a half-written file.
 */
export function readOrCreateDataDirSecret(dataDir: string): string {
  const dir = ensurePrivateDataDir(dataDir);
  const file = path.join(dir, SECRET_FILE_NAME);

  const existing = readSecretFile(file);
  if (existing) return existing;

  const temporary = path.join(
    dir,
    `.${SECRET_FILE_NAME}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  const fd = fs.openSync(temporary, "wx", 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(32).toString("hex")}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    // Someone else won the race: theirs is the secret.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const created = readSecretFile(file);
  if (!created) throw new Error(`Could not create the secret file ${file}.`);
  return created;
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  if (!SECRET_PATTERN.test(secret)) {
    throw new Error(
      `The secret file ${file} is damaged (expected 64 hexadecimal characters). ` +
        "Delete it to generate a new one; everyone will have to sign in again.",
    );
  }
  return secret;
}

/** One independent secret per purpose, so no two components share a key. */
export function deriveSecret(master: string, purpose: string): string {
  return createHmac("sha256", master).update(`kempenhaeghe-portaal:${purpose}`).digest("base64url");
}
