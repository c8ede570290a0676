import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A copy of the shipped content to edit, as Communicatie would before publishing. */
export function copyContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-content-"));
  cpSync(path.join("content", "sociale-media"), dir, { recursive: true });
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string) {
  const target = path.join(dir, file);
  const before = readFileSync(target, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(target, after);
}

/** Publishes through the operator CLI, exactly as documented in the README. */
export async function publishWithCli(args: string[]): Promise<string> {
  const { stdout, stderr } = await run(
    "npm",
    ["run", "--silent", "content:publish", "--", ...args],
    {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e" },
      timeout: 60_000,
    },
  );
  return `${stdout}${stderr}`;
}
