// What a failed sign-in tells the person, and the short reference that ties what they see to the
// server's log. Pure apart from the random reference and the log line, so the sign-in page, the
// route handlers and tests share it.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomInt } from "node:crypto";
import { logEvent } from "@/lib/log";

export type SignInError = {
  /** What happened, in one sentence. */
  title: string;
  /** What to do next. */
  next: string;
  /** Label of the button that starts a new sign-in. */
  retry: string;
  /** False for notices that are not failures (no reference needed). */
  failure: boolean;
};

const SERVICE_DESK =
  "Lukt het daarna nog steeds niet, neem dan contact op met de servicedesk en noem de referentie hieronder.";

const CANCELLED: SignInError = {
  title: "Aanmelden is geannuleerd",
  next: "Je hebt het aanmelden afgebroken bij de aanmeldservice; er is niets veranderd. Wil je de richtlijnen lezen? Meld je dan opnieuw aan.",
  retry: "Opnieuw aanmelden",
  failure: true,
};

// next-auth's error codes, and the IdP's OAuth error codes we pass on. Unknown codes get Default.
const ERRORS: Record<string, SignInError> = {
  access_denied: CANCELLED,
  AccessDenied: CANCELLED,
  OAuthSignin: {
    title: "Aanmelden kon niet starten: de aanmeldservice is niet bereikbaar",
    next: `Probeer het over een paar minuten opnieuw. ${SERVICE_DESK}`,
    retry: "Opnieuw proberen",
    failure: true,
  },
  OAuthCallback: {
    title: "De aanmeldservice gaf een onverwacht antwoord",
    next: `Probeer het opnieuw. ${SERVICE_DESK}`,
    retry: "Opnieuw proberen",
    failure: true,
  },
  Callback: {
    title:
      "Je bent aangemeld bij de aanmeldservice, maar het portaal kon je gegevens niet verwerken",
    next: `Probeer het opnieuw. ${SERVICE_DESK}`,
    retry: "Opnieuw proberen",
    failure: true,
  },
  Configuration: {
    title: "Aanmelden is op dit moment niet mogelijk door een instellingsfout",
    next: "Neem contact op met de servicedesk en noem de referentie hieronder; opnieuw proberen helpt niet.",
    retry: "Opnieuw proberen",
    failure: true,
  },
  SessionRequired: {
    title: "Meld je aan om verder te gaan",
    next: "Deze pagina is alleen zichtbaar als je bent aangemeld.",
    retry: "Aanmelden met je Kempenhaeghe-account",
    failure: false,
  },
  Default: {
    title: "Aanmelden is niet gelukt",
    next: `Probeer het opnieuw. ${SERVICE_DESK}`,
    retry: "Opnieuw proberen",
    failure: true,
  },
};

export function describeSignInError(code: string): SignInError {
  return Object.hasOwn(ERRORS, code) ? ERRORS[code] : ERRORS.Default;
}

/** The code the sign-in page shows for an error the IdP sent to the callback (RFC 6749 §4.1.2.1). */
export function signInErrorFromIdp(idpError: string): string {
  // "Annuleren" at the IdP, or a user who refused consent.
  return idpError === "access_denied" ? "access_denied" : "OAuthCallback";
}

// No 0/O, 1/I/L: read aloud over the phone to the service desk.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const REFERENCE_PATTERN = /^[A-HJKMNP-Z2-9]{8}$/;

export function newSignInReference(): string {
  let reference = "";
  for (let i = 0; i < 8; i++) reference += ALPHABET[randomInt(ALPHABET.length)];
  return reference;
}

/** The sign-in page for an error, with its reference. Always a path on the portal itself. */
export function signInErrorPath(code: string, reference: string): string {
  return `/aanmelden?${new URLSearchParams({ error: code, ref: reference })}`;
}

/** One log line per failed sign-in: the service desk searches for the reference. */
export function logSignInFailure(code: string, reference: string, detail?: unknown): void {
  logEvent(
    "warn",
    {
      event: "sign_in_failed",
      code,
      reference,
      ...(detail instanceof Error ? { err: detail } : detail === undefined ? {} : { detail }),
    },
    `Sign-in failed: ${code} (reference ${reference})`,
  );
}

// The reference of the request being handled, so next-auth's own error log lines carry it too.
const requestReference = new AsyncLocalStorage<string>();

export function withSignInReference<T>(reference: string, run: () => Promise<T>): Promise<T> {
  return requestReference.run(reference, run);
}

export function currentSignInReference(): string | undefined {
  return requestReference.getStore();
}

/**
 * next-auth sends a failed callback to `<NEXTAUTH_URL>/api/auth/error?error=X`, which forwards to
 * the sign-in page without anything else. Returns the error code when `location` is that redirect.
 */
export function nextAuthErrorCode(location: string | null, portalUrl: string): string | null {
  if (!location) return null;
  let url: URL;
  try {
    url = new URL(location, portalUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(portalUrl).origin) return null;
  if (url.pathname !== "/api/auth/error" && url.pathname !== "/aanmelden") return null;
  return url.searchParams.get("error");
}
