import { beforeEach, describe, expect, it, vi } from "vitest";

const headers = vi.fn();
vi.mock("next/headers", () => ({ headers: () => headers() }));

const { currentRequestId } = await import("./index");

describe("currentRequestId", () => {
  beforeEach(() => {
    headers.mockReset();
  });

  it("is the id proxy.ts set on the request", async () => {
    headers.mockResolvedValue(new Headers({ "x-request-id": "3f1c9a7e-2b4d-4e6f" }));
    expect(await currentRequestId()).toBe("3f1c9a7e-2b4d-4e6f");
  });

  it("is a fresh id in a request the proxy did not see", async () => {
    headers.mockResolvedValue(new Headers());
    expect(await currentRequestId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is 'system' outside a request", async () => {
    headers.mockRejectedValue(new Error("`headers` was called outside a request scope."));
    expect(await currentRequestId()).toBe("system");
  });
});
