import { expect, type Page } from "@playwright/test";

/**
 * Walks the real OIDC flow: portal sign-in page → development identity provider → back to the portal.
 * Starts from a protected page so the redirect to the sign-in page is exercised too.
 */
export async function signIn(
  page: Page,
  login: string,
  { password = "demo", startAt = "/richtlijnen" } = {},
) {
  await page.goto(startAt);
  await expect(page).toHaveURL(/\/aanmelden/);
  await page.getByRole("button", { name: "Aanmelden met je Kempenhaeghe-account" }).click();
  await submitIdentityProviderLogin(page, login, password);
  await expect(page).toHaveURL(new RegExp(startAt.replace(/[/.*+?^${}()|[\]\\]/g, "\\$&")));
}

export async function submitIdentityProviderLogin(page: Page, login: string, password: string) {
  await page.getByLabel("Gebruikersnaam").fill(login);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
}
