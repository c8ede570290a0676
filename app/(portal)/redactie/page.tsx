import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { mdxComponentSpecs } from "@/lib/content/mdx-components";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { getDraft } from "@/lib/drafts/queries";
import { PublishNav } from "./_publish/publish-nav";
import { DraftEditor } from "./_components/draft-editor";

export const metadata: Metadata = { title: "Redactie – Richtlijnen sociale media" };

export default async function EditorPage() {
  await requirePermission("edit-content");
  const draft = await getDraft({ policy: DEFAULT_POLICY });
  // The help panel comes from the list validation uses: one list, not two.
  const help = Object.entries(mdxComponentSpecs).map(([name, spec]) => ({
    name,
    description: spec.description,
    example: spec.example,
  }));
  return (
    <div className="space-y-6">
      <PublishNav current="/redactie" />
      <DraftEditor initial={draft} help={help} />
    </div>
  );
}
