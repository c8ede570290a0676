import { describe, expect, it } from "vitest";
import { isFrameworkNoise } from "./start-output.mjs";

// Next 16's start-up output (next/dist/server/lib/app-info-log.js), as the standalone server prints it.
const BANNER = [
  "▲ Next.js 16.4.6",
  "- Local:         http://127.0.0.1:3000",
  "- Network:       http://127.0.0.1:3000",
  "- Experiments (use with caution):",
  "  ✓ authInterrupts",
  '  · proxyClientMaxBodySize: "25mb"',
  "",
  "✓ Starting...",
  "✓ Ready in 312ms",
  "✓ Running next.config took 1.5ms",
  "\x1b[1m\x1b[35m▲ Next.js 16.4.6\x1b[39m\x1b[22m",
];

describe("isFrameworkNoise", () => {
  it("drops Next's banner, addresses and experiments", () => {
    for (const line of BANNER) expect(isFrameworkNoise(line), line).toBe(true);
  });

  it("keeps the portal's log lines and Next's warnings and errors", () => {
    for (const line of [
      '{"level":"info","reqId":"system","event":"audit_checkpoint","msg":"[audit-checkpoint] {}"}',
      "⚠ Invalid next.config.ts options detected",
      "⨯ Error: connect ECONNREFUSED 127.0.0.1:5432",
      " ⨯ unhandledRejection: Error: boom",
      "Error: something",
    ]) {
      expect(isFrameworkNoise(line), line).toBe(false);
    }
  });
});
