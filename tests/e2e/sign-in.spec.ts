import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { deriveSecret } from "../../lib/secrets";
import { signIn, submitIdentityProviderLogin } from "./support/sign-in";

test.describe("signing in and out", () => {
  test("an employee signs in through the staff identity provider and lands on the page they asked for", async ({
    page,
  }) => {
    await page.goto("/richtlijnen/algemeen");
    await expect(page).toHaveURL(/\/aanmelden\?callbackUrl=/);
    await expect(page.getByText("Demo-omgeving", { exact: false }).first()).toBeVisible();
    await page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }).click();

    // The development identity provider lists its demo accounts.
    for (const login of ["medewerker", "medewerker2", "hr", "communicatie", "beheerder"]) {
      await expect(page.getByRole("cell", { name: login, exact: true })).toBeVisible();
    }
    await submitIdentityProviderLogin(page, "medewerker", "demo");

    await expect(page).toHaveURL(/\/richtlijnen\/algemeen$/);
    await expect(page.getByRole("heading", { level: 1, name: "Algemeen" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Sanne");
  });

  test("a wrong password is refused with a Dutch message", async ({ page }) => {
    await page.goto("/aanmelden");
    await page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }).click();
    await submitIdentityProviderLogin(page, "medewerker", "fout");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(/onjuist/i);
    await expect(page).not.toHaveURL(/127\.0\.0\.1:3100\/richtlijnen/);
  });

  test("pressing Annuleren at the identity provider says the sign-in was cancelled, and offers to try again", async ({
    page,
  }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik");
    await page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }).click();
    await page.getByRole("button", { name: "Annuleren" }).click();

    await expect(page).toHaveURL(/\/aanmelden\?error=access_denied&ref=[A-Z2-9]{8}$/);
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert.getByRole("heading", { name: "Aanmelden is geannuleerd" })).toBeVisible();
    await expect(alert).toContainText("Meld je dan opnieuw aan.");
    await expect(alert).not.toContainText("kon je gegevens niet verwerken");
    await expect(alert).toContainText(/Referentie voor de servicedesk: [A-Z2-9]{8}/);

    await page.getByRole("button", { name: "Opnieuw aanmelden" }).click();
    await submitIdentityProviderLogin(page, "medewerker2", "demo");
    await expect(page).toHaveURL(/\/richtlijnen$/);
    await expect(page.getByRole("banner")).toContainText("Daan");
  });

  test("opening the portal on another host name sends the browser to the configured address, where sign-in works", async ({
    page,
    baseURL,
  }) => {
    const configured = new URL(baseURL!);
    const other = new URL(baseURL!);
    other.hostname = configured.hostname === "localhost" ? "127.0.0.1" : "localhost";

    await page.goto(`${other.origin}/richtlijnen/algemeen?x=1`);
    await expect(page).toHaveURL(
      `${configured.origin}/aanmelden?callbackUrl=${encodeURIComponent("/richtlijnen/algemeen?x=1")}`,
    );
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
    await page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }).click();
    await submitIdentityProviderLogin(page, "medewerker2", "demo");
    await expect(page).toHaveURL(`${configured.origin}/richtlijnen/algemeen?x=1`);
    await expect(page.getByRole("heading", { level: 1, name: "Algemeen" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  });

  test("an error page without a reference gets one, with what to do next", async ({ page }) => {
    await page.goto("/aanmelden?error=Callback");
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toContainText("kon je gegevens niet verwerken");
    await expect(alert).toContainText("Probeer het opnieuw.");
    await expect(alert).toContainText(/Referentie voor de servicedesk: [A-Z2-9]{8}/);
    await expect(page.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
    await signIn(page, "medewerker2");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session, "session cookie").toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, "medewerker2");
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL(/\/aanmelden/);
    await expect(page.getByText("Je bent afgemeld.")).toBeVisible();
    await page.goto("/richtlijnen");
    await expect(page).toHaveURL(/\/aanmelden/);
  });

  test("a copy of the session cookie is refused once its owner signed out", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signIn(page, "medewerker2");
    const captured = (await page.context().cookies()).filter((cookie) =>
      cookie.name.endsWith("next-auth.session-token"),
    );
    expect(captured).toHaveLength(1);
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page.getByText("Je bent afgemeld.")).toBeVisible();

    // Someone who copied the cookie before sign-out replays it in another browser.
    const replay = await browser.newContext({ baseURL });
    try {
      await replay.addCookies(captured);
      const other = await replay.newPage();
      await other.goto("/richtlijnen/algemeen");
      await expect(other).toHaveURL(/\/aanmelden/);
      const session = await other.request.get("/api/auth/session");
      expect(await session.json()).toEqual({});
    } finally {
      await replay.close();
    }
  });

  test("reading the session does not extend a token that expires in a minute", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, "medewerker");
    const [cookie] = (await page.context().cookies()).filter((c) =>
      c.name.endsWith("next-auth.session-token"),
    );
    const secret = nextAuthSecret();
    const token = await decode({ secret, token: cookie.value });
    const nearExpiry = await encode({ secret, token: token!, maxAge: 60 });
    const before = Date.now();
    const response = await page.request.get(`${baseURL}/api/auth/session`, {
      headers: { cookie: `${cookie.name}=${nearExpiry}` },
    });
    const body = (await response.json()) as { expires?: string; user?: unknown };
    expect(body.user).toBeDefined();
    expect(Date.parse(body.expires!)).toBeLessThanOrEqual(before + 61_000);
    const renewed = response
      .headersArray()
      .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${cookie.name}=`));
    const renewedToken = await decode({
      secret,
      token: decodeURIComponent(renewed!.value.split(";")[0].slice(cookie.name.length + 1)),
    });
    expect(renewedToken!.exp as number).toBeLessThanOrEqual(Math.floor(before / 1000) + 61);
  });
});

function nextAuthSecret(): string {
  return deriveSecret(
    readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".data-e2e", "secret"), "utf8").trim(),
    "nextauth-secret",
  );
}

test.describe("a session whose employee record is gone", () => {
  test("counts as signed out, so signing in again creates the record anew", async ({
    page,
    context,
    baseURL,
  }) => {
    // A well-signed session for an employee id that does not exist (records removed, backup restored).
    const secret = nextAuthSecret();
    const token = await encode({
      secret,
      token: {
        sub: "gone",
        name: "Oud Account",
        employeeId: 999_999,
        subject: "gone",
        email: null,
        department: null,
        roles: ["employee"],
      },
    });
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);
    await page.goto("/richtlijnen");
    await expect(page).toHaveURL(/\/aanmelden/);
    await expect(
      page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }),
    ).toBeVisible();
  });
});
