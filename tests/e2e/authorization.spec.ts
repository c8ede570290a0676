import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  encodeActionReply,
  listBuiltActions,
  listBuiltRoutes,
  parseActionResult,
} from "../support/next-internals";
import {
  MATRIX,
  MATRIX_FILE,
  missingEntryHint,
  ROLE_ACCOUNT,
  ROLES,
  type ActionEntry,
  type Expectation,
  type MatrixEntry,
  type MatrixRole,
  type PageEntry,
  type RouteEntry,
} from "./authorization-matrix";
import { storageStatePath } from "./support/accounts";
import { signInUrl } from "../../lib/auth/callback-url";

// Calls every entry of the authorization matrix directly over HTTP (no browser: nothing a page's
// JavaScript does can hide a gap) with each role's stored session, then again dressed up as Next's
// internal requests, and checks that no state-changing request from another site gets through.
// The editor's account acknowledges the current version in beforeAll; the receipt it gets is
// "another employee's receipt" for everyone else. No other spec uses that account's acknowledgements.

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
const OWNER_ROLE: MatrixRole = "editor";
const OWNER_NAME = "Lotte van den Berg"; // lib/dev-idp/accounts.ts, login "communicatie"
const FOREIGN_ORIGINS = ["https://evil.example", "null"];

type PageOrRoute = PageEntry | RouteEntry;
type Variant = { name: string; headers?: Record<string, string>; query?: string };

const VARIANTS: readonly Variant[] = [
  // CVE-2025-29927: this header once made Next skip middleware; it must skip no check.
  {
    name: "x-middleware-subrequest (middleware)",
    headers: {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    },
  },
  {
    name: "x-middleware-subrequest (proxy)",
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  },
  { name: "RSC header", headers: { RSC: "1" } },
  { name: "?_rsc query", query: "_rsc=m4tr1x" },
  { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
];

let receiptId = "";
let operatorToken = "";
const cookies = new Map<MatrixRole, string>();

function cookieHeader(login: Parameters<typeof storageStatePath>[0]): string {
  const state = JSON.parse(readFileSync(storageStatePath(login), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

function findOperatorToken(): string {
  // The lock the portal holds on its PGlite directory names the file with the CLIs' token, kept
  // outside the data directory (lib/db/lock.ts).
  const candidates = [DATA_DIR, ...readdirSync(DATA_DIR).map((name) => path.join(DATA_DIR, name))];
  for (const dir of candidates) {
    const file = path.join(dir, "portal.lock");
    if (existsSync(file)) {
      const { tokenFile } = JSON.parse(readFileSync(file, "utf8")) as { tokenFile: string };
      return readFileSync(tokenFile, "utf8").trim();
    }
  }
  throw new Error(`No portal.lock under ${DATA_DIR}: is the e2e portal running on PGlite?`);
}

function urlOf(entry: PageOrRoute): string {
  return (entry.url ?? entry.path).replace("{receipt}", receiptId);
}

function isAllowed(entry: PageOrRoute | ActionEntry, role: MatrixRole): boolean {
  if (entry.allow === "owner") return role === OWNER_ROLE;
  if (entry.allow === "operator-token") return false; // a session alone never is enough
  return entry.allow.includes(role);
}

function describeEntry(entry: MatrixEntry): string {
  return entry.kind === "action"
    ? `action ${entry.key}`
    : `${entry.kind} ${methodOf(entry)} ${entry.path}`;
}

function methodOf(entry: PageOrRoute): "GET" | "POST" {
  return entry.kind === "route" ? entry.method : "GET";
}

async function call(
  entry: PageOrRoute,
  role: MatrixRole,
  { headers = {}, query, bearer }: Variant & { bearer?: string } = { name: "plain" },
) {
  let url = `${BASE_URL}${urlOf(entry)}`;
  if (query) url += `${url.includes("?") ? "&" : "?"}${query}`;
  const method = methodOf(entry);
  const all: Record<string, string> = { ...headers };
  const cookie = cookies.get(role);
  if (cookie) all.cookie = cookie;
  if (bearer) all.authorization = `Bearer ${bearer}`;
  let body: string | URLSearchParams | undefined;
  if (method === "POST") {
    all.origin ??= BASE_URL;
    const given = entry.kind === "route" ? entry.body : undefined;
    if (given && "json" in given) {
      all["content-type"] = "application/json";
      body = JSON.stringify(given.json);
    } else {
      body = new URLSearchParams(given && "form" in given ? given.form : {});
    }
  }
  let response = await fetch(url, { method, headers: all, body, redirect: "manual" });
  // Next sends an RSC request without the right `_rsc` cache-buster on to the URL with it, as the
  // browser's router would follow: the answer that counts is the one there.
  const next = response.headers.get("location") ?? "";
  if (method === "GET" && all.RSC && response.status === 307 && /[?&]_rsc\b/.test(next)) {
    await response.body?.cancel();
    response = await fetch(new URL(next, url), { headers: all, redirect: "manual" });
  }
  const buffer = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    contentType: response.headers.get("content-type") ?? "",
    // latin1 keeps a PDF's "%PDF-" and the text of an HTML or flight answer readable alike.
    text: buffer.toString("latin1").includes("%PDF-")
      ? buffer.toString("latin1")
      : buffer.toString("utf8"),
  };
}

type Answer = Awaited<ReturnType<typeof call>>;

function expectAllowed(answer: Answer, expected: Expectation, what: string) {
  expect(answer.status, `${what}: status`).toBe(expected.status);
  if (expected.text) expect(answer.text, `${what}: content`).toContain(expected.text);
  if (expected.location)
    expect(answer.location, `${what}: Location`).toMatch(
      new RegExp(`^${escape(expected.location)}`),
    );
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** No denied answer carries what only the allowed may see. */
function expectNoContent(answer: Answer, entry: PageOrRoute, role: MatrixRole, what: string) {
  if (entry.expect.text)
    expect(answer.text, `${what}: leaked content`).not.toContain(entry.expect.text);
  if (entry.allow === "owner" && role !== OWNER_ROLE)
    expect(answer.text, `${what}: leaked the owner's name`).not.toContain(OWNER_NAME);
  expect(answer.contentType, `${what}: leaked a PDF`).not.toContain("application/pdf");
}

function expectDenied(answer: Answer, entry: PageOrRoute, role: MatrixRole, what: string) {
  expectNoContent(answer, entry, role, what);
  if (entry.allow === "operator-token") {
    expect(answer.status, `${what}: without the operator token`).toBe(403);
    return;
  }
  if (role === "anonymous") {
    // Pages: proxy.ts or the page redirects (307); route handlers: authorizedRoute answers 303.
    expect([303, 307], `${what}: sign-in redirect`).toContain(answer.status);
    expect(answer.location, `${what}: back after sign-in`).toMatch(
      new RegExp(`^(${escape(BASE_URL)})?${escape(signInUrl(urlOf(entry)))}$`),
    );
    return;
  }
  if (entry.allow === "owner") {
    expect([403, 404], `${what}: another employee's acknowledgement`).toContain(answer.status);
    return;
  }
  expect(answer.status, `${what}: the forbidden page`).toBe(403);
  if (entry.kind === "page") expect(answer.text, what).toContain("Geen toegang");
}

async function callAction(
  entry: ActionEntry,
  role: MatrixRole,
  { origin = BASE_URL, headers = {} }: { origin?: string; headers?: Record<string, string> } = {},
) {
  const id = actionIds.get(entry.key);
  if (!id)
    throw new Error(`The build has no server action ${entry.key}; remove it from ${MATRIX_FILE}.`);
  const form = new FormData();
  for (const [name, value] of Object.entries(entry.form)) form.append(name, value);
  const all: Record<string, string> = {
    ...headers,
    "next-action": id,
    accept: "text/x-component",
    origin,
  };
  const cookie = cookies.get(role);
  if (cookie) all.cookie = cookie;
  const response = await fetch(`${BASE_URL}${entry.postTo}`, {
    method: "POST",
    headers: all,
    body: await encodeActionReply([null, form]),
    redirect: "manual",
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    result: parseActionResult(text) as { status?: string; code?: string } | undefined,
  };
}

const actionIds = new Map<string, string>();

// Needs only the build, not the running portal or the sessions.
test("lists every page, route handler and server action the build contains", () => {
  const listed = new Set(
    MATRIX.map((entry) => (entry.kind === "action" ? entry.key : `${entry.kind} ${entry.path}`)),
  );
  const missing = [
    ...listBuiltRoutes()
      .filter((route) => !listed.has(`${route.kind} ${route.path}`))
      .map(missingEntryHint),
    ...listBuiltActions()
      .filter((action) => !listed.has(action.key))
      .map((action) => missingEntryHint({ kind: "action", key: action.key })),
  ];
  expect(
    missing,
    `Not in the authorization matrix; add an entry to MATRIX in ${MATRIX_FILE} for each:\n  ${missing.join("\n  ")}\n`,
  ).toEqual([]);

  // And nothing listed that the build no longer has (a stale entry checks nothing).
  const built = new Set([
    ...listBuiltRoutes().map((route) => `${route.kind} ${route.path}`),
    ...listBuiltActions().map((action) => action.key),
  ]);
  const stale = [...listed].filter((key) => !built.has(key));
  expect(stale, `In ${MATRIX_FILE} but not in the build; remove or correct:`).toEqual([]);
});

test.describe("authorization matrix", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    for (const role of ROLES)
      if (role !== "anonymous") cookies.set(role, cookieHeader(ROLE_ACCOUNT[role]));
    for (const action of listBuiltActions()) actionIds.set(action.key, action.id);
    operatorToken = findOperatorToken();

    // The editor's account acknowledges through the UI (idempotent if a retry comes here again).
    const context = await browser.newContext({
      storageState: storageStatePath(ROLE_ACCOUNT[OWNER_ROLE]),
    });
    const page = await context.newPage();
    // The form comes after the whole text (decision 0012).
    await page.goto(`${BASE_URL}/richtlijnen/volledig`);
    const form = page.locator("#bevestigen");
    if (await form.getByRole("button", { name: "Bevestigen" }).isVisible()) {
      await form
        .getByLabel("Ik heb de richtlijnen voor het gebruik van sociale media gelezen en begrepen.")
        .check();
      await form.getByRole("button", { name: "Bevestigen" }).click();
      await expect(form.getByText(/Bevestigd op/)).toBeVisible();
    }
    await page.goto(`${BASE_URL}/mijn-bevestigingen`);
    const href = await page
      .locator('main a[href^="/mijn-bevestigingen/"]')
      .first()
      .getAttribute("href");
    receiptId = /^\/mijn-bevestigingen\/([^/]+)$/.exec(href ?? "")?.[1] ?? "";
    expect(receiptId, `receipt link on /mijn-bevestigingen: ${href}`).not.toBe("");
    await context.close();
  });

  for (const entry of MATRIX) {
    if (entry.kind === "action") {
      test(`${describeEntry(entry)}: allowed for ${entry.allow.join(", ")}`, async () => {
        for (const role of ROLES) {
          const { status, result, text } = await callAction(entry, role);
          const what = `${describeEntry(entry)} as ${role}`;
          expect(status, `${what}: ${text.slice(0, 300)}`).toBe(200);
          expect(result, `${what}: an action result`).toBeDefined();
          if (isAllowed(entry, role)) {
            expect(["unauthenticated", "forbidden"], what).not.toContain(result?.code);
          } else {
            expect(result, what).toMatchObject({
              status: "error",
              code: role === "anonymous" ? "unauthenticated" : "forbidden",
            });
          }
        }
      });
      continue;
    }

    const who = typeof entry.allow === "string" ? entry.allow : entry.allow.join(", ");
    test(`${describeEntry(entry)}: allowed for ${who}`, async () => {
      for (const role of ROLES) {
        const what = `${describeEntry(entry)} as ${role}`;
        if (entry.kind === "route" && entry.notAs?.includes(role)) continue;
        const answer = await call(entry, role);
        if (isAllowed(entry, role)) {
          const expected =
            role !== "anonymous" && entry.expectSignedIn ? entry.expectSignedIn : entry.expect;
          expectAllowed(answer, expected, what);
        } else {
          expectDenied(answer, entry, role, what);
        }
      }
      if (entry.allow === "operator-token") {
        // The token is what opens it; with a session and a wrong token it stays shut.
        expectAllowed(
          await call(entry, "anonymous", { name: "token", bearer: operatorToken }),
          entry.expect,
          `${entry.path} with the token`,
        );
        const wrong = await call(entry, "admin", { name: "wrong token", bearer: "0".repeat(64) });
        expect(wrong.status, `${entry.path} with a wrong token`).toBe(403);
      }
      if (entry.allow === "owner") {
        // The owner's own answer must really carry the content the others were denied.
        const own = await call(entry, OWNER_ROLE);
        expect(own.text).toContain(entry.kind === "page" ? OWNER_NAME : "%PDF-");
      }
    });
  }

  const protectedEntries = MATRIX.filter(
    (entry): entry is PageOrRoute =>
      entry.kind !== "action" &&
      !(Array.isArray(entry.allow) && entry.allow.length === ROLES.length),
  );

  for (const variant of VARIANTS) {
    test(`every protected page and route handler stays shut as a ${variant.name} request`, async () => {
      test.setTimeout(180_000);
      for (const entry of protectedEntries) {
        for (const role of ROLES) {
          const what = `${describeEntry(entry)} as ${role} (${variant.name})`;
          if (!isAllowed(entry, role)) {
            expectNoContent(await call(entry, role, variant), entry, role, what);
            continue;
          }
          // The control: the same request by someone allowed does carry the content, so its
          // absence above means a refusal, not an answer of another shape. (A prefetch of a
          // dynamic page carries no content for anyone.)
          if (variant.name !== "prefetch" && entry.expect.status === 200 && entry.expect.text) {
            const answer = await call(entry, role, variant);
            expect(answer.text, `${what}: ${answer.status} ${answer.location}`).toContain(
              entry.expect.text,
            );
          }
        }
      }
    });

    test(`every server action refuses the wrong role as a ${variant.name} request`, async () => {
      for (const entry of MATRIX.filter((e): e is ActionEntry => e.kind === "action")) {
        for (const role of ROLES) {
          if (isAllowed(entry, role)) continue;
          const what = `${describeEntry(entry)} as ${role} (${variant.name})`;
          const { status, result } = await callAction(entry, role, { headers: variant.headers });
          // Next may not treat it as an action call at all (an RSC request is a navigation): then
          // nothing ran. If it did run the action, the action must have refused.
          if (result === undefined) expect(status, what).not.toBe(500);
          else
            expect(result, what).toMatchObject({
              status: "error",
              code: role === "anonymous" ? "unauthenticated" : "forbidden",
            });
        }
      }
    });
  }

  test("no mutation accepts a cross-origin or Origin: null POST", async () => {
    test.setTimeout(120_000);
    const mutations = MATRIX.filter(
      (entry): entry is RouteEntry => entry.kind === "route" && entry.method === "POST",
    );
    for (const origin of FOREIGN_ORIGINS) {
      for (const entry of mutations) {
        // With the session or token that would be allowed: only the origin is wrong.
        const role = entry.allow === "owner" ? OWNER_ROLE : "admin";
        const bearer = entry.allow === "operator-token" ? operatorToken : undefined;
        const answer = await call(entry, role, { name: origin, headers: { origin }, bearer });
        expect(
          answer.status,
          `${describeEntry(entry)} from Origin ${origin}: ${answer.text.slice(0, 200)}`,
        ).toBe(403);
        expect(answer.location).toBe("");
      }
      for (const entry of MATRIX.filter((e): e is ActionEntry => e.kind === "action")) {
        const { status, result, text } = await callAction(entry, "admin", { origin });
        const what = `${describeEntry(entry)} from Origin ${origin}`;
        expect(status, `${what}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(result, what).toBeUndefined();
      }
    }
  });
});
