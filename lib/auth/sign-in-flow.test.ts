// The whole sign-in through next-auth's real code against the development IdP, without a browser.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEV_GROUPS } from "@/lib/dev-idp/accounts";
import { startDevIdp } from "@/lib/dev-idp/server";
import { cookiesFromSetCookie, callNextAuth, endSession, startSignIn } from "./next-auth-call";
import { eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { authSessions, employees } from "@/lib/db/schema";
import { recordSignIn } from "@/lib/employees/queries";
import { createTestStore } from "@/tests/support/db";
import { buildAuthOptions, PROVIDER_ID, readSessionClaims } from "./options";
import { SESSION_LIFETIME_SECONDS } from "./session-lifetime";
import { endSession as endServerSession, readSession, startSession } from "./sessions";

const clientId = "portal-test";
const clientSecret = randomBytes(16).toString("hex");

type Recorded = {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  department: string | null;
};

/** The real sign-in, session and sign-out queries on a fresh test store; the clock can be moved. */
async function setup(portalUrl: string) {
  const idp = await startDevIdp({
    port: 0,
    clientId,
    clientSecret,
    portalUrl,
    cookieKeys: [randomBytes(16).toString("hex")],
  });
  const store = await createTestStore();
  const signIns: Recorded[] = [];
  const signOuts: number[] = [];
  const links: { employeeId: number; claims: Record<string, unknown> }[] = [];
  const clock = { offsetMs: 0 };
  const secret = randomBytes(32).toString("hex");
  const options = buildAuthOptions(
    {
      NEXTAUTH_SECRET: secret,
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
        signIns.push({
          issuer: profile.issuer,
          subject: profile.subject,
          name: profile.name,
          email: profile.email,
          department: profile.department,
        });
        return recordSignIn({ db: store.db, ...profile });
      },
      startSession: (employeeId) => startSession({ db: store.db, employeeId }),
      readSession: (id) => readSession({ db: store.db, id }),
      endSession: async ({ id, employeeId }) => {
        if (await endServerSession({ db: store.db, id, employeeId })) signOuts.push(employeeId);
      },
      linkRoster: async (input) => {
        links.push(input);
      },
      now: () => new Date(Date.now() + clock.offsetMs),
    },
  );
  return { idp, store, options, signIns, signOuts, links, clock, secret };
}

function subjectOf(login: string): string {
  return DEMO_ACCOUNTS.find((account) => account.login === login)!.subject;
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
    await ctx?.store.close();
    process.env.NEXTAUTH_URL = previousUrl;
  });
  afterEach(() => {
    ctx.clock.offsetMs = 0;
  });

  async function readSessionWith(cookies: Record<string, string>) {
    return callNextAuth(ctx.options, {
      action: "session",
      method: "GET",
      cookies,
      headers: { host: new URL(portalUrl).host },
    });
  }

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
    const [recorded] = await ctx.store.db
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.subject, hr.subject));
    expect(ctx.links.at(-1)).toMatchObject({
      employeeId: recorded.id,
      claims: { employeeId: hr.employeeNumber, email: hr.email, email_verified: true },
    });

    const session = await callNextAuth(ctx.options, {
      action: "session",
      method: "GET",
      cookies: flow.cookies.object(portalUrl),
      headers: flow.headers,
    });
    const user = readSessionClaims((session.body as { user?: Record<string, unknown> }).user);
    const [row] = await ctx.store.db
      .select()
      .from(employees)
      .where(eq(employees.subject, hr.subject));
    expect(row.roles).toEqual(["employee", "hr"]);
    expect(user).toEqual({
      employeeId: row.id,
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

  it("refuses the old cookie replayed after sign-out", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "medewerker");
    if (!flow.ok) throw new Error("IdP refused");
    const captured = flow.cookies.object(portalUrl);
    expect((await readSessionWith(captured)).body).toMatchObject({
      user: { subject: subjectOf("medewerker") },
    });

    await endSession(ctx.options, { cookies: captured, headers: flow.headers });
    const replay = await readSessionWith(captured);
    expect(replay.body).toEqual({});
    // next-auth clears the refused cookie.
    expect(cookiesFromSetCookie(replay.setCookies)["next-auth.session-token"]).toBe("");
  });

  it("does not renew a token that expires in 60 seconds by ten more hours", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "communicatie");
    if (!flow.ok) throw new Error("IdP refused");
    const issued = await decode({
      secret: ctx.secret,
      token: flow.cookies.object(portalUrl)["next-auth.session-token"],
    });
    const nearExpiry = await encode({ secret: ctx.secret, token: issued!, maxAge: 60 });
    const before = Date.now();
    const renewed = await readSessionWith({ "next-auth.session-token": nearExpiry });
    const expires = Date.parse((renewed.body as { expires: string }).expires);
    expect(expires).toBeLessThanOrEqual(before + 61_000);
    const reissued = await decode({
      secret: ctx.secret,
      token: cookiesFromSetCookie(renewed.setCookies)["next-auth.session-token"],
    });
    expect(reissued!.exp as number).toBeLessThanOrEqual(Math.floor(before / 1000) + 61);
  });

  it("ends every session ten hours after sign-in, however often it was read", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "medewerker2");
    if (!flow.ok) throw new Error("IdP refused");
    let cookies = flow.cookies.object(portalUrl);
    for (const hours of [3, 6, 9.9]) {
      ctx.clock.offsetMs = hours * 3_600_000;
      const read = await readSessionWith(cookies);
      expect(read.body, `after ${hours} h`).toMatchObject({
        user: { subject: subjectOf("medewerker2") },
      });
      const expires = Date.parse((read.body as { expires: string }).expires);
      expect(expires).toBeLessThanOrEqual(Date.now() + SESSION_LIFETIME_SECONDS * 1000);
      cookies = { ...cookies, ...cookiesFromSetCookie(read.setCookies) };
    }
    ctx.clock.offsetMs = 10 * 3_600_000 + 1_000;
    expect((await readSessionWith(cookies)).body).toEqual({});
  });

  it("applies a role change on the next request, without signing in again", async () => {
    const flow = await walk(portalUrl, ctx.options, ctx.idp.issuer, "medewerker");
    if (!flow.ok) throw new Error("IdP refused");
    const cookies = flow.cookies.object(portalUrl);
    const before = await readSessionWith(cookies);
    const employeeId = (before.body as { user: { employeeId: number } }).user.employeeId;
    expect(before.body).toMatchObject({ user: { roles: ["employee"] } });

    await ctx.store.db
      .update(employees)
      .set({ roles: ["employee", "hr"] })
      .where(eq(employees.id, employeeId));
    expect((await readSessionWith(cookies)).body).toMatchObject({
      user: { roles: ["employee", "hr"] },
    });
    // And the next sign-in takes the roles from the IdP's groups again.
    const again = await walk(portalUrl, ctx.options, ctx.idp.issuer, "medewerker");
    if (!again.ok) throw new Error("IdP refused");
    const [row] = await ctx.store.db.select().from(employees).where(eq(employees.id, employeeId));
    expect(row.roles).toEqual(["employee"]);
    const sessions = await ctx.store.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.employeeId, employeeId));
    expect(sessions.length).toBeGreaterThanOrEqual(2);
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
    await ctx?.store.close();
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
