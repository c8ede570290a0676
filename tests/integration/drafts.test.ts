import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMdxWorker } from "@/lib/content/worker";
import { auditEvents, policyDrafts } from "@/lib/db/schema";
import {
  discardDraft,
  draftContentHash,
  draftSources,
  getDraft,
  restoreVersionToDraft,
  saveDraft,
  type Draft,
} from "@/lib/drafts/queries";
import { WORST_CASES } from "@/lib/content/__fixtures__/worst-case";
import { renderDraftPreview } from "@/lib/drafts/preview";
import { getVersionParts, publishVersion } from "@/lib/policy/versions";
import {
  createEmployee,
  createTestStore,
  createVersion,
  type TestStore,
  uniquePolicy,
} from "@/tests/support/db";

let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
}, 60_000);
afterAll(async () => {
  await closeMdxWorker();
  await store?.close();
});

const editor = { label: "Communicatie (test)" };

/** A policy with one published version (the shipped text plus a marker). */
async function publishedPolicy() {
  const policy = uniquePolicy();
  const version = await createVersion({ db: store.db, policy });
  return { policy, version };
}

function withBody(draft: Draft, slug: string, body: string) {
  return draft.parts.map((part) => (part.slug === slug ? { ...part, body } : part));
}

async function auditFor(policy: string, action: string) {
  return store.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, policy), eq(auditEvents.action, action)));
}

describe("the shared draft", () => {
  it("is the published text until someone saves, with nobody as last saver", async () => {
    const { policy, version } = await publishedPolicy();
    const draft = await getDraft({ policy, db: store.db });
    expect(draft).toMatchObject({ revision: 0, changed: false, savedBy: null, savedAt: null });
    expect(draft.baseVersionNumber).toBe(version.number);
    // Untouched, the draft in published form is byte for byte the version.
    expect(draftContentHash(draft)).toBe(version.contentHash);
    const published = await getVersionParts({ versionId: version.id, db: store.db });
    expect(draftSources(draft)).toEqual(published);
  });

  it("saves, says who saved last and when, and audits the save", async () => {
    const { policy } = await publishedPolicy();
    const author = await createEmployee({ db: store.db, name: "Cora Communicatie" });
    const draft = await getDraft({ policy, db: store.db });
    const before = Date.now();
    const result = await saveDraft({
      policy,
      expectedRevision: draft.revision,
      parts: withBody(draft, "algemeen", "Nieuwe tekst voor Algemeen.\n"),
      actor: { employeeId: author.id, label: author.name },
      db: store.db,
    });
    expect(result.status).toBe("saved");
    if (result.status !== "saved") return;
    expect(result.problems).toEqual([]);
    expect(result.draft).toMatchObject({
      revision: 1,
      changed: true,
      savedBy: { employeeId: author.id, label: "Cora Communicatie" },
    });
    expect(result.draft.savedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const again = await getDraft({ policy, db: store.db });
    expect(again.parts.find((part) => part.slug === "algemeen")?.body).toBe(
      "Nieuwe tekst voor Algemeen.\n",
    );
    const events = await auditFor(policy, "draft.saved");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorEmployeeId: author.id,
      actorLabel: "Cora Communicatie",
    });
    expect(events[0].data).toMatchObject({ policy, revision: 1, valid: true });
  });

  it("keeps invalid text and reports the problem at its body line and column, in Dutch", async () => {
    const { policy } = await publishedPolicy();
    const draft = await getDraft({ policy, db: store.db });
    const result = await saveDraft({
      policy,
      expectedRevision: 0,
      parts: withBody(draft, "algemeen", "Eerste regel.\n\nTweede {alert(1)} regel.\n"),
      actor: editor,
      db: store.db,
    });
    expect(result.status).toBe("saved");
    if (result.status !== "saved") return;
    expect(result.problems).toEqual([
      expect.objectContaining({ slug: "algemeen", field: "body", line: 3, column: 8 }),
    ]);
    expect(result.problems[0].message).toMatch(/accolade/);
    expect(
      (await getDraft({ policy, db: store.db })).parts.find((p) => p.slug === "algemeen")?.body,
    ).toContain("{alert(1)}");
    const [event] = await auditFor(policy, "draft.saved");
    expect(event.data).toMatchObject({ valid: false });
  });

  it("refuses a stale save with the server's text and stores nothing of the stale one", async () => {
    const { policy } = await publishedPolicy();
    const start = await getDraft({ policy, db: store.db });
    const first = await saveDraft({
      policy,
      expectedRevision: start.revision,
      parts: withBody(start, "algemeen", "Tekst van redacteur A.\n"),
      actor: { label: "Redacteur A" },
      db: store.db,
    });
    expect(first.status).toBe("saved");

    const second = await saveDraft({
      policy,
      expectedRevision: start.revision,
      parts: withBody(start, "algemeen", "Tekst van redacteur B.\n"),
      actor: { label: "Redacteur B" },
      db: store.db,
    });
    expect(second.status).toBe("conflict");
    expect(second.draft.revision).toBe(1);
    expect(second.draft.savedBy?.label).toBe("Redacteur A");
    expect(second.draft.parts.find((part) => part.slug === "algemeen")?.body).toBe(
      "Tekst van redacteur A.\n",
    );
    expect(await auditFor(policy, "draft.saved")).toHaveLength(1);

    // B merges on top of the server's revision and wins.
    const merged = await saveDraft({
      policy,
      expectedRevision: second.draft.revision,
      parts: withBody(
        second.draft,
        "algemeen",
        "Tekst van redacteur A.\n\nTekst van redacteur B.\n",
      ),
      actor: { label: "Redacteur B" },
      db: store.db,
    });
    expect(merged.status).toBe("saved");
    expect(merged.draft.revision).toBe(2);
  });

  it("lets exactly one of many concurrent saves win, on a new draft and on a saved one", async () => {
    const { policy } = await publishedPolicy();
    const start = await getDraft({ policy, db: store.db });
    for (const revision of [0, 1]) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          saveDraft({
            policy,
            expectedRevision: revision,
            parts: withBody(start, "algemeen", `Gelijktijdig ${revision}-${index}.\n`),
            actor: { label: `Redacteur ${index}` },
            db: store.db,
          }),
        ),
      );
      const winners = results.filter((result) => result.status === "saved");
      expect(winners).toHaveLength(1);
      const [winner] = winners;
      const stored = await getDraft({ policy, db: store.db });
      expect(stored.revision).toBe(revision + 1);
      expect(stored.parts).toEqual(winner.draft.parts);
      for (const loser of results.filter((result) => result.status === "conflict"))
        expect(loser.draft.parts).toEqual(stored.parts);
    }
    expect(await auditFor(policy, "draft.saved")).toHaveLength(2);
  });

  it("enforces one draft row per policy and a positive revision in the database", async () => {
    const policy = uniquePolicy();
    const row = { policy, revision: 1, savedByLabel: "x", parts: null };
    await store.db.insert(policyDrafts).values(row);
    await expect(store.db.insert(policyDrafts).values(row)).rejects.toThrow();
    await expect(
      store.db.insert(policyDrafts).values({ ...row, policy: uniquePolicy(), revision: 0 }),
    ).rejects.toThrow();
  });

  it("discards back to the published text, audited, and a holder of the old revision then conflicts", async () => {
    const { policy, version } = await publishedPolicy();
    const start = await getDraft({ policy, db: store.db });
    const saved = await saveDraft({
      policy,
      expectedRevision: 0,
      parts: withBody(start, "algemeen", "Weg ermee.\n"),
      actor: editor,
      db: store.db,
    });
    expect(saved.status).toBe("saved");

    const stale = await discardDraft({ policy, expectedRevision: 0, actor: editor, db: store.db });
    expect(stale.status).toBe("conflict");
    expect(stale.draft.changed).toBe(true);

    const discarded = await discardDraft({
      policy,
      expectedRevision: 1,
      actor: editor,
      db: store.db,
    });
    expect(discarded.status).toBe("discarded");
    expect(discarded.draft).toMatchObject({
      revision: 2,
      changed: false,
      savedBy: { label: editor.label },
    });
    expect(draftContentHash(discarded.draft)).toBe(version.contentHash);
    expect(await auditFor(policy, "draft.discarded")).toHaveLength(1);

    const late = await saveDraft({
      policy,
      expectedRevision: 1,
      parts: withBody(start, "algemeen", "Te laat.\n"),
      actor: editor,
      db: store.db,
    });
    expect(late.status).toBe("conflict");
  });

  it("restores an earlier version's text into the draft, audited, and it publishes as a new version", async () => {
    const { policy, version: v1 } = await publishedPolicy();
    const v2 = await createVersion({ db: store.db, policy });
    const restored = await restoreVersionToDraft({
      policy,
      versionNumber: 1,
      actor: editor,
      db: store.db,
    });
    expect(restored.status).toBe("restored");
    expect(restored.draft).toMatchObject({
      changed: true,
      revision: 1,
      baseVersionNumber: v2.number,
    });
    expect(draftContentHash(restored.draft)).toBe(v1.contentHash);
    const [event] = await auditFor(policy, "draft.restored");
    expect(event.data).toMatchObject({ restoredVersion: 1, revision: 1 });

    const v3 = await publishVersion({
      db: store.db,
      policy,
      parts: draftSources(restored.draft),
      summary: "Versie 1 teruggezet",
      material: true,
      deadline: null,
      publishedBy: editor,
    });
    expect(v3.number).toBe(3);
    expect(v3.contentHash).toBe(v1.contentHash);

    await expect(
      restoreVersionToDraft({ policy, versionNumber: 99, actor: editor, db: store.db }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the editor's preview", () => {
  async function algemeen() {
    const { policy } = await publishedPolicy();
    const draft = await getDraft({ policy, db: store.db });
    return draft.parts.find((part) => part.slug === "algemeen")!;
  }

  it("compiles a valid part in the worker to code the reading pages can render", async () => {
    const part = await algemeen();
    const result = await renderDraftPreview({
      part: { ...part, body: "Een **vette** regel.\n" },
      editorKey: "p1",
    });
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.part.code).toContain("vette");
  });

  it("refuses editor code (script, expressions, import) with Dutch messages at body line and column", async () => {
    const part = await algemeen();
    const cases: [string, { line: number; column: number; message: RegExp }][] = [
      ["Tekst.\n\n<script>alert(1)</script>\n", { line: 3, column: 1, message: /component|tag/ }],
      ["Tekst met {alert(1)} erin.\n", { line: 1, column: 11, message: /accolade/ }],
      [
        'Eerst tekst.\n\nimport x from "./x"\n',
        { line: 3, column: 1, message: /import en export/ },
      ],
      ["[klik](javascript:alert(1))\n", { line: 1, column: 1, message: /javascript:/ }],
    ];
    for (const [body, expected] of cases) {
      const result = await renderDraftPreview({ part: { ...part, body }, editorKey: "p2" });
      expect(result.status, body).toBe("invalid");
      if (result.status !== "invalid") continue;
      expect(result.problems[0], body).toMatchObject({
        field: "body",
        line: expected.line,
        column: expected.column,
      });
      expect(result.problems[0].message, body).toMatch(expected.message);
    }
  });

  it("says so in Dutch when a preview runs over its budget", async () => {
    const part = await algemeen();
    const worst = WORST_CASES.find((candidate) => candidate.expect === "accepted")!;
    const body = worst.source.replace(/^---\n[\s\S]*?\n---\n/, "");
    const result = await renderDraftPreview({
      part: { ...part, body },
      editorKey: "p3",
      budgetMs: 1,
    });
    expect(result).toMatchObject({ status: "too_slow" });
    if (result.status === "too_slow") expect(result.message).toMatch(/niet binnen de tijd/);
  });

  it("limits previews per editor", async () => {
    const part = await algemeen();
    // Twelve at once, as a script would send them: the bucket holds ten.
    const results = await Promise.all(
      Array.from({ length: 12 }, () => renderDraftPreview({ part, editorKey: "p4" })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "ok")).toHaveLength(10);
    expect(statuses.filter((status) => status === "rate_limited")).toHaveLength(2);
    const limited = results.find((result) => result.status === "rate_limited");
    expect(limited).toMatchObject({
      message: expect.stringMatching(/vaker op dan de server kan bijhouden/),
    });
    // Someone else is not held back.
    expect((await renderDraftPreview({ part, editorKey: "p5" })).status).toBe("ok");
  });
});
