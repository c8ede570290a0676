import { test as setup } from "@playwright/test";
import { accounts, storageStatePath, type AccountLogin } from "./support/accounts";
import { signIn } from "./support/sign-in";

// Each role signs in once through the real OIDC flow; the other specs reuse the stored session.
for (const login of Object.keys(accounts) as AccountLogin[]) {
  setup(`sign in as ${login}`, async ({ page }) => {
    await signIn(page, login);
    await page.context().storageState({ path: storageStatePath(login) });
  });
}
