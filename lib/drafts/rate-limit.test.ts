import { describe, expect, it } from "vitest";
import { createTokenBucket } from "./rate-limit";

describe("preview token bucket", () => {
  it("allows a burst, then refuses with the wait until the next token, per editor", () => {
    let time = 0;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2 }, () => time);
    expect([1, 2, 3].map(() => bucket.take("7").ok)).toEqual([true, true, true]);
    expect(bucket.take("7")).toEqual({ ok: false, retryAfterMs: 500 });
    // Another editor has a bucket of their own.
    expect(bucket.take("8").ok).toBe(true);
    time = 500;
    expect(bucket.take("7").ok).toBe(true);
    expect(bucket.take("7").ok).toBe(false);
    time = 10_000;
    expect([1, 2, 3, 4].map(() => bucket.take("7").ok)).toEqual([true, true, true, false]);
  });
});
