import type { ComponentType, ReactNode } from "react";
import type { z } from "zod";
import { Callout, calloutProps } from "./callout";
import { ContactDepartment, contactDepartmentProps, contactLine } from "./contact-department";

/**
 * The components editors may use in MDX. This one list drives both validation
 * (lib/content/validate.ts: names, attributes, values) and rendering (components/mdx-content.tsx).
 * Every prop is a literal string in MDX, so every schema must accept strings only.
 */
export type MdxComponentEntry<Schema extends z.ZodObject = z.ZodObject> = {
  component: ComponentType<z.infer<Schema> & { children?: ReactNode }>;
  props: Schema;
  /** Whether the component wraps content (`<Callout>…</Callout>`) or stands alone (`<ContactDepartment … />`). */
  children: boolean;
  /** Whether it may stand inside a sentence; block components must be on their own lines. */
  inline?: boolean;
  /** Readable text of a childless component, for the redline. */
  plainText?: (props: z.infer<Schema>) => string;
};

function entry<Schema extends z.ZodObject>(
  value: MdxComponentEntry<Schema>,
): MdxComponentEntry<Schema> {
  return value;
}

export const mdxComponentRegistry = {
  Callout: entry({ component: Callout, props: calloutProps, children: true }),
  ContactDepartment: entry({
    component: ContactDepartment,
    props: contactDepartmentProps,
    children: false,
    plainText: contactLine,
  }),
} as const;

export type MdxComponentName = keyof typeof mdxComponentRegistry;

export const mdxComponentNames = Object.keys(mdxComponentRegistry) as MdxComponentName[];

/** Own-property lookup, so names like "constructor" or "__proto__" never resolve to anything. */
export function getMdxComponentEntry(name: string): MdxComponentEntry | undefined {
  return Object.hasOwn(mdxComponentRegistry, name)
    ? (mdxComponentRegistry[name as MdxComponentName] as unknown as MdxComponentEntry)
    : undefined;
}

/** The components map handed to the compiled MDX. */
export function mdxRenderComponents(): Record<string, ComponentType<never>> {
  return Object.fromEntries(
    mdxComponentNames.map((name) => [name, mdxComponentRegistry[name].component]),
  ) as Record<string, ComponentType<never>>;
}

export { Callout, ContactDepartment };
