// The notice of a new material version, in Dutch, as plain text and simple HTML. Pure: no I/O.
import { layoutMail } from "@/lib/mail/html";
import { formatDeadline, type RenderedMail } from "@/lib/reminders/mail";

export type NewVersionMailInput = {
  name: string;
  versionNumber: number;
  /** The editor's change summary: what employees are asked to read. */
  summary: string;
  deadline: Date | null;
  /** The portal's origin (NEXTAUTH_URL), without a trailing slash. */
  portalUrl: string;
};

export function renderNewVersionMail(input: NewVersionMailInput): RenderedMail {
  // The redline first: it shows what changed, and leads to the acknowledgement.
  const link = `${input.portalUrl.replace(/\/+$/, "")}/richtlijnen/wijzigingen`;
  const deadline = input.deadline ? formatDeadline(input.deadline) : null;
  const subject = deadline
    ? `De richtlijnen voor sociale media zijn gewijzigd: bevestig ze vóór ${deadline}`
    : "De richtlijnen voor sociale media zijn gewijzigd: bevestig ze opnieuw";
  const paragraphs = [
    `Communicatie heeft versie ${input.versionNumber} van de richtlijnen voor sociale media gepubliceerd. Het is een inhoudelijke wijziging, dus vragen we je de richtlijnen opnieuw te lezen en te bevestigen.`,
    `Wat er is veranderd: ${input.summary}`,
    deadline
      ? `Bevestig de richtlijnen uiterlijk ${deadline}.`
      : "Bevestig de richtlijnen zodra je ze hebt gelezen.",
  ];
  return layoutMail({
    subject,
    greeting: `Beste ${input.name},`,
    paragraphs,
    link,
    linkLabel: "Bekijk wat er is veranderd",
    closing: ["Met vriendelijke groet,", "Communicatie, Kempenhaeghe"],
  });
}
