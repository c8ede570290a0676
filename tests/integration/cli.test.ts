import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashParts, readPolicyDirectory } from "@/lib/content/source";
import { openStore, type Store } from "@/lib/db/client";
import { findCurrentVersion, listVersions } from "@/lib/policy/versions";
import { createTestStore, makeTempDir, type TestStore } from "@/tests/support/db";

// The CLIs as operators run them, against a store nobody else holds: PGlite in a directory no
// portal uses, or a PostgreSQL database. (tests/integration/internal-routes.test.ts covers the way
// through a running portal.)

type Run = { code: number | null; stdout: string; stderr: string };

let store: TestStore;
let scratch: string;
let location: { DATA_DIR: string; DATABASE_URL: string; MIGRATION_DATABASE_URL: string };

beforeAll(async () => {
  scratch = await makeTempDir("portal-cli-");
  if (process.env.TEST_DATABASE_URL) {
    store = await createTestStore();
    // DATA_DIR still matters: the demo setup keeps its secret there.
    location = {
      DATA_DIR: path.join(scratch, "data"),
      DATABASE_URL: store.databaseUrl!,
      MIGRATION_DATABASE_URL: store.migrationDatabaseUrl ?? "",
    };
  } else {
    location = {
      DATA_DIR: path.join(scratch, "data"),
      DATABASE_URL: "",
      MIGRATION_DATABASE_URL: "",
    };
  }
}, 60_000);
afterAll(async () => {
  await store?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function run(
  script: "content-publish" | "content-export" | "audit-verify",
  args: string[] = [],
): Promise<Run> {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", `scripts/${script}.ts`, ...args],
    {
      env: { ...process.env, ...location, VITEST: "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/**
 * Open the CLI's store in this process for a moment (PGlite allows one process at a time), as the
 * tables' owner: only the owner can switch off the evidence triggers to tamper.
 */
async function withStore<T>(fn: (opened: Store) => Promise<T>): Promise<T> {
  const opened = await openStore(
    location.DATABASE_URL
      ? { databaseUrl: location.MIGRATION_DATABASE_URL || location.DATABASE_URL }
      : { dataDir: location.DATA_DIR },
  );
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

function contentCopy(name: string, edit?: (dir: string) => void): string {
  const dir = path.join(scratch, name);
  fs.cpSync("content/sociale-media", dir, { recursive: true });
  edit?.(dir);
  return dir;
}

describe("npm run content:publish", () => {
  it("refuses to publish the shipped content again: it is version 1 already", async () => {
    const result = await run("content-publish", ["--summary", "Niets veranderd"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gelijk aan de huidige versie \(versie 1\)/);
  }, 60_000);

  it("publishes a material version with a deadline and says so", async () => {
    const dir = contentCopy("v2", (d) =>
      fs.appendFileSync(path.join(d, "30-algemeen.mdx"), "\nEen nieuwe regel voor iedereen.\n"),
    );
    const result = await run("content-publish", [
      "--summary",
      "Nieuwe regel in Algemeen",
      "--material",
      "--deadline",
      "2027-03-31",
      "--content-dir",
      dir,
      "--by",
      "Communicatie",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Versie 2 van sociale-media gepubliceerd \(inhoudelijke wijziging, uiterste datum 31 maart 2027\)/,
    );
    expect(result.stdout).toMatch(/SHA-256: [0-9a-f]{64}/);

    const current = await withStore((opened) =>
      findCurrentVersion({ policy: "sociale-media", db: opened.db }),
    );
    expect(current).toMatchObject({
      number: 2,
      material: true,
      summary: "Nieuwe regel in Algemeen",
      // The OS account is recorded; the name given with --by only beside it.
      publishedByLabel: `${os.userInfo().username} (CLI, namens Communicatie)`,
    });
    expect(current?.deadline?.toISOString()).toBe("2027-03-31T21:59:59.999Z");
  }, 60_000);

  it("refuses MDX that could run code, naming file, line and column", async () => {
    const dir = contentCopy("bad", (d) =>
      fs.appendFileSync(path.join(d, "20-privegebruik.mdx"), "\n<img src=x onerror=alert(1) />\n"),
    );
    const result = await run("content-publish", ["--summary", "Kwaadaardig", "--content-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/20-privegebruik\.mdx, regel \d+, kolom \d+/);
    const versions = await withStore((opened) =>
      listVersions({ policy: "sociale-media", db: opened.db }),
    );
    expect(versions).toHaveLength(2);
  }, 60_000);

  it("refuses a deadline in the past (the issue's --deadline 2020-01-01) and publishes nothing", async () => {
    const dir = contentCopy("past", (d) =>
      fs.appendFileSync(path.join(d, "30-algemeen.mdx"), "\nNog een regel voor iedereen.\n"),
    );
    const args = ["--summary", "Nieuwe regel", "--material", "--content-dir", dir];
    const past = await run("content-publish", [...args, "--deadline", "2020-01-01"]);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/1 januari 2020 ligt niet in de toekomst/);
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    const soon = await run("content-publish", [...args, "--deadline", tomorrow]);
    expect(soon.code).toBe(1);
    expect(soon.stderr).toMatch(/minder dan een week/);
    expect(soon.stderr).toMatch(/--confirm-short-deadline/);
    const versions = await withStore((opened) =>
      listVersions({ policy: "sociale-media", db: opened.db }),
    );
    expect(versions).toHaveLength(2);
  }, 60_000);

  it("exits 2 with the usage text for a missing summary, an unknown option or a bad date", async () => {
    const missing = await run("content-publish", ["--material"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--summary ontbreekt/);
    expect(missing.stderr).toMatch(/Gebruik: npm run content:publish/);
    expect((await run("content-publish", ["--summary", "x", "--onbekend"])).code).toBe(2);
    const badDate = await run("content-publish", [
      "--summary",
      "x",
      "--material",
      "--deadline",
      "31-03-2027",
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/JJJJ-MM-DD/);
  }, 60_000);
});

describe("npm run content:export", () => {
  it("writes the current version to a content directory, as published", async () => {
    const dir = contentCopy("export");
    const result = await run("content-export", ["--content-dir", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const current = await withStore((opened) =>
      findCurrentVersion({ policy: "sociale-media", db: opened.db }),
    );
    expect(result.stdout).toContain(`Versie ${current?.number} van sociale-media geschreven`);
    const parts = await readPolicyDirectory(dir);
    expect(hashParts(parts)).toBe(current?.contentHash);
  }, 60_000);
});

describe("npm run audit:verify", () => {
  it("reports an intact chain and exits 0", async () => {
    const result = await run("audit-verify");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Auditketen in orde: 2 rijen gecontroleerd/);
    // The publication above signed a checkpoint outside the database, beside DATA_DIR.
    expect(result.stdout).toMatch(
      /Checkpoints in orde: 1 checkpoint gecontroleerd, het laatste bij rij 2/,
    );
    expect(result.stdout).toMatch(/1 bevestiging|0 bevestigingen en 2 versies komen overeen/);
    expect(result.stdout).toMatch(
      /Stand per medewerker in orde: \d+ (rij komt|rijen komen) overeen/,
    );
    expect(fs.existsSync(path.join(`${location.DATA_DIR}-checkpoints`, "checkpoints.jsonl"))).toBe(
      true,
    );
  }, 60_000);

  it("names the first broken row and exits 1 after someone tampered with the table", async () => {
    await withStore(async (opened) => {
      // Only possible for someone who can switch off the trigger: the table owner or a superuser.
      await opened.db.execute(
        sql`alter table audit_events disable trigger audit_events_refuse_update`,
      );
      await opened.db.execute(
        sql`update audit_events set data = jsonb_set(data, '{summary}', '"Iets anders"') where seq = 2`,
      );
      await opened.db.execute(
        sql`alter table audit_events enable trigger audit_events_refuse_update`,
      );
    });
    const result = await run("audit-verify");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Auditketen verbroken bij rij 2 \(hash_mismatch\)/);
    expect(result.stderr).toMatch(/De rij daarvoor is in orde/);
    // The event no longer matches the version it records. (Its stored hash column is unchanged,
    // so the checkpoint still matches: the chain check above is what catches this edit.)
    expect(result.stderr).toMatch(/version_mismatch: Versie 2 .* \(summary\)/);

    const json = await run("audit-verify", ["--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      chain: { ok: false, count: 1, firstBroken: { seq: 2, reason: "hash_mismatch" } },
    });
  }, 60_000);
});
