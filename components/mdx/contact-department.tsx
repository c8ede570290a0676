import type { z } from "zod";
import { contactLine, type contactDepartmentProps } from "@/lib/content/mdx-components";

export function ContactDepartment(props: z.infer<typeof contactDepartmentProps>) {
  return <p className="contact-department">{contactLine(props)}</p>;
}
