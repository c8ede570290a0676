import { describe, expect, it } from "vitest";
import { READING_TOKEN_TTL_MS, signReadingToken, verifyReadingToken } from "./reading-token";

const SECRET = "a".repeat(43);
const issuedAt = new Date("2027-03-12T09:00:00Z");
const claims = { employeeId: 7, versionId: 3, page: "volledig" as const, issuedAt };
const expected = { employeeId: 7, versionId: 3, now: new Date(issuedAt.getTime() + 60_000) };

describe("the reading token", () => {
  it("is accepted for the employee and version it was issued for, and says where the text was read", () => {
    const check = verifyReadingToken(SECRET, signReadingToken(SECRET, claims), expected);
    expect(check).toEqual({ ok: true, claims });
  });

  it("is refused when absent", () => {
    for (const token of [undefined, null, ""])
      expect(verifyReadingToken(SECRET, token, expected)).toEqual({ ok: false, reason: "missing" });
  });

  it("is refused for another employee or another version", () => {
    const token = signReadingToken(SECRET, claims);
    expect(verifyReadingToken(SECRET, token, { ...expected, employeeId: 8 })).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyReadingToken(SECRET, token, { ...expected, versionId: 4 })).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
  });

  it("is refused when signed with another secret or changed after signing", () => {
    const token = signReadingToken(SECRET, claims);
    expect(verifyReadingToken("b".repeat(43), token, expected)).toMatchObject({
      reason: "signature",
    });
    // Someone else's token with this employee's id put in: the signature no longer fits.
    const [, signature] = signReadingToken(SECRET, { ...claims, employeeId: 9 }).split(".");
    const forged = `${Buffer.from(JSON.stringify({ e: 7, v: 3, p: "volledig", t: issuedAt.getTime() })).toString("base64url")}.${signature}`;
    expect(verifyReadingToken(SECRET, forged, expected)).toMatchObject({ reason: "signature" });
    expect(verifyReadingToken(SECRET, "not a token", expected)).toMatchObject({
      reason: "malformed",
    });
  });

  it("expires: refused once its time is up, and when issued in the future", () => {
    const token = signReadingToken(SECRET, claims);
    const at = (ms: number) => ({ ...expected, now: new Date(issuedAt.getTime() + ms) });
    expect(verifyReadingToken(SECRET, token, at(READING_TOKEN_TTL_MS - 1000)).ok).toBe(true);
    expect(verifyReadingToken(SECRET, token, at(READING_TOKEN_TTL_MS + 1000))).toMatchObject({
      reason: "expired",
    });
    expect(verifyReadingToken(SECRET, token, at(-10 * 60 * 1000))).toMatchObject({
      reason: "expired",
    });
  });
});
