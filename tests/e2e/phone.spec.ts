import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

test.use({
  storageState: storageStatePath("medewerker2"),
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
});

for (const path of [
  "/richtlijnen",
  "/richtlijnen/zakelijk-gebruik",
  "/richtlijnen/volledig",
  "/mijn-bevestigingen",
  "/richtlijnen/wijzigingen",
]) {
  test(`${path} fits a 360 px wide phone without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  });
}

test("the acknowledgement form is usable on a phone", async ({ page }) => {
  await page.goto("/richtlijnen#bevestigen");
  const checkbox = page.getByLabel(
    "Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.",
  );
  await expect(checkbox).toBeVisible();
  const button = page.getByRole("button", { name: "Bevestigen" });
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
});
