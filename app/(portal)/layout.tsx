import { AcknowledgementStatusBanner } from "@/components/acknowledgement/acknowledgement-status";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { isDevIdentityProvider, requireUser } from "@/lib/auth/session";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getStatusForEmployee } from "@/lib/reading/current-policy";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const status = await getStatusForEmployee(user.employeeId, DEFAULT_POLICY);
  return (
    <>
      <a href="#inhoud" className="skip-link">
        Naar de inhoud
      </a>
      {isDevIdentityProvider() ? <DemoBanner /> : null}
      <SiteHeader user={user} />
      <AcknowledgementStatusBanner status={status} />
      <main
        id="inhoud"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl px-4 py-6 focus:outline-none sm:py-8"
      >
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
