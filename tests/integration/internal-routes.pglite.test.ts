import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as auditVerify } from "@/app/api/internal/audit-verify/route";
import { POST as publish } from "@/app/api/internal/publish/route";
import { POST as publishStatus } from "@/app/api/internal/publish-status/route";
import { POST as rosterImport } from "@/app/api/internal/roster-import/route";
import { closeDb, getDb, getStore } from "@/lib/db/client";
import { readLock } from "@/lib/db/lock";
import { rosterEntries } from "@/lib/db/schema";
import { seedStore } from "@/lib/policy/seed";
import { findCurrentVersion } from "@/lib/policy/versions";
import { makeTempDir } from "@/tests/support/db";

// While a portal holds a PGlite data directory, the CLIs reach it over loopback with the lock's
// token. Here this test process plays the portal: it opens the store through getDb() (as the
// portal does, configured by DATA_DIR and PORT) and serves the two internal route handlers.
// With PostgreSQL the CLIs connect directly and these routes answer 404: vitest.config.ts runs this file in the PGlite run only.

let dataDir: string;
let server: http.Server;
let port: number;
const routes: Record<string, (request: Request) => Promise<Response>> = {
  "/api/internal/publish": publish,
  "/api/internal/publish-status": publishStatus,
  "/api/internal/audit-verify": auditVerify,
  "/api/internal/roster-import": rosterImport,
};
/** Set to drop the connection after the next publish completed, without answering. */
let dropNextPublishAnswer = false;

beforeAll(async () => {
  dataDir = await makeTempDir("portal-internal-");
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = routes[req.url ?? ""];
    // As Next's server does before any route handler runs (base-server.js).
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    req.headers["x-forwarded-host"] ??= req.headers.host;
    const response = handler
      ? await handler(
          new Request(`http://127.0.0.1${req.url}`, {
            method: req.method,
            headers: req.headers as Record<string, string>,
            body: chunks.length ? Buffer.concat(chunks) : undefined,
          }),
        )
      : new Response(null, { status: 404 });
    if (req.url === "/api/internal/publish" && dropNextPublishAnswer) {
      // The publish went through; the answer is lost (a proxy timeout, a network hiccup).
      dropNextPublishAnswer = false;
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  // Read once, on first use of `env`: set before the store opens.
  process.env.DATA_DIR = dataDir;
  process.env.PORT = String(port);
  delete process.env.DATABASE_URL;
  // As lib/server/startup.ts does at the portal's start.
  await seedStore({ db: (await getStore()).db });
}, 60_000);

afterAll(async () => {
  await closeDb();
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function runCli(script: string, args: string[] = []) {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", `scripts/${script}.ts`, ...args],
    {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", VITEST: "" },
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

function post(
  route: string,
  token: string | null,
  body: unknown = {},
  headers: Record<string, string> = {},
) {
  return fetch(`http://127.0.0.1:${port}${route}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe("the CLIs while the portal holds the data directory (PGlite)", () => {
  it("records the portal's pid, port and a fresh token in the lock", () => {
    const lock = readLock(dataDir);
    expect(lock).toMatchObject({ pid: process.pid, port });
    expect(lock?.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishes through the portal, which runs the same domain function", async () => {
    const content = path.join(dataDir, "content");
    fs.cpSync("content/sociale-media", content, { recursive: true });
    fs.appendFileSync(path.join(content, "10-zakelijk-gebruik.mdx"), "\nEen aanvulling.\n");
    const result = await runCli("content-publish", [
      "--summary",
      "Aanvulling",
      "--material",
      "--content-dir",
      content,
      "--by",
      "Redactie",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/via het portaal/);
    expect(result.stdout).toMatch(
      /Versie 2 van sociale-media gepubliceerd \(inhoudelijke wijziging\)/,
    );
    expect(await findCurrentVersion({ policy: "sociale-media" })).toMatchObject({
      number: 2,
      publishedByLabel: `${os.userInfo().username} (CLI, namens Redactie)`,
    });

    const again = await runCli("content-publish", [
      "--summary",
      "Nog eens",
      "--content-dir",
      content,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/gelijk aan de huidige versie \(versie 2\)/);
  }, 60_000);

  it("reports the truth when the connection is lost after the portal published", async () => {
    const content = path.join(dataDir, "content-lost");
    fs.cpSync("content/sociale-media", content, { recursive: true });
    fs.appendFileSync(path.join(content, "20-privegebruik.mdx"), "\nNog een aanvulling.\n");
    dropNextPublishAnswer = true;
    const result = await runCli("content-publish", [
      "--summary",
      "Verbinding kwijt",
      "--content-dir",
      content,
    ]);
    expect(result.stderr).toMatch(/verbinding met het portaal .* verbroken/i);
    expect(result.stdout).toMatch(/Versie 3 van sociale-media gepubliceerd/);
    expect(result.code).toBe(0);
    expect(await findCurrentVersion({ policy: "sociale-media" })).toMatchObject({ number: 3 });
  }, 90_000);

  it("answers the publish status by content hash, for the CLI", async () => {
    const token = readLock(dataDir)!.token;
    const current = await findCurrentVersion({ policy: "sociale-media" });
    const found = await post("/api/internal/publish-status", token, {
      policy: "sociale-media",
      contentHash: current!.contentHash,
    });
    expect(await found.json()).toMatchObject({ ok: true, result: { version: { number: 3 } } });
    const none = await post("/api/internal/publish-status", token, {
      policy: "sociale-media",
      contentHash: "0".repeat(64),
    });
    expect(await none.json()).toEqual({ ok: true, result: { version: null } });
    expect((await post("/api/internal/publish-status", null, {})).status).toBe(403);
  });

  it("verifies the audit trail through the portal", async () => {
    const result = await runCli("audit-verify");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Auditketen in orde: 3 rijen gecontroleerd/);
  }, 60_000);

  it("refuses a request without the lock's token, or with another one", async () => {
    for (const token of [null, "0".repeat(64), readLock(dataDir)!.token.slice(1)]) {
      const response = await post("/api/internal/audit-verify", token);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
  });

  it("validates the publish body before anything runs", async () => {
    const token = readLock(dataDir)!.token;
    const response = await post("/api/internal/publish", token, {
      policy: "sociale-media",
      parts: [],
      summary: "",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("imports the roster through the portal: preview, then apply, with the same domain functions", async () => {
    const file = path.join(dataDir, "personeel.csv");
    fs.writeFileSync(
      file,
      "Personeelsnummer;Naam;E-mail;Afdeling\n1;Anna de Jong;anna@kempenhaeghe.example;Slaapgeneeskunde\n2;Bram Visser;bram@kempenhaeghe.example;ICT\n",
    );
    const result = await runCli("roster-import", [file, "--yes", "--by", "P&O"]);
    expect(result.stderr).toMatch(/via het portaal/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Personeelsbestand bijgewerkt: 2 nieuw/);
    const db = await getDb();
    expect((await db.select().from(rosterEntries)).map((entry) => entry.name).sort()).toEqual([
      "Anna de Jong",
      "Bram Visser",
    ]);
  }, 60_000);

  it("validates the roster-import body before anything runs", async () => {
    const token = readLock(dataDir)!.token;
    const response = await post("/api/internal/roster-import", token, {
      mode: "apply",
      rows: [{ employeeNumber: "", name: "x" }],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("answers only on loopback: not through a proxy, not for another host name", async () => {
    const token = readLock(dataDir)!.token;
    // node:http rather than fetch: fetch does not let a caller choose the Host header.
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            host: "127.0.0.1",
            port,
            path: "/api/internal/audit-verify",
            method: "POST",
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": "application/json",
              ...headers,
            },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", reject);
        request.end("{}");
      });
    const refused: Record<string, string>[] = [
      { "x-forwarded-for": "10.0.0.7" },
      // A reverse proxy appends the client it saw to what the client claimed.
      { "x-forwarded-for": "127.0.0.1, 10.0.0.7" },
      { "x-forwarded-host": "beleid.kempenhaeghe.nl" },
      { forwarded: "for=10.0.0.7" },
      { "x-real-ip": "10.0.0.7" },
      { host: `beleid.kempenhaeghe.nl:${port}` },
      { host: `10.0.0.2:${port}` },
    ];
    for (const headers of refused) expect(await status(headers), JSON.stringify(headers)).toBe(404);
    expect(await status({})).toBe(200);
    expect(await status({ host: `localhost:${port}` })).toBe(200);
  });

  it("keeps the token out of the data directory, readable by the portal's account only", () => {
    const lock = readLock(dataDir)!;
    const lockText = fs.readFileSync(path.join(dataDir, "portal.lock"), "utf8");
    expect(lockText).not.toContain(lock.token);
    expect(lock.tokenFile).toBeTruthy();
    expect(path.relative(dataDir, lock.tokenFile!).startsWith("..")).toBe(true);
    expect(fs.statSync(lock.tokenFile!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(lock.tokenFile!)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(lock.tokenFile!)).uid).toBe(process.getuid!());
    // Nothing a backup of the data directory copies holds the token.
    const holders = (fs.readdirSync(dataDir, { recursive: true }) as string[]).filter((name) => {
      const file = path.join(dataDir, name);
      return fs.statSync(file).isFile() && fs.readFileSync(file).includes(lock.token);
    });
    expect(holders).toEqual([]);
  });

  it("records the OS account of the portal as the publisher, whatever label the caller sends", async () => {
    const parts = (await import("@/lib/content/source")).readPolicyDirectory;
    const content = path.join(dataDir, "content-2");
    fs.cpSync("content/sociale-media", content, { recursive: true });
    fs.appendFileSync(path.join(content, "10-zakelijk-gebruik.mdx"), "\nNog een aanvulling.\n");
    const response = await post("/api/internal/publish", readLock(dataDir)!.token, {
      policy: "sociale-media",
      parts: await parts(content),
      summary: "Aanvulling",
      material: false,
      deadline: null,
      publishedBy: { label: "beheerder" },
    });
    expect(response.status).toBe(200);
    expect(await findCurrentVersion({ policy: "sociale-media" })).toMatchObject({
      publishedByLabel: `${os.userInfo().username} (CLI, namens beheerder)`,
    });
  }, 60_000);
});
