import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const origin = "https://beleid.kempenhaeghe.nl";

describe("safeCallbackPath", () => {
  it.each([
    ["/richtlijnen", "/richtlijnen"],
    ["/richtlijnen/algemeen?x=1#algemeen-regel-2", "/richtlijnen/algemeen?x=1#algemeen-regel-2"],
    ["/mijn-bevestigingen/3", "/mijn-bevestigingen/3"],
    ["https://beleid.kempenhaeghe.nl/richtlijnen", "/richtlijnen"],
  ])("keeps the portal path %s", (value, expected) => {
    expect(safeCallbackPath(value, origin)).toBe(expected);
  });

  it.each([
    "https://evil.example/richtlijnen",
    "//evil.example/richtlijnen",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://beleid.kempenhaeghe.nl/richtlijnen",
    "https://beleid.kempenhaeghe.nl.evil.example/",
    "richtlijnen",
    "",
    "/aanmelden?callbackUrl=/richtlijnen",
    "/api/auth/signout",
  ])("sends %j to the start page instead", (value) => {
    expect(safeCallbackPath(value, origin)).toBe("/");
  });

  it("accepts no absolute URL when no origin is known", () => {
    expect(safeCallbackPath("https://beleid.kempenhaeghe.nl/richtlijnen")).toBe("/");
  });

  it("ignores values that are not strings", () => {
    expect(safeCallbackPath(["/richtlijnen"], origin)).toBe("/");
    expect(safeCallbackPath(undefined, origin)).toBe("/");
  });

  it("normalises dot segments without leaving the portal", () => {
    expect(safeCallbackPath("/richtlijnen/../../../etc", origin)).toBe("/etc");
    expect(safeCallbackPath("/%2F%2Fevil.example", origin)).toBe("/%2F%2Fevil.example");
  });
});
