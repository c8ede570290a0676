import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WORST_CASES } from "@/lib/content/__fixtures__/worst-case";
import { hashParts } from "@/lib/content/source";
import { closeMdxWorker, getMdxWorkerStats } from "@/lib/content/worker";
import {
  auditEvents,
  policyVersionParts,
  policyVersionRenderings,
  policyVersions,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { ensureRenderings, getRenderings } from "@/lib/policy/renderings";
import { ensureInitialVersion, listVersions, publishVersion } from "@/lib/policy/versions";
import { getComparison } from "@/lib/reading/comparison";
import { getReadableParts } from "@/lib/reading/current-policy";
import {
  createTestStore,
  editParts,
  shippedParts,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

// Count every MDX parse on this (the request) thread; the worker thread loads its own copy.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock("remark-parse", async (importOriginal) => {
  const actual = await importOriginal<typeof import("remark-parse")>();
  function countingParse(this: { parser?: (document: string) => unknown }, ...args: unknown[]) {
    (actual.default as (...rest: unknown[]) => void).apply(this, args);
    const parser = this.parser!;
    this.parser = (document: string) => {
      parses.count++;
      return parser(document);
    };
  }
  return { ...actual, default: countingParse };
});

// Make the audit event fail on demand, inside the publish transaction.
const audit = vi.hoisted(() => ({ failNext: false }));
vi.mock("@/lib/audit/events", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit/events")>();
  return {
    ...actual,
    appendAuditEvent: async (...args: Parameters<typeof actual.appendAuditEvent>) => {
      if (audit.failNext) {
        audit.failNext = false;
        throw new Error("disk full");
      }
      return actual.appendAuditEvent(...args);
    },
  };
});

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
}, 60_000);
afterAll(async () => {
  await closeMdxWorker();
  await store?.close();
});

const publisher = { label: "Communicatie (test)" };

async function counts(policy?: string) {
  const db = store.db;
  const [versions] = await db
    .select({ n: count() })
    .from(policyVersions)
    .where(policy ? eq(policyVersions.policy, policy) : undefined);
  const [parts] = await db.select({ n: count() }).from(policyVersionParts);
  const [renderings] = await db.select({ n: count() }).from(policyVersionRenderings);
  const [events] = await db.select({ n: count() }).from(auditEvents);
  return { versions: versions.n, parts: parts.n, renderings: renderings.n, events: events.n };
}

describe("renderings stored with each version", () => {
  it("stores version 1's renderings when it is imported", async () => {
    const v1 = await ensureInitialVersion({ db: store.db });
    const renderings = await getRenderings({ versionId: v1.id, db: store.db });
    const parts = await shippedParts();
    expect([...renderings.keys()].sort()).toEqual(parts.map((part) => part.slug).sort());
    for (const rendering of renderings.values()) {
      expect(rendering.code.length).toBeGreaterThan(100);
      expect(rendering.blocks.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it("serves a page view and a comparison without parsing or compiling MDX", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const v1 = await publishVersion({
      db: store.db,
      policy,
      parts: base,
      summary: "Eerste",
      material: true,
      deadline: null,
      publishedBy: publisher,
    });
    const v2 = await publishVersion({
      db: store.db,
      policy,
      parts: editParts(base, { append: "Een nieuwe regel voor iedereen." }),
      summary: "Tweede",
      material: true,
      deadline: null,
      publishedBy: publisher,
    });

    const parsesBefore = parses.count;
    const tasksBefore = getMdxWorkerStats().tasks;
    // What /richtlijnen/… and /richtlijnen/wijzigingen?van=1 read, several times over.
    for (let i = 0; i < 3; i++) {
      const current = await getReadableParts(v2.id, store.db);
      expect(current.every((part) => part.compiled && part.compiled.code.length > 0)).toBe(true);
      const diffs = await getComparison({
        fromVersionId: v1.id,
        current: { parts: current },
        db: store.db,
      });
      const changed = diffs.filter((diff) => diff.status === "changed");
      expect(changed).toHaveLength(1);
      expect(JSON.stringify(changed[0].blocks)).toContain("Een nieuwe regel voor iedereen.");
    }
    expect(parses.count).toBe(parsesBefore);
    expect(getMdxWorkerStats().tasks).toBe(tasksBefore);
  }, 120_000);

  it("publishes nothing when a part is refused", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const before = await counts();
    const hostile = WORST_CASES.find((worst) => worst.name === "loose nested list, raw")!;
    const parts = base.map((part, index) =>
      index === 1
        ? // Cut back under the size cap after the longer slug.
          {
            ...part,
            source: hostile.source.replace("slug: test", `slug: ${part.slug}`).slice(0, 100_000),
          }
        : part,
    );
    const error = await publishVersion({
      db: store.db,
      policy,
      parts,
      summary: "Vijandig",
      material: true,
      deadline: null,
      publishedBy: publisher,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/te veel regels/);
    expect(await counts()).toEqual(before);
  }, 60_000);

  it("publishes nothing when the transaction fails after the renderings were written", async () => {
    const policy = uniquePolicy();
    const before = await counts();
    audit.failNext = true;
    await expect(
      publishVersion({
        db: store.db,
        policy,
        parts: await shippedParts(),
        summary: "Mislukt",
        material: true,
        deadline: null,
        publishedBy: publisher,
      }),
    ).rejects.toThrow(/disk full/);
    expect(await counts()).toEqual(before);
    expect(await listVersions({ policy, db: store.db })).toEqual([]);
  }, 60_000);

  it("backfills versions stored without renderings, once, and marks what no longer compiles", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const hostile = WORST_CASES.find((worst) => worst.name === "loose nested list, raw")!;
    const oldParts = [
      ...base.slice(0, 2),
      {
        ...base[2],
        source: hostile.source.replace("slug: test", `slug: ${base[2].slug}`).slice(0, 100_000),
      },
    ];
    // As an older portal stored versions: parts only (a hostile one passed the old limits).
    const [row] = await store.db
      .insert(policyVersions)
      .values({
        policy,
        number: 1,
        contentHash: hashParts(oldParts),
        summary: "Van vroeger",
        material: true,
        publishedByLabel: "Oud portaal",
      })
      .returning();
    await store.db
      .insert(policyVersionParts)
      .values(oldParts.map((part) => ({ ...part, versionId: row.id })));

    const lines: string[] = [];
    const first = await ensureRenderings({ db: store.db, log: (line) => lines.push(line) });
    expect(first).toEqual({ rendered: 2, failed: 1 });
    expect(lines.join("\n")).toMatch(new RegExp(`part ${base[2].slug}: no rendering stored`));
    const again = await ensureRenderings({ db: store.db, log: () => {} });
    expect(again).toEqual({ rendered: 0, failed: 0 });

    const parsesBefore = parses.count;
    const readable = await getReadableParts(row.id, store.db);
    expect(readable.map((part) => part.compiled !== null)).toEqual([true, true, false]);
    expect(readable[2].blocks.length).toBeGreaterThan(0);
    expect(parses.count).toBe(parsesBefore);
  }, 120_000);
});
