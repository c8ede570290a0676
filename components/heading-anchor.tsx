import type { JSX } from "react";

/** A heading with a link to itself, shown on hover or focus, so anyone can share a direct link. */
export function AnchoredHeading({
  as: Tag,
  id,
  children,
  className = "",
}: {
  as: keyof Pick<JSX.IntrinsicElements, "h1" | "h2" | "h3">;
  id: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Tag id={id} className={`group scroll-mt-4 ${className}`}>
      {children}
      <a
        href={`#${id}`}
        className="no-print ml-2 inline-block align-middle text-brand-600 opacity-0 group-hover:opacity-100 focus:opacity-100 dark:text-brand-200"
      >
        <span aria-hidden="true">#</span>
        <span className="sr-only">Link naar dit kopje</span>
      </a>
    </Tag>
  );
}
