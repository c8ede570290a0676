// Roster files HR might upload that must be refused, each with the exact Dutch problems expected.
// Line numbers are those of the file (a quoted field with newlines spans several lines).

export type BadFile = {
  title: string;
  name: string;
  content: string;
  errors: { line: number | null; message: string }[];
};

const HEADER = "Personeelsnummer;Naam;E-mail;Afdeling";

export const BAD_FILES: BadFile[] = [
  {
    title: "an empty file",
    name: "leeg.csv",
    content: "",
    errors: [{ line: null, message: "Het bestand is leeg." }],
  },
  {
    title: "a file of blank lines",
    name: "witruimte.csv",
    content: "\r\n   \r\n\r\n",
    errors: [{ line: null, message: "Het bestand is leeg." }],
  },
  {
    title: "only the header",
    name: "alleen-kop.csv",
    content: `${HEADER}\r\n`,
    errors: [{ line: null, message: "Het bestand bevat alleen kolomkoppen en geen medewerkers." }],
  },
  {
    title: "no email column",
    name: "geen-email.csv",
    content: "Personeelsnummer;Naam;Afdeling\n1001;Jan Jansen;ICT\n",
    errors: [
      {
        line: 1,
        message:
          "Verplichte kolom ontbreekt: e-mailadres (E-mail). De eerste regel moet de kolomkoppen bevatten.",
      },
    ],
  },
  {
    title: "no header at all (data in the first line)",
    name: "zonder-kop.csv",
    content: "1001;Jan Jansen;jan@kempenhaeghe.example;ICT\n",
    errors: [
      {
        line: 1,
        message:
          "Verplichte kolommen ontbreken: personeelsnummer (Personeelsnummer), naam (Naam, of Voornaam en Achternaam), e-mailadres (E-mail), afdeling (Afdeling). De eerste regel moet de kolomkoppen bevatten.",
      },
    ],
  },
  {
    title: "two columns that both mean email",
    name: "dubbele-kolom.csv",
    content: "Personeelsnummer;Naam;E-mail;E-mailadres;Afdeling\n1001;Jan;a@b.nl;a@b.nl;ICT\n",
    errors: [
      {
        line: 1,
        message:
          'De kolommen "E-mail" en "E-mailadres" betekenen allebei e-mailadres; laat er één staan.',
      },
    ],
  },
  {
    title: "a duplicate employee number",
    name: "dubbel.csv",
    content: `${HEADER}\n1001;Jan Jansen;jan@kempenhaeghe.example;ICT\n1002;Piet Peters;piet@kempenhaeghe.example;ICT\n1001;Kees Kok;kees@kempenhaeghe.example;ICT\n`,
    errors: [{ line: 4, message: "Personeelsnummer 1001 staat ook op regel 2." }],
  },
  {
    title: "missing and invalid emails",
    name: "email.csv",
    content: `${HEADER}\n1001;Jan Jansen;;ICT\n1002;Piet Peters;piet@@kempenhaeghe.example;ICT\n1003;Kees Kok;kees kok@kempenhaeghe.example;ICT\n1004;Els Smit;els@kempenhaeghe;ICT\n`,
    errors: [
      { line: 2, message: "E-mailadres ontbreekt." },
      { line: 3, message: 'E-mailadres "piet@@kempenhaeghe.example" is ongeldig.' },
      { line: 4, message: 'E-mailadres "kees kok@kempenhaeghe.example" is ongeldig.' },
      { line: 5, message: 'E-mailadres "els@kempenhaeghe" is ongeldig.' },
    ],
  },
  {
    title: "missing number, name and department",
    name: "leeg-veld.csv",
    content: `${HEADER}\n;Jan Jansen;jan@kempenhaeghe.example;ICT\n1002;;piet@kempenhaeghe.example;ICT\n1003;Kees Kok;kees@kempenhaeghe.example;\n`,
    errors: [
      { line: 2, message: "Personeelsnummer ontbreekt." },
      { line: 3, message: "Naam ontbreekt." },
      { line: 4, message: "Afdeling ontbreekt." },
    ],
  },
  {
    title: "an employee number with a space in it",
    name: "nummer.csv",
    content: `${HEADER}\n10 01;Jan Jansen;jan@kempenhaeghe.example;ICT\n`,
    errors: [
      {
        line: 2,
        message:
          'Personeelsnummer "10 01" is ongeldig (alleen letters, cijfers, punt, streepje, liggend streepje en schuine streep, hoogstens 40 tekens).',
      },
    ],
  },
  {
    title: "impossible and unreadable dates, and an end before the start",
    name: "datums.csv",
    content:
      "Personeelsnummer;Naam;E-mail;Afdeling;Datum in dienst;Datum uit dienst\n" +
      "1001;Jan Jansen;jan@kempenhaeghe.example;ICT;31-02-2024;\n" +
      "1002;Piet Peters;piet@kempenhaeghe.example;ICT;1 maart 2020;\n" +
      "1003;Kees Kok;kees@kempenhaeghe.example;ICT;01-06-2020;31-05-2020\n",
    errors: [
      {
        line: 2,
        message:
          'Startdatum "31-02-2024" is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).',
      },
      {
        line: 3,
        message:
          'Startdatum "1 maart 2020" is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd).',
      },
      { line: 4, message: "De einddatum (31-05-2020) ligt voor de startdatum (01-06-2020)." },
    ],
  },
  {
    title: "bad rows after a quoted field with newlines keep their own line numbers",
    name: "meerdere-regels.csv",
    content: `${HEADER}\n1001;"Jan\nJansen";jan@kempenhaeghe.example;"Epilepsiezorg;\nKinderen"\n\n1002;Piet Peters;geen-adres;ICT\n`,
    errors: [{ line: 6, message: 'E-mailadres "geen-adres" is ongeldig.' }],
  },
  {
    title: "a quote that is never closed",
    name: "aanhalingsteken.csv",
    content: `${HEADER}\n1001;Jan Jansen;jan@kempenhaeghe.example;ICT\n1002;"Piet Peters;piet@kempenhaeghe.example;ICT\n`,
    errors: [
      {
        line: 3,
        message:
          'Een aanhalingsteken (") wordt geopend maar nergens gesloten; het bestand is vanaf hier onleesbaar.',
      },
    ],
  },
  {
    title: "an old Excel file",
    name: "personeel.xls",
    content: "niet gelezen",
    errors: [
      {
        line: null,
        message:
          "Oude Excel-bestanden (.xls) worden niet ondersteund. Sla het bestand op als Excel-werkmap (.xlsx) of als CSV.",
      },
    ],
  },
  {
    title: "a PDF",
    name: "personeel.pdf",
    content: "%PDF-1.7",
    errors: [
      {
        line: null,
        message:
          'Bestanden van het type ".pdf" worden niet ondersteund. Gebruik CSV (.csv) of Excel (.xlsx).',
      },
    ],
  },
  {
    title: "a file named .xlsx that is not one",
    name: "nep.xlsx",
    content: "Personeelsnummer;Naam\n",
    errors: [
      {
        line: null,
        message: "Het bestand is geen leesbaar Excel-bestand (.xlsx).",
      },
    ],
  },
];
