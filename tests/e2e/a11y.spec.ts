import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  for (const path of [
    "/aanmelden",
    "/aanmelden?error=access_denied",
    "/aanmelden?error=Callback",
  ]) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`the sign-in page ${path} has no violations in ${colorScheme} mode`, async ({
        page,
      }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
        expect(results.violations).toEqual([]);
      });
    }
  }

  test.describe("signed in as admin", () => {
    test.use({ storageState: storageStatePath("beheerder") });
    for (const colorScheme of ["light", "dark"] as const) {
      test(`/beheer has no violations in ${colorScheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto("/beheer");
        const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
        expect(results.violations).toEqual([]);
      });
    }
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStatePath("medewerker2") });
    for (const path of [
      "/richtlijnen",
      "/richtlijnen/zakelijk-gebruik",
      "/richtlijnen/algemeen",
      "/richtlijnen/volledig",
      "/richtlijnen/wijzigingen",
      "/richtlijnen/versie",
      "/richtlijnen/versie/1/volledig",
      "/richtlijnen/versie/1/zakelijk-gebruik",
      "/mijn-bevestigingen",
      "/bestaat-niet",
      "/mijn-bevestigingen/999999",
    ]) {
      for (const colorScheme of ["light", "dark"] as const) {
        test(`${path} has no violations in ${colorScheme} mode`, async ({ page }) => {
          await page.emulateMedia({ colorScheme });
          await page.goto(path);
          const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
          expect(results.violations).toEqual([]);
        });
      }
    }
  });
});
