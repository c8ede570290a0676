import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { FRONTMATTER } from "../__fixtures__/hostile";
import { WORST_CASES } from "../__fixtures__/worst-case";
import { closeMdxWorker, compileInWorker, pingWorker, validateInWorker } from "./index";

// The real worker thread (worker.mjs through tsx), as the portal runs it.

afterAll(() => closeMdxWorker());

/** The accepted worst case that takes longest to validate: far more than the tiny budget below. */
const heavy = WORST_CASES.filter((worst) => worst.expect === "accepted").map((worst) => worst.source);

describe("the MDX worker", () => {
  it("compiles a part off the main thread, with its redline blocks", async () => {
    const part = await compileInWorker({
      source: `${FRONTMATTER}Hallo *wereld*.\n\n- een\n- twee\n`,
      slug: "test",
    });
    expect(part.code).toContain("Hallo");
    expect(part.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(part.frontmatter.slug).toBe("test");
    expect(part.blocks).toEqual([
      { kind: "paragraph", level: 0, text: "Hallo wereld." },
      { kind: "bullet", level: 0, text: "een" },
      { kind: "bullet", level: 0, text: "twee" },
    ]);
  }, 60_000);

  it("returns Dutch errors with a position for invalid text", async () => {
    const error = await compileInWorker({ source: `${FRONTMATTER}{process.exit(1)}\n` }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "invalid_input",
      details: { errors: [expect.objectContaining({ line: 9, column: 1 })] },
    });
    expect((error as AppError).message).toMatch(/Expressies tussen accolades/);
  }, 60_000);

  it("kills a task over budget, reports it in Dutch and keeps the main thread responsive", async () => {
    const before = await pingWorker();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const results = [];
    try {
      // Each starts in a warm worker (the budget excludes a thread's start) and needs far more than 5 ms.
      for (const source of heavy.slice(0, 3)) results.push(await validateInWorker(source, { budgetMs: 5 }));
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(results[0]).toMatchObject({
      ok: false,
      errors: [
        {
          message: expect.stringMatching(/^De tekst is te ingewikkeld om binnen de tijd te verwerken/),
          line: 1,
          column: 1,
        },
      ],
    });
    // The main thread's timers kept firing while the worker ran.
    expect(ticks).toBeGreaterThan(0);
    // Three thread restarts, not three full validations of 100 KB each (or minutes, before the budget).
    expect(elapsed).toBeLessThan(60_000);
    // The thread that ran over budget was terminated; the pool starts a new one.
    const after = await pingWorker();
    expect(after).not.toBe(before);
    // And the new one works.
    await expect(validateInWorker(`${FRONTMATTER}Tekst.\n`)).resolves.toMatchObject({ ok: true });
  }, 60_000);
});
