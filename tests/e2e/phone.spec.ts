import AxeBuilder from "@axe-core/playwright";
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
    await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  });
}

for (const part of ["zakelijk-gebruik", "privegebruik", "algemeen"]) {
  test(`the first rule of /richtlijnen/${part} is on the first screen`, async ({ page }) => {
    await page.goto(`/richtlijnen/${part}`);
    const firstRule = page.locator("article li").first();
    // Its number and at least its first two lines, without scrolling.
    await expect(firstRule.locator(".rule-number").first()).toBeInViewport({ ratio: 1 });
    const box = (await firstRule.boundingBox())!;
    expect(box.y + 2 * 28).toBeLessThanOrEqual(740);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}

test("the main menu folds behind a Menu button that says whether it is open", async ({ page }) => {
  await page.goto("/richtlijnen/algemeen");
  const button = page.getByRole("button", { name: "Menu" });
  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeHidden();

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("link", { name: "Richtlijnen" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(menu.getByRole("button", { name: "Afmelden" })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);

  // Escape closes it and gives focus back to the button.
  await menu.getByRole("link", { name: "Volledige tekst" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // Following a link closes it too.
  await button.click();
  await menu.getByRole("link", { name: "Mijn bevestigingen" }).click();
  await expect(page).toHaveURL(/\/mijn-bevestigingen$/);
  await expect(menu).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

test("the table of contents row shows that it scrolls sideways", async ({ page }) => {
  await page.goto("/richtlijnen/zakelijk-gebruik");
  const row = page.getByRole("navigation", { name: "Inhoudsopgave" }).locator("ol");
  const overflows = await row.evaluate((list) => list.scrollWidth > list.clientWidth);
  expect(overflows).toBe(true);
  // The fade with its arrow at the right edge.
  const edge = page.getByRole("navigation", { name: "Inhoudsopgave" }).locator("div[aria-hidden]");
  await expect(edge).toBeVisible();
  const box = (await edge.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThanOrEqual(358);
});

test("the acknowledgement form is usable on a phone", async ({ page }) => {
  await page.goto("/richtlijnen/volledig#bevestigen");
  const checkbox = page.getByLabel(
    "Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.",
  );
  await expect(checkbox).toBeVisible();
  const button = page.getByRole("button", { name: "Bevestigen" });
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
});
