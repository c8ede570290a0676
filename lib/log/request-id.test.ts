import { describe, expect, it } from "vitest";
import { isValidRequestId, requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps a plausible id from the load balancer", () => {
    expect(requestIdFrom("3f1c9a7e-2b4d-4e6f-8a1b-9c0d1e2f3a4b")).toBe(
      "3f1c9a7e-2b4d-4e6f-8a1b-9c0d1e2f3a4b",
    );
    expect(requestIdFrom("Root=1-67891233.abcdef")).not.toBe("Root=1-67891233.abcdef");
  });

  it("replaces a missing, short, long or unsafe id with a fresh UUID", () => {
    for (const incoming of [
      null,
      undefined,
      "",
      "abc",
      "x".repeat(65),
      'abc12345"}\n{"level":60',
    ]) {
      const id = requestIdFrom(incoming);
      expect(id).not.toBe(incoming);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(isValidRequestId(id)).toBe(true);
    }
  });
});
