import { z } from "zod";

/** Departments an editor may point readers to. Extend this list, not the component. */
export const DEPARTMENTS = ["Communicatie", "Personeel & Organisatie"] as const;

export const contactDepartmentProps = z.strictObject({
  department: z.enum(DEPARTMENTS),
});

export type ContactDepartmentProps = z.infer<typeof contactDepartmentProps>;

/** The sentence the component shows; also used as its plain text in the redline. */
export function contactLine({ department }: ContactDepartmentProps): string {
  return `Twijfel je of heb je een vraag? Neem contact op met de afdeling ${department}.`;
}

export function ContactDepartment(props: ContactDepartmentProps) {
  return <p className="contact-department">{contactLine(props)}</p>;
}
