// A token bucket per key (an editor's employee id), in memory: previews cost worker time, and the
// worker is shared with publishing. Per process is enough: each instance has its own worker.

export type TokenBucketOptions = { capacity: number; refillPerSecond: number; maxKeys?: number };

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export function createTokenBucket(
  { capacity, refillPerSecond, maxKeys = 1_000 }: TokenBucketOptions,
  now: () => number = Date.now,
) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): TakeResult {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      bucket.tokens = Math.min(
        capacity,
        bucket.tokens + ((time - bucket.at) / 1000) * refillPerSecond,
      );
      bucket.at = time;
      buckets.delete(key);
      buckets.set(key, bucket);
      // Forget the least recently seen editors rather than grow without end.
      while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / refillPerSecond) * 1000) };
    },
  };
}
