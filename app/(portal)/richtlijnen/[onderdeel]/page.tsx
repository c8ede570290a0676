import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AcknowledgeSection } from "../_components/acknowledge-section";
import { PartView } from "../_components/part-view";
import { requirePermission } from "@/lib/auth/session";
import { NOT_FOUND_TITLE } from "@/components/layout/not-found-content";
import { getCurrentPolicy, getStatusForEmployee } from "@/lib/reading/current-policy";

type Props = { params: Promise<{ onderdeel: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { onderdeel } = await params;
  await requirePermission("read-policy");
  const policy = await getCurrentPolicy();
  const part = policy.bodyParts.find((candidate) => candidate.slug === onderdeel);
  return { title: part ? `${part.title} – Richtlijnen sociale media` : NOT_FOUND_TITLE };
}

export default async function PartPage({ params }: Props) {
  const user = await requirePermission("read-policy");
  const { onderdeel } = await params;
  const policy = await getCurrentPolicy();
  const index = policy.bodyParts.findIndex((candidate) => candidate.slug === onderdeel);
  if (index === -1) notFound();
  const isLast = index === policy.bodyParts.length - 1;
  const status = isLast ? await getStatusForEmployee(user.employeeId, policy.version.policy) : null;

  return (
    <PartView policy={policy} index={index} base="/richtlijnen" overviewHref="/richtlijnen">
      {/* After the last part, the reader has been through every part: the form comes here too. */}
      {status ? (
        <AcknowledgeSection status={status} employeeId={user.employeeId} page="laatste-onderdeel" />
      ) : null}
    </PartView>
  );
}
