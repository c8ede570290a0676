import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline";
import { renderNewVersionMail } from "./notification-mail";

describe("the notice of a new material version", () => {
  it("names the version, the summary, the deadline and links to what changed", () => {
    const mail = renderNewVersionMail({
      name: "Anna de Vries",
      versionNumber: 3,
      summary: "Nieuwe regel over cliëntgegevens",
      deadline: parseDeadline("2027-03-31"),
      portalUrl: "https://beleid.example/",
    });
    expect(mail.subject).toBe(
      "De richtlijnen voor sociale media zijn gewijzigd: bevestig ze vóór 31 maart 2027",
    );
    expect(mail.text).toContain("Beste Anna de Vries,");
    expect(mail.text).toContain("versie 3");
    expect(mail.text).toContain("Wat er is veranderd: Nieuwe regel over cliëntgegevens");
    expect(mail.text).toContain("https://beleid.example/richtlijnen/wijzigingen");
  });

  it("escapes what the editor typed in the HTML", () => {
    const mail = renderNewVersionMail({
      name: "<b>Jan</b>",
      versionNumber: 2,
      summary: '<script>alert("x")</script>',
      deadline: null,
      portalUrl: "http://localhost:3000",
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).not.toContain("<b>Jan</b>");
    expect(mail.subject).toMatch(/bevestig ze opnieuw$/);
  });
});
