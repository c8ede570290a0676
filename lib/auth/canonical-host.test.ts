import { describe, expect, it } from "vitest";
import { canonicalRedirect } from "./canonical-host";

const base = {
  method: "GET",
  pathname: "/richtlijnen/algemeen",
  search: "?a=1",
  host: "127.0.0.1:3000",
  forwardedHost: null,
  portalUrl: "http://localhost:3000",
};

describe("sending page loads to the portal's configured address", () => {
  it("redirects a page load on another host to the same path on NEXTAUTH_URL", () => {
    expect(canonicalRedirect(base)?.href).toBe("http://localhost:3000/richtlijnen/algemeen?a=1");
    expect(canonicalRedirect({ ...base, method: "HEAD" })?.href).toBe(
      "http://localhost:3000/richtlijnen/algemeen?a=1",
    );
  });

  it("serves requests on the configured host, whatever the case", () => {
    expect(canonicalRedirect({ ...base, host: "localhost:3000" })).toBeNull();
    expect(canonicalRedirect({ ...base, host: "LOCALHOST:3000" })).toBeNull();
  });

  it("uses the reverse proxy's X-Forwarded-Host when Host was rewritten", () => {
    const portalUrl = "https://beleid.kempenhaeghe.nl";
    expect(
      canonicalRedirect({
        ...base,
        portalUrl,
        host: "127.0.0.1:3000",
        forwardedHost: "beleid.kempenhaeghe.nl",
      }),
    ).toBeNull();
    expect(canonicalRedirect({ ...base, portalUrl, host: "beleid.kempenhaeghe.nl" })).toBeNull();
  });

  it("leaves posts, the API and an unset NEXTAUTH_URL alone", () => {
    expect(canonicalRedirect({ ...base, method: "POST" })).toBeNull();
    expect(canonicalRedirect({ ...base, pathname: "/api/health" })).toBeNull();
    expect(canonicalRedirect({ ...base, pathname: "/api/auth/callback/oidc" })).toBeNull();
    expect(canonicalRedirect({ ...base, portalUrl: undefined })).toBeNull();
  });

  it("never sends anyone to a host named by the request", () => {
    for (const pathname of ["//evil.example/x", "/\\evil.example", "/%2F%2Fevil.example"]) {
      const target = canonicalRedirect({ ...base, pathname, host: "evil.example" });
      expect(target?.origin).toBe("http://localhost:3000");
    }
    expect(
      canonicalRedirect({ ...base, host: "evil.example", forwardedHost: "evil.example" })?.origin,
    ).toBe("http://localhost:3000");
  });
});
