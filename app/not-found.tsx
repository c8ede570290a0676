import type { Metadata } from "next";
import { DemoBanner } from "@/components/layout/demo-banner";
import { NOT_FOUND_TITLE, NotFoundContent } from "@/components/layout/not-found-content";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser, isDevIdentityProvider } from "@/lib/auth/session";

export const metadata: Metadata = { title: NOT_FOUND_TITLE };

/**
 * An address that matches no page. Signed in, it looks like any portal page (header, menu,
 * footer), so the way back is where it always is; signed out, a plain page.
 */
export default async function NotFound() {
  const user = await getCurrentUser();
  return (
    <>
      <a href="#inhoud" className="skip-link">
        Naar de inhoud
      </a>
      {isDevIdentityProvider() ? <DemoBanner /> : null}
      {user ? (
        <SiteHeader user={user} />
      ) : (
        <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <p className="mx-auto max-w-5xl px-4 py-3 text-lg font-bold text-brand-800 dark:text-brand-100">
            Kempenhaeghe
          </p>
        </header>
      )}
      <main
        id="inhoud"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl px-4 py-8 focus:outline-none"
      >
        <NotFoundContent />
      </main>
      <SiteFooter />
    </>
  );
}
