// The components editors may use in MDX, as data: names, attributes, and how each reads as text.
// This one list drives validation (validate.ts), the redline (diff.ts) and the editor's help; the
// React side (components/mdx) binds each name to its component and cannot add a name of its own.
// Every prop is a literal string in MDX, so every schema accepts strings only.
import { z } from "zod";

/** Departments an editor may point readers to. Extend this list, not the component. */
export const DEPARTMENTS = ["Communicatie", "Personeel & Organisatie"] as const;

export const calloutProps = z.strictObject({
  type: z.enum(["info", "let-op", "tip"]),
  title: z.string().trim().min(1).max(120).optional(),
});

export const contactDepartmentProps = z.strictObject({
  department: z.enum(DEPARTMENTS),
});

/** The sentence ContactDepartment shows; also its plain text in the redline. */
export function contactLine({ department }: z.infer<typeof contactDepartmentProps>): string {
  return `Twijfel je of heb je een vraag? Neem contact op met de afdeling ${department}.`;
}

export type MdxComponentSpec<Schema extends z.ZodObject = z.ZodObject> = {
  props: Schema;
  /** Whether the component wraps content (`<Callout>…</Callout>`) or stands alone (`<ContactDepartment … />`). */
  children: boolean;
  /** Whether it may stand inside a sentence; block components must be on their own lines. */
  inline?: boolean;
  /** Readable text of a childless component, for the redline. */
  plainText?: (props: z.infer<Schema>) => string;
  /** For the editor's help panel: what it is for, in Dutch, and an example to insert. */
  description: string;
  example: string;
};

function spec<Schema extends z.ZodObject>(
  value: MdxComponentSpec<Schema>,
): MdxComponentSpec<Schema> {
  return value;
}

export const mdxComponentSpecs = {
  Callout: spec({
    props: calloutProps,
    children: true,
    description:
      'Een opvallend blok: type "info", "let-op" of "tip", met een eigen titel als je wilt.',
    example: '<Callout type="let-op" title="Let op">\n\nTekst van het blok.\n\n</Callout>',
  }),
  ContactDepartment: spec({
    props: contactDepartmentProps,
    children: false,
    plainText: contactLine,
    description: `Een zin die naar een afdeling verwijst: ${DEPARTMENTS.join(" of ")}.`,
    example: '<ContactDepartment department="Communicatie" />',
  }),
} as const;

export type MdxComponentName = keyof typeof mdxComponentSpecs;

export const mdxComponentNames = Object.keys(mdxComponentSpecs) as MdxComponentName[];

/** Own-property lookup, so names like "constructor" or "__proto__" never resolve to anything. */
export function getMdxComponentSpec(name: string): MdxComponentSpec | undefined {
  return Object.hasOwn(mdxComponentSpecs, name)
    ? (mdxComponentSpecs[name as MdxComponentName] as unknown as MdxComponentSpec)
    : undefined;
}
