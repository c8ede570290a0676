import Link from "next/link";
import type { ComponentProps } from "react";
import { linkClasses } from "./link";

type Variant = "primary" | "secondary" | "link";

const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";
// Dark mode: light brand fill with near-black text. brand-500 with dark text stays under 4.5:1.
const variants: Record<Exclude<Variant, "link">, string> = {
  primary:
    "bg-brand-700 text-white hover:bg-brand-800 dark:bg-brand-200 dark:text-stone-950 dark:hover:bg-brand-100",
  secondary:
    "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50 dark:border-brand-200 dark:bg-transparent dark:text-brand-100 dark:hover:bg-brand-900",
};

/** Classes of a button; also for an `<a>` that must not be a Next Link (a file download). */
export function buttonClasses(variant: Variant = "primary", extra = "") {
  // A button that reads as a link (an inline action) gets the one link style, with a touch target.
  if (variant === "link") return `inline-flex min-h-11 items-center ${linkClasses} ${extra}`.trim();
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
