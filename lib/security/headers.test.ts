import { describe, expect, it } from "vitest";
import {
  createNonce,
  identityProviderOrigin,
  isHttpsOrigin,
  MAX_USER_AGENT_BYTES,
  oversizedHeaders,
  portalContentSecurityPolicy,
} from "./headers";

describe("oversizedHeaders", () => {
  it("lets an ordinary browser request through", () => {
    const headers = new Headers({
      "user-agent":
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
      cookie: `next-auth.session-token=${"a".repeat(3900)}`,
    });
    expect(oversizedHeaders(headers)).toBeNull();
  });

  it("refuses a User-Agent over the cap, counted in bytes", () => {
    expect(
      oversizedHeaders(new Headers({ "user-agent": "x".repeat(MAX_USER_AGENT_BYTES) })),
    ).toBeNull();
    expect(
      oversizedHeaders(new Headers({ "user-agent": "x".repeat(MAX_USER_AGENT_BYTES + 1) })),
    ).toMatch(/User-Agent/);
    expect(oversizedHeaders(new Headers({ "user-agent": "é".repeat(300) }))).toMatch(/User-Agent/);
  });

  it("refuses many headers that are large together", () => {
    const headers = new Headers();
    for (let i = 0; i < 20; i++) headers.set(`x-filler-${i}`, "y".repeat(700));
    expect(oversizedHeaders(headers)).toMatch(/request headers/);
  });
});

describe("portalContentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, and sets the baseline directives", () => {
    const policy = portalContentSecurityPolicy({
      nonce: "abc",
      development: false,
      formTargets: ["https://login.microsoftonline.com"],
    });
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of [
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "form-action 'self' https://login.microsoftonline.com",
    ]) {
      expect(policy).toContain(directive);
    }
  });

  it("makes a different nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("identityProviderOrigin", () => {
  it("is the external issuer's origin, or the demo IdP beside the portal", () => {
    expect(
      identityProviderOrigin({ OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0" }),
    ).toBe("https://login.microsoftonline.com");
    expect(identityProviderOrigin({ PORT: "3130", DEV_IDP_PORT: "3131" })).toBe(
      "http://127.0.0.1:3131",
    );
    expect(identityProviderOrigin({})).toBe("http://127.0.0.1:3001");
  });
});

describe("isHttpsOrigin (HSTS only over https)", () => {
  it("is true for an https NEXTAUTH_URL only", () => {
    expect(isHttpsOrigin("https://beleid.kempenhaeghe.nl")).toBe(true);
    expect(isHttpsOrigin("http://localhost:3000")).toBe(false);
    expect(isHttpsOrigin(undefined)).toBe(false);
    expect(isHttpsOrigin("not a url")).toBe(false);
  });
});
