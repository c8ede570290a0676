// Where to send someone after signing in. Only paths on this portal: never another origin (open redirect).
import { isUnder, NEXT_AUTH_PATH, SIGN_IN_PATH, SIGN_OUT_PATH } from "./paths";

const FALLBACK = "/";
const BASE = "http://portal.invalid";

/**
 * Returns a same-origin path (with query and hash) for a requested callback URL, or "/" when the
 * value is missing, foreign, or points back at sign-in. Accepts absolute URLs only on `origin`.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return FALLBACK;
  // Backslashes and control characters are read as slashes or dropped by browsers: refuse them.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return FALLBACK;

  let url: URL;
  if (value.startsWith("/")) {
    if (value.startsWith("//")) return FALLBACK;
    url = new URL(value, BASE);
    if (url.origin !== BASE) return FALLBACK;
  } else {
    if (!origin) return FALLBACK;
    try {
      url = new URL(value);
    } catch {
      return FALLBACK;
    }
    if (url.origin !== new URL(origin).origin) return FALLBACK;
  }

  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return FALLBACK;
  if (isAuthPath(url.pathname)) return FALLBACK;
  return path;
}

function isAuthPath(pathname: string): boolean {
  return [SIGN_IN_PATH, SIGN_OUT_PATH, NEXT_AUTH_PATH].some((base) => isUnder(pathname, base));
}

/** The sign-in URL that returns to `returnTo` (a same-origin path) afterwards. */
export function signInUrl(returnTo?: string | null): string {
  const path = safeCallbackPath(returnTo);
  return path === "/" ? SIGN_IN_PATH : `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(path)}`;
}
