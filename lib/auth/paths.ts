// Paths and headers of the sign-in flow, defined once. Pure (no server-only marker): proxy.ts, the
// development IdP and the tests use them too.

/** The sign-in page; next-auth's own pages point here as well. */
export const SIGN_IN_PATH = "/aanmelden";
/** Starts the OIDC flow (a form post from the sign-in page). */
export const SIGN_IN_START_PATH = `${SIGN_IN_PATH}/start`;
/** Ends the session (a form post from the header). */
export const SIGN_OUT_PATH = "/afmelden";
/** next-auth's own endpoints. */
export const NEXT_AUTH_PATH = "/api/auth";
/** The header proxy.ts sets to the requested path, so a page can send people back after sign-in. */
export const PATHNAME_HEADER = "x-pathname";

/** True for `base` itself and everything below it ("/aanmelden", "/aanmelden/start", not "/aanmeldenx"). */
export function isUnder(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}
