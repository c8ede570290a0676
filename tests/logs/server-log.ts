// Checks what the e2e portal printed (scripts/e2e-server.mjs keeps a copy): stdout holds the
// launcher's few lines for people and otherwise only the portal's JSON log lines, each with a
// request id; neither stdout nor stderr holds a cookie, token, secret, mail address or name.

/** The launcher's lines a newcomer reads (scripts/start.mjs); nothing else may be plain text. */
const START_LINES = [
  /^\[start\] Building the portal \(next build, a few minutes\)…$/,
  /^\[start\] Portal ready: http:\/\/\S+ \(other host names are redirected here\)$/,
  /^\[start\] Demo sign-in \(password "demo"\): .+$/,
];

const LEAKS: [string, RegExp][] = [
  ["a session cookie", /next-auth\.(session-token|csrf-token|callback-url|state|pkce)/i],
  ["a JWT", /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ["a bearer token", /\bBearer\s+[A-Za-z0-9._~+/-]{8,}/],
  ["a mail address", /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/],
  ["an authorization code or token parameter", /[?&](code|access_token|id_token|code_verifier)=/],
];

export type ServerLog = { stdout: string; stderr: string };

/**
 * Problems found, as sentences (empty when the log is fine). `secrets` are values that must not
 * appear anywhere (the data directory's secret and what is derived from it, people's names).
 */
export function checkServerLog(log: ServerLog, secrets: string[]): string[] {
  const problems: string[] = [];
  let jsonLines = 0;
  log.stdout.split("\n").forEach((line, index) => {
    if (line === "") return;
    const where = `stdout line ${index + 1}`;
    if (!line.startsWith("{")) {
      if (!START_LINES.some((pattern) => pattern.test(line)))
        problems.push(
          `${where} is neither a JSON log line nor a start line: ${line.slice(0, 200)}`,
        );
      return;
    }
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`${where} is not valid JSON: ${line.slice(0, 200)}`);
      return;
    }
    jsonLines++;
    if (typeof entry.reqId !== "string" || entry.reqId === "")
      problems.push(`${where} has no request id: ${line.slice(0, 200)}`);
    if (typeof entry.level !== "string" || typeof entry.msg !== "string")
      problems.push(`${where} has no level or message: ${line.slice(0, 200)}`);
  });
  if (jsonLines === 0) problems.push("stdout holds no JSON log lines at all");

  for (const [stream, text] of Object.entries(log)) {
    for (const [what, pattern] of LEAKS) {
      const match = pattern.exec(text);
      if (match) problems.push(`${stream} contains ${what}: …${context(text, match.index)}…`);
    }
    for (const secret of secrets) {
      const at = text.indexOf(secret);
      if (secret && at >= 0)
        problems.push(`${stream} contains a secret or a name (${secret.slice(0, 3)}…)`);
    }
  }
  return problems;
}

function context(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index + 60).replace(/\n/g, "⏎");
}
