import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStore } from "@/lib/db/client";
import { ensureInitialVersion } from "@/lib/policy/versions";
import { createEmptyDatabase } from "@/tests/support/db";
import { migrationCount } from "@/tests/support/migrations";

// Several portal instances share one PostgreSQL database; vitest.config.ts runs *.postgres.test.ts only
// when TEST_DATABASE_URL is set.
describe("several instances starting at once (PostgreSQL)", () => {
  it("migrate one at a time and import one version 1", async () => {
    const { databaseUrl, migrationDatabaseUrl, drop } = await createEmptyDatabase();
    try {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openStore({ databaseUrl, migrationDatabaseUrl })),
      );
      try {
        const versions = await Promise.all(
          stores.map((opened) => ensureInitialVersion({ db: opened.db })),
        );
        expect(new Set(versions.map((version) => version.id)).size).toBe(1);
        // The migrations table belongs to whoever migrates (the owner, with two roles).
        const client = new pg.Client({ connectionString: migrationDatabaseUrl ?? databaseUrl });
        await client.connect();
        try {
          const result = await client.query<{ n: number }>(
            "select count(*)::int as n from drizzle.__drizzle_migrations",
          );
          expect(result.rows[0].n).toBe(migrationCount());
        } finally {
          await client.end();
        }
      } finally {
        await Promise.all(stores.map((opened) => opened.close()));
      }
    } finally {
      await drop();
    }
  });
});
