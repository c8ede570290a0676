// The notice of a new material version, in Dutch, as plain text and simple HTML. Pure: no I/O.
import { escapeHtml } from "@/lib/mail/html";
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
  const greeting = `Beste ${input.name},`;
  const closing = ["Met vriendelijke groet,", "Communicatie, Kempenhaeghe"];
  const footer = "Dit bericht is automatisch verstuurd door het beleidsportaal.";
  const text = [
    greeting,
    "",
    ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `Bekijk wat er is veranderd: ${link}`,
    "",
    ...closing,
    "",
    footer,
    "",
  ].join("\n");
  const html = [
    "<!doctype html>",
    '<html lang="nl"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    "</title></head>",
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(link)}">Bekijk wat er is veranderd</a><br>${escapeHtml(link)}</p>`,
    `<p>${closing.map(escapeHtml).join("<br>")}</p>`,
    `<p style="font-size: 14px; color: #555;">${escapeHtml(footer)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
