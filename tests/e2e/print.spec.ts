import { expect, test } from "@playwright/test";
import { readSeedSections } from "../support/seed-rules";
import { storageStatePath } from "./support/accounts";

test.use({ storageState: storageStatePath("medewerker2") });

test.describe("the full text for print", () => {
  test("holds every part and every rule on one page, each heading once", async ({ page }) => {
    await page.goto("/richtlijnen/volledig");
    const article = page.locator("article");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gebruik van sociale media");
    for (const title of [
      "Gebruik van sociale media",
      "Zakelijk gebruik",
      "Privégebruik",
      "Algemeen",
    ])
      await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(1);
    // The closing line speaks for itself, without a "Kortom" heading above "Kortom: …".
    await expect(page.getByRole("heading", { name: "Kortom", exact: true })).toHaveCount(0);
    await expect(article).toContainText("Kortom: Als je je gezond verstand gebruikt");
    // The fingerprint is there for whoever needs it, folded under "Technische gegevens".
    const technical = page.locator("details", { hasText: "Technische gegevens" });
    await expect(technical.locator("code")).toBeHidden();
    await technical.getByText("Technische gegevens").click();
    await expect(technical.locator("code")).toHaveText(/^[0-9a-f]{64}$/);
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
