// The whole sign-in through next-auth's real code against the development IdP, without a browser.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEV_GROUPS } from "@/lib/dev-idp/accounts";
import { startDevIdp } from "@/lib/dev-idp/server";
import { cookiesFromSetCookie, callNextAuth, endSession, startSignIn } from "./next-auth-call";
import { buildAuthOptions, PROVIDER_ID, readSessionClaims } from "./options";

const clientId = "portal-test";
const clientSecret = randomBytes(16).toString("hex");

type Recorded = {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  department: string | null;
};

async function setup(portalUrl: string) {
  const idp = await startDevIdp({
    port: 0,
    clientId,
    clientSecret,
    portalUrl,
    cookieKeys: [randomBytes(16).toString("hex")],
  });
  const signIns: Recorded[] = [];
  const signOuts: number[] = [];
  const links: { employeeId: number; claims: Record<string, unknown> }[] = [];
  const options = buildAuthOptions(
    {
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_SCOPE: "openid profile email",
      OIDC_GROUPS_CLAIM: "groups",
      OIDC_DEPARTMENT_CLAIM: "department",
      ROLE_HR_GROUPS: [DEV_GROUPS.hr],
      ROLE_EDITOR_GROUPS: [DEV_GROUPS.editor],
      ROLE_ADMIN_GROUPS: [DEV_GROUPS.admin],
      DEV_IDP: true,
    },
    {
      recordSignIn: async (profile) => {
        signIns.push(profile);
        return {
          id: 41 + signIns.length,
          name: profile.name,
          email: profile.email,
          department: profile.department,
        };
      },
      recordSignOut: async (employeeId) => {
        signOuts.push(employeeId);
      },
      linkRoster: async (input) => {
        links.push(input);
      },
    },
  );
  return { idp, options, signIns, signOuts, links };
}

/** Cookie jar per origin, as a browser keeps it. */
function jar() {
  const byHost = new Map<string, Map<string, string>>();
  return {
    store(url: string, setCookies: string[]) {
      const host = new URL(url).host;
      const cookies = byHost.get(host) ?? new Map();
      for (const [name, value] of Object.entries(cookiesFromSetCookie(setCookies))) {
        if (value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
      byHost.set(host, cookies);
    },
    object(url: string): Record<string, string> {
      return Object.fromEntries(byHost.get(new URL(url).host) ?? []);
    },
    header(url: string): string {
      return [...(byHost.get(new URL(url).host) ?? [])]
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join("; ");
    },
  };
}

async function walk(
  portalUrl: string,
  options: Parameters<typeof startSignIn>[0],
  idpIssuer: string,
  login: string,
  password = "demo",
) {
  const cookies = jar();
  const headers = { host: new URL(portalUrl).host };
  const start = await startSignIn(options, {
    providerId: PROVIDER_ID,
    callbackUrl: "/richtlijnen/algemeen",
    cookies: {},
    headers,
  });
  cookies.store(portalUrl, start.setCookies);
  expect(start.location).toMatch(new RegExp(`^${idpIssuer}/auth\\?`));
  const authorize = new URL(start.location!);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("prompt")).toBe("login");

  // Browser at the IdP.
  const idpGet = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: cookies.header(url) },
    });
    cookies.store(url, response.headers.getSetCookie());
    return response;
  };
  const toInteraction = await idpGet(start.location!);
  const interaction = new URL(toInteraction.headers.get("location")!, idpIssuer).href;
  await idpGet(interaction);
  const submitted = await idpGet(`${interaction}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login, password }).toString(),
  });
  if (submitted.status !== 303) return { ok: false as const, failed: submitted.status };
  const resumed = await idpGet(new URL(submitted.headers.get("location")!, idpIssuer).href);
  const callback = new URL(resumed.headers.get("location")!);
  expect(`${callback.origin}${callback.pathname}`).toBe(
    `${portalUrl}/api/auth/callback/${PROVIDER_ID}`,
  );

  // Back at the portal: next-auth's callback, with the state and PKCE cookies it set.
  const result = await callNextAuth(options, {
    action: "callback",
    providerId: PROVIDER_ID,
    method: "GET",
    query: Object.fromEntries(callback.searchParams),
    cookies: cookies.object(portalUrl),
    headers,
  });
  cookies.store(portalUrl, result.setCookies);
  return { ok: true as const, result, cookies, headers };
}

describe("signing in through next-auth and the development IdP", () => {
  const portalUrl = "http://localhost:39998";
  let ctx: Awaited<ReturnType<typeof setup>>;
  const previousUrl = process.env.NEXTAUTH_URL;
  beforeAll(async () => {
    process.env.NEXTAUTH_URL = portalUrl;
    ctx = await setup(portalUrl);
  });
  afterAll(async () => {
    await ctx?.idp.close();
    process.env.NEXTAUTH_URL = previousUrl;
  });

  it("records the employee by issuer and subject and puts roles and department in the session", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "hr");
    if (!flow.ok) throw new Error(`IdP refused: ${flow.failed}`);
    expect(flow.result.status).toBe(302);
    expect(flow.result.location).toBe(`${portalUrl}/richtlijnen/algemeen`);

    const hr = DEMO_ACCOUNTS.find((account) => account.login === "hr")!;
    expect(ctx.signIns.at(-1)).toEqual({
      issuer: ctx.idp.issuer,
      subject: hr.subject,
      name: hr.name,
      email: hr.email,
      department: "Personeel & Organisatie",
    });
    // The roster link sees the employee-number claim and the IdP's word that the email is verified.
    expect(ctx.links.at(-1)).toMatchObject({
      employeeId: 41 + ctx.signIns.length,
      claims: { employeeId: hr.employeeNumber, email: hr.email, email_verified: true },
    });

    const session = await callNextAuth(ctx.options, {
      action: "session",
      method: "GET",
      cookies: flow.cookies.object(portalUrl),
      headers: flow.headers,
    });
    const user = readSessionClaims((session.body as { user?: Record<string, unknown> }).user);
    expect(user).toEqual({
      employeeId: 41 + ctx.signIns.length,
      subject: hr.subject,
      name: hr.name,
      email: hr.email,
      department: "Personeel & Organisatie",
      roles: ["employee", "hr"],
    });
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, not Secure over plain http", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "medewerker");
    if (!flow.ok) throw new Error("IdP refused");
    const sessionCookie = flow.result.setCookies.find((c) =>
      c.startsWith("next-auth.session-token="),
    );
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/; Secure/i);
    expect(sessionCookie).toMatch(/; Path=\//);
  });

  it("ends the session on sign-out and records it", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "beheerder");
    if (!flow.ok) throw new Error("IdP refused");
    const before = ctx.signOuts.length;
    const out = await endSession(ctx.options, {
      cookies: flow.cookies.object(portalUrl),
      headers: flow.headers,
    });
    flow.cookies.store(portalUrl, out.setCookies);
    expect(flow.cookies.object(portalUrl)["next-auth.session-token"]).toBeUndefined();
    expect(ctx.signOuts.length).toBe(before + 1);

    const session = await callNextAuth(ctx.options, {
      action: "session",
      method: "GET",
      cookies: flow.cookies.object(portalUrl),
      headers: flow.headers,
    });
    expect(session.body).toEqual({});
  });

  it("never sends anyone to another site after sign-in", async () => {
    const start = await startSignIn(ctx.options, {
      providerId: PROVIDER_ID,
      callbackUrl: "https://evil.example/phish",
      cookies: {},
      headers: { host: "localhost:39998" },
    });
    const callbackCookie = cookiesFromSetCookie(start.setCookies)["next-auth.callback-url"];
    expect(callbackCookie).toBe(`${portalUrl}/`);
  });

  it("does not accept a wrong password at the IdP", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "hr", "wrong");
    expect(flow).toEqual({ ok: false, failed: 401 });
  });
});

describe("over https", () => {
  const portalUrl = "https://beleid.kempenhaeghe.test";
  let ctx: Awaited<ReturnType<typeof setup>>;
  const previousUrl = process.env.NEXTAUTH_URL;
  beforeAll(async () => {
    process.env.NEXTAUTH_URL = portalUrl;
    ctx = await setup(portalUrl);
  });
  afterAll(async () => {
    await ctx?.idp.close();
  });
  afterEach(() => {
    process.env.NEXTAUTH_URL = previousUrl;
  });

  it("marks every auth cookie Secure with the __Secure- or __Host- prefix", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "communicatie");
    if (!flow.ok) throw new Error("IdP refused");
    const session = flow.result.setCookies.find((c) =>
      c.startsWith("__Secure-next-auth.session-token="),
    );
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    const all = Object.keys(flow.cookies.object(portalUrl));
    expect(all.length).toBeGreaterThan(0);
    for (const name of all) expect(name).toMatch(/^__(Secure|Host)-/);
  });
});
