import { describe, expect, it } from "vitest";
import { isLoopbackRequest } from "./loopback";

// Headers as a route handler sees them: Next has already set x-forwarded-for to the socket's
// remote address and x-forwarded-host to Host when the client sent neither.
function seen(headers: Record<string, string>) {
  return isLoopbackRequest(
    new Headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "127.0.0.1:3000",
      "x-forwarded-for": "127.0.0.1",
      ...headers,
    }),
  );
}

describe("isLoopbackRequest", () => {
  it("accepts the CLI's direct call on loopback, IPv4 or IPv6", () => {
    expect(seen({})).toBe(true);
    expect(seen({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe(true);
    expect(
      seen({ "x-forwarded-for": "::1", host: "[::1]:3000", "x-forwarded-host": "[::1]:3000" }),
    ).toBe(true);
    expect(seen({ host: "localhost:3000", "x-forwarded-host": "localhost:3000" })).toBe(true);
  });

  it("refuses a caller on another machine", () => {
    expect(seen({ "x-forwarded-for": "10.0.0.7" })).toBe(false);
    expect(seen({ "x-forwarded-for": "::ffff:10.0.0.7" })).toBe(false);
  });

  it("refuses whatever a reverse proxy forwards", () => {
    expect(seen({ "x-forwarded-for": "127.0.0.1, 10.0.0.7" })).toBe(false);
    expect(seen({ forwarded: "for=10.0.0.7" })).toBe(false);
    expect(seen({ "x-real-ip": "10.0.0.7" })).toBe(false);
    expect(seen({ "x-forwarded-host": "beleid.kempenhaeghe.nl" })).toBe(false);
  });

  it("refuses a Host that is not loopback, or none", () => {
    expect(
      seen({ host: "beleid.kempenhaeghe.nl", "x-forwarded-host": "beleid.kempenhaeghe.nl" }),
    ).toBe(false);
    const headers = new Headers({ "x-forwarded-for": "127.0.0.1" });
    expect(isLoopbackRequest(headers)).toBe(false);
  });
});
