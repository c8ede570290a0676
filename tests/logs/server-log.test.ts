import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/dev-idp/accounts";
import { deriveSecret, SECRET_FILE_NAME } from "@/lib/secrets";
import { checkServerLog } from "./server-log";

// Runs after the e2e suite (scripts/test.mjs): reads what the e2e portal printed, which
// scripts/e2e-server.mjs copied beside its data directory.
const ROOT = path.resolve(import.meta.dirname, "../..");
const DATA_DIR = path.resolve(ROOT, process.env.E2E_DATA_DIR ?? ".data-e2e");

const good = [
  "[start] Portal ready: http://127.0.0.1:3100 (other host names are redirected here)",
  '{"level":"info","time":"2026-12-02T13:00:00.000Z","reqId":"3f1c9a7e-2b4d","event":"sign_in","employeeId":3,"msg":"Signed in"}',
  "",
].join("\n");

describe("checkServerLog", () => {
  it("accepts start lines and JSON lines with a request id", () => {
    expect(checkServerLog({ stdout: good, stderr: "" }, ["s3cret"])).toEqual([]);
  });

  it("finds plain text, lines without a request id, and framework noise", () => {
    const problems = checkServerLog(
      {
        stdout: [
          good,
          "   ▲ Next.js 16.4.6",
          '{"level":"info","time":"x","msg":"no id"}',
          "Attention: Next.js now collects completely anonymous telemetry",
        ].join("\n"),
        stderr: "",
      },
      [],
    );
    expect(problems).toHaveLength(3);
  });

  it("finds cookies, tokens, mail addresses, secrets and names in either stream", () => {
    const leaks = [
      "cookie: next-auth.session-token=abc",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
      "to sanne.devries@kempenhaeghe.example",
      "secret 0123456789abcdef",
      "Sanne de Vries",
      "/api/auth/callback/portal?code=abc123&state=x",
    ];
    for (const leak of leaks) {
      const line = `{"level":"error","reqId":"system","msg":${JSON.stringify(leak)}}`;
      expect(
        checkServerLog({ stdout: `${line}\n`, stderr: "" }, ["0123456789abcdef", "Sanne de Vries"]),
        leak,
      ).not.toEqual([]);
      expect(
        checkServerLog({ stdout: good, stderr: leak }, ["0123456789abcdef", "Sanne de Vries"]),
        leak,
      ).not.toEqual([]);
    }
  });
});

describe("the e2e portal's output", () => {
  it("is JSON with a request id on every line, after the start lines, and leaks nothing", () => {
    const stdout = fs.readFileSync(`${DATA_DIR}-server.log`, "utf8");
    const stderr = fs.readFileSync(`${DATA_DIR}-server-stderr.log`, "utf8");
    const master = fs.readFileSync(path.join(DATA_DIR, SECRET_FILE_NAME), "utf8").trim();
    const secrets = [
      master,
      deriveSecret(master, "nextauth-secret"),
      deriveSecret(master, "dev-idp-client-secret"),
      ...DEMO_ACCOUNTS.flatMap((account) => [account.name, account.email]),
    ];
    expect(checkServerLog({ stdout, stderr }, secrets)).toEqual([]);
    // `npm start` says where the portal is and who can sign in, once, and nothing of Next's banner,
    // its telemetry notice or oidc-provider's runtime warning.
    const plain = stdout.split("\n").filter((line) => line !== "" && !line.startsWith("{"));
    expect(plain.filter((line) => !line.startsWith("[start] Building"))).toEqual([
      expect.stringMatching(/^\[start\] Portal ready: http:\/\/127\.0\.0\.1:\d+ /),
      expect.stringMatching(/^\[start\] Demo sign-in \(password "demo"\): medewerker /),
    ]);
    expect(stderr).not.toContain("oidc-provider WARNING");
    expect(`${stdout}${stderr}`).not.toMatch(/telemetry/i);
    // The run signed people in and refused some: both are in the log.
    const events = stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events).toContain("sign_in");
    expect(events).toContain("denied");
    expect(events).toContain("audit");
  });
});
