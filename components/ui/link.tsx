import Link from "next/link";
import type { ComponentProps } from "react";

/** The portal's one text-link style, on light and dark backgrounds. */
export const linkClasses =
  "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900 dark:text-brand-200 dark:hover:text-brand-100";

export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link className={`${linkClasses} ${className}`.trim()} {...props} />;
}
