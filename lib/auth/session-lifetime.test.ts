import { describe, expect, it } from "vitest";
import {
  reissueMaxAge,
  SESSION_LIFETIME_SECONDS,
  sessionExpiresAt,
  sessionRefusal,
} from "./session-lifetime";

const signIn = new Date("2026-11-25T08:00:00Z");
const hours = (n: number) => new Date(signIn.getTime() + n * 3_600_000);

describe("the absolute session lifetime", () => {
  it("ends a session ten hours after sign-in", () => {
    expect(SESSION_LIFETIME_SECONDS).toBe(36_000);
    expect(sessionExpiresAt(signIn)).toEqual(hours(10));
    const session = { expiresAt: sessionExpiresAt(signIn), endedAt: null };
    expect(sessionRefusal(session, hours(9.99))).toBeNull();
    expect(sessionRefusal(session, hours(10))).toBe("expired");
    expect(sessionRefusal(session, hours(30))).toBe("expired");
  });

  it("refuses a session that was signed out, or that the server does not know", () => {
    expect(sessionRefusal({ expiresAt: hours(10), endedAt: hours(1) }, hours(2))).toBe(
      "signed_out",
    );
    expect(sessionRefusal(null, hours(1))).toBe("unknown");
  });

  it("never renews a token past the session's end, however often it is read", () => {
    const expiresAt = hours(10);
    // Read every hour: the remaining time shrinks, it is never reset to ten hours.
    for (let h = 0; h < 10; h++) {
      expect(reissueMaxAge({ expiresAt, now: hours(h) })).toBe((10 - h) * 3600);
    }
    expect(reissueMaxAge({ expiresAt, now: hours(10) })).toBe(0);
    expect(reissueMaxAge({ expiresAt, now: hours(11) })).toBe(0);
  });

  it("keeps a token that expires in 60 seconds at 60 seconds, not ten more hours", () => {
    const now = hours(1);
    const tokenExp = Math.floor(now.getTime() / 1000) + 60;
    expect(reissueMaxAge({ expiresAt: hours(10), tokenExp, now })).toBe(60);
  });
});
