import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { PDFDocument } from "pdf-lib";
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { copyContent, editFile, publishWithCli } from "./support/publish";

// One story, in order: acknowledge v1, a material v2 needs a new acknowledgement, an editorial v3 does not.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("medewerker") });

const CHECKBOX = "Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.";
const statusBanner = (page: Page) => page.getByRole("status").first();

const NEW_FIRST_RULE =
  "Gebruik voor berichten namens Kempenhaeghe alleen de accounts die Communicatie beheert.";
const CITED_RULE = "Blijf op internet zakelijk in uitlatingen over de dienstverlening";
// Taken from rule 3's own link while version 1 is current; version 2 inserts a rule above it.
let citedLink = "";

/** Version 2: a rule inserted at the top of "Zakelijk gebruik", one at the end of "Privégebruik", and a word less. */
function applyVersion2Edits(dir: string) {
  editFile(dir, "10-zakelijk-gebruik.mdx", (text) =>
    text.replace(/^---\n\n- /m, `---\n\n- ${NEW_FIRST_RULE}\n- `),
  );
  editFile(dir, "20-privegebruik.mdx", (text) =>
    text
      .replace("geen voeding aan eventuele roddels", "geen voeding aan roddels")
      .replace(
        /\s*$/,
        "\n- Plaats nooit foto's of gegevens van cliënten, ook niet in een besloten groep.\n",
      ),
  );
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations).toEqual([]);
}

async function acknowledge(page: Page) {
  const form = page.locator("#bevestigen");
  await form.getByLabel(CHECKBOX).check();
  await form.getByRole("button", { name: "Bevestigen" }).click();
  await expect(form.getByText(/Bevestigd op \d{1,2} \w+ \d{4} om \d{2}:\d{2}/)).toBeVisible();
}

test("an employee who has not acknowledged sees it on every page", async ({ page }) => {
  for (const path of ["/richtlijnen", "/richtlijnen/algemeen", "/mijn-bevestigingen"]) {
    await page.goto(path);
    await expect(statusBanner(page)).toContainText("Je hebt de richtlijnen nog niet bevestigd");
  }
  await page.goto("/mijn-bevestigingen");
  await expect(page.locator("main")).toContainText("Je hebt de richtlijnen nog niet bevestigd.");
});

test("the overview offers no confirmation: the banner starts the reading, and the form comes after the full text", async ({
  page,
}) => {
  await page.goto("/richtlijnen");
  await expect(page.getByLabel(CHECKBOX)).toHaveCount(0);
  await expect(page.locator("#bevestigen")).toContainText("Onder de volledige tekst");
  // The parts before the last one do not offer it either.
  for (const part of ["zakelijk-gebruik", "privegebruik"]) {
    await page.goto(`/richtlijnen/${part}`);
    await expect(page.getByLabel(CHECKBOX)).toHaveCount(0);
  }
  await page.goto("/richtlijnen");
  await statusBanner(page).getByRole("link", { name: "Lezen en bevestigen" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/volledig$/);
  // The page opens at the text, not at the form below it.
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await expect(page.getByLabel(CHECKBOX)).not.toBeInViewport();
  const form = page.locator("#bevestigen");
  const lastRule = page.locator(`[id^="algemeen-regel-"]`).last();
  const formTop = (await form.boundingBox())!.y;
  expect(formTop).toBeGreaterThan((await lastRule.boundingBox())!.y);
  await expect(form).toContainText("Je bevestigt de volledige tekst van versie 1.");
});

test("with only one version, 'wat is er veranderd' sends the reader to the text", async ({
  page,
}) => {
  await page.goto("/richtlijnen/wijzigingen");
  await expect(page.locator("main")).toContainText("Er is nog maar één versie");
  await expect(page.getByLabel(CHECKBOX)).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Lees de volledige tekst" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/volledig$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gebruik van sociale media");
});

test("confirming without ticking the box gives a clear message and stores nothing", async ({
  page,
}) => {
  await page.goto("/richtlijnen/volledig");
  await page.locator("#bevestigen").getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.locator("#bevestigen").getByRole("alert")).toContainText(
    "Vink aan dat je de richtlijnen hebt gelezen en begrepen.",
  );
  await page.goto("/mijn-bevestigingen");
  await expect(page.locator("main")).toContainText("Je hebt de richtlijnen nog niet bevestigd.");
});

test("a confirmation without the token of a rendered text is refused, and sends the person to the text", async ({
  page,
}) => {
  const refusal = "Je kunt alleen bevestigen onder de tekst die je hebt gelezen.";
  await page.goto("/richtlijnen/volledig");
  const form = page.locator("#bevestigen form");

  // A direct POST of the form's fields (as a browser without JavaScript sends it), minus the token.
  const fields = await form.evaluate((element) => {
    const data = new FormData(element as HTMLFormElement);
    data.delete("readingToken");
    data.set("confirm", "ja");
    return [...data.entries()].map(([name, value]) => [name, String(value)] as const);
  });
  expect(fields.some(([name]) => name === "versionId")).toBe(true);
  const response = await page.request.post("/richtlijnen/volledig", {
    multipart: Object.fromEntries(fields),
  });
  expect(await response.text()).toContain(refusal);

  // A forged token, through the page itself.
  await form.locator('input[name="readingToken"]').evaluate((input) => {
    (input as HTMLInputElement).value = "eyJlIjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  });
  await form.getByLabel(CHECKBOX).check();
  await form.getByRole("button", { name: "Bevestigen" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText(refusal);
  await alert.getByRole("link", { name: "Naar de tekst" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/volledig$/);

  await page.goto("/mijn-bevestigingen");
  await expect(page.locator("main")).toContainText("Je hebt de richtlijnen nog niet bevestigd.");
});

test("an employee reads, acknowledges version 1 and gets a receipt", async ({ page }) => {
  await page.goto("/richtlijnen/algemeen");
  await expect(page.locator("#bevestigen")).toBeVisible();
  await acknowledge(page);

  await page.goto("/richtlijnen");
  await expect(statusBanner(page)).toContainText(/Bevestigd op .* \(versie 1\)/);

  await page.goto("/mijn-bevestigingen");
  const items = page.locator("main li");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Versie 1: bevestigd op");
  await items
    .first()
    .getByRole("link", { name: /Bewijs van bevestiging/ })
    .click();

  await expect(page.getByRole("heading", { name: "Bewijs van bevestiging" })).toBeVisible();
  const receipt = page.locator("article");
  await expect(receipt).toContainText("Sanne");
  await expect(receipt).toContainText("Versie 1");
  await expect(receipt.locator("code").first()).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download als PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("bewijs-van-bevestiging-versie-1.pdf");
  const pdf = await readFile((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const document = await PDFDocument.load(pdf);
  expect(document.getPageCount()).toBe(1);
  expect(document.getTitle()).toBe("Bewijs van bevestiging – versie 1");
});

test("acknowledging from two tabs at once gives one record, and both tabs show success", async ({
  context,
}) => {
  // medewerker has acknowledged version 1 already; this is the same race with medewerker's colleague "hr".
  const browser = context.browser()!;
  const hrContext = await browser.newContext({ storageState: storageStatePath("hr") });
  const [first, second] = [await hrContext.newPage(), await hrContext.newPage()];
  for (const tab of [first, second]) {
    await tab.goto("/richtlijnen/volledig");
    await tab.locator("#bevestigen").getByLabel(CHECKBOX).check();
  }
  await Promise.all(
    [first, second].map((tab) =>
      tab.locator("#bevestigen").getByRole("button", { name: "Bevestigen" }).click(),
    ),
  );
  for (const tab of [first, second])
    await expect(tab.locator("#bevestigen").getByText(/Bevestigd op/)).toBeVisible();
  await first.goto("/mijn-bevestigingen");
  await expect(first.locator("main li")).toHaveCount(1);
  await hrContext.close();
});

test("a rule's own link names the version it cites", async ({ page }) => {
  await page.goto("/richtlijnen/zakelijk-gebruik");
  const rule = page.locator("#zakelijk-gebruik-regel-3");
  await expect(rule).toContainText(CITED_RULE);
  citedLink = (await rule.locator("a.rule-anchor").getAttribute("href")) ?? "";
  expect(citedLink).toBe("/richtlijnen/versie/1/zakelijk-gebruik#zakelijk-gebruik-regel-3");
});

test("a material version 2 asks for a new acknowledgement, after showing what changed", async ({
  page,
}) => {
  const dir = copyContent();
  applyVersion2Edits(dir);
  const output = await publishWithCli([
    "--content-dir",
    dir,
    "--summary",
    "Nieuwe regel over cliëntgegevens",
    "--material",
    "--deadline",
    "2099-03-31",
  ]);
  expect(output).toMatch(/versie 2|version 2/i);

  await page.goto("/richtlijnen");
  await expect(statusBanner(page)).toContainText("De richtlijnen zijn gewijzigd");
  await expect(statusBanner(page)).toContainText("31 maart 2099");
  // The overview does not offer the form: the redline comes first.
  await expect(page.locator("#bevestigen").getByRole("button", { name: "Bevestigen" })).toHaveCount(
    0,
  );
  await statusBanner(page).getByRole("link", { name: "Bekijk wat er is veranderd" }).click();

  await expect(page).toHaveURL(/\/richtlijnen\/wijzigingen/);
  await expect(page.locator("main")).toContainText("Nieuwe regel over cliëntgegevens");
  await expect(
    page.locator("main ins", { hasText: "Plaats nooit foto's of gegevens van cliënten" }),
  ).toBeVisible();
  await expect(page.locator("main del", { hasText: "eventuele" })).toBeVisible();
  await expectNoAxeViolations(page);
  await acknowledge(page);

  await page.goto("/richtlijnen");
  await expect(statusBanner(page)).toContainText(/Bevestigd op .* \(versie 2\)/);
  await page.goto("/mijn-bevestigingen");
  await expect(page.locator("main li")).toHaveCount(2);
  await expect(page.locator("main li").first()).toContainText("Versie 2");
});

test("a cited rule link still shows the cited text after version 2 inserted a rule above it", async ({
  page,
}) => {
  // The current text has moved: rule 3 is another rule now.
  await page.goto("/richtlijnen/zakelijk-gebruik");
  await expect(page.locator("#zakelijk-gebruik-regel-1")).toContainText(NEW_FIRST_RULE);
  await expect(page.locator("#zakelijk-gebruik-regel-3")).not.toContainText(CITED_RULE);

  await page.goto(citedLink);
  const rule = page.locator("#zakelijk-gebruik-regel-3");
  await expect(rule).toContainText(CITED_RULE);
  await expect(rule).toBeInViewport();
  await expect(rule.locator(".rule-number").first()).toHaveText("3");
  await expect(page.locator("article")).not.toContainText(NEW_FIRST_RULE);
  const note = page.getByRole("note", { name: "Oudere versie" });
  await expect(note).toContainText("Je leest versie 1");
  await expect(note).toContainText("Er is een nieuwere versie: versie 2");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  // Buttons fade between the schemes (transition-colors): axe measured them halfway in some runs.
  await page.evaluate(() =>
    // A cancelled transition rejects `finished`; it is settled all the same.
    Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
  );
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  await note.getByRole("link", { name: "Lees de huidige versie" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/zakelijk-gebruik$/);

  // Every earlier version stays readable in full, and its receipt links to it.
  await page.goto("/richtlijnen/versie");
  await page.getByRole("link", { name: "Lees versie 1" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/versie\/1\/volledig$/);
  await expect(page.locator("article")).toContainText(CITED_RULE);
  await expect(page.locator("article")).not.toContainText(NEW_FIRST_RULE);
  await expect(page.getByLabel(CHECKBOX)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto("/mijn-bevestigingen");
  await page
    .locator("main li", { hasText: "Versie 1" })
    .getByRole("link", { name: /Bewijs van bevestiging/ })
    .click();
  await expect(page.locator("article")).toContainText("de volledige tekst van versie 1");
  await page.getByRole("link", { name: "De volledige tekst van versie 1" }).click();
  await expect(page).toHaveURL(/\/richtlijnen\/versie\/1\/volledig$/);
});

test("an editorial version 3 keeps the employee acknowledged, and the receipt names version 2", async ({
  page,
}) => {
  const dir = copyContent();
  applyVersion2Edits(dir);
  editFile(dir, "30-algemeen.mdx", (text) => text.replace("later verwijdt", "later verwijdert"));
  await publishWithCli(["--content-dir", dir, "--summary", "Taalfout verbeterd"]);

  await page.goto("/richtlijnen/algemeen");
  await expect(page.locator("article")).toContainText("later verwijdert");
  await expect(statusBanner(page)).toContainText(/Bevestigd op .* \(versie 2\)/);
  const explained =
    "Versie 3 is een tekstuele correctie (redactionele wijziging): je bevestiging van versie 2 blijft geldig.";
  await expect(statusBanner(page)).toContainText(explained);
  for (const path of ["/richtlijnen", "/richtlijnen/volledig"]) {
    await page.goto(path);
    await expect(page.locator("main")).toContainText(explained);
  }
  await expectNoAxeViolations(page);
  await page.goto("/mijn-bevestigingen");
  await expect(page.locator("main li")).toHaveCount(2);
  await expect(page.locator("main li").first()).toContainText("Versie 2");
});

test.describe("another employee", () => {
  test.use({ storageState: storageStatePath("medewerker2") });
  test("who never acknowledged acknowledges the current version 3", async ({ page }) => {
    await page.goto("/richtlijnen");
    await expect(statusBanner(page)).toContainText("Je hebt de richtlijnen nog niet bevestigd");
    await statusBanner(page).getByRole("link", { name: "Lezen en bevestigen" }).click();
    await expect(page).toHaveURL(/\/richtlijnen\/volledig$/);
    await acknowledge(page);
    await page.goto("/mijn-bevestigingen");
    await expect(page.locator("main li").first()).toContainText("Versie 3");
  });
});
