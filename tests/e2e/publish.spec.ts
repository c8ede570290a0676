import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { copyContent, editFile, publishWithCli } from "./support/publish";

// Communicatie publishes through the portal: a past deadline is refused, a material change is
// published after its redline was shown, and the employee must acknowledge again, seeing that
// same redline. Then the deadline is corrected without a new version. Runs last: it changes the
// current version.
test.describe.configure({ mode: "serial" });

const CHECKBOX = "Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.";
const MARKER = "Deze zin verdwijnt weer als Communicatie de vorige tekst terugzet.";
const statusBanner = (page: Page) => page.getByRole("status").first();

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
}

async function signedIn(browser: Browser, login: "medewerker" | "medewerker2" | "communicatie") {
  const context = await browser.newContext({ storageState: storageStatePath(login) });
  return { context, page: await context.newPage() };
}

async function currentVersionNumber(page: Page): Promise<number> {
  await page.goto("/redactie/versies");
  const heading = page.getByRole("heading", { name: /\(huidige versie\)/ });
  return Number(/Versie (\d+)/.exec(await heading.innerText())![1]);
}

/**
 * Acknowledges the current (material) version where the portal offers the form: under the redline
 * of "wat is er veranderd" for someone who acknowledged an earlier version, else under the full
 * text, which that page then links to (decision 0012: the form carries the page's reading token).
 */
async function acknowledgeAfterReading(page: Page) {
  await page.goto("/richtlijnen/wijzigingen");
  const form = page.locator("#bevestigen");
  await expect(form).toBeVisible();
  if ((await form.getByLabel(CHECKBOX).count()) === 0) {
    await form.getByRole("link", { name: "Lees de volledige tekst" }).click();
    await expect(page).toHaveURL(/\/richtlijnen\/volledig$/);
  }
  await form.getByLabel(CHECKBOX).check();
  await form.getByRole("button", { name: "Bevestigen" }).click();
}

test("communicatie is refused a past deadline, publishes a material change, and the employee acknowledges again with the redline", async ({
  browser,
}) => {
  // A material version with one extra sentence, which the employee then acknowledges: the restore
  // below takes the sentence out again, and the employee's redline of that restore starts from this
  // version (struck through), whatever they had acknowledged before this spec, or not at all.
  const dir = copyContent();
  editFile(dir, "30-algemeen.mdx", (text) => text.replace(/\s*$/, `\n\n${MARKER}\n`));
  expect(
    await publishWithCli([
      "--content-dir",
      dir,
      "--summary",
      "Een zin die weer verdwijnt",
      "--material",
    ]),
  ).toMatch(/gepubliceerd/);
  const employee = await signedIn(browser, "medewerker");
  const form = employee.page.locator("#bevestigen");
  await acknowledgeAfterReading(employee.page);

  const editor = await signedIn(browser, "communicatie");
  const page = editor.page;
  const current = await currentVersionNumber(page);
  // The employee acknowledged the version with the marker, the current one.
  await expect(form.getByRole("status").filter({ hasText: "Bevestigd op" })).toContainText(
    `(versie ${current})`,
  );
  await expectNoAxeViolations(page);
  await page
    .getByRole("button", { name: `Tekst van versie ${current - 1} in het concept zetten` })
    .click();

  await expect(page).toHaveURL(/\/redactie\/publiceren\?teruggezet=/);
  await expect(page.getByRole("heading", { name: "Publiceren", level: 1 })).toBeVisible();
  // The redline exactly as employees will see it: the sentence is struck through.
  await expect(page.locator("main del", { hasText: MARKER })).toBeVisible();
  await expect(page.locator("main")).toContainText(/opnieuw bevestigen\. Dat zijn nu \d+/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Samenvatting van de wijziging (verplicht)").fill("De extra zin is weg");
  await page.getByLabel(/Inhoudelijke wijziging/).check();
  const deadline = page.getByLabel(/^Uiterste datum/);
  await deadline.fill("2020-01-01");
  await page.getByRole("button", { name: `Versie ${current + 1} publiceren` }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "1 januari 2020 ligt niet in de toekomst",
  );
  await expect(page).toHaveURL(/\/redactie\/publiceren/);

  await deadline.fill("2099-06-30");
  await page.getByRole("button", { name: `Versie ${current + 1} publiceren` }).click();
  await expect(page).toHaveURL(new RegExp(`/redactie/versies\\?gepubliceerd=${current + 1}`));
  await expect(page.locator("main")).toContainText(`Versie ${current + 1} is gepubliceerd.`);

  // The employee's next request: the new version, the redline, a new acknowledgement.
  await employee.page.goto("/richtlijnen");
  await expect(statusBanner(employee.page)).toContainText("De richtlijnen zijn gewijzigd");
  await expect(statusBanner(employee.page)).toContainText("30 juni 2099");
  await employee.page.goto("/richtlijnen/wijzigingen");
  await expect(employee.page.locator("main")).toContainText("De extra zin is weg");
  await expect(employee.page.locator("main del", { hasText: MARKER })).toBeVisible();
  await form.getByLabel(CHECKBOX).check();
  await form.getByRole("button", { name: "Bevestigen" }).click();
  await expect(form.getByText(/Bevestigd op/)).toBeVisible();

  await editor.context.close();
  await employee.context.close();
});

test("the history compares two versions as a redline and as source", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "communicatie");
  const current = await currentVersionNumber(page);
  await page.getByRole("link", { name: `Wat veranderde in versie ${current}` }).click();
  await expect(page).toHaveURL(new RegExp(`van=${current - 1}&naar=${current}`));
  await expect(page.locator("main del", { hasText: MARKER }).first()).toBeVisible();
  await expect(page.locator("main pre del", { hasText: MARKER })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("a deadline is corrected without a new version, and the employee sees it at once", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "communicatie");
  const current = await currentVersionNumber(page);
  await page.goto("/redactie/termijn");
  await expect(page.locator("main")).toContainText("30 juni 2099");
  await page.getByRole("textbox", { name: "Nieuwe uiterste datum" }).fill("2020-01-01");
  await page.getByLabel("Reden (verplicht)").fill("Test");
  await page.getByRole("button", { name: "Uiterste datum wijzigen" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("ligt niet in de toekomst");

  await page.getByRole("textbox", { name: "Nieuwe uiterste datum" }).fill("2099-07-31");
  await page.getByLabel("Reden (verplicht)").fill("Een maand langer voor de zomer");
  await page.getByRole("button", { name: "Uiterste datum wijzigen" }).click();
  await expect(page).toHaveURL(/gewijzigd=/);
  await expect(page.locator("main")).toContainText("Een maand langer voor de zomer");
  await expectNoAxeViolations(page);
  // No new version.
  expect(await currentVersionNumber(page)).toBe(current);
  await context.close();

  const employee = await signedIn(browser, "medewerker2");
  await employee.page.goto("/richtlijnen");
  await expect(statusBanner(employee.page)).toContainText("31 juli 2099");
  await employee.context.close();
});

test("the publishing pages work at 360 pixels wide", async ({ browser }) => {
  const context = await browser.newContext({
    storageState: storageStatePath("communicatie"),
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  for (const path of ["/redactie/publiceren", "/redactie/versies", "/redactie/termijn"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
  await context.close();
});
