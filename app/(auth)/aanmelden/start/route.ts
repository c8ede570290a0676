import { safeCallbackPath } from "@/lib/auth/callback-url";
import { startSignIn } from "@/lib/auth/next-auth-call";
import { getAuthOptions, PROVIDER_ID } from "@/lib/auth/options";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { requestCookies, requestHeaders, seeOther } from "@/lib/auth/routes";
import { logSignInFailure, newSignInReference, signInErrorPath } from "@/lib/auth/sign-in-errors";

// The sign-in button posts here (a plain form, no JavaScript needed). next-auth starts the OIDC
// flow with state and PKCE and we send the browser on to the identity provider. proxy.ts refuses a
// cross-site post: another site must not restart a sign-in (and replace its state cookies).
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const callbackUrl = safeCallbackPath(form?.get("callbackUrl"));
  try {
    const { location, setCookies } = await startSignIn(getAuthOptions(), {
      providerId: PROVIDER_ID,
      callbackUrl,
      cookies: await requestCookies(),
      headers: await requestHeaders(),
    });
    if (location) return seeOther(location, setCookies);
    const reference = newSignInReference();
    logSignInFailure("OAuthSignin", reference, "next-auth gave no address to send the browser to");
    return seeOther(signInErrorPath("OAuthSignin", reference));
  } catch (error) {
    const reference = newSignInReference();
    logSignInFailure("OAuthSignin", reference, error);
    return seeOther(signInErrorPath("OAuthSignin", reference));
  }
}

export function GET() {
  return seeOther(SIGN_IN_PATH);
}
