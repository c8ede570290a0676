import { expect, test } from "@playwright/test";
import { readSeedSections } from "../support/seed-rules";

const protectedPaths = [
  "/",
  "/richtlijnen",
  "/richtlijnen/zakelijk-gebruik",
  "/richtlijnen/privegebruik",
  "/richtlijnen/algemeen",
  "/richtlijnen/volledig",
  "/richtlijnen/wijzigingen",
  "/mijn-bevestigingen",
  "/mijn-bevestigingen/1",
  "/mijn-bevestigingen/1/pdf",
  "/beheer",
  "/beheer/status",
  "/bestaat-niet",
];

const someRule = readSeedSections()[0].rules[0];

test.describe("without a session", () => {
  for (const path of protectedPaths) {
    test(`a request for ${path} is redirected to sign-in and shows none of the text`, async ({
      request,
    }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(response.status());
      expect(response.headers()["location"]).toMatch(/\/aanmelden/);
      expect(await response.text()).not.toContain("ambassadeur");

      const followed = await request.get(path);
      expect(followed.url()).toMatch(/\/aanmelden/);
      const body = await followed.text();
      expect(body).not.toContain(someRule.slice(0, 40));
      expect(body).not.toContain("ambassadeur");
    });
  }

  test("every response forbids framing and sniffing, and keeps the address inside the intranet", async ({
    request,
  }) => {
    for (const path of ["/aanmelden", "/api/health", "/richtlijnen"]) {
      const headers = (await request.get(path, { maxRedirects: 0 })).headers();
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["x-powered-by"]).toBeUndefined();
    }
  });

  test("the health check answers without a session and shows no personal data", async ({
    request,
  }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(JSON.stringify(body)).not.toMatch(/Sanne|medewerker|@/);
  });

  test("the internal publishing endpoint refuses a request without the operator token", async ({
    request,
  }) => {
    const response = await request.post("/api/internal/publish", { data: { summary: "x" } });
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain("result");
  });
});
