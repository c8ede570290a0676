import "server-only";

import { getMDXComponent } from "mdx-bundler/client";
import type { MDXComponents } from "mdx/types";
import type { ComponentProps } from "react";
import { mdxRenderComponents } from "@/components/mdx";
import type { CompiledPart } from "@/lib/content/compile";
import { staticMarkupRenderer } from "@/lib/content/static-markup";
import { isAllowedUrl } from "@/lib/content/validate";

type MdxComponent = ReturnType<typeof getMDXComponent>;

// Compiled code is evaluated once per hash (new Function), then reused by every request. Both
// caches are bounded: a part's hash changes with every edit, so an instance that runs for months
// sees many, and a reader only ever needs the current and a few older versions (least recently
// used goes first). 64 parts' HTML is about 3 MB.
const MAX_CACHED = 64;
const components = new Map<string, MdxComponent>();
const markup = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key); // re-inserted below: the Map's order is the recency order
  }
  cache.set(key, value);
  return value;
}

function componentFor(part: Pick<CompiledPart, "hash" | "code">, cache: boolean): MdxComponent {
  // The editor's preview: a new hash at every pause in typing, which would push the published
  // parts out of the cache.
  if (!cache) return components.get(part.hash) ?? getMDXComponent(part.code);
  return remember(components, part.hash, () => getMDXComponent(part.code));
}

/**
 * Links in policy text. The validator already allow-lists URLs; this checks again at render time.
 * Absolute links get rel="noopener noreferrer", so an outside site neither controls this tab nor
 * learns the intranet address.
 */
function SafeLink({ href, children, ...rest }: ComponentProps<"a">) {
  if (typeof href !== "string" || !isAllowedUrl(href)) return <span>{children}</span>;
  const external = /^[a-z][a-z0-9+.-]*:\/\//i.test(href);
  return (
    <a {...rest} href={href} rel={external ? "noopener noreferrer" : undefined}>
      {children}
    </a>
  );
}

const renderComponents = { ...mdxRenderComponents(), a: SafeLink } as MDXComponents;

/**
 * A rule's or heading's own link ("#zakelijk-gebruik-regel-4") made absolute under `base`, the
 * address of this version's text ("/richtlijnen/versie/3/zakelijk-gebruik"): a link copied from the
 * current text keeps pointing at the rule it cited after a later version renumbers the rules.
 */
function citableLinks(base: string): MDXComponents {
  let linked = citable.get(base);
  if (!linked) {
    const CitableLink = ({ href, className, ...rest }: ComponentProps<"a">) => {
      const own =
        typeof href === "string" &&
        href.startsWith("#") &&
        /\b(rule|heading)-anchor\b/.test(String(className ?? ""));
      return <SafeLink {...rest} className={className} href={own ? `${base}${href}` : href} />;
    };
    linked = { ...renderComponents, a: CitableLink } as MDXComponents;
    citable.set(base, linked);
    if (citable.size > MAX_CACHED) citable.delete(citable.keys().next().value as string);
  }
  return linked;
}
const citable = new Map<string, MDXComponents>();

/**
 * Server Component: renders a part compiled at publish time. No MDX is evaluated in the browser.
 * `null`: the part could not be compiled (a version published before the current limits).
 */
export function MdxContent({
  part,
  cache = true,
  linkBase,
}: {
  part: Pick<CompiledPart, "hash" | "code"> | null;
  /** False for the editor's preview: evaluate without keeping the component. */
  cache?: boolean;
  /** Where the rules' own links point (see citableLinks); unset: "#id" on this page. */
  linkBase?: string;
}) {
  if (!part) {
    return (
      <p role="note">
        Dit onderdeel kan niet worden getoond: de tekst voldoet niet aan de huidige eisen. Neem
        contact op met Communicatie.
      </p>
    );
  }
  const mdxComponents = linkBase ? citableLinks(linkBase) : renderComponents;
  // The text is the same for every reader of a version: rendered to HTML once per part (by React,
  // with the same components, so it is escaped and checked exactly as a tree would be), a page view
  // then sends one string instead of walking, serialising and re-rendering the whole tree, and the
  // RSC payload carries it once as a string rather than as a tree.
  const render = staticMarkupRenderer();
  if (render) {
    const make = () => {
      const Content = componentFor(part, cache);
      return render(<Content components={mdxComponents} />);
    };
    // Keyed by the link base too: a versioned page's rule links differ from the current page's.
    const html = cache ? remember(markup, `${part.hash} ${linkBase ?? ""}`, make) : make();
    return (
      <div
        className="[&>:first-child]:mt-0 [&>:last-child]:mb-0"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  }
  const Content = componentFor(part, cache);
  // Not created per render: componentFor returns the same component for a hash every time.
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={mdxComponents} />;
}
