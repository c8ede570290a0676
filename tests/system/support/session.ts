import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { SeededEmployee } from "./store";

// Over http, next-auth v4 uses the unprefixed cookie name.
export const SESSION_COOKIE = "next-auth.session-token";

export function randomSecret(length = 48): string {
  return randomBytes(length).toString("base64url").slice(0, length);
}

/**
 * A session cookie as the portal's own sign-in would set it: a next-auth v4 JWE with the fields the
 * jwt callback (lib/auth/options.ts) stores (the server-side session included), so each request is one employee without an OIDC round trip.
 */
export async function mintSessionCookie({
  employee,
  secret,
}: {
  employee: SeededEmployee;
  secret: string;
}): Promise<string> {
  const token = await encode({
    secret,
    maxAge: 60 * 60,
    token: {
      sub: employee.subject,
      name: employee.name,
      email: employee.email,
      employeeId: employee.id,
      subject: employee.subject,
      department: employee.department,
      roles: ["employee"],
      sessionId: employee.sessionId,
      sessionExpiresAt: Math.floor(employee.sessionExpiresAt.getTime() / 1000),
    },
  });
  return `${SESSION_COOKIE}=${token}`;
}
