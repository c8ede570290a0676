import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as reminders } from "@/app/api/internal/reminders/route";
import { closeDb, getStore } from "@/lib/db/client";
import { readLock } from "@/lib/db/lock";
import { seedStore } from "@/lib/policy/seed";
import type { Employee } from "@/lib/db/schema";
import { listRemindersForEmployee } from "@/lib/reminders/send";
import { createEmployee, createVersion, makeTempDir } from "@/tests/support/db";
import { deadlineInDays } from "@/tests/support/reminders";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp";

// While a portal holds the PGlite data directory, `npm run reminders:send` asks it over loopback
// (docs/decisions/0001) and the portal sends with its own mail settings. This test process plays
// the portal, as in internal-routes.pglite.test.ts.

let dataDir: string;
let server: http.Server;
let port: number;
let smtp: TestSmtpServer;
let anna: Employee;

beforeAll(async () => {
  dataDir = await makeTempDir("portal-reminders-internal-");
  smtp = await startSmtpServer();
  server = http.createServer(async (req, res) => {
    // As Next's server does before any route handler runs (base-server.js).
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const response =
      req.url === "/api/internal/reminders"
        ? await reminders(
            new Request(`http://127.0.0.1${req.url}`, {
              method: req.method,
              headers: req.headers as Record<string, string>,
              body: chunks.length ? Buffer.concat(chunks) : undefined,
            }),
          )
        : new Response(null, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // Read once, on first use of `env`: the portal's settings, set before the store opens.
  process.env.DATA_DIR = dataDir;
  process.env.PORT = String(port);
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Beleidsportaal <beleid@kempenhaeghe.test>";
  process.env.NEXTAUTH_URL = "https://beleid.kempenhaeghe.test";
  delete process.env.DATABASE_URL;
  const { db } = await getStore();
  // As lib/server/startup.ts does at the portal's start: version 1, then version 2 with a deadline.
  await seedStore({ db });
  await createVersion({ db, policy: "sociale-media", deadline: deadlineInDays(-1) });
  anna = await createEmployee({ db, name: "Anna Jansen" });
}, 60_000);

afterAll(async () => {
  await closeDb();
  await new Promise((resolve) => server?.close(resolve));
  await smtp?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function runCli(args: string[] = []) {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "scripts/reminders-send.ts", ...args],
    {
      // The CLI's own mail settings are irrelevant: the portal sends.
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "", VITEST: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

describe("npm run reminders:send while the portal holds the data directory (PGlite)", () => {
  it("sends the day-after mail through the portal, over the portal's SMTP settings", async () => {
    const result = await runCli();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/via het portaal/);
    expect(result.stdout).toMatch(/Melding "uiterste datum verstreken"/);
    expect(result.stdout).toMatch(/verstuurd:\s+1\n/);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelopeTo).toEqual([anna.email]);
    expect(mail.subject).toBe(
      "De uiterste datum is verstreken: bevestig de richtlijnen voor sociale media",
    );
    expect(mail.text).toContain("https://beleid.kempenhaeghe.test/richtlijnen");
    const [reminder] = await listRemindersForEmployee({ employeeId: anna.id });
    expect(reminder).toMatchObject({ kind: "deadline_passed", source: "schedule", status: "sent" });
  }, 120_000);

  it("refuses a request without the lock's token, and a bad schedule", async () => {
    const url = `http://127.0.0.1:${port}/api/internal/reminders`;
    const body = JSON.stringify({ policy: "sociale-media", daysBefore: [7], daysAfter: [1] });
    const anonymous = await fetch(url, { method: "POST", body });
    expect(anonymous.status).toBe(403);
    const bad = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${readLock(dataDir)!.token}` },
      body: JSON.stringify({ policy: "sociale-media", daysBefore: [-1], daysAfter: [0] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(smtp.messages).toHaveLength(1);
  });
});
