import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FullTextView } from "../../../_components/full-text-view";
import { VersionNotice } from "../../../_components/version-notice";
import { parseVersionNumber } from "../params";
import { requirePermission } from "@/lib/auth/session";
import { NOT_FOUND_TITLE } from "@/components/layout/not-found-content";
import { getPolicyVersion } from "@/lib/reading/current-policy";

type Props = { params: Promise<{ versie: string }> };

async function load(params: Props["params"]) {
  const number = parseVersionNumber((await params).versie);
  return number ? getPolicyVersion(number) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePermission("read-policy");
  const policy = await load(params);
  return {
    title: policy
      ? `Volledige tekst van versie ${policy.version.number} – Richtlijnen sociale media`
      : NOT_FOUND_TITLE,
  };
}

/** The whole text of any version, as it was published: what a receipt of that version confirms. */
export default async function VersionedFullTextPage({ params }: Props) {
  await requirePermission("read-policy");
  const policy = await load(params);
  if (!policy) notFound();
  return (
    <FullTextView
      policy={policy}
      notice={
        <VersionNotice
          version={policy.version}
          latest={policy.latest}
          currentHref="/richtlijnen/volledig"
        />
      }
    />
  );
}
