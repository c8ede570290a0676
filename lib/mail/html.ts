/** Escape text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const FOOTER = "Dit bericht is automatisch verstuurd door het beleidsportaal.";

/**
 * The portal's one mail layout, as plain text and simple HTML (every value escaped): a greeting,
 * paragraphs, one link to the portal, the sender's closing and the automatic-mail footer. Pure.
 */
export function layoutMail({
  subject,
  greeting,
  paragraphs,
  link,
  linkLabel,
  closing,
}: {
  subject: string;
  greeting: string;
  paragraphs: readonly string[];
  link: string;
  linkLabel: string;
  closing: readonly string[];
}): { subject: string; text: string; html: string } {
  const text = [
    greeting,
    "",
    ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `${linkLabel}: ${link}`,
    "",
    ...closing,
    "",
    FOOTER,
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
    `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a><br>${escapeHtml(link)}</p>`,
    `<p>${closing.map(escapeHtml).join("<br>")}</p>`,
    `<p style="font-size: 14px; color: #555;">${escapeHtml(FOOTER)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
