import type { ReactNode } from "react";
import type { z } from "zod";
import type { calloutProps } from "@/lib/content/mdx-components";

type CalloutProps = z.infer<typeof calloutProps> & { children?: ReactNode };

const DEFAULT_TITLE: Record<CalloutProps["type"], string> = {
  info: "Goed om te weten",
  "let-op": "Let op",
  tip: "Tip",
};

/** A highlighted block inside the guideline text. Editors choose the kind; the look is fixed. */
export function Callout({ type, title, children }: CalloutProps) {
  return (
    <div className={`callout callout-${type}`} role="note">
      <p className="callout-title">{title ?? DEFAULT_TITLE[type]}</p>
      <div className="callout-body">{children}</div>
    </div>
  );
}
