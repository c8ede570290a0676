import { notFound, redirect } from "next/navigation";
import { versionPath } from "../../_components/version-paths";
import { parseVersionNumber } from "./params";
import { requirePermission } from "@/lib/auth/session";

type Props = { params: Promise<{ versie: string }> };

/** "/richtlijnen/versie/3" is that version's full text. */
export default async function VersionPage({ params }: Props) {
  await requirePermission("read-policy");
  const number = parseVersionNumber((await params).versie);
  if (!number) notFound();
  redirect(`${versionPath(number)}/volledig`);
}
