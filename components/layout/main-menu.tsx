"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";

export type MenuLink = { href: string; label: string };

/** "page" for the page itself, "true" for a page inside its section (a part, a receipt). */
function currentState(
  href: string,
  pathname: string,
  links: readonly MenuLink[],
): "page" | "true" | undefined {
  if (pathname === href) return "page";
  const otherLinkMatches = links.some(
    (link) => link.href !== href && link.href.startsWith(href) && pathname.startsWith(link.href),
  );
  return pathname.startsWith(`${href}/`) && !otherLinkMatches ? "true" : undefined;
}

/**
 * The main menu. From the sm breakpoint up it is a row of links; on a phone it folds behind a
 * "Menu" button, so the text starts on the first screen. `account` (name and sign-out) moves
 * into the folded menu on a phone.
 */
export function MainMenu({
  links,
  account,
}: {
  /** Only what this person may open: the server filters them through the permission table. */
  links: readonly MenuLink[];
  account: React.ReactNode;
}) {
  const pathname = usePathname();
  // Open for the page it was opened on only: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="hoofdmenu"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-brand-700 px-3 font-semibold text-brand-800 hover:bg-brand-50 sm:hidden dark:border-brand-200 dark:text-brand-100 dark:hover:bg-brand-900"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
          {open ? (
            <path d="M5.3 4 10 8.6 14.7 4 16 5.3 11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3z" />
          ) : (
            <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
          )}
        </svg>
        Menu
      </button>
      <nav
        id="hoofdmenu"
        aria-label="Hoofdmenu"
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            setOpenOn(null);
            button.current?.focus();
          }
        }}
        className={`${open ? "block" : "hidden"} basis-full sm:block`}
      >
        <ul className="flex flex-col border-t border-stone-200 py-1 sm:-mx-3 sm:flex-row sm:gap-x-1 sm:border-0 sm:py-0 dark:border-stone-800">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={currentState(link.href, pathname, links)}
                className="flex min-h-11 items-center rounded-md px-2 font-medium text-brand-800 hover:bg-brand-50 aria-[current]:font-bold aria-[current]:text-stone-950 aria-[current]:underline aria-[current]:decoration-2 aria-[current]:underline-offset-8 sm:inline-flex sm:px-3 dark:text-brand-100 dark:hover:bg-brand-900 dark:aria-[current]:text-white"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="border-t border-stone-200 py-3 sm:hidden dark:border-stone-800">
          {account}
        </div>
      </nav>
    </>
  );
}
