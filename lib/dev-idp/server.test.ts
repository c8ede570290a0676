import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "./accounts";
import { startDevIdp, type RunningDevIdp } from "./server";

const portalUrl = "http://localhost:39999";
const redirectUri = `${portalUrl}/api/auth/callback/oidc`;
const client = { clientId: "portal-test", clientSecret: randomBytes(16).toString("hex") };

let idp: RunningDevIdp;
beforeAll(async () => {
  idp = await startDevIdp({
    port: 0,
    ...client,
    portalUrl,
    cookieKeys: [randomBytes(16).toString("hex")],
  });
});
afterAll(async () => {
  await idp?.close();
});

/** A tiny browser: follows nothing by itself, keeps cookies per name. */
class Browser {
  cookies = new Map<string, string>();
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair.split("=");
      this.cookies.set(name.trim(), rest.join("="));
    }
    return response;
  }
  post(url: string, form: Record<string, string>) {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  }
}

async function startAuthorization(browser: Browser, verifier: string) {
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const params = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid profile email",
    state: "state-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
    prompt: "login",
  });
  const response = await browser.request(`${idp.issuer}/auth?${params}`);
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!, idp.issuer);
  expect(location.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  return location.href;
}

describe("development identity provider", () => {
  it("listens on loopback and publishes a discovery document with the portal's claims", async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = await response.json();
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.authorization_endpoint).toBe(`${idp.issuer}/auth`);
    expect(discovery.token_endpoint).toBe(`${idp.issuer}/token`);
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "profile", "email"]),
    );
    expect(discovery.claims_supported).toEqual(
      expect.arrayContaining(["sub", "name", "email", "groups", "department"]),
    );
    expect(discovery.code_challenge_methods_supported).toContain("S256");
  });

  it("shows a Dutch sign-in page that lists every demo account", async () => {
    const browser = new Browser();
    const interaction = await startAuthorization(browser, randomBytes(32).toString("base64url"));
    const response = await browser.request(interaction);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Demo-omgeving");
    expect(html).toContain('<label for="login">Gebruikersnaam</label>');
    expect(html).toContain('<label for="password">Wachtwoord</label>');
    for (const login of ["medewerker", "medewerker2", "hr", "communicatie", "beheerder"]) {
      expect(html).toContain(
        `<td role="cell" data-label="Gebruikersnaam"><code>${login}</code></td>`,
      );
    }
    expect(html).toContain("Personeel &amp; Organisatie");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("gives every response the portal's baseline headers, discovery and errors included", async () => {
    const browser = new Browser();
    const interaction = await startAuthorization(browser, randomBytes(32).toString("base64url"));
    for (const url of [
      interaction,
      `${idp.issuer}/.well-known/openid-configuration`,
      `${idp.issuer}/does-not-exist`,
    ]) {
      const response = await browser.request(url);
      await response.arrayBuffer();
      expect(response.headers.get("x-frame-options"), url).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
      const csp = response.headers.get("content-security-policy") ?? "";
      for (const directive of [
        "default-src 'none'",
        "script-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        `form-action 'self' ${portalUrl}`,
      ]) {
        expect(csp, url).toContain(directive);
      }
      expect(csp, url).not.toContain("unsafe-eval");
    }
  });

  it("refuses a wrong password and an unknown login with the same message", async () => {
    const browser = new Browser();
    const interaction = await startAuthorization(browser, randomBytes(32).toString("base64url"));
    const wrongPassword = await browser.post(`${interaction}/login`, {
      login: "medewerker",
      password: "fout",
    });
    const unknownLogin = await browser.post(`${interaction}/login`, {
      login: "<script>x</script>",
      password: "demo",
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownLogin.status).toBe(401);
    const wrongHtml = await wrongPassword.text();
    const unknownHtml = await unknownLogin.text();
    const alert = (html: string) =>
      /<div class="alert" role="alert">([^<]*)<\/div>/.exec(html)?.[1];
    expect(alert(wrongHtml)).toMatch(/^Onjuiste gebruikersnaam of wachtwoord/);
    expect(alert(unknownHtml)).toBe(alert(wrongHtml));
    // What the user typed comes back escaped, never as markup.
    expect(unknownHtml).not.toContain("<script>x</script>");
    expect(unknownHtml).toContain("&lt;script&gt;x&lt;/script&gt;");
  });

  it("signs a demo account in without a consent screen and puts groups and department in the ID token", async () => {
    const browser = new Browser();
    const verifier = randomBytes(32).toString("base64url");
    const interaction = await startAuthorization(browser, verifier);
    await browser.request(interaction);
    const login = await browser.post(`${interaction}/login`, { login: " HR ", password: "demo" });
    expect(login.status).toBe(303);

    // Back at the authorization endpoint, which answers straight to the portal: no consent prompt.
    const resumed = await browser.request(new URL(login.headers.get("location")!, idp.issuer).href);
    expect(resumed.status).toBe(303);
    const callback = new URL(resumed.headers.get("location")!);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("state-123");
    const code = callback.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const token = await fetch(`${idp.issuer}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    expect(token.status).toBe(200);
    const { id_token: idToken } = await token.json();
    const claims = JSON.parse(Buffer.from(idToken.split(".")[1], "base64url").toString("utf8"));
    const hr = DEMO_ACCOUNTS.find((account) => account.login === "hr")!;
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: client.clientId,
      sub: hr.subject,
      name: "Fatima El Amrani",
      email: hr.email,
      department: "Personeel & Organisatie",
      employeeId: "100003",
      groups: ["portaal-po"],
    });
  });

  it("rejects a redirect URI other than the portal's", async () => {
    const params = new URLSearchParams({
      client_id: client.clientId,
      response_type: "code",
      redirect_uri: "https://evil.example/callback",
      scope: "openid",
      code_challenge: createHash("sha256").update("x".repeat(43)).digest("base64url"),
      code_challenge_method: "S256",
    });
    const response = await fetch(`${idp.issuer}/auth?${params}`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Aanmelden is niet gelukt");
  });

  it("refuses to start when an external issuer is configured", async () => {
    const previous = process.env.OIDC_ISSUER;
    process.env.OIDC_ISSUER = "https://login.example.org";
    try {
      await expect(
        startDevIdp({ port: 0, ...client, portalUrl, cookieKeys: ["k"] }),
      ).rejects.toThrow(/OIDC_ISSUER/);
    } finally {
      if (previous === undefined) delete process.env.OIDC_ISSUER;
      else process.env.OIDC_ISSUER = previous;
    }
  });
});
