import { MdxContent } from "@/components/content/mdx-content";
import type { PolicyPart } from "@/lib/reading/current-policy";

/** The guideline's closing line ("Kortom: …"), set apart under the overview and the last part. */
export function ClosingLine({ part, className = "" }: { part: PolicyPart; className?: string }) {
  return (
    <div
      className={`prose prose-stone max-w-none rounded-lg border-l-4 border-brand-500 bg-brand-50 p-4 dark:prose-invert dark:bg-brand-900/40 ${className}`}
    >
      <MdxContent part={part.compiled} />
    </div>
  );
}
