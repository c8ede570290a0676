// The development OpenID provider: oidc-provider with the demo accounts, on loopback only.
// Started by scripts/start.mjs when no OIDC_ISSUER is configured; never part of the Next.js bundle.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account, type OidcContext } from "oidc-provider";
import { createMemoryAdapter } from "oidc-provider/lib/adapters/memory_adapter.js";
import { findAccountBySubject, verifyCredentials } from "./accounts";
import { SIGN_IN_PATH } from "../auth/paths";
import { errorPage, loginPage } from "./pages";
import { deriveSecret, readOrCreateDataDirSecret } from "../secrets";
import { BASELINE_HEADERS, devIdpContentSecurityPolicy } from "../security/headers";

export const DEV_IDP_HOST = "127.0.0.1";
export const DEV_IDP_SCOPE = "openid profile email";

export type DevIdpOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  clientId: string;
  clientSecret: string;
  /** The portal's origin, e.g. http://localhost:3000; its next-auth callback is the one redirect URI. */
  portalUrl: string;
  /** Keys that sign the IdP's own cookies. */
  cookieKeys: string[];
  /** The portal's provider id in next-auth. */
  providerId?: string;
};

export type RunningDevIdp = {
  issuer: string;
  port: number;
  close(): Promise<void>;
};

const CLIENT_NAME = "Kempenhaeghe – Richtlijnen sociale media";
const WRONG_CREDENTIALS =
  "Onjuiste gebruikersnaam of wachtwoord. Controleer je gegevens en probeer het opnieuw.";
const MAX_FORM_BYTES = 8 * 1024;

// The security headers themselves are set on every response in startDevIdp.
function sendHtml(res: ServerResponse, status: number, html: string) {
  res.setHeader("Cache-Control", "no-store");
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function createProvider(issuer: string, options: DevIdpOptions): Provider {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: "jwk" }),
    kid: `dev-${randomBytes(6).toString("hex")}`,
    alg: "RS256",
    use: "sig",
  };
  const portal = options.portalUrl.replace(/\/+$/, "");
  const providerId = options.providerId ?? "oidc";

  const provider = new Provider(issuer, {
    // The library's own in-memory storage, passed explicitly: losing the demo IdP's sessions on restart
    // is intended, so its "you MUST change it" start-up warning would only alarm newcomers.
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: CLIENT_NAME,
        redirect_uris: [`${portal}/api/auth/callback/${providerId}`],
        post_logout_redirect_uris: [`${portal}${SIGN_IN_PATH}`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: options.cookieKeys },
    scopes: ["openid"],
    claims: {
      openid: ["sub"],
      profile: ["name", "given_name", "family_name", "department", "groups", "employeeId"],
      email: ["email", "email_verified"],
    },
    // The portal reads groups and department from the ID token, so they belong there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Seconds. A session lasts one shift, like the portal's; an unfinished sign-in expires after 10 minutes.
    ttl: {
      Interaction: 600,
      Session: 10 * 3600,
      Grant: 10 * 3600,
      AuthorizationCode: 60,
      AccessToken: 3600,
      IdToken: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: unknown, subject: string): Promise<Account | undefined> {
      const account = findAccountBySubject(subject);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: () => ({
          sub: account.subject,
          name: account.name,
          given_name: account.givenName,
          family_name: account.familyName,
          department: account.department,
          employeeId: account.employeeNumber,
          groups: account.groups,
          email: account.email,
          email_verified: true,
        }),
      };
    },
    // The portal is a first-party client: grant its scopes without a consent screen.
    async loadExistingGrant(ctx: OidcContext) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      if (client.clientId !== options.clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(DEV_IDP_SCOPE);
      await grant.save();
      return grant;
    },
    async renderError(ctx: OidcContext, out: { error?: string; error_description?: string }) {
      ctx.type = "html";
      ctx.set("Cache-Control", "no-store");
      ctx.body = errorPage({
        title: "Aanmelden is niet gelukt",
        message: `De demo-aanmelding kon dit verzoek niet afhandelen (${out.error ?? "onbekende fout"}). Ga terug naar het portaal en probeer het opnieuw.`,
        portalUrl: `${portal}${SIGN_IN_PATH}`,
      });
    },
  });
  return provider;
}

async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  step: string | undefined,
  portal: string,
): Promise<void> {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    // Expired or foreign interaction (the cookie no longer matches): start again from the portal.
    sendHtml(
      res,
      400,
      errorPage({
        title: "Aanmelding verlopen",
        message:
          "Deze aanmelding is verlopen of al afgerond. Ga terug naar het portaal en meld je opnieuw aan.",
        portalUrl: `${portal}${SIGN_IN_PATH}`,
      }),
    );
    return;
  }

  if (req.method === "GET" && !step) {
    sendHtml(res, 200, loginPage({ uid: details.uid, clientName: CLIENT_NAME }));
    return;
  }
  if (req.method !== "POST" || (step !== "login" && step !== "abort")) {
    sendHtml(
      res,
      405,
      errorPage({ title: "Niet toegestaan", message: "Deze actie bestaat niet." }),
    );
    return;
  }

  if (step === "abort") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "De aanmelding is geannuleerd." },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch {
    sendHtml(
      res,
      413,
      errorPage({ title: "Ongeldig verzoek", message: "Het formulier is te groot." }),
    );
    return;
  }
  const account = verifyCredentials(form.get("login"), form.get("password"));
  if (!account) {
    sendHtml(
      res,
      401,
      loginPage({
        uid: details.uid,
        clientName: CLIENT_NAME,
        login: form.get("login")?.slice(0, 100) ?? "",
        error: WRONG_CREDENTIALS,
      }),
    );
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.subject } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * Starts the development IdP on 127.0.0.1. Refuses when an external issuer is configured: the demo
 * accounts must never sit next to real sign-in.
 */
export async function startDevIdp(options: DevIdpOptions): Promise<RunningDevIdp> {
  if (process.env.OIDC_ISSUER?.trim()) {
    throw new Error("The development identity provider does not start when OIDC_ISSUER is set.");
  }
  const portal = options.portalUrl.replace(/\/+$/, "");
  // Set once the provider exists; the server must listen first because the issuer URL includes its port.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined = undefined;
  const securityHeaders = {
    ...BASELINE_HEADERS,
    // Nothing on the IdP's pages needs to tell another site where the user came from.
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": devIdpContentSecurityPolicy({
      portalOrigin: new URL(portal).origin,
    }),
  };
  const server = http.createServer((req, res) => {
    // The same baseline as the portal's pages, set before oidc-provider or our pages write anything.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (!handler) {
      res.statusCode = 503;
      res.end();
      return;
    }
    handler(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, DEV_IDP_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${DEV_IDP_HOST}:${port}`;
  const provider = createProvider(issuer, options);
  const oidc = provider.callback();

  handler = (req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?\/?$/.exec(path);
    if (!match) {
      oidc(req, res);
      return;
    }
    handleInteraction(provider, req, res, match[2], portal).catch((error: unknown) => {
      console.error("development IdP: interaction failed", error);
      if (!res.headersSent) {
        sendHtml(
          res,
          500,
          errorPage({
            title: "Er ging iets mis",
            message: "Probeer het opnieuw vanaf het portaal.",
            portalUrl: `${portal}${SIGN_IN_PATH}`,
          }),
        );
      } else {
        res.end();
      }
    });
  };

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Starts the development IdP for the portal configured by `env` (the launcher's entry point). */
export async function startDevIdpFromEnv(env: {
  DEV_IDP: boolean;
  DEV_IDP_PORT: number;
  DATA_DIR: string;
  NEXTAUTH_URL: string;
  OIDC_CLIENT_ID: string;
  OIDC_CLIENT_SECRET: string;
}): Promise<RunningDevIdp> {
  if (!env.DEV_IDP) {
    throw new Error("The development identity provider does not start when OIDC_ISSUER is set.");
  }
  const master = readOrCreateDataDirSecret(env.DATA_DIR);
  return startDevIdp({
    port: env.DEV_IDP_PORT,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    portalUrl: env.NEXTAUTH_URL,
    cookieKeys: [deriveSecret(master, "dev-idp-cookie-key")],
  });
}
