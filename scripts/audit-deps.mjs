#!/usr/bin/env node
// CI step: `npm audit --omit=dev --audit-level=high`. Fails on a high or critical advisory in the
// runtime dependencies. When the registry's advisory service cannot be asked (offline, a mirror
// without the audit endpoint: "405 Method Not Allowed … audit endpoint returned an error"), it says
// so plainly and passes: an unreachable service is not a clean bill of health, but it must not
// block every build either, and it must never look like one.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const FAIL_LEVELS = ["high", "critical"];
export const NOT_CHECKED = "npm audit: the advisory service could not be reached; not checked";

/**
 * What to make of one `npm audit --json` run.
 * @param {{ status: number | null, stdout: string, stderr: string }} run
 * @returns {{ outcome: "clean" | "vulnerable" | "unreachable", exitCode: number, message: string }}
 */
export function decideAudit({ status, stdout, stderr }) {
  let report = null;
  try {
    report = JSON.parse(stdout);
  } catch {
    // No JSON at all: npm itself failed before asking anyone.
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== "object" || report.error || report.statusCode) {
    const reason =
      firstLine(report?.message) ??
      firstLine(report?.error?.summary) ??
      firstLine(stderr.split("\n").find((line) => /error|warn/i.test(line))) ??
      `npm audit exited with ${status}`;
    return { outcome: "unreachable", exitCode: 0, message: `${NOT_CHECKED} (${reason}).` };
  }
  const count = (level) => (Number.isInteger(counts[level]) ? counts[level] : 0);
  const failing = FAIL_LEVELS.reduce((sum, level) => sum + count(level), 0);
  const summary = ["critical", "high", "moderate", "low", "info"]
    .map((level) => `${count(level)} ${level}`)
    .join(", ");
  if (failing > 0) {
    const names = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => FAIL_LEVELS.includes(v?.severity))
      .map(([name, v]) => `${name} (${v.severity})`);
    return {
      outcome: "vulnerable",
      exitCode: 1,
      message: `npm audit: ${summary} in runtime dependencies; high or critical: ${names.join(", ") || failing}. Run \`npm audit --omit=dev\` for advice.`,
    };
  }
  return {
    outcome: "clean",
    exitCode: 0,
    message: `npm audit: no high or critical advisory (${summary}).`,
  };
}

function firstLine(text) {
  if (typeof text !== "string") return null;
  const line = text.trim().split("\n")[0];
  return line ? line.replace(/^npm (warn|error) /, "").trim() : null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  const decision = decideAudit({
    status: run.status,
    stdout: run.stdout ?? "",
    stderr: `${run.stderr ?? ""}${run.error ? `\n${run.error.message}` : ""}`,
  });
  (decision.exitCode ? console.error : console.log)(decision.message);
  process.exit(decision.exitCode);
}
