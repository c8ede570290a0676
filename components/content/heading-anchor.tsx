import type { JSX } from "react";

/**
 * A heading with a link to itself, shown on hover or focus, so anyone can share a direct link.
 * The link sits beside the heading, not inside it, so the heading's accessible name stays its text.
 */
export function AnchoredHeading({
  as: Tag,
  id,
  label,
  className = "",
}: {
  as: keyof Pick<JSX.IntrinsicElements, "h1" | "h2" | "h3">;
  id: string;
  label: string;
  className?: string;
}) {
  return (
    <div className="group flex items-baseline gap-2">
      <Tag id={id} className={`scroll-mt-4 ${className}`}>
        {label}
      </Tag>
      <a
        href={`#${id}`}
        aria-label={`Link naar ${label}`}
        className="no-print inline-flex min-h-6 min-w-6 items-center justify-center rounded text-brand-600 opacity-0 group-hover:opacity-100 focus:opacity-100 dark:text-brand-200"
      >
        <span aria-hidden="true">#</span>
      </a>
    </div>
  );
}
