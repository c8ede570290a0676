import NextAuth from "next-auth";
import { getAuthOptions, PROVIDER_ID } from "@/lib/auth/options";
import { seeOther } from "@/lib/auth/routes";
import {
  logSignInFailure,
  newSignInReference,
  nextAuthErrorCode,
  signInErrorFromIdp,
  signInErrorPath,
  withSignInReference,
} from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (memoised), not at import: `next build` loads this module without env.
async function handler(request: Request, context: Context) {
  const reference = newSignInReference();
  const url = new URL(request.url);

  // The IdP answered with an error instead of a code ("Annuleren", refused consent). next-auth
  // would report it as a generic failure; say what happened. Nothing is signed in either way.
  const idpError = url.searchParams.get("error");
  if (url.pathname === `/api/auth/callback/${PROVIDER_ID}` && idpError) {
    const code = signInErrorFromIdp(idpError);
    logSignInFailure(code, reference, {
      idpError: idpError.slice(0, 100),
      description: url.searchParams.get("error_description")?.slice(0, 300),
    });
    return seeOther(signInErrorPath(code, reference));
  }

  const response: Response = await withSignInReference(reference, () =>
    NextAuth(request as never, context as never, getAuthOptions()),
  );
  const code = nextAuthErrorCode(response.headers.get("location"), env.NEXTAUTH_URL);
  if (!code) return response;
  // Straight to the sign-in page with the reference that next-auth's log lines above carry.
  logSignInFailure(code, reference);
  const headers = new Headers(response.headers);
  headers.set("location", signInErrorPath(code, reference));
  return new Response(null, { status: response.status, headers });
}

export { handler as GET, handler as POST };
