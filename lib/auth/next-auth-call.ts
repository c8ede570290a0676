// Calls next-auth's endpoints in-process through its documented API-route signature
// NextAuth(req, res, options). The sign-in and sign-out routes use it so both work as plain HTML
// form posts, without client JavaScript, while next-auth still does every check itself.
import NextAuth, { type AuthOptions } from "next-auth";
import type { NextApiRequest, NextApiResponse } from "next";

export type NextAuthCall = {
  action: "csrf" | "signin" | "signout" | "callback" | "session";
  providerId?: string;
  method: "GET" | "POST";
  query?: Record<string, string>;
  body?: Record<string, string>;
  /** Request cookies, decoded (as `cookie.parse` gives them). */
  cookies: Record<string, string>;
  headers: Record<string, string>;
};

export type NextAuthResult = {
  status: number;
  location: string | null;
  /** Set-Cookie header values, ready to pass on. */
  setCookies: string[];
  body: unknown;
};

export async function callNextAuth(
  options: AuthOptions,
  call: NextAuthCall,
): Promise<NextAuthResult> {
  const headers = new Map<string, string | string[]>();
  let status = 200;
  let body: unknown;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase());
    },
    end() {},
    send(value: unknown) {
      body = value;
    },
    json(value: unknown) {
      body = value;
    },
  };
  const req = {
    method: call.method,
    query: {
      ...call.query,
      nextauth: call.providerId ? [call.action, call.providerId] : [call.action],
    },
    body: call.body,
    cookies: call.cookies,
    headers: call.headers,
  };
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);

  const setCookie = headers.get("set-cookie");
  const location = headers.get("location");
  return {
    status,
    location: typeof location === "string" ? location : null,
    setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie],
    body,
  };
}

/** name → decoded value of each Set-Cookie header. */
export function cookiesFromSetCookie(setCookies: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const header of setCookies) {
    const pair = header.split(";", 1)[0];
    const index = pair.indexOf("=");
    if (index <= 0) continue;
    result[pair.slice(0, index).trim()] = decodeURIComponent(pair.slice(index + 1).trim());
  }
  return result;
}

async function csrf(
  options: AuthOptions,
  cookies: Record<string, string>,
  headers: Record<string, string>,
) {
  const result = await callNextAuth(options, { action: "csrf", method: "GET", cookies, headers });
  const token = (result.body as { csrfToken?: unknown } | undefined)?.csrfToken;
  if (typeof token !== "string") throw new Error("next-auth returned no CSRF token");
  // next-auth reuses a valid CSRF cookie the browser already has, and sets a new one otherwise.
  return {
    token,
    setCookies: result.setCookies,
    cookies: { ...cookies, ...cookiesFromSetCookie(result.setCookies) },
  };
}

/** Starts the OIDC sign-in: returns the IdP's authorization URL and the state/PKCE cookies to set. */
export async function startSignIn(
  options: AuthOptions,
  {
    providerId,
    callbackUrl,
    cookies,
    headers,
  }: {
    providerId: string;
    callbackUrl: string;
    cookies: Record<string, string>;
    headers: Record<string, string>;
  },
): Promise<{ location: string | null; setCookies: string[] }> {
  const token = await csrf(options, cookies, headers);
  const result = await callNextAuth(options, {
    action: "signin",
    providerId,
    method: "POST",
    body: { csrfToken: token.token, callbackUrl },
    cookies: token.cookies,
    headers,
  });
  return { location: result.location, setCookies: [...token.setCookies, ...result.setCookies] };
}

/** Ends the session: returns the cookies that clear it. Runs next-auth's signOut event. */
export async function endSession(
  options: AuthOptions,
  { cookies, headers }: { cookies: Record<string, string>; headers: Record<string, string> },
): Promise<{ setCookies: string[] }> {
  const token = await csrf(options, cookies, headers);
  const result = await callNextAuth(options, {
    action: "signout",
    method: "POST",
    body: { csrfToken: token.token },
    cookies: token.cookies,
    headers,
  });
  return { setCookies: [...token.setCookies, ...result.setCookies] };
}
