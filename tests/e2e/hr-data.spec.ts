import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIResponse, type Browser, type Request } from "@playwright/test";
import ExcelJS from "exceljs";
import { BASE_URL, E2E_DATA_DIR, E2E_MAIL_FROM, E2E_SMTP_PORT } from "../../playwright.config";
import { startSmtpServer } from "../support/smtp";
import { storageStatePath, type AccountLogin } from "./support/accounts";
import { HR_ACTIONS, HR_PAGES, HR_ROUTES } from "./support/hr-urls";

// P&O end to end: a roster through the real CLI, both exports downloaded and read, reminders for a
// filter that arrive at a real SMTP server the test starts (the portal's SMTP_URL points at
// E2E_SMTP_PORT), a leaver past the retention term erased with the audit chain still whole. Then
// every P&O page, route and action refused to an employee and an editor, called directly over HTTP.

test.describe.configure({ mode: "serial" });

const DEPARTMENT = `E2E Slaapgeneeskunde ${Date.now()}`;
const LEAVER = "E2E-900";
// Reminders go to a department of people who never sign in, so they are outstanding whatever the
// earlier specs did; numbers and addresses are new on every run (and on a retry), so "one a day"
// never meets an earlier run's reminders.
const RUN = Date.now().toString(36);
const REMINDED_DEPARTMENT = `E2E Herinneringen ${RUN}`;
const REMINDED = [
  { number: `E2E-${RUN}-1`, name: "Noor Visser", email: `noor.visser.${RUN}@kempenhaeghe.example` },
  {
    number: `E2E-${RUN}-2`,
    name: "Bram de Groot",
    email: `bram.degroot.${RUN}@kempenhaeghe.example`,
  },
];
// The deadline of the version employees must acknowledge: acknowledgement.spec.ts publishes the
// material version 2 with it, and hr-data runs after it (playwright.config.ts).
const DEADLINE = "31 maart 2099";
const recorded = new Map<string, Request>();

async function contextFor(browser: Browser, login: AccountLogin) {
  return browser.newContext({ storageState: storageStatePath(login) });
}

test("P&O imports a roster through the CLI", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-roster-"));
  const file = path.join(dir, "personeel.csv");
  const rows = [
    "Personeelsnummer;Naam;E-mail;Afdeling;Einddatum",
    `100001;Sanne de Vries;sanne.devries@kempenhaeghe.example;${DEPARTMENT};`,
    `100002;Daan Janssen;daan.janssen@kempenhaeghe.example;${DEPARTMENT};`,
    `100003;Fatima El Amrani;fatima.elamrani@kempenhaeghe.example;Personeel & Organisatie;`,
    `100004;Lotte van den Berg;lotte.vandenberg@kempenhaeghe.example;Communicatie;`,
    `100005;Joris Bakker;joris.bakker@kempenhaeghe.example;ICT;`,
    `E2E-801;=1+1;formule@kempenhaeghe.example;${DEPARTMENT};`,
    `${LEAVER};Piet Vertrokken;piet.vertrokken@kempenhaeghe.example;${DEPARTMENT};31-12-2019`,
    ...REMINDED.map(
      ({ number, name, email }) => `${number};${name};${email};${REMINDED_DEPARTMENT};`,
    ),
  ];
  await writeFile(file, `${rows.join("\r\n")}\r\n`, "utf8");
  const { stdout } = await promisify(execFile)(
    "npm",
    ["run", "--silent", "roster:import", "--", file, "--yes", "--by", "E2E P&O"],
    { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, timeout: 120_000 },
  );
  expect(stdout).toMatch(/9|ingelezen/);
});

test.describe("as P&O", () => {
  test.use({ storageState: storageStatePath("hr") });

  test("downloads the filtered list as CSV: BOM, semicolons, Dutch header, formula neutralised", async ({
    page,
  }) => {
    const response = await page.request.get(
      `/hr/export.csv?afdeling=${encodeURIComponent(DEPARTMENT)}`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toMatch(
      /attachment; filename="medewerkers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "Personeelsnummer;Naam;E-mailadres;Afdeling;Status;Bevestigde versie;Bevestigd op;Uit dienst sinds;Laatst aangemeld",
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.startsWith("E2E-801;"))).toContain(";'=1+1;");
  });

  test("downloads the same list as XLSX with the formula neutralised", async ({ page }) => {
    const response = await page.request.get(
      `/hr/export.xlsx?afdeling=${encodeURIComponent(DEPARTMENT)}`,
    );
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as never);
    const sheet = workbook.getWorksheet("Medewerkers")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Personeelsnummer");
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getColumn(2).values).toContain("'=1+1");
  });

  test("sends reminders for a filter that arrive at the mail server, once a day", async ({
    page,
    browser,
  }) => {
    const smtp = await startSmtpServer({ port: E2E_SMTP_PORT });
    try {
      await page.goto(`/hr/herinneringen?afdeling=${encodeURIComponent(REMINDED_DEPARTMENT)}`);
      await expect(page.getByRole("heading", { level: 1, name: "Herinneringen" })).toBeVisible();
      const send = page.getByRole("button", {
        name: "Herinnering sturen aan iedereen in dit filter",
      });
      const outcome = page.getByRole("status").filter({ hasText: "verstuurd" });
      await send.click();
      await expect(outcome).toHaveText("2 herinneringen verstuurd.");

      // The action answers after the mail server accepted the mails: they are all there now.
      expect(smtp.messages.map((mail) => mail.envelopeTo).sort()).toEqual(
        REMINDED.map(({ email }) => [email]).sort(),
      );
      const link = `${BASE_URL}/richtlijnen`;
      for (const { name, email } of REMINDED) {
        const mail = smtp.messages.find((message) => message.envelopeTo.includes(email))!;
        expect(mail.from).toBe(E2E_MAIL_FROM);
        expect(mail.to).toBe(`${name} <${email}>`);
        expect(mail.headers["auto-submitted"]).toBe("auto-generated");
        expect(mail.subject).toBe(
          `Herinnering: bevestig de richtlijnen voor sociale media vóór ${DEADLINE}`,
        );
        expect(mail.text).toContain(`Beste ${name},`);
        expect(mail.text).toContain(`bevestig ze uiterlijk ${DEADLINE}.`);
        expect(mail.text).toContain(`Naar de richtlijnen: ${link}`);
        expect(mail.html).toContain(`<a href="${link}">Naar de richtlijnen</a>`);
      }

      // Pressing again the same day mails nobody.
      await send.click();
      await expect(outcome).toHaveText(
        "0 herinneringen verstuurd; 2 overgeslagen: vandaag al een herinnering gehad.",
      );
      expect(smtp.messages).toHaveLength(2);

      // The mail's link opens the portal.
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gebruik van sociale media");
    } finally {
      await smtp.close();
    }

    // With a mail server configured, nothing lands in the outbox, and its page says so.
    const admin = await contextFor(browser, "beheerder");
    const adminPage = await admin.newPage();
    await adminPage.goto("/beheer/outbox");
    await expect(adminPage.locator("main").getByRole("note")).toContainText(
      "Er is een mailserver ingesteld",
    );
    await expect(adminPage.getByText(REMINDED[0].email)).toHaveCount(0);
    await admin.close();
  });

  test("recording P&O's own requests for the actions", async ({ page }) => {
    const action = HR_ACTIONS[0];
    await page.goto(action.page);
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      page.getByRole("button", { name: action.button }).click(),
    ]);
    await expect(page.getByText(/0 herinneringen verstuurd/)).toBeVisible();
    recorded.set(action.name, request);
  });

  test("erases a leaver past the retention term; the audit chain stays whole", async ({
    page,
    browser,
  }) => {
    await page.goto("/hr/bewaartermijn");
    const leaver = page.getByRole("checkbox", { name: /Piet Vertrokken/ });
    await expect(leaver).toBeChecked();
    // Untick everyone else the demo data may hold; erase just the leaver.
    for (const box of await page.getByRole("checkbox", { name: /personeelsnummer/ }).all()) {
      if (!(await box.getAttribute("value"))?.startsWith(LEAVER)) await box.uncheck();
    }
    await page.getByRole("checkbox", { name: /Ik begrijp/ }).check();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      page.getByRole("button", { name: "Gegevens definitief wissen" }).click(),
    ]);
    recorded.set("erasePersonalDataAction", request);
    await expect(page.getByText("Gegevens gewist van 1 medewerker.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Piet Vertrokken")).toHaveCount(0);

    const csv = await page.request.get(`/hr/export.csv?q=${LEAVER}`);
    expect((await csv.text()).includes("Piet")).toBe(false);

    const admin = await contextFor(browser, "beheerder");
    const adminPage = await admin.newPage();
    await adminPage.goto("/beheer");
    await adminPage.getByRole("button", { name: "Audittrail nu controleren" }).click();
    await expect(adminPage.getByText("De audittrail is in orde")).toBeVisible();
    await admin.close();
  });
});

for (const login of ["medewerker", "communicatie"] as const) {
  test.describe(`as ${login}`, () => {
    test.use({ storageState: storageStatePath(login) });

    test("every P&O page answers 403", async ({ page }) => {
      for (const url of HR_PAGES) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(403);
        await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
        await expect(page.getByText(DEPARTMENT)).toHaveCount(0);
      }
    });

    test("every P&O route handler answers 403 without data", async ({ page }) => {
      for (const { method, url } of HR_ROUTES) {
        const response: APIResponse = await page.request.fetch(url, { method, maxRedirects: 0 });
        expect(response.status(), url).toBe(403);
        const body = await response.text();
        expect(body).not.toContain("Personeelsnummer");
        expect(body).not.toContain("kempenhaeghe.example");
      }
    });

    test("every P&O server action, replayed directly, is refused", async ({ page, baseURL }) => {
      for (const { name, page: from } of HR_ACTIONS) {
        const original = recorded.get(name);
        expect(original, `${name} was recorded`).toBeTruthy();
        const headers = original!.headers();
        const replay = await page.request.post(from, {
          headers: {
            "next-action": headers["next-action"],
            "content-type": headers["content-type"],
            accept: "text/x-component",
            origin: baseURL!,
          },
          data: original!.postDataBuffer()!,
          maxRedirects: 0,
        });
        const payload = await replay.text();
        expect(payload, name).toContain('"code":"forbidden"');
        expect(payload, name).not.toContain('"status":"ok"');
      }
    });
  });
}
