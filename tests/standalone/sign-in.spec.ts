import { expect, test } from "@playwright/test";
import { signIn } from "../e2e/support/sign-in";

// What a deployment of the standalone output needs, end to end: migrations ran (health), the
// policy sources were found and compiled by the MDX worker (the part page has its text), the OIDC
// sign-in works, and the client assets load (the menu button is interactive).
test("the standalone server starts, signs in through OIDC and serves a part page", async ({
  page,
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });

  await signIn(page, "medewerker");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const part = page.locator('main a[href^="/richtlijnen/"]').first();
  await part.click();
  await expect(page.locator("main article, main").getByRole("heading").first()).toBeVisible();
  await expect(page.locator("main")).toContainText(/\w+ \w+ \w+ \w+/);
  // Compiled, not the plain-text fallback for a part the worker could not compile.
  await expect(page.locator("main")).not.toContainText("kan niet worden getoond");

  const script = await request.get(
    (await page.locator('script[src^="/_next/static/"]').first().getAttribute("src"))!,
  );
  expect(script.status()).toBe(200);
});
