import { formatDate, formatDateTime } from "@/lib/format/dates";
import { layoutMail } from "@/lib/mail/html";
import type { MailKind } from "@/lib/db/schema";
import { amsterdamDay } from "./days";

export type ReminderMailInput = {
  kind: MailKind;
  name: string;
  /** The version to read and acknowledge now. */
  versionNumber: number;
  deadline: Date | null;
  /** True when the employee acknowledged an earlier version: the text changed since. */
  acknowledgedBefore: boolean;
  /** The portal's origin (NEXTAUTH_URL), without a trailing slash. */
  portalUrl: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

/** "31 maart 2027" for a whole-day deadline (the last millisecond of the day), else with the time. */
export function formatDeadline(deadline: Date): string {
  const endOfDay = amsterdamDay(deadline) !== amsterdamDay(new Date(deadline.getTime() + 1));
  return endOfDay ? formatDate(deadline) : formatDateTime(deadline);
}

/** The reminder in Dutch, as plain text and simple HTML (every interpolated value escaped). */
export function renderReminderMail(input: ReminderMailInput): RenderedMail {
  const link = `${input.portalUrl.replace(/\/+$/, "")}/richtlijnen`;
  const deadline = input.deadline ? formatDeadline(input.deadline) : null;
  const what = `versie ${input.versionNumber} van de richtlijnen voor sociale media`;

  let subject: string;
  const paragraphs: string[] = [];
  if (input.kind === "deadline_passed") {
    subject = "De uiterste datum is verstreken: bevestig de richtlijnen voor sociale media";
    paragraphs.push(
      deadline
        ? `De uiterste datum om ${what} te bevestigen was ${deadline}. Je hebt ze nog niet bevestigd.`
        : `Je hebt ${what} nog niet bevestigd, en de uiterste datum is verstreken.`,
      "Lees de richtlijnen en bevestig ze zo snel mogelijk.",
    );
  } else {
    subject = deadline
      ? `Herinnering: bevestig de richtlijnen voor sociale media vóór ${deadline}`
      : "Herinnering: bevestig de richtlijnen voor sociale media";
    paragraphs.push(
      input.acknowledgedBefore
        ? `De richtlijnen voor sociale media zijn inhoudelijk gewijzigd. Je hebt ${what} nog niet bevestigd.`
        : `Je hebt ${what} nog niet bevestigd.`,
      deadline
        ? `Lees de richtlijnen en bevestig ze uiterlijk ${deadline}.`
        : "Lees de richtlijnen en bevestig ze.",
    );
  }
  return layoutMail({
    subject,
    greeting: `Beste ${input.name},`,
    paragraphs,
    link,
    linkLabel: "Naar de richtlijnen",
    closing: ["Met vriendelijke groet,", "P&O (Personeel & Organisatie), Kempenhaeghe"],
  });
}
