import { expect, test } from "@playwright/test";
import { signIn } from "../e2e/support/sign-in";

// Without a mail server (no SMTP_URL or SMTP_HOST, as the image starts by default) a reminder
// stays in the database outbox, where an admin reads it. The main e2e portal mails over SMTP
// (tests/e2e/hr-data.spec.ts), so this server is where the outbox pages are seen with mail in them.
const DEPARTMENT = `E2E Outbox ${Date.now()}`;
const PERSON = { number: `E2E-OUTBOX-${Date.now()}`, name: "Mila Smit" };
const EMAIL = `mila.smit.${Date.now()}@kempenhaeghe.example`;

test("without a mail server, P&O's reminder lands in the outbox the admin reads", async ({
  browser,
}) => {
  const hr = await browser.newContext();
  const page = await hr.newPage();
  await signIn(page, "hr");
  await page.goto("/hr/personeelsbestand");
  await page.getByLabel("Bestand (CSV of Excel)").setInputFiles({
    name: "personeel.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `Personeelsnummer;Naam;E-mailadres;Afdeling\r\n${PERSON.number};${PERSON.name};${EMAIL};${DEPARTMENT}\r\n`,
    ),
  });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await page.getByRole("button", { name: "Personeelsbestand bijwerken" }).click();
  await expect(page.getByText("Het personeelsbestand is bijgewerkt")).toBeVisible({
    timeout: 30_000,
  });

  await page.goto(`/hr/herinneringen?afdeling=${encodeURIComponent(DEPARTMENT)}`);
  await page.getByRole("button", { name: "Herinnering sturen aan iedereen in dit filter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "verstuurd" })).toHaveText(
    "1 herinnering verstuurd.",
  );
  await hr.close();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "beheerder");
  await adminPage.goto("/beheer/outbox");
  await expect(adminPage.locator("main").getByRole("note")).toContainText(
    "er is geen mailserver ingesteld",
  );
  const row = adminPage.getByRole("row").filter({ hasText: EMAIL });
  await expect(row).toContainText("Herinnering");
  await row.getByRole("link", { name: /^Herinnering: bevestig de richtlijnen/ }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(
    /^Herinnering: bevestig de richtlijnen voor sociale media/,
  );
  await expect(adminPage.locator("main")).toContainText(`Beste ${PERSON.name},`);
  await expect(adminPage.locator("main")).toContainText(EMAIL);
  await admin.close();
});
