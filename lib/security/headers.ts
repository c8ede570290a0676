// Security headers and early refusals shared by proxy.ts and the development IdP.
// No "server-only" marker and no Node-only imports: the proxy may run in either runtime.

/** Longer User-Agents are refused: Next's bot detection runs regular expressions over it on every render. */
export const MAX_USER_AGENT_BYTES = 512;
/** All request headers together (names and values); Node's own limit is 16 KiB. */
export const MAX_HEADER_BYTES = 12 * 1024;

type HeaderSource = { forEach: (callback: (value: string, name: string) => void) => void };

/** Why a request's headers are refused, or null. Measured in UTF-8 bytes, before any rendering. */
export function oversizedHeaders(headers: HeaderSource): string | null {
  const encoder = new TextEncoder();
  let total = 0;
  let userAgent = 0;
  headers.forEach((value, name) => {
    const size = encoder.encode(value).length;
    total += name.length + size + 4; // ": " and CRLF, as on the wire
    if (name.toLowerCase() === "user-agent") userAgent = size;
  });
  if (userAgent > MAX_USER_AGENT_BYTES)
    return `User-Agent larger than ${MAX_USER_AGENT_BYTES} bytes`;
  if (total > MAX_HEADER_BYTES) return `request headers larger than ${MAX_HEADER_BYTES} bytes`;
  return null;
}

/** A fresh, unguessable nonce per response: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Where the sign-in form sends the browser: the identity provider (the demo one beside the portal by default). */
export function identityProviderOrigin(env: Record<string, string | undefined>): string {
  const issuer = env.OIDC_ISSUER?.trim();
  if (issuer) {
    try {
      return new URL(issuer).origin;
    } catch {
      // lib/env.ts refuses such a value at startup; nothing to allow here.
    }
  }
  const port = Number(env.DEV_IDP_PORT?.trim() || Number(env.PORT?.trim() || 3000) + 1);
  return `http://127.0.0.1:${port}`;
}

/**
 * The portal's policy. Scripts run only with this response's nonce ('strict-dynamic' lets Next's
 * own loader add its chunks); no inline or eval'd script in production. `next dev` needs eval for
 * its refresh runtime. Styles may be inline: React and Next set style attributes, and CSS cannot run code.
 */
export function portalContentSecurityPolicy({
  nonce,
  development,
  formTargets = [],
}: {
  nonce: string;
  development: boolean;
  formTargets?: string[];
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
  ].join("; ");
}

/** The development IdP's pages: no scripts at all, their one inline stylesheet, forms back to itself or the portal. */
export function devIdpContentSecurityPolicy({ portalOrigin }: { portalOrigin: string }): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${portalOrigin}`,
  ].join("; ");
}

/** Headers every response gets, the portal's and the development IdP's alike. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  // An intranet portal: no page belongs in a search engine (robots.txt says the same).
  "X-Robots-Tag": "noindex, nofollow",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** One year, subdomains included: only ever sent when the portal's public URL is https. */
export const HSTS = "max-age=31536000; includeSubDomains";

export function isHttpsOrigin(url: string | undefined): boolean {
  try {
    return url ? new URL(url).protocol === "https:" : false;
  } catch {
    return false;
  }
}
