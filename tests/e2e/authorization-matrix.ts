// THE AUTHORIZATION MATRIX: every page, route handler and server action of the portal, with who may
// use it. tests/e2e/authorization.spec.ts calls each entry over HTTP as every role and checks
// allow/deny, and fails when the build (`next build`) contains a page, route handler or action that
// is not listed here.
//
// Adding a page, route handler or action? Add one entry to MATRIX below, next to its neighbours:
//   page:   { kind: "page", path: "/hr/medewerkers", allow: HR, expect: { status: 200, text: "…" } }
//   route:  { kind: "route", path: "/hr/export", method: "GET", allow: HR, expect: { status: 200, text: "…" } }
//   action: { kind: "action", key: "app/(portal)/hr/actions.ts#sendReminderAction", postTo: "/hr", allow: HR }
// `path` is the URL pattern as the app directory spells it, without route groups ("(portal)").
// `text` is something only the allowed see: the spec also checks that no denied answer contains it.
import type { AccountLogin } from "./support/accounts";

export const ROLES = ["anonymous", "employee", "editor", "hr", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];
export type SignedInRole = Exclude<MatrixRole, "anonymous">;

/** The demo account whose stored session (tests/e2e/auth.setup.ts) stands for each role. */
export const ROLE_ACCOUNT: Record<SignedInRole, AccountLogin> = {
  employee: "medewerker",
  editor: "communicatie",
  hr: "hr",
  admin: "beheerder",
};

const EVERYONE: readonly MatrixRole[] = ROLES;
const SIGNED_IN: readonly MatrixRole[] = ["employee", "editor", "hr", "admin"];
// Admins hold every permission (lib/auth/permissions.ts), so they appear in every role-only list.
const ADMIN: readonly MatrixRole[] = ["admin"];
const HR: readonly MatrixRole[] = ["hr", "admin"];
const EDITORS: readonly MatrixRole[] = ["editor", "admin"];

/**
 * Who may use an entry:
 * - a list of roles;
 * - "owner": only the employee whose acknowledgement `[id]` is (the spec uses one that belongs to
 *   the editor's account; everyone else signed in must get 404 or 403, never the content);
 * - "operator-token": the operator CLIs' bearer token only (app/api/internal, lib/auth/operator.ts);
 *   every role's session cookie without the token is refused.
 */
export type Allow = readonly MatrixRole[] | "owner" | "operator-token";

/** What an allowed request gets. `location` is a prefix of the Location header. */
export type Expectation = { status: number; text?: string; location?: string };

export type PageEntry = {
  kind: "page";
  path: string;
  /** The URL to request when `path` has parameters; `{receipt}` is another employee's acknowledgement id. */
  url?: string;
  allow: Allow;
  expect: Expectation;
  /** When the signed-in get something else than the signed-out (the sign-in page). */
  expectSignedIn?: Expectation;
};

export type RouteEntry = {
  kind: "route";
  path: string;
  url?: string;
  method: "GET" | "POST";
  allow: Allow;
  expect: Expectation;
  expectSignedIn?: Expectation;
  /** The request body (JSON for the internal routes, a form for the sign-in start). */
  body?: { json: unknown } | { form: Record<string, string> };
  /** Skip the same-origin call with these roles' sessions (it would end the stored session). */
  notAs?: readonly MatrixRole[];
};

export type ActionEntry = {
  kind: "action";
  /** "<file>#<export>", as the build's server-reference manifest names it. */
  key: string;
  /** The page the action is posted to. */
  postTo: string;
  allow: readonly MatrixRole[];
  /**
   * The FormData the allowed send: deliberately invalid where the action would otherwise change
   * data other specs rely on, so "allowed" shows as a validation answer rather than a refusal.
   */
  form: Record<string, string>;
};

export type MatrixEntry = PageEntry | RouteEntry | ActionEntry;

const POLICY_INDEX = "Online gelden dezelfde rechten"; // a part's summary, on /richtlijnen
const POLICY_TEXT = "onuitwisbare sporen"; // from the part "Algemeen"

export const MATRIX: readonly MatrixEntry[] = [
  // Pages
  { kind: "page", path: "/", allow: SIGNED_IN, expect: { status: 307, location: "/richtlijnen" } },
  // The benchmark's floor page (bench/README.md): a 404 unless the server runs with BENCH_FLOOR=1,
  // which the e2e server never does; the signed-out are sent to sign-in by the proxy as for any page.
  { kind: "page", path: "/vloer", allow: SIGNED_IN, expect: { status: 404 } },
  {
    kind: "page",
    path: "/aanmelden",
    allow: EVERYONE,
    expect: { status: 200, text: "Aanmelden met je Kempenhaeghe-account" },
    expectSignedIn: { status: 307, location: "/" },
  },
  {
    kind: "page",
    path: "/richtlijnen",
    allow: SIGNED_IN,
    expect: { status: 200, text: POLICY_INDEX },
  },
  {
    kind: "page",
    path: "/richtlijnen/[onderdeel]",
    url: "/richtlijnen/algemeen",
    allow: SIGNED_IN,
    expect: { status: 200, text: POLICY_TEXT },
  },
  {
    kind: "page",
    path: "/richtlijnen/volledig",
    allow: SIGNED_IN,
    expect: { status: 200, text: POLICY_TEXT },
  },
  {
    kind: "page",
    path: "/richtlijnen/wijzigingen",
    allow: SIGNED_IN,
    expect: { status: 200, text: "Wat is er veranderd" },
  },
  {
    kind: "page",
    path: "/richtlijnen/versie",
    allow: SIGNED_IN,
    expect: { status: 200, text: "Elke versie van de richtlijnen blijft te lezen" },
  },
  {
    kind: "page",
    path: "/richtlijnen/versie/[versie]",
    url: "/richtlijnen/versie/1",
    allow: SIGNED_IN,
    expect: { status: 307, location: "/richtlijnen/versie/1/volledig" },
  },
  {
    kind: "page",
    path: "/richtlijnen/versie/[versie]/volledig",
    url: "/richtlijnen/versie/1/volledig",
    allow: SIGNED_IN,
    expect: { status: 200, text: POLICY_TEXT },
  },
  {
    kind: "page",
    path: "/richtlijnen/versie/[versie]/[onderdeel]",
    url: "/richtlijnen/versie/1/algemeen",
    allow: SIGNED_IN,
    expect: { status: 200, text: POLICY_TEXT },
  },
  {
    kind: "page",
    path: "/mijn-bevestigingen",
    allow: SIGNED_IN,
    expect: { status: 200, text: "Mijn bevestigingen" },
  },
  {
    kind: "page",
    path: "/mijn-bevestigingen/[id]",
    url: "/mijn-bevestigingen/{receipt}",
    allow: "owner",
    expect: { status: 200, text: "heeft bevestigd de richtlijnen" },
  },
  {
    kind: "page",
    path: "/redactie",
    allow: EDITORS,
    // From the help panel's list, which the server hands to the editor (so also in the RSC payload).
    expect: { status: 200, text: "Een opvallend blok: type" },
  },
  {
    kind: "page",
    path: "/beheer",
    allow: ADMIN,
    expect: { status: 200, text: "Versie van het portaal" },
  },

  {
    kind: "page",
    path: "/beheer/outbox",
    allow: ADMIN,
    // Body text: the page's title also names it, and titles reach the 403 page's metadata.
    expect: { status: 200, text: "Alleen voor ontwikkeling en de demo-omgeving" },
  },
  {
    kind: "page",
    path: "/beheer/outbox/[id]",
    url: "/beheer/outbox/999999",
    allow: ADMIN,
    // No such message: the admin gets the 404, everyone else is refused before the lookup.
    expect: { status: 404 },
  },
  // P&O
  { kind: "page", path: "/hr", allow: HR, expect: { status: 200, text: "aandeel-bevestigd" } },
  {
    kind: "page",
    path: "/hr/medewerkers",
    allow: HR,
    expect: { status: 200, text: "Medewerkers zoeken" },
  },
  {
    kind: "page",
    path: "/hr/medewerkers/[nummer]",
    url: "/hr/medewerkers/000000",
    allow: HR,
    expect: { status: 404 },
  },
  {
    kind: "page",
    path: "/hr/medewerkers/account/[id]",
    url: "/hr/medewerkers/account/999999",
    allow: HR,
    expect: { status: 404 },
  },
  {
    kind: "page",
    path: "/hr/bevestigingen/[id]",
    url: "/hr/bevestigingen/{receipt}",
    allow: HR,
    expect: { status: 200, text: "heeft bevestigd de richtlijnen" },
  },
  {
    kind: "page",
    path: "/hr/controleren",
    allow: HR,
    expect: { status: 200, text: "Bewijs controleren" },
  },
  {
    kind: "page",
    path: "/hr/herinneringen",
    allow: HR,
    expect: { status: 200, text: "Herinneringen" },
  },
  {
    kind: "page",
    path: "/hr/personeelsbestand",
    allow: HR,
    expect: { status: 200, text: "Personeelsbestand" },
  },
  {
    kind: "page",
    path: "/hr/bewaartermijn",
    allow: HR,
    expect: { status: 200, text: "Over de bewaartermijn" },
  },
  // Publishing, history and the deadline (Communicatie)
  {
    kind: "page",
    path: "/redactie/publiceren",
    allow: EDITORS,
    expect: { status: 200, text: "Het concept wordt versie" },
  },
  {
    kind: "page",
    path: "/redactie/versies",
    allow: EDITORS,
    expect: { status: 200, text: "Gepubliceerde versies, nieuwste eerst" },
  },
  {
    kind: "page",
    path: "/redactie/versies/vergelijk",
    url: "/redactie/versies/vergelijk?van=1&naar=1",
    allow: EDITORS,
    expect: { status: 200, text: "Brontekst per onderdeel" },
  },
  {
    kind: "page",
    path: "/redactie/termijn",
    allow: EDITORS,
    expect: { status: 200, text: "Uiterste datum wijzigen" },
  },
  // Route handlers
  {
    kind: "route",
    path: "/mijn-bevestigingen/[id]/pdf",
    url: "/mijn-bevestigingen/{receipt}/pdf",
    method: "GET",
    allow: "owner",
    expect: { status: 200, text: "%PDF-" },
  },
  {
    kind: "route",
    path: "/beheer/status",
    method: "GET",
    allow: ADMIN,
    expect: { status: 200, text: "appVersion" },
  },
  {
    kind: "route",
    path: "/aanmelden/start",
    method: "GET",
    allow: EVERYONE,
    expect: { status: 303, location: "/aanmelden" },
  },
  {
    kind: "route",
    path: "/aanmelden/start",
    method: "POST",
    allow: EVERYONE,
    body: { form: { callbackUrl: "/richtlijnen" } },
    // On to the identity provider's authorization endpoint.
    expect: { status: 303, location: "http://" },
  },
  {
    kind: "route",
    path: "/afmelden",
    method: "GET",
    allow: EVERYONE,
    expect: { status: 303, location: "/" },
  },
  {
    kind: "route",
    path: "/afmelden",
    method: "POST",
    allow: EVERYONE,
    // Signing out a stored session would end it for the specs that share it.
    notAs: SIGNED_IN,
    expect: { status: 303, location: "/aanmelden?afgemeld=1" },
  },
  {
    kind: "route",
    path: "/api/auth/[...nextauth]",
    url: "/api/auth/providers",
    method: "GET",
    allow: EVERYONE,
    expect: { status: 200, text: "oidc" },
  },
  {
    kind: "route",
    path: "/api/auth/[...nextauth]",
    url: "/api/auth/signout",
    method: "POST",
    allow: EVERYONE,
    // next-auth's own sign-out wants its CSRF token; without it, it sends you to its sign-out page.
    notAs: SIGNED_IN,
    expect: { status: 302 },
  },
  {
    kind: "route",
    // Where the proxy sends page loads on another host name: a redirect to the configured origin.
    path: "/api/canonical-host",
    method: "GET",
    allow: EVERYONE,
    expect: { status: 307 },
  },
  {
    kind: "route",
    path: "/api/health",
    method: "GET",
    allow: EVERYONE,
    expect: { status: 200, text: '"status":"ok"' },
  },
  {
    kind: "route",
    path: "/hr/bevestigingen/[id]/pdf",
    url: "/hr/bevestigingen/{receipt}/pdf",
    method: "GET",
    allow: HR,
    expect: { status: 200, text: "%PDF-" },
  },
  {
    kind: "route",
    path: "/hr/export.csv",
    method: "GET",
    allow: HR,
    expect: { status: 200, text: "Personeelsnummer" },
  },
  {
    kind: "route",
    path: "/hr/export.xlsx",
    method: "GET",
    allow: HR,
    // Binary: the status tells; the export spec (hr-data) checks the workbook itself.
    expect: { status: 200 },
  },
  {
    kind: "route",
    path: "/hr/personeelsbestand/upload",
    method: "POST",
    allow: HR,
    // No file name: refused before anything is stored.
    body: { form: {} },
    expect: { status: 400, text: "Geef het bestand een naam" },
  },
  // Operator routes: an invalid body, so the token's "allowed" is a validation answer and changes nothing.
  {
    kind: "route",
    path: "/api/internal/publish",
    method: "POST",
    allow: "operator-token",
    body: { json: {} },
    expect: { status: 400, text: "invalid_input" },
  },
  {
    kind: "route",
    path: "/api/internal/publish-status",
    method: "POST",
    allow: "operator-token",
    body: { json: {} },
    expect: { status: 400, text: "invalid_input" },
  },
  {
    kind: "route",
    path: "/api/internal/content-export",
    method: "POST",
    allow: "operator-token",
    body: { json: {} },
    expect: { status: 400, text: "invalid_input" },
  },
  {
    kind: "route",
    path: "/api/internal/audit-verify",
    method: "POST",
    allow: "operator-token",
    body: { json: {} },
    expect: { status: 200, text: '"ok":true' },
  },
  {
    kind: "route",
    path: "/api/internal/roster-import",
    method: "POST",
    allow: "operator-token",
    body: { json: {} },
    expect: { status: 400, text: "invalid_input" },
  },
  {
    kind: "route",
    path: "/api/internal/reminders",
    method: "POST",
    allow: "operator-token",
    body: { json: { nonsense: true } },
    expect: { status: 400, text: "invalid_input" },
  },

  // Server actions
  {
    kind: "action",
    key: "app/(portal)/richtlijnen/actions.ts#acknowledgeAction",
    postTo: "/richtlijnen/volledig",
    allow: SIGNED_IN,
    // No "confirm": the action answers "invalid" and stores nothing.
    form: { versionId: "1", contentHash: "0".repeat(64) },
  },
  {
    kind: "action",
    key: "app/(portal)/beheer/actions.ts#verifyAuditAction",
    postTo: "/beheer",
    allow: ADMIN,
    form: {},
  },
  // Publishing actions: empty forms, which each refuses as invalid, so nothing is published.
  {
    kind: "action",
    key: "app/(portal)/redactie/publiceren/actions.ts#publishDraftAction",
    postTo: "/redactie/publiceren",
    allow: EDITORS,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/redactie/termijn/actions.ts#changeDeadlineAction",
    postTo: "/redactie/termijn",
    allow: EDITORS,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/redactie/versies/actions.ts#withdrawVersionAction",
    postTo: "/redactie/versies",
    allow: EDITORS,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/redactie/versies/actions.ts#restoreVersionAction",
    postTo: "/redactie/versies",
    allow: EDITORS,
    form: {},
  },
  // Editor actions: empty forms lack the revision, so each answers "invalid" and changes nothing.
  {
    kind: "action",
    key: "app/(portal)/redactie/actions.ts#saveDraftAction",
    postTo: "/redactie",
    allow: EDITORS,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/redactie/actions.ts#discardDraftAction",
    postTo: "/redactie",
    allow: EDITORS,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/redactie/actions.ts#previewDraftPartAction",
    postTo: "/redactie",
    allow: EDITORS,
    form: {},
  },
  // P&O actions: empty forms, which every one of them refuses as invalid, so nothing changes.
  {
    kind: "action",
    key: "app/(portal)/hr/herinneringen/actions.ts#sendRemindersAction",
    postTo: "/hr/herinneringen",
    allow: HR,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/hr/bewaartermijn/actions.ts#erasePersonalDataAction",
    postTo: "/hr/bewaartermijn",
    allow: HR,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/hr/personeelsbestand/actions.ts#confirmRosterImportAction",
    postTo: "/hr/personeelsbestand",
    allow: HR,
    form: {},
  },
  {
    kind: "action",
    key: "app/(portal)/hr/personeelsbestand/actions.ts#linkAccountAction",
    postTo: "/hr/personeelsbestand",
    allow: HR,
    form: {},
  },
];

/** The line to paste into MATRIX for something the build has and the matrix lacks. */
export function missingEntryHint(
  item: { kind: "page" | "route"; path: string; source: string } | { kind: "action"; key: string },
): string {
  if (item.kind === "action") {
    return `server action ${item.key}: add { kind: "action", key: "${item.key}", postTo: "<page>", allow: [...], form: {...} }`;
  }
  const method = item.kind === "route" ? `, method: "GET" /* each exported method */` : "";
  return `${item.kind} ${item.path} (${item.source}): add { kind: "${item.kind}", path: "${item.path}"${method}, allow: [...], expect: {...} }`;
}

export const MATRIX_FILE = "tests/e2e/authorization-matrix.ts";
