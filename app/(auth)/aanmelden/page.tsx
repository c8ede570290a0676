import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SIGN_IN_START_PATH } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";
import {
  describeSignInError,
  logSignInFailure,
  newSignInReference,
  REFERENCE_PATTERN,
} from "@/lib/auth/sign-in-errors";

export const metadata: Metadata = { title: "Aanmelden" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const errorCode = first(params.error);
  const signedOut = first(params.afgemeld) === "1";

  if (!errorCode && !signedOut && (await getCurrentUser())) redirect(callbackUrl);

  const error = errorCode ? describeSignInError(errorCode) : null;
  let reference = first(params.ref);
  if (error?.failure && !(reference && REFERENCE_PATTERN.test(reference))) {
    // Reached without one (an old link, a bookmark): give this view its own, and log it.
    reference = newSignInReference();
    logSignInFailure(errorCode!.slice(0, 40), reference, "error page opened without a reference");
  }

  return (
    <Card aria-labelledby="aanmelden-titel">
      <p className="text-lg font-bold text-brand-800 dark:text-brand-100">Kempenhaeghe</p>
      <h1 id="aanmelden-titel" className="mt-1 text-2xl font-bold">
        Aanmelden
      </h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        Meld je aan met je Kempenhaeghe-account om de richtlijnen voor het gebruik van sociale media
        te lezen.
      </p>

      {signedOut ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900 dark:border-brand-700 dark:bg-brand-900 dark:text-brand-50"
        >
          Je bent afgemeld.
        </p>
      ) : null}
      {error ? (
        <div
          role="alert"
          aria-labelledby="aanmelden-fout"
          className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
        >
          <h2 id="aanmelden-fout" className="font-semibold">
            {error.title}
          </h2>
          <p className="mt-1">{error.next}</p>
          {error.failure ? (
            <p className="mt-2 text-sm">
              Referentie voor de servicedesk: <code className="font-semibold">{reference}</code>
            </p>
          ) : null}
        </div>
      ) : null}

      <form method="post" action={SIGN_IN_START_PATH} className="mt-6">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className={buttonClasses("primary", "w-full")}>
          {error?.failure ? error.retry : "Aanmelden met je Kempenhaeghe-account"}
        </button>
      </form>
    </Card>
  );
}
