import type { Metadata } from "next";
import { AcknowledgeSection } from "../_components/acknowledge-section";
import { FullTextView } from "../_components/full-text-view";
import { requirePermission } from "@/lib/auth/session";
import { EditorialNote } from "@/components/acknowledgement/acknowledgement-status";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";

export const metadata: Metadata = { title: "Volledige tekst – Richtlijnen sociale media" };

export default async function FullTextPage() {
  const user = await requirePermission("read-policy");
  const policy = await getCurrentPolicy();
  const status = await getStatusForEmployee(user.employeeId, policy.version.policy);

  return (
    <FullTextView policy={policy} notice={<EditorialNote status={status} />}>
      {/* At the end of the whole text, the natural place to read and sign. */}
      <AcknowledgeSection status={status} employeeId={user.employeeId} page="volledig" />
    </FullTextView>
  );
}
