import type { ComponentType } from "react";
import { type MdxComponentName } from "@/lib/content/mdx-components";
import { Callout } from "./callout";
import { ContactDepartment } from "./contact-department";

/**
 * The React side of the allow-list in lib/content/mdx-components.ts: one component per allowed
 * name, no more (the type refuses a name the list does not have, and requires every one it has).
 */
const mdxComponents = {
  Callout,
  ContactDepartment,
} satisfies Record<MdxComponentName, ComponentType<never>>;

/** The components map handed to the compiled MDX. */
export function mdxRenderComponents(): Record<string, ComponentType<never>> {
  return { ...mdxComponents };
}
