import "server-only";

import type { AuthOptions } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordSignIn } from "@/lib/employees/queries";
import { env, type Env } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { linkSignedInAccount } from "@/lib/roster/linking";
import { safeCallbackPath } from "./callback-url";
import { SIGN_IN_PATH } from "./paths";
import { isRole, mapGroupsToRoles, type Role } from "./roles";
import { currentSignInReference } from "./sign-in-errors";
import { reissueMaxAge, SESSION_LIFETIME_SECONDS, sessionRefusal } from "./session-lifetime";
import { endSession, readSession, startSession } from "./sessions";

/** next-auth's id for the one identity provider; part of the redirect URI `/api/auth/callback/oidc`. */
export const PROVIDER_ID = "oidc";
/** Seconds. One working shift from sign-in (absolute: no refresh extends it); then sign in again. */
export const SESSION_MAX_AGE = SESSION_LIFETIME_SECONDS;

/** What the session cookie carries about the signed-in employee. */
export type SessionClaims = {
  employeeId: number;
  subject: string;
  name: string;
  email: string | null;
  department: string | null;
  roles: Role[];
};

type AuthConfig = Pick<
  Env,
  | "NEXTAUTH_SECRET"
  | "OIDC_ISSUER"
  | "OIDC_CLIENT_ID"
  | "OIDC_CLIENT_SECRET"
  | "OIDC_SCOPE"
  | "OIDC_GROUPS_CLAIM"
  | "OIDC_DEPARTMENT_CLAIM"
  | "ROLE_HR_GROUPS"
  | "ROLE_EDITOR_GROUPS"
  | "ROLE_ADMIN_GROUPS"
  | "DEV_IDP"
>;

type SessionEmployee = {
  id: number;
  subject: string;
  name: string;
  email: string | null;
  department: string | null;
  roles: string[];
};

type AuthDependencies = {
  recordSignIn: (profile: {
    issuer: string;
    subject: string;
    name: string;
    email: string | null;
    department: string | null;
    roles: Role[];
  }) => Promise<{ id: number; name: string; email: string | null; department: string | null }>;
  /** Links the account to its roster entry (lib/roster/linking.ts); must not throw. */
  linkRoster?: (input: { employeeId: number; claims: Record<string, unknown> }) => Promise<void>;
  /** A new server-side session; its absolute end is fixed at sign-in. */
  startSession: (employeeId: number) => Promise<{ id: string; expiresAt: Date }>;
  /** The session and its employee as stored now, or null. Read on every session read. */
  readSession: (
    id: string,
  ) => Promise<{ expiresAt: Date; endedAt: Date | null; employee: SessionEmployee } | null>;
  /** Sign-out: ends the session on the server (and writes the audit event). */
  endSession?: (session: { id: string; employeeId: number }) => Promise<void>;
  now?: () => Date;
};

/** Thrown from the jwt callback: next-auth then clears the cookie and answers "no session". */
export class SessionRefusedError extends Error {
  constructor(public reason: string) {
    super(`The session is no longer valid (${reason}).`);
    this.name = "SessionRefusedError";
  }
}

type Claims = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Reads who signed in from the ID token claims. Identity is issuer + subject, never the email address. */
export function readIdentity(claims: Claims, config: AuthConfig) {
  const subject = text(claims.sub);
  if (!subject) throw new Error("The ID token has no subject (sub).");
  const issuer = text(claims.iss) ?? config.OIDC_ISSUER;
  const preferredUsername = text(claims.preferred_username);
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  const name = text(claims.name) ?? (fullName || null) ?? preferredUsername ?? subject;
  // Entra ID often omits `email`; its preferred_username is then the sign-in address. For display only.
  const email = text(claims.email) ?? (preferredUsername?.includes("@") ? preferredUsername : null);
  const department = text(claims[config.OIDC_DEPARTMENT_CLAIM]);
  const roles = mapGroupsToRoles(claims[config.OIDC_GROUPS_CLAIM], {
    hrGroups: config.ROLE_HR_GROUPS,
    editorGroups: config.ROLE_EDITOR_GROUPS,
    adminGroups: config.ROLE_ADMIN_GROUPS,
  });
  return { issuer, subject, name, email, department, roles };
}

/** The session claims in a token, or null when the token is not one this portal issued. */
export function readSessionClaims(
  token: JWT | Record<string, unknown> | null | undefined,
): SessionClaims | null {
  if (!token) return null;
  const { employeeId, subject, name, email, department, roles } = token as Record<string, unknown>;
  if (typeof employeeId !== "number" || !Number.isInteger(employeeId)) return null;
  if (typeof subject !== "string" || typeof name !== "string") return null;
  if (!Array.isArray(roles) || !roles.every(isRole)) return null;
  return {
    employeeId,
    subject,
    name,
    email: typeof email === "string" ? email : null,
    department: typeof department === "string" ? department : null,
    roles,
  };
}

/** next-auth options for a configuration; getAuthOptions() binds them to the environment. */
export function buildAuthOptions(config: AuthConfig, deps: AuthDependencies): AuthOptions {
  const provider: OAuthConfig<Claims> = {
    id: PROVIDER_ID,
    name: "Kempenhaeghe-account",
    type: "oauth",
    wellKnown: `${config.OIDC_ISSUER}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: {
      // The demo IdP always asks who you are, so switching between demo accounts just works.
      params: { scope: config.OIDC_SCOPE, ...(config.DEV_IDP ? { prompt: "login" } : {}) },
    },
    idToken: true,
    checks: ["pkce", "state"],
    client: { token_endpoint_auth_method: "client_secret_basic" },
    httpOptions: { timeout: 10_000 },
    profile(claims) {
      const identity = readIdentity(claims, config);
      return { id: identity.subject, name: identity.name, email: identity.email, image: null };
    },
  };

  const now = deps.now ?? (() => new Date());
  const options: AuthOptions = {
    providers: [provider],
    secret: config.NEXTAUTH_SECRET,
    // Cookies keep next-auth's defaults: HttpOnly, SameSite=Lax, and Secure with a __Secure-/__Host-
    // prefix whenever NEXTAUTH_URL is https.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH, signOut: SIGN_IN_PATH },
    logger: {
      error(code, metadata) {
        // An unreadable session cookie (old secret, new data directory, tampering) just means
        // "signed out": one line, not a stack trace per request.
        if (code === "JWT_SESSION_ERROR") {
          logEvent(
            "warn",
            { event: "session_cookie_refused" },
            "A session cookie was refused (unreadable, signed out or past its end); the visitor is treated as signed out.",
          );
          return;
        }
        const reference = currentSignInReference();
        // Only the error itself: next-auth's metadata can hold the provider's whole response.
        const error =
          metadata instanceof Error
            ? metadata
            : (metadata as { error?: unknown } | undefined)?.error instanceof Error
              ? (metadata as { error: Error }).error
              : undefined;
        logEvent(
          "error",
          { event: "auth_error", code, reference, ...(error ? { err: error } : {}) },
          `next-auth: ${code}${reference ? ` (reference ${reference})` : ""}`,
        );
      },
      warn(code) {
        logEvent("warn", { event: "auth_warning", code }, `next-auth: ${code}`);
      },
      debug() {},
    },
    callbacks: {
      async jwt({ token, account, profile }) {
        if (!account || !profile) return refreshToken(token);
        const claims = profile as Claims;
        if (
          claims._claim_names &&
          typeof claims._claim_names === "object" &&
          config.OIDC_GROUPS_CLAIM in claims._claim_names
        ) {
          logEvent(
            "warn",
            { event: "groups_claim_overage" },
            "Sign-in: the IdP left out the groups claim because the user is in too many groups (Entra ID overage). " +
              "Emit only the groups assigned to the application.",
          );
        }
        const identity = readIdentity(claims, config);
        const employee = await deps.recordSignIn({
          issuer: identity.issuer,
          subject: identity.subject,
          name: identity.name,
          email: identity.email,
          department: identity.department,
          roles: identity.roles,
        });
        await deps.linkRoster?.({ employeeId: employee.id, claims });
        const serverSession = await deps.startSession(employee.id);
        logEvent(
          "info",
          { event: "sign_in", employeeId: employee.id, roles: identity.roles },
          "Signed in",
        );
        const session: SessionClaims = {
          employeeId: employee.id,
          subject: identity.subject,
          name: employee.name,
          email: employee.email,
          department: employee.department,
          roles: identity.roles,
        };
        // A fresh token: nothing from the IdP beyond these fields ends up in the cookie.
        return {
          sub: identity.subject,
          sessionId: serverSession.id,
          sessionExpiresAt: Math.floor(serverSession.expiresAt.getTime() / 1000),
          ...session,
        } satisfies JWT;
      },
      async session({ session, token }) {
        const claims = readSessionClaims(token);
        // The session's absolute end, or the presented token's own expiry when sooner: never
        // next-auth's sliding "now + maxAge".
        const ends = [token.sessionExpiresAt, token.exp].filter(
          (value): value is number => typeof value === "number",
        );
        const expires = new Date(
          Math.min(Date.parse(session.expires), ...ends.map((seconds) => seconds * 1000)),
        ).toISOString();
        return { expires, user: claims ?? undefined } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = readSessionClaims(token);
        const sessionId = token?.sessionId;
        if (!claims || typeof sessionId !== "string" || !deps.endSession) return;
        try {
          await deps.endSession({ id: sessionId, employeeId: claims.employeeId });
          logEvent("info", { event: "sign_out", employeeId: claims.employeeId }, "Signed out");
        } catch (error) {
          logEvent(
            "error",
            { event: "sign_out_failed", employeeId: claims.employeeId, err: error },
            "Sign-out: could not end the session on the server",
          );
        }
      },
    },
    jwt: {
      // next-auth re-issues the cookie on every session read with a fresh maxAge; cap it at the
      // session's absolute end and at the presented token's own expiry, so reading never extends.
      async encode(params) {
        const token = params.token ?? {};
        const end = typeof token.sessionExpiresAt === "number" ? token.sessionExpiresAt : null;
        if (end === null) return encode(params);
        const maxAge = reissueMaxAge({
          expiresAt: new Date(end * 1000),
          tokenExp: typeof token.exp === "number" ? token.exp : null,
          now: now(),
          maxAge: params.maxAge ?? SESSION_MAX_AGE,
        });
        return encode({ ...params, maxAge });
      },
    },
  };
  return options;

  /**
   * Every session read (pages, actions, /api/auth/session) checks the server-side session and
   * re-reads the employee, so sign-out, the absolute end and role changes apply on the next request.
   */
  async function refreshToken(token: JWT): Promise<JWT> {
    const claims = readSessionClaims(token);
    const sessionId = token.sessionId;
    if (!claims || typeof sessionId !== "string")
      throw new SessionRefusedError("not_portal_session");
    const current = await deps.readSession(sessionId);
    const refusal = sessionRefusal(current, now());
    if (refusal || !current) throw new SessionRefusedError(refusal ?? "unknown");
    if (current.employee.id !== claims.employeeId) throw new SessionRefusedError("unknown");
    const { employee } = current;
    const roles = employee.roles.filter(isRole);
    return {
      sub: token.sub,
      exp: token.exp,
      sessionId,
      sessionExpiresAt: Math.floor(current.expiresAt.getTime() / 1000),
      employeeId: employee.id,
      subject: employee.subject,
      name: employee.name,
      email: employee.email,
      department: employee.department,
      // Every employee holds "employee", also on a row written before roles were stored.
      roles: roles.includes("employee") ? roles : ["employee", ...roles],
    } satisfies JWT;
  }
}

let authOptions: AuthOptions | undefined;

/** The portal's next-auth options, built on first use (not at import: `next build` needs no env). */
export function getAuthOptions(): AuthOptions {
  authOptions ??= buildAuthOptions(env, {
    recordSignIn: (profile) => recordSignIn(profile),
    startSession: (employeeId) => startSession({ employeeId }),
    readSession: (id) => readSession({ id }),
    endSession: async ({ id, employeeId }) => {
      await endSession({ id, employeeId });
    },
    linkRoster: ({ employeeId, claims }) =>
      linkSignedInAccount({ employeeId, claims, claimName: env.ROSTER_EMPLOYEE_NUMBER_CLAIM }),
  });
  return authOptions;
}
