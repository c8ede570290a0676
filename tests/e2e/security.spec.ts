import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_IDP_PORT } from "../../playwright.config";
import { storageStatePath } from "./support/accounts";

test.use({ storageState: storageStatePath("medewerker") });

function directives(policy: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(" "));
  }
  return map;
}

async function fetchPage(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const policy = response.headers()["content-security-policy"] ?? null;
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(policy ?? "")?.[1] ?? null;
  return { response, policy, html, nonce };
}

test.describe("security headers", () => {
  for (const path of [
    "/richtlijnen",
    "/richtlijnen/zakelijk-gebruik",
    "/aanmelden",
    "/bestaat-niet",
  ]) {
    test(`${path}: a nonce-based policy, new for every response, on every script`, async ({
      request,
    }) => {
      const first = await fetchPage(request, path);
      const second = await fetchPage(request, path);
      expect(first.response.headers()["content-type"]).toContain("text/html");
      expect(first.nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
      expect(second.nonce).not.toBe(first.nonce);

      const policy = directives(first.policy);
      expect(policy.get("script-src")).toContain(`'nonce-${first.nonce}'`);
      expect(policy.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(policy.get("object-src")).toBe("'none'");
      expect(policy.get("base-uri")).toBe("'self'");
      expect(policy.get("frame-ancestors")).toBe("'none'");
      expect(policy.get("form-action")).toBe(`'self' http://127.0.0.1:${E2E_IDP_PORT}`);

      const scripts = [...first.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${first.nonce}"`);
      // Over plain http no HSTS: it is only sent when NEXTAUTH_URL is https.
      expect(first.response.headers()["strict-transport-security"]).toBeUndefined();
    });
  }

  test("pages hydrate and navigate with the policy in force: no violations, no script errors", async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await page.goto("/richtlijnen");
    await page
      .getByRole("region", { name: "Onderdelen" })
      .getByRole("link", { name: /Algemeen/ })
      .click();
    await expect(page).toHaveURL(/\/richtlijnen\/algemeen$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/mijn-bevestigingen");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("a User-Agent of 16 KB is refused with 431 before anything renders, for pages and route handlers", async ({
    request,
  }) => {
    const userAgent = "Mozilla/5.0 ".padEnd(16_000, "x");
    for (const path of ["/richtlijnen", "/aanmelden", "/api/health", "/api/auth/session"]) {
      const started = Date.now();
      const response = await request.get(path, {
        headers: { "user-agent": userAgent },
        maxRedirects: 0,
      });
      const elapsed = Date.now() - started;
      expect(response.status(), path).toBe(431);
      expect(elapsed, path).toBeLessThan(500);
    }
    // An ordinary one still passes.
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page hydrates with the policy in force and the form still reaches the identity provider", async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    await page.goto("/aanmelden");
    await page.getByRole("button", { name: /Aanmelden/ }).click();
    await expect(page).toHaveURL(
      new RegExp(`^http://127\\.0\\.0\\.1:${E2E_IDP_PORT}/interaction/`),
    );
    expect(problems).toEqual([]);
  });
});

function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const where = message.location().url;
    // Browsers ask for /favicon.ico by themselves; the portal has none. Not a script or policy matter.
    if (where.endsWith("/favicon.ico")) return;
    if (message.type() === "error" || /Content.Security.Policy/i.test(message.text())) {
      problems.push(`${message.type()}: ${message.text()} (${where})`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
