import { describe, expect, it } from "vitest";
import { parseDeadline } from "@/lib/policy/deadline";
import { renderReminderMail } from "./mail";

const base = {
  kind: "reminder" as const,
  name: "Fleur de Vries",
  versionNumber: 3,
  deadline: parseDeadline("2027-03-31"),
  acknowledgedBefore: false,
  portalUrl: "https://beleid.kempenhaeghe.nl",
};

describe("the reminder mail", () => {
  it("names the deadline in Dutch, the version and the link to the guidelines", () => {
    const mail = renderReminderMail(base);
    expect(mail.subject).toBe(
      "Herinnering: bevestig de richtlijnen voor sociale media vóór 31 maart 2027",
    );
    expect(mail.text).toContain("Beste Fleur de Vries,");
    expect(mail.text).toContain(
      "Je hebt versie 3 van de richtlijnen voor sociale media nog niet bevestigd.",
    );
    expect(mail.text).toContain("bevestig ze uiterlijk 31 maart 2027.");
    expect(mail.text).toContain("Naar de richtlijnen: https://beleid.kempenhaeghe.nl/richtlijnen");
    expect(mail.html).toContain('<a href="https://beleid.kempenhaeghe.nl/richtlijnen">');
    expect(mail.html).toContain('<html lang="nl">');
  });

  it("tells someone who acknowledged an earlier version that the text changed", () => {
    const mail = renderReminderMail({ ...base, acknowledgedBefore: true });
    expect(mail.text).toContain("De richtlijnen voor sociale media zijn inhoudelijk gewijzigd.");
  });

  it("says the deadline has passed the day after it", () => {
    const mail = renderReminderMail({ ...base, kind: "deadline_passed" });
    expect(mail.subject).toBe(
      "De uiterste datum is verstreken: bevestig de richtlijnen voor sociale media",
    );
    expect(mail.text).toContain(
      "De uiterste datum om versie 3 van de richtlijnen voor sociale media te bevestigen was 31 maart 2027.",
    );
  });

  it("works without a deadline, and shows a deadline with a time of day when it has one", () => {
    expect(renderReminderMail({ ...base, deadline: null }).subject).toBe(
      "Herinnering: bevestig de richtlijnen voor sociale media",
    );
    const timed = renderReminderMail({ ...base, deadline: new Date("2027-03-31T10:00:00Z") });
    expect(timed.text).toContain("uiterlijk 31 maart 2027 om 12:00.");
  });

  it("escapes every value in the HTML part", () => {
    const mail = renderReminderMail({
      ...base,
      name: '<img src=x onerror="alert(1)"> & Co',
      portalUrl: 'https://beleid.example.org/"><script>',
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Beste &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co,");
    // The plain text part is text: nothing to escape, shown as written.
    expect(mail.text).toContain('Beste <img src=x onerror="alert(1)"> & Co,');
  });
});
