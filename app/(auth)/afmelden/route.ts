import { endSession } from "@/lib/auth/next-auth-call";
import { getAuthOptions } from "@/lib/auth/options";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { isSameOriginPost, requestCookies, requestHeaders, seeOther } from "@/lib/auth/routes";
import { env } from "@/lib/env";

// The sign-out button posts here (a plain form). Only the portal's own pages may sign someone out.
export async function POST(request: Request) {
  if (!isSameOriginPost(request, env.NEXTAUTH_URL)) {
    return new Response("Afmelden kan alleen vanuit het portaal.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { setCookies } = await endSession(getAuthOptions(), {
    cookies: await requestCookies(),
    headers: await requestHeaders(),
  });
  return seeOther(`${SIGN_IN_PATH}?afgemeld=1`, setCookies);
}

// A link or prefetch must not sign anyone out.
export function GET() {
  return seeOther("/");
}
