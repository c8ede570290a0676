import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SIGN_IN_START_PATH } from "@/lib/auth/paths";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Aanmelden" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// next-auth's error codes (plus the IdP's access_denied), in Dutch. Unknown codes get the generic text.
const ERRORS: Record<string, string> = {
  OAuthSignin:
    "Aanmelden kon niet starten: de aanmeldservice is niet bereikbaar. Probeer het over een paar minuten opnieuw.",
  OAuthCallback: "De aanmeldservice gaf een onverwacht antwoord. Probeer het opnieuw.",
  Callback:
    "Je bent wel aangemeld bij de aanmeldservice, maar het portaal kon je gegevens niet verwerken. Probeer het opnieuw.",
  AccessDenied: "Aanmelden is geannuleerd of geweigerd.",
  access_denied: "Aanmelden is geannuleerd of geweigerd.",
  Configuration:
    "Aanmelden is op dit moment niet mogelijk door een instellingsfout. Neem contact op met de servicedesk.",
  SessionRequired: "Meld je aan om verder te gaan.",
  Default: "Aanmelden is niet gelukt. Probeer het opnieuw.",
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const errorCode = first(params.error);
  const signedOut = first(params.afgemeld) === "1";

  if (!errorCode && !signedOut && (await getCurrentUser())) redirect(callbackUrl);

  const error = errorCode ? (ERRORS[errorCode] ?? ERRORS.Default) : null;

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
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      ) : null}

      <form method="post" action={SIGN_IN_START_PATH} className="mt-6">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className={buttonClasses("primary", "w-full")}>
          Aanmelden met je Kempenhaeghe-account
        </button>
      </form>
    </Card>
  );
}
