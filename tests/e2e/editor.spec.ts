import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

// The editor as Communicatie. Only the shared draft changes; the spec ends with the draft
// discarded, so the published text and every other spec's assumptions stay as they were.

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test.use({ storageState: storageStatePath("communicatie") });
test.describe.configure({ mode: "serial" });

/**
 * Opens a part in the editor and puts the cursor at the end of its text. Text goes in with
 * insertText: typed keys would meet CodeMirror's Markdown keymap (Enter continues a list).
 */
async function openPart(page: Page, title: string) {
  await page.goto("/redactie");
  await page.getByRole("button", { name: title, exact: false }).first().click();
  await expect(page.getByRole("heading", { name: /bewerken/ })).toBeVisible();
  const editor = page.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("Control+End");
  return editor;
}

async function discardIfAny(page: Page) {
  await page.goto("/redactie");
  const discard = page.getByRole("button", { name: "Concept verwerpen" });
  if (await discard.isVisible()) {
    await discard.click();
    await page.getByRole("button", { name: "Ja, concept verwerpen" }).click();
    await expect(page.getByTestId("concept-herkomst")).toContainText(
      "gelijk aan de gepubliceerde tekst",
    );
  }
}

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("communicatie") });
  await discardIfAny(await context.newPage());
  await context.close();
});

test("an editor edits a part, sees the preview follow, and the draft is saved on the server", async ({
  page,
}) => {
  const editor = await openPart(page, "Algemeen");
  await page.keyboard.insertText("\n\nEen nieuwe regel over **zorgvuldig** delen.");
  const preview = page.getByTestId("voorbeeld");
  await expect(preview.locator("strong", { hasText: "zorgvuldig" })).toBeVisible();
  await expect(page.getByTestId("bewaarstatus")).toContainText("Bewaard op");
  await expect(editor).toContainText("zorgvuldig");

  // Saved on the server: a fresh page shows the text and who saved it.
  await page.reload();
  await page.getByRole("button", { name: "Algemeen" }).click();
  await expect(page.locator(".cm-content")).toContainText(
    "Een nieuwe regel over **zorgvuldig** delen.",
  );
  await expect(page.getByTestId("concept-herkomst")).toContainText("laatst bewaard door");

  // The title and summary are form fields; the preview shows them as readers will.
  await page.getByLabel("Samenvatting").fill("Een nieuwe samenvatting voor Algemeen.");
  await expect(preview).toContainText("Een nieuwe samenvatting voor Algemeen.");
});

test("hostile MDX is refused with a Dutch message at its line and column, and never runs", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openPart(page, "Kortom");
  const errors = page.getByTestId("validatie-fouten");

  await page.keyboard.press("Control+a");
  await page.keyboard.insertText("Kortom: tekst.\n\n<script>alert(1)</script>\n");
  await expect(errors).toContainText("Regel 3, kolom 1: HTML-element <script> is niet toegestaan.");
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();

  await page.keyboard.press("Control+a");
  await page.keyboard.insertText("Kortom: {alert(1)} gebruik je verstand.");
  await expect(errors).toContainText("Regel 1, kolom 9: ");
  await expect(errors).toContainText("accolade");

  await page.keyboard.press("Control+a");
  await page.keyboard.insertText('import x from "./x"\n\nKortom.');
  await expect(errors).toContainText("Regel 1, kolom 1: import en export zijn niet toegestaan.");

  await expect(page.locator('[data-testid="voorbeeld"] script')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  // Valid again: the messages go.
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText("Kortom: gebruik je gezond verstand.");
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId("voorbeeld")).toContainText("gebruik je gezond verstand");
});

test("the help panel inserts an allowed component that the preview renders", async ({ page }) => {
  await openPart(page, "Privégebruik");
  await page.keyboard.insertText("\n\n");
  await page.getByRole("button", { name: "ContactDepartment invoegen" }).click();
  await expect(page.locator(".cm-content")).toContainText(
    '<ContactDepartment department="Communicatie" />',
  );
  await expect(page.getByTestId("voorbeeld")).toContainText(
    "Neem contact op met de afdeling Communicatie",
  );
});

test("on a network error the text stays and the editor says it is not saved yet", async ({
  page,
}) => {
  await openPart(page, "Zakelijk gebruik");
  await page.route("**/redactie", (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  await page.keyboard.insertText("\n\nTekst tijdens een storing.");
  await expect(page.getByTestId("bewaarstatus")).toContainText("Nog niet bewaard");
  await expect(page.locator(".cm-content")).toContainText("Tekst tijdens een storing.");
  await page.unroute("**/redactie");
  await expect(page.getByTestId("bewaarstatus")).toContainText("Bewaard op", { timeout: 20_000 });
});

test("two editors save the same draft: the second gets the conflict with both texts, and loses nothing", async ({
  browser,
}) => {
  const contextA = await browser.newContext({ storageState: storageStatePath("communicatie") });
  const contextB = await browser.newContext({ storageState: storageStatePath("communicatie") });
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  // Both open the same revision.
  await openPart(a, "Algemeen");
  await openPart(b, "Algemeen");

  await a.keyboard.insertText("\n\nZin van redacteur A.");
  await expect(a.getByTestId("bewaarstatus")).toContainText("Bewaard op");

  await b.keyboard.insertText("\n\nZin van redacteur B.");
  const conflict = b.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(b.getByTestId("bewaarstatus")).toContainText("Nog niet bewaard");
  const mine = conflict.getByLabel(/^Jouw tekst van Algemeen/);
  const theirs = conflict.getByLabel(/^Tekst van /);
  await expect(mine).toHaveValue(/Zin van redacteur B\./);
  await expect(theirs).toHaveValue(/Zin van redacteur A\./);

  // B merges A's sentence into their own text and saves.
  await mine.fill(`${await theirs.inputValue()}\n\nZin van redacteur B.`);
  await conflict.getByRole("button", { name: "Mijn tekst bewaren" }).click();
  await expect(conflict).toBeHidden();
  await expect(b.getByTestId("bewaarstatus")).toContainText("Bewaard op");

  await a.reload();
  await a.getByRole("button", { name: "Algemeen" }).click();
  await expect(a.locator(".cm-content")).toContainText("Zin van redacteur A.");
  await expect(a.locator(".cm-content")).toContainText("Zin van redacteur B.");
  await contextA.close();
  await contextB.close();
});

test("discarding the draft brings back the published text", async ({ page }) => {
  await discardIfAny(page);
  await page.getByRole("button", { name: "Algemeen" }).click();
  await expect(page.locator(".cm-content")).not.toContainText("Zin van redacteur");
  await expect(page.locator(".cm-content")).toContainText("onuitwisbare sporen");
});

test.describe("accessibility and small screens", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`/redactie has no axe violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/redactie");
      await expect(page.getByTestId("voorbeeld").locator(".prose")).not.toContainText(
        "wordt gemaakt",
      );
      const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test("/redactie works at 360 px wide without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/redactie");
    await expect(page.locator(".cm-content")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the main menu shows Redactie, marked as the current page", async ({ page }) => {
    await page.goto("/redactie");
    const link = page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Redactie" });
    await expect(link).toHaveAttribute("aria-current", "page");
  });
});
