import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { auditEvents, policyVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import {
  ensureInitialVersion,
  getCurrentVersion,
  getVersion,
  getVersionParts,
  listVersions,
  publishVersion,
} from "@/lib/policy/versions";
import {
  createTestStore,
  editParts,
  shippedParts,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

const publisher = { label: "Communicatie (test)" };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("policy versions", () => {
  it("imports the shipped content as version 1, exactly once", async () => {
    const v1 = await ensureInitialVersion({ db: store.db });
    expect(v1).toMatchObject({ policy: DEFAULT_POLICY, number: 1, material: true, deadline: null });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const again = await ensureInitialVersion({ db: store.db });
    expect(again.id).toBe(v1.id);

    const parts = await getVersionParts({ versionId: v1.id, db: store.db });
    expect(parts.map((part) => part.slug)).toEqual((await shippedParts()).map((part) => part.slug));
    expect(parts.map((part) => part.kind)).toEqual(["intro", "part", "part", "part", "closing"]);
    expect(parts).toEqual(await shippedParts());
  });

  it("creates one version 1 when several instances start at the same time", async () => {
    const policy = uniquePolicy();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ensureInitialVersion({ db: store.db, policy, directory: "content/sociale-media" }),
      ),
    );
    expect(new Set(results.map((version) => version.id)).size).toBe(1);
    expect(await listVersions({ policy, db: store.db })).toHaveLength(1);
  });

  it("numbers publications one after another and records each in the audit trail", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const published = [];
    for (let i = 1; i <= 3; i++) {
      published.push(
        await publishVersion({
          db: store.db,
          policy,
          parts: editParts(base, { append: `Wijziging ${i}.` }),
          summary: `Wijziging ${i}`,
          material: i !== 2,
          deadline: null,
          publishedBy: publisher,
        }),
      );
    }
    expect(published.map((version) => version.number)).toEqual([1, 2, 3]);
    expect((await getCurrentVersion({ policy, db: store.db })).id).toBe(published[2].id);
    expect((await listVersions({ policy, db: store.db })).map((version) => version.number)).toEqual(
      [3, 2, 1],
    );
    expect(await getVersion({ id: published[1].id, db: store.db })).toMatchObject({
      material: false,
      summary: "Wijziging 2",
    });

    const events = await store.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "policy.published"));
    const mine = events.filter((event) => event.data.policy === policy);
    expect(mine.map((event) => event.data.number)).toEqual([1, 2, 3]);
    expect(mine[2]).toMatchObject({
      subjectType: "policy_version",
      subjectId: String(published[2].id),
      actorLabel: publisher.label,
    });
  });

  it("numbers concurrent publications without gaps or duplicates", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const versions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        publishVersion({
          db: store.db,
          policy,
          parts: editParts(base, { append: `Gelijktijdig ${i}.` }),
          summary: `Gelijktijdig ${i}`,
          material: true,
          deadline: null,
          publishedBy: publisher,
        }),
      ),
    );
    expect(versions.map((version) => version.number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it("refuses to publish content identical to the current version, in Dutch", async () => {
    const policy = uniquePolicy();
    const parts = editParts(await shippedParts(), { append: "Eenmalig." });
    await publishVersion({
      db: store.db,
      policy,
      parts,
      summary: "Eerste",
      material: true,
      deadline: null,
      publishedBy: publisher,
    });
    const error = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts,
        summary: "Nog eens",
        material: false,
        deadline: null,
        publishedBy: publisher,
      }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/gelijk aan de huidige versie \(versie 1\)/);
    expect(await listVersions({ policy, db: store.db })).toHaveLength(1);
  });

  it("refuses MDX that could run code, naming the part, line and column, and stores nothing", async () => {
    const policy = uniquePolicy();
    const parts = editParts(await shippedParts(), {
      slug: "algemeen",
      append: "{process.exit(1)}",
    });
    const error = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts,
        summary: "Kwaadaardig",
        material: true,
        deadline: null,
        publishedBy: publisher,
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/Onderdeel algemeen, regel \d+, kolom \d+:/);
    const [{ n }] = await store.db
      .select({ n: count() })
      .from(policyVersions)
      .where(eq(policyVersions.policy, policy));
    expect(n).toBe(0);
  });

  it("refuses a missing summary, no parts, and a deadline on an editorial change", async () => {
    const policy = uniquePolicy();
    const parts = editParts(await shippedParts(), { append: "Iets." });
    const noSummary = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts,
        summary: "  ",
        material: true,
        deadline: null,
        publishedBy: publisher,
      }),
    );
    expect(noSummary.message).toMatch(/samenvatting/);
    const noParts = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts: [],
        summary: "Leeg",
        material: true,
        deadline: null,
        publishedBy: publisher,
      }),
    );
    expect(noParts.message).toMatch(/minstens één onderdeel/);
    const editorialDeadline = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts,
        summary: "Redactioneel",
        material: false,
        deadline: new Date("2027-03-31T21:59:59.999Z"),
        publishedBy: publisher,
      }),
    );
    expect(editorialDeadline.message).toMatch(
      /uiterste datum hoort alleen bij een inhoudelijke wijziging/,
    );
  });

  it("refuses two parts with the same slug", async () => {
    const policy = uniquePolicy();
    const base = await shippedParts();
    const error = await rejection(
      publishVersion({
        db: store.db,
        policy,
        parts: [...base, base[1]],
        summary: "Dubbel",
        material: true,
        deadline: null,
        publishedBy: publisher,
      }),
    );
    expect(error.message).toMatch(/komt meer dan eens voor/);
    // Structured as well, so the CLI, the internal route and the editor report the same errors.
    expect(error.details).toMatchObject({
      errors: expect.arrayContaining([
        { message: `De slug "${base[1].slug}" komt meer dan eens voor.` },
        { message: `De volgorde ${base[1].order} komt meer dan eens voor.`, part: base[1].slug },
      ]),
    });
  });

  it("stores the deadline and returns the parts in reading order, whatever order they came in", async () => {
    const policy = uniquePolicy();
    const deadline = new Date("2027-03-31T21:59:59.999Z");
    const base = await shippedParts();
    const version = await publishVersion({
      db: store.db,
      policy,
      parts: [...base].reverse(),
      summary: "Omgekeerd aangeleverd",
      material: true,
      deadline,
      publishedBy: publisher,
    });
    expect(version.deadline?.toISOString()).toBe(deadline.toISOString());
    expect(
      (await getVersionParts({ versionId: version.id, db: store.db })).map((part) => part.order),
    ).toEqual(base.map((part) => part.order));
    // Same content in the same reading order: the hash does not depend on how the parts were passed.
    const v1 = await ensureInitialVersion({ db: store.db });
    expect(version.contentHash).toBe(v1.contentHash);
  });

  it("answers not_found for the current version of a policy that has none", async () => {
    const error = await rejection(getCurrentVersion({ policy: uniquePolicy(), db: store.db }));
    expect(error.code).toBe("not_found");
  });
});
