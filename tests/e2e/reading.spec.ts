import { expect, test } from "@playwright/test";
import { readSeedSections } from "../support/seed-rules";
import { storageStatePath } from "./support/accounts";

// As "medewerker", the account the acknowledgement story uses later: reading changes nothing.
test.use({ storageState: storageStatePath("medewerker") });

const sections = readSeedSections();
const slugs: Record<string, string> = {
  "Zakelijk gebruik": "zakelijk-gebruik",
  Privégebruik: "privegebruik",
  Algemeen: "algemeen",
};

test.describe("reading the guidelines", () => {
  test("the overview shows the introduction, the three parts with their summaries and the closing line", async ({
    page,
  }) => {
    await page.goto("/richtlijnen");
    await expect(
      page.getByRole("heading", { level: 1, name: "Gebruik van sociale media" }),
    ).toBeVisible();
    await expect(page.locator("main")).toContainText("heeft een enorme vlucht genomen");
    await expect(page.locator("main")).toContainText(
      "gelden een aantal spelregels en tips die houvast bieden",
    );
    const parts = page.getByRole("region", { name: "Onderdelen" }).getByRole("link");
    await expect(parts.filter({ hasText: "Zakelijk gebruik" })).toBeVisible();
    await expect(parts.filter({ hasText: "Privégebruik" })).toBeVisible();
    await expect(parts.filter({ hasText: "Algemeen" })).toBeVisible();
    await expect(page.locator("main")).toContainText(
      "Kortom: Als je je gezond verstand gebruikt, kom je een heel eind.",
    );
  });

  for (const section of sections) {
    test(`every rule of "${section.title}" in the source text appears on its page`, async ({
      page,
    }) => {
      await page.goto(`/richtlijnen/${slugs[section.title]}`);
      await expect(page.getByRole("heading", { level: 1, name: section.title })).toBeVisible();
      const article = page.locator("article");
      expect(section.rules.length).toBeGreaterThan(3);
      for (const rule of section.rules) await expect(article).toContainText(rule);
    });
  }

  test("emphasis from the source is kept as emphasis", async ({ page }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik");
    await expect(
      page.locator("article em", { hasText: "in te zetten in communicatie" }),
    ).toBeVisible();
    await expect(page.locator("article em", { hasText: "reageren" })).toBeVisible();
  });

  test("nested rules stay nested under their parent rule", async ({ page }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik");
    const parent = page.locator("article li", { hasText: "bedenk dan het volgende" }).first();
    await expect(parent.locator("li")).toHaveCount(4);
  });

  test("a link can point at one rule, and each rule shows its link on focus", async ({ page }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik#zakelijk-gebruik-regel-2-1");
    const rule = page.locator("#zakelijk-gebruik-regel-2-1");
    await expect(rule).toContainText("Stel je op als ambassadeur van de organisatie");
    await expect(rule).toBeInViewport();
    // The link names this version, so whoever follows it later sees the same rule.
    const anchor = rule.locator(
      'a[href="/richtlijnen/versie/1/zakelijk-gebruik#zakelijk-gebruik-regel-2-1"]',
    );
    await anchor.focus();
    await expect(anchor).toBeVisible();
    await expect(anchor).toHaveCSS("opacity", "1");
  });

  test("the table of contents leads to every part", async ({ page }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik");
    const toc = page.getByRole("navigation", { name: "Inhoudsopgave" });
    await toc.getByRole("link", { name: "Privégebruik" }).click();
    await expect(page).toHaveURL(/\/richtlijnen\/privegebruik$/);
    await expect(toc.getByRole("link", { name: "Privégebruik" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("the keyboard reaches the skip link first, and it moves focus to the content", async ({
    page,
  }) => {
    await page.goto("/richtlijnen");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#inhoud$/);
    await expect(page.locator("main")).toBeFocused();
  });

  test("an unknown part is a clear 404", async ({ page }) => {
    const response = await page.goto("/richtlijnen/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
    await expect(page).toHaveTitle("Pagina niet gevonden | Kempenhaeghe");
  });

  for (const path of ["/bestaat-niet", "/mijn-bevestigingen/999999", "/richtlijnen/bestaat-niet"]) {
    test(`the 404 for ${path} has its own title, the menu, and the organisation's name once`, async ({
      page,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle("Pagina niet gevonden | Kempenhaeghe");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
      await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
      await expect(page.getByText("Kempenhaeghe", { exact: true })).toHaveCount(1);
      await expect(
        page.getByRole("main").getByRole("link", { name: "Naar de richtlijnen" }),
      ).toBeVisible();
    });
  }

  test("the main menu marks the current page", async ({ page }) => {
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await page.goto("/richtlijnen/volledig");
    await expect(menu.getByRole("link", { name: "Volledige tekst" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(menu.getByRole("link", { name: "Richtlijnen" })).not.toHaveAttribute(
      "aria-current",
    );
    await page.goto("/richtlijnen");
    await expect(menu.getByRole("link", { name: "Richtlijnen" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("rule numbers are visible, so a rule can be cited", async ({ page }) => {
    await page.goto("/richtlijnen/zakelijk-gebruik");
    const rule = page.locator("#zakelijk-gebruik-regel-2-1");
    await expect(rule.locator(".rule-number").first()).toBeVisible();
    await expect(rule.locator(".rule-number").first()).toHaveText("2.1");
    await expect(
      page.locator(
        "#zakelijk-gebruik-regel-3 > .rule-number, #zakelijk-gebruik-regel-3 > p > .rule-number",
      ),
    ).toHaveText("3");
  });

  test("the overview keeps its lines under about 80 characters", async ({ page }) => {
    await page.goto("/richtlijnen");
    const paragraph = page.locator("main .prose p").first();
    const { width, fontSize } = await paragraph.evaluate((p) => ({
      width: p.getBoundingClientRect().width,
      fontSize: parseFloat(getComputedStyle(p).fontSize),
    }));
    // An average character is about half the font size wide.
    expect(width / (fontSize * 0.5)).toBeLessThanOrEqual(80 * 1.15);
  });

  test("the footer says how to reach Communicatie and P&O", async ({ page }) => {
    await page.goto("/richtlijnen");
    const footer = page.getByRole("contentinfo");
    await expect(
      footer.getByRole("link", { name: "communicatie@kempenhaeghe.example" }),
    ).toHaveAttribute("href", "mailto:communicatie@kempenhaeghe.example");
    await expect(footer.getByRole("link", { name: "040 123 45 02" })).toHaveAttribute(
      "href",
      "tel:0401234502",
    );
    await expect(footer.getByRole("link", { name: "Intranetpagina van P&O" })).toHaveAttribute(
      "href",
      "https://intranet.kempenhaeghe.example/personeel-en-organisatie",
    );
  });

  test("icons and robots.txt are served, and search engines are kept out", async ({ request }) => {
    const robots = await request.get("/robots.txt");
    expect(await robots.text()).toBe("User-agent: *\nDisallow: /\n");
    for (const file of [
      "/favicon.ico",
      "/favicon.svg",
      "/apple-touch-icon.png",
      "/icon-192.png",
      "/manifest.webmanifest",
    ]) {
      const response = await request.get(file, { maxRedirects: 0 });
      expect(response.status(), file).toBe(200);
    }
    const page = await request.get("/aanmelden");
    expect(page.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  });

  test("dark mode follows the system", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/richtlijnen");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(250, 250, 249)");
    await page.emulateMedia({ colorScheme: "light" });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(light).not.toBe(background);
  });
});
