import { AcknowledgementStatusBanner } from "@/components/acknowledgement-status";
import { DemoBanner } from "@/components/demo-banner";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
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
        className="mx-auto w-full max-w-5xl px-4 py-4 focus:outline-none sm:py-8"
      >
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
