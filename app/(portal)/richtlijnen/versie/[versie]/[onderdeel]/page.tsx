import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartView } from "../../../_components/part-view";
import { VersionNotice } from "../../../_components/version-notice";
import { versionPath } from "../../../_components/version-paths";
import { parseVersionNumber } from "../params";
import { requirePermission } from "@/lib/auth/session";
import { NOT_FOUND_TITLE } from "@/components/layout/not-found-content";
import { getCurrentPolicy, getPolicyVersion } from "@/lib/reading/current-policy";

type Props = { params: Promise<{ versie: string; onderdeel: string }> };

async function load(params: Props["params"]) {
  const { versie, onderdeel } = await params;
  const number = parseVersionNumber(versie);
  const policy = number ? await getPolicyVersion(number) : null;
  const index = policy?.bodyParts.findIndex((part) => part.slug === onderdeel) ?? -1;
  return policy && index !== -1 ? { policy, index } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePermission("read-policy");
  const found = await load(params);
  if (!found) return { title: NOT_FOUND_TITLE };
  const part = found.policy.bodyParts[found.index];
  return {
    title: `${part.title} (versie ${found.policy.version.number}) – Richtlijnen sociale media`,
  };
}

/** A part exactly as it was in one version: the address a citation ("regel 2.4 van versie 3") uses. */
export default async function VersionedPartPage({ params }: Props) {
  await requirePermission("read-policy");
  const found = await load(params);
  if (!found) notFound();
  const { policy, index } = found;
  const slug = policy.bodyParts[index].slug;
  const outdated = policy.version.number < policy.latest.number;
  const stillThere =
    outdated && (await getCurrentPolicy()).bodyParts.some((part) => part.slug === slug);

  return (
    <PartView
      policy={policy}
      index={index}
      base={versionPath(policy.version.number)}
      notice={
        <VersionNotice
          version={policy.version}
          latest={policy.latest}
          currentHref={stillThere || !outdated ? `/richtlijnen/${slug}` : "/richtlijnen"}
        />
      }
    />
  );
}
