import { expect, test, type Browser } from "@playwright/test";
import { storageStatePath, type AccountLogin } from "./support/accounts";

// Role-only parts of the portal, checked through the real sign-in (stored per account by auth.setup).

async function contextFor(browser: Browser, login: AccountLogin) {
  return browser.newContext({ storageState: storageStatePath(login) });
}

test.describe("an employee without the admin role", () => {
  test.use({ storageState: storageStatePath("medewerker") });

  test("gets the 403 page on /beheer and no link to it", async ({ page }) => {
    const response = await page.goto("/beheer");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
    await expect(page.getByText("Versie van het portaal")).toHaveCount(0);

    await page.goto("/richtlijnen");
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(menu.getByRole("link", { name: "Mijn bevestigingen" })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Beheer" })).toHaveCount(0);
    await expect(
      page.getByRole("banner").getByRole("list", { name: "Rollen" }).getByRole("listitem"),
    ).toHaveText(["medewerker"]);
  });

  test("gets a 403 from the admin-only route handler", async ({ page }) => {
    const response = await page.request.get("/beheer/status", { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    const body = await response.text();
    expect(body).toContain("Geen toegang");
    expect(body).not.toContain("appVersion");
  });
});

test("without a session the admin route handler sends you to sign-in and back", async ({
  request,
}) => {
  const response = await request.get("/beheer/status", { maxRedirects: 0 });
  expect([303, 307]).toContain(response.status());
  expect(response.headers()["location"]).toContain("/aanmelden?callbackUrl=%2Fbeheer%2Fstatus");
});

test("an admin sees the portal's status and verifies the audit trail", async ({ browser }) => {
  const admin = await contextFor(browser, "beheerder");
  const page = await admin.newPage();
  await page.goto("/richtlijnen");
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("list", { name: "Rollen" }).getByRole("listitem")).toHaveText([
    "medewerker",
    "P&O",
    "Communicatie",
    "beheerder",
  ]);
  await banner.getByRole("link", { name: "Beheer" }).click();

  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
  await expect(page.getByText("Ingebouwde database (PGlite")).toBeVisible();
  await expect(page.getByText(/Versie \d+, gepubliceerd op/)).toBeVisible();

  const status = await page.request.get("/beheer/status");
  expect(status.status()).toBe(200);
  const json = await status.json();
  expect(json).toMatchObject({ store: "pglite", currentVersion: { number: expect.any(Number) } });
  expect(json.employees).toBeGreaterThanOrEqual(1);

  await page.getByRole("button", { name: "Audittrail nu controleren" }).click();
  await expect(page.getByText("De audittrail is in orde")).toBeVisible();
  await admin.close();
});

test("an employee calling the admin-only server action directly gets 'forbidden' and changes nothing", async ({
  browser,
  baseURL,
}) => {
  // Record the exact request the admin's browser sends for the action...
  const admin = await contextFor(browser, "beheerder");
  const adminPage = await admin.newPage();
  await adminPage.goto("/beheer");
  const [actionRequest] = await Promise.all([
    adminPage.waitForRequest(
      (request) => request.method() === "POST" && !!request.headers()["next-action"],
    ),
    adminPage.getByRole("button", { name: "Audittrail nu controleren" }).click(),
  ]);
  await expect(adminPage.getByText("De audittrail is in orde")).toBeVisible();
  const eventsBefore = (await (await adminPage.request.get("/beheer/status")).json()).audit.events;

  // ...and send it again with the employee's session.
  const employee = await contextFor(browser, "medewerker");
  const headers = actionRequest.headers();
  const replay = await employee.request.post("/beheer", {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
      origin: baseURL!,
    },
    data: actionRequest.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(200);
  const payload = await replay.text();
  expect(payload).toContain('"code":"forbidden"');
  expect(payload).toContain("Je hebt geen toegang tot deze actie.");
  expect(payload).not.toContain('"status":"ok"');

  const eventsAfter = (await (await adminPage.request.get("/beheer/status")).json()).audit.events;
  expect(eventsAfter).toBe(eventsBefore);
  await employee.close();
  await admin.close();
});
