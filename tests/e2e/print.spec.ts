import { expect, test } from "@playwright/test";
import { readSeedSections } from "../support/seed-rules";
import { storageStatePath } from "./support/accounts";

test.use({ storageState: storageStatePath("medewerker2") });

test.describe("the full text for print", () => {
  test("holds every part and every rule on one page", async ({ page }) => {
    await page.goto("/richtlijnen/volledig");
    const article = page.locator("article");
    for (const title of [
      "Gebruik van sociale media",
      "Zakelijk gebruik",
      "Privégebruik",
      "Algemeen",
      "Kortom",
    ]) {
      await expect(page.getByRole("heading", { name: title, exact: true }).first()).toBeVisible();
    }
    for (const section of readSeedSections())
      for (const rule of section.rules) await expect(article).toContainText(rule);
  });

  test("prints without navigation, banners or buttons, and fits A4", async ({ page }) => {
    await page.goto("/richtlijnen/volledig");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
    await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 2, name: "Zakelijk gebruik" })).toBeVisible();
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
  });
});
