import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { isSafeMethod, isSameOriginPost } from "./origin";

const PORTAL = "https://portaal.kempenhaeghe.example";

function post(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(`${PORTAL}${path}`, { method: "POST", headers });
}

describe("isSameOriginPost", () => {
  it("accepts the portal's own origin and requests without one (the operator CLIs)", () => {
    expect(isSameOriginPost(post("/afmelden", { origin: PORTAL }), PORTAL)).toBe(true);
    expect(isSameOriginPost(post("/api/internal/publish"), PORTAL)).toBe(true);
    expect(isSameOriginPost(post("/x", { "sec-fetch-site": "same-origin" }), PORTAL)).toBe(true);
  });

  it("refuses another origin, Origin: null and a cross-site fetch without Origin", () => {
    expect(isSameOriginPost(post("/x", { origin: "https://evil.example" }), PORTAL)).toBe(false);
    expect(isSameOriginPost(post("/x", { origin: "null" }), PORTAL)).toBe(false);
    expect(isSameOriginPost(post("/x", { origin: `${PORTAL}:8443` }), PORTAL)).toBe(false);
    expect(isSameOriginPost(post("/x", { "sec-fetch-site": "cross-site" }), PORTAL)).toBe(false);
  });

  it("knows which methods change nothing", () => {
    expect(["GET", "head", "OPTIONS"].every(isSafeMethod)).toBe(true);
    expect(["POST", "PUT", "PATCH", "DELETE"].some(isSafeMethod)).toBe(false);
  });
});

describe("proxy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["a server action", "/beheer", { "next-action": "abc" }],
    ["sign-out", "/afmelden", {}],
    ["sign-in start", "/aanmelden/start", {}],
    ["an internal route", "/api/internal/publish", {}],
  ])("refuses a cross-origin or Origin: null POST to %s", async (_what, path, extra) => {
    vi.stubEnv("NEXTAUTH_URL", PORTAL);
    for (const origin of ["https://evil.example", "null"]) {
      const response = await proxy(post(path, { ...extra, origin }));
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("komt niet van het portaal");
    }
  });

  it("lets the portal's own POSTs and the CLIs' token requests through", async () => {
    vi.stubEnv("NEXTAUTH_URL", PORTAL);
    const own = await proxy(
      post("/beheer", { origin: PORTAL, "next-action": "abc", cookie: "a=b" }),
    );
    expect(own.status).toBe(200);
    expect(own.headers.get("x-middleware-next")).toBe("1");
    const cli = await proxy(post("/api/internal/publish", { authorization: "Bearer t" }));
    expect(cli.status).toBe(200);
  });

  it("compares with NEXTAUTH_URL, not the Host a client or reverse proxy sent", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://other.example");
    expect((await proxy(post("/afmelden", { origin: PORTAL }))).status).toBe(403);
  });
});
