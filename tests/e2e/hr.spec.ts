import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

// P&O's pages as `hr`, after the acknowledgement specs: medewerker (100001) and medewerker2
// (100002) have acknowledged the current version. The roster this spec imports lists them beside
// 28 people who never signed in, so the import links their accounts by the employee-number claim.

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function rosterCsv(): Buffer {
  const lines = ["Personeelsnummer;Naam;E-mailadres;Afdeling"];
  lines.push("100001;Sanne de Vries;sanne.devries@kempenhaeghe.example;E2E Slaapcentrum");
  lines.push("100002;Daan Janssen;daan.janssen@kempenhaeghe.example;E2E Onderwijs");
  for (let n = 1; n <= 28; n++) {
    const department = n % 2 ? "E2E Slaapcentrum" : "E2E Onderwijs";
    lines.push(
      `${900000 + n};"Testpersoon ${n}, E2E";test.${n}@kempenhaeghe.example;${department}`,
    );
  }
  // Dutch Excel: UTF-8 with BOM, semicolons.
  return Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`, "utf8");
}

async function listTotal(page: Page, query: string): Promise<number> {
  await page.goto(`/hr/medewerkers?${query}`);
  const text = (await page.getByTestId("aantal-resultaten").textContent()) ?? "";
  if (text.startsWith("Geen")) return 0;
  const match = /van (\d+) medewerkers/.exec(text);
  expect(match, text).not.toBeNull();
  return Number(match![1]);
}

async function cellNumber(page: Page, department: string, column: number): Promise<number> {
  const row = page
    .getByRole("table", { name: "Per afdeling in cijfers" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: department, exact: true }) });
  return Number(await row.getByRole("cell").nth(column).textContent());
}

test.describe("P&O", () => {
  test.use({ storageState: storageStatePath("hr") });

  test("refuses a bad roster file with Dutch line numbers and changes nothing", async ({
    page,
  }) => {
    await page.goto("/hr/personeelsbestand");
    await page.getByLabel("Bestand (CSV of Excel)").setInputFiles({
      name: "fout.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Personeelsnummer;Naam;E-mailadres;Afdeling\n1;Een;een@example.test;A\n1;Twee;geen-adres;A\n",
      ),
    });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByText("Het bestand is niet ingelezen")).toBeVisible();
    const errors = page.getByRole("list", { name: "Fouten" }).getByRole("listitem");
    await expect(errors.first()).toContainText("Regel 3");
    await expect(page.getByRole("button", { name: "Personeelsbestand bijwerken" })).toHaveCount(0);
  });

  test("reads a 50,000-row file with visible progress, and one bad row imports nothing", async ({
    page,
  }) => {
    const lines = ["Personeelsnummer;Naam;E-mailadres;Afdeling"];
    for (let n = 1; n <= 50_000; n++)
      lines.push(`${900_000 + n};Groot ${n};groot.${n}@kempenhaeghe.example;Afdeling ${n % 40}`);
    // The last row is bad, so nothing changes and later tests see the roster they expect.
    lines.push("950001;Laatste;geen-adres;Afdeling 1");
    await page.goto("/hr/personeelsbestand");
    // Every text the status region shows, however briefly: progress can pass quickly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      const region = document.querySelector('[role="status"][aria-live="polite"]')!;
      new MutationObserver(() => seen.push(region.textContent ?? "")).observe(region, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.getByLabel("Bestand (CSV of Excel)").setInputFiles({
      name: "groot.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${lines.join("\r\n")}\r\n`),
    });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    await expect(page.getByText("Het bestand is niet ingelezen: er is 1 fout")).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      page.getByRole("list", { name: "Fouten" }).getByRole("listitem").first(),
    ).toContainText("Regel 50002:");
    const texts = await page.evaluate(
      () => (window as unknown as { statusTexts: string[] }).statusTexts,
    );
    const counts = texts.flatMap((text) => {
      const match = /Controleren: ([\d.]+) regels gelezen/.exec(text);
      return match ? [Number(match[1].replace(/\./g, ""))] : [];
    });
    // Progress while reading, not only at the end.
    expect(counts.some((rows) => rows > 0 && rows < 50_000)).toBe(true);
    await expect(page.getByRole("button", { name: "Personeelsbestand bijwerken" })).toHaveCount(0);
  });

  test("imports a roster through the preview; the dashboard's numbers match the list", async ({
    page,
  }) => {
    await page.goto("/hr/personeelsbestand");
    await page.getByLabel("Bestand (CSV of Excel)").setInputFiles({
      name: "personeel.csv",
      mimeType: "text/csv",
      buffer: rosterCsv(),
    });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
    const counts = page.getByTestId("voorbeeld-aantallen");
    await expect(counts).toBeVisible({ timeout: 30_000 });
    await expect(counts.getByRole("definition").first()).toHaveText("30");
    await page.getByRole("button", { name: "Personeelsbestand bijwerken" }).click();
    await expect(page.getByText("Het personeelsbestand is bijgewerkt")).toBeVisible({
      timeout: 30_000,
    });

    await page.goto("/hr");
    await expect(page.getByRole("heading", { level: 1, name: "P&O – overzicht" })).toBeVisible();
    // Per department: 15 each; each has one acknowledged (the two demo employees).
    expect(await cellNumber(page, "E2E Slaapcentrum", 0)).toBe(15);
    expect(await cellNumber(page, "E2E Slaapcentrum", 1)).toBe(1);
    expect(await cellNumber(page, "E2E Onderwijs", 0)).toBe(15);
    expect(await cellNumber(page, "E2E Onderwijs", 1)).toBe(1);
    expect(await cellNumber(page, "E2E Onderwijs", 2)).toBe(14);

    const shown = {
      acknowledged: Number(await page.getByTestId("aantal-acknowledged").textContent()),
      outstanding: Number(await page.getByTestId("aantal-outstanding").textContent()),
      overdue: Number(await page.getByTestId("aantal-overdue").textContent()),
      unlinked: Number(await page.getByTestId("aantal-unlinked").textContent()),
    };
    expect(shown.acknowledged).toBe(await listTotal(page, "status=bevestigd"));
    expect(shown.outstanding).toBe(await listTotal(page, "status=openstaand"));
    expect(shown.overdue).toBe(await listTotal(page, "status=te-laat"));
    expect(shown.unlinked).toBe(await listTotal(page, "status=niet-gekoppeld"));
    expect(await listTotal(page, "afdeling=E2E+Onderwijs&status=openstaand")).toBe(14);
  });

  test("searches the list, opens an employee and their receipt, and checks it", async ({
    page,
  }) => {
    await page.goto("/hr/medewerkers");
    await page.getByLabel("Naam of nummer").fill("Sanne");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page).toHaveURL(/q=Sanne/);
    const table = page.getByRole("table");
    await expect(table.getByRole("rowheader")).toHaveCount(1);
    await expect(table.getByRole("row").nth(1)).toContainText("Bevestigd");

    // Sorting is a link with aria-sort on the header.
    await page.goto("/hr/medewerkers?afdeling=E2E+Onderwijs");
    await page.getByRole("link", { name: /^Nummer/ }).click();
    await expect(page.getByRole("columnheader", { name: /Nummer/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("100002");
    await expect(page.getByTestId("aantal-resultaten")).toHaveText(/1–15 van 15 medewerkers/);

    await page.goto("/hr/medewerkers?q=100001");
    await page.getByRole("link", { name: "Sanne de Vries" }).click();
    await expect(page).toHaveURL(/\/hr\/medewerkers\/100001$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sanne de Vries" })).toBeVisible();
    await expect(page.getByText("E2E Slaapcentrum")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Aanmeldingen" })).toBeVisible();

    const receiptLink = page
      .getByRole("region", { name: "Bevestigingen" })
      .getByRole("link")
      .first();
    await receiptLink.click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Bewijs van bevestiging" }),
    ).toBeVisible();
    const reference = (await page.locator("dt:has-text('Kenmerk') + dd").textContent())!.trim();
    const hash = (await page
      .locator("dt:has-text('SHA-256 van de getoonde tekst') + dd")
      .textContent())!.trim();
    expect(reference).toMatch(/^sociale-media-v\d+-\d+$/);

    const pdfHref = await page.getByRole("link", { name: "Download als PDF" }).getAttribute("href");
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await page.goto("/hr/controleren");
    await page.getByLabel("Kenmerk").fill(reference);
    await page.getByLabel("SHA-256 van de getoonde tekst").fill(hash);
    await page.getByRole("button", { name: "Controleren" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Echt", exact: true })).toBeVisible();
    await expect(page.getByText("Sanne de Vries (100001)")).toBeVisible();

    await page.goto(`/hr/controleren?kenmerk=${reference}&hash=${"0".repeat(64)}`);
    await expect(page.getByRole("heading", { level: 2, name: "Niet gevonden" })).toBeVisible();
  });

  for (const path of [
    "/hr",
    "/hr/medewerkers",
    "/hr/medewerkers/100001",
    "/hr/controleren",
    "/hr/personeelsbestand",
  ]) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${path} has no axe violations in ${colorScheme} mode`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
        expect(results.violations).toEqual([]);
      });
    }
    test(`${path} does not scroll sideways at 360 px`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe("an employee", () => {
  test.use({ storageState: storageStatePath("medewerker") });

  test("gets 403 on every P&O page and route, and no P&O link", async ({ page }) => {
    for (const path of [
      "/hr",
      "/hr/medewerkers",
      "/hr/medewerkers/100001",
      "/hr/controleren",
      "/hr/personeelsbestand",
      "/hr/bevestigingen/1",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("Sanne de Vries (100001)")).toHaveCount(0);
    }
    expect((await page.request.get("/hr/bevestigingen/1/pdf", { maxRedirects: 0 })).status()).toBe(
      403,
    );
    const upload = await page.request.post("/hr/personeelsbestand/upload", {
      headers: { "x-file-name": "a.csv" },
      data: "Personeelsnummer;Naam;E-mailadres;Afdeling\n1;A;a@example.test;X\n",
      maxRedirects: 0,
    });
    expect(upload.status()).toBe(403);
    await page.goto("/richtlijnen");
    await expect(
      page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "P&O" }),
    ).toHaveCount(0);
  });
});
