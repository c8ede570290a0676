import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "@/lib/db/client";
import { rosterEntries } from "@/lib/db/schema";
import { createTestStore, makeTempDir, type TestStore } from "@/tests/support/db";

// `npm run roster:import` as a nightly job runs it, against a store nobody else holds (PGlite in a
// directory no portal uses, or a PostgreSQL database). internal-routes.pglite.test.ts covers the
// way through a running portal.

type Run = { code: number | null; stdout: string; stderr: string };

let store: TestStore;
let scratch: string;
// With two roles (.ci/run), the CLI migrates as the owner and works as the application role.
let location: { DATA_DIR: string; DATABASE_URL: string; MIGRATION_DATABASE_URL?: string };

beforeAll(async () => {
  scratch = await makeTempDir("portal-roster-cli-");
  if (process.env.TEST_DATABASE_URL) {
    store = await createTestStore();
    location = {
      DATA_DIR: path.join(scratch, "data"),
      DATABASE_URL: store.databaseUrl!,
      ...(store.migrationDatabaseUrl ? { MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : {}),
    };
  } else {
    location = { DATA_DIR: path.join(scratch, "data"), DATABASE_URL: "" };
  }
}, 60_000);
afterAll(async () => {
  await store?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function run(args: string[]): Promise<Run> {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "scripts/roster-import.ts", ...args],
    {
      env: { ...process.env, ...location, VITEST: "" },
      // Not a terminal: the CLI must not ask, as in cron.
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

async function entries() {
  const opened: Store = await openStore(
    location.DATABASE_URL
      ? {
          databaseUrl: location.DATABASE_URL,
          migrationDatabaseUrl: location.MIGRATION_DATABASE_URL ?? null,
        }
      : { dataDir: location.DATA_DIR },
  );
  try {
    return await opened.db.select().from(rosterEntries).orderBy(rosterEntries.employeeNumber);
  } finally {
    await opened.close();
  }
}

function file(name: string, content: string | Buffer): string {
  const target = path.join(scratch, name);
  fs.writeFileSync(target, content);
  return target;
}

const HEADER = "Personeelsnummer;Naam;E-mailadres;Afdeling;Leidinggevende;Datum in dienst\r\n";

describe("npm run roster:import", () => {
  it("imports a Windows-1252 semicolon file with --yes and reports progress and a summary", async () => {
    const lines = [HEADER];
    for (let n = 1; n <= 25_000; n++)
      lines.push(`${n};Medewerker ${n};m${n}@kempenhaeghe.example;Financiën;;01-01-2020\r\n`);
    const target = file("nacht.csv", iconv.encode(lines.join(""), "win1252"));
    const result = await run([target, "--yes", "--by", "Nachtelijke import"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Gelezen: 10\.000 regels \(\d+%\)/);
    expect(result.stderr).toMatch(
      /nacht\.csv: 25\.000 medewerkers gelezen in [\d.]+ s \(windows-1252, scheidingsteken ";"\)/,
    );
    expect(result.stdout).toMatch(/nieuw: +25\.000/);
    expect(result.stdout).toMatch(
      /Personeelsbestand bijgewerkt: 25\.000 nieuw, 0 gewijzigd, 0 terug in dienst, 0 uit dienst, 0 ongewijzigd; 0 accounts gekoppeld\./,
    );
    const rows = await entries();
    expect(rows).toHaveLength(25_000);
    expect(rows.find((row) => row.employeeNumber === "7")?.department).toBe("Financiën");
  }, 180_000);

  it("shows what would change with --dry-run and changes nothing", async () => {
    const target = file(
      "klein.csv",
      `${HEADER}1;Medewerker 1;m1@kempenhaeghe.example;ICT;;01-01-2020\r\n2;Medewerker 2;m2@kempenhaeghe.example;Financiën;;01-01-2020\r\n`,
    );
    const result = await run([target, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/gewijzigd: +1\n/);
    expect(result.stdout).toMatch(/uit dienst: +24\.998\n/);
    expect(result.stdout).toMatch(/1  Medewerker 1: department "Financiën" → "ICT"/);
    expect(result.stdout).toMatch(/… en nog 24\.978/);
    expect(result.stdout).toMatch(/Proefdraai \(--dry-run\): er is niets veranderd\./);
    expect((await entries()).filter((row) => row.leftAt)).toHaveLength(0);
  }, 120_000);

  it("imports nothing from a file with a bad row, lists every problem and exits 1", async () => {
    const target = file(
      "fout.csv",
      `${HEADER}1;Medewerker 1;m1@kempenhaeghe.example;ICT;;01-01-2020\r\n2;;m2@kempenhaeghe.example;ICT;;\r\n1;Dubbel;d@kempenhaeghe.example;ICT;;\r\n`,
    );
    const result = await run([target, "--yes"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Regel 3: Naam ontbreekt.");
    expect(result.stderr).toContain("Regel 4: Personeelsnummer 1 staat ook op regel 2.");
    expect(result.stderr).toContain("2 fouten in fout.csv: er is niets ingelezen.");
    expect(await entries()).toHaveLength(25_000);
  }, 120_000);

  it("exits 2 without a file, with an unknown option, or when it cannot ask and has no --yes", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Geef precies één bestand op\./);
    expect(none.stderr).toMatch(/Gebruik: npm run roster:import/);
    expect((await run(["x.csv", "--onbekend"])).code).toBe(2);
    const noTerminal = await run([file("x.csv", HEADER)]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/gebruik --yes/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--dry-run/);
  }, 120_000);
});
