import { beforeEach, describe, expect, it, vi } from "vitest";
import { FRONTMATTER } from "./__fixtures__/hostile";

// Wrap the real bundler to watch concurrency and to make one compile fail on demand.
const control = vi.hoisted(() => ({ inFlight: 0, maxInFlight: 0, failNext: false }));
vi.mock("./bundle", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./bundle")>();
  return {
    ...actual,
    bundlePart: async (input: { source: string; slug: string }) => {
      control.inFlight++;
      control.maxInFlight = Math.max(control.maxInFlight, control.inFlight);
      try {
        if (control.failNext) {
          control.failNext = false;
          throw new Error("esbuild ran out of memory");
        }
        return await actual.bundlePart(input);
      } finally {
        control.inFlight--;
      }
    },
  };
});

const { compilePart, getCompileStats } = await import("./compile");

beforeEach(() => {
  control.maxInFlight = 0;
  control.failNext = false;
});

describe("the compile queue and cache", () => {
  it("runs compiles one at a time", async () => {
    const sources = Array.from({ length: 4 }, (_, index) => `${FRONTMATTER}Wachtrij ${index} ${Math.random()}.\n`);
    const parts = await Promise.all(sources.map((source) => compilePart({ source, slug: "test" })));
    expect(parts).toHaveLength(4);
    expect(control.maxInFlight).toBe(1);
  });

  it("keeps going after a failed compile and does not cache the failure", async () => {
    const source = `${FRONTMATTER}Eerst mislukt ${Math.random()}.\n`;
    control.failNext = true;
    await expect(compilePart({ source, slug: "test" })).rejects.toMatchObject({ code: "internal" });
    const sizeAfterFailure = getCompileStats().cacheSize;
    const retried = await compilePart({ source, slug: "test" });
    expect(retried.code).toContain("Eerst mislukt");
    expect(getCompileStats().cacheSize).toBe(sizeAfterFailure + 1);
  });
});
