// Which header names mean which roster field. HR systems (AFAS, Visma, Excel by hand) export Dutch
// or English headers with varying case, spacing, hyphens and accents; all of that is ignored.

export type RosterField =
  | "employeeNumber"
  | "name"
  | "firstName"
  | "infix"
  | "lastName"
  | "email"
  | "department"
  | "manager"
  | "startDate"
  | "endDate";

/** How the UI and error messages name each field (Dutch). */
export const FIELD_LABELS: Record<RosterField, string> = {
  employeeNumber: "personeelsnummer",
  name: "naam",
  firstName: "voornaam",
  infix: "tussenvoegsel",
  lastName: "achternaam",
  email: "e-mailadres",
  department: "afdeling",
  manager: "leidinggevende",
  startDate: "startdatum",
  endDate: "einddatum",
};

const HEADERS: Record<RosterField, string[]> = {
  employeeNumber: [
    "personeelsnummer",
    "personeelsnr",
    "persnr",
    "medewerkernummer",
    "medewerkersnummer",
    "medewerkercode",
    "werknemersnummer",
    "employeenumber",
    "employeeno",
    "employeeid",
    "staffnumber",
  ],
  name: ["naam", "volledigenaam", "naammedewerker", "name", "fullname", "displayname"],
  firstName: ["voornaam", "roepnaam", "firstname", "givenname"],
  infix: ["tussenvoegsel", "voorvoegsel", "voorvoegsels"],
  lastName: ["achternaam", "geslachtsnaam", "lastname", "surname", "familyname"],
  email: [
    "email",
    "emailadres",
    "emailwerk",
    "zakelijkemail",
    "zakelijkemailadres",
    "emailaddress",
    "workemail",
    "mail",
  ],
  department: ["afdeling", "afdelingsnaam", "organisatorischeeenheid", "department"],
  manager: ["leidinggevende", "naamleidinggevende", "manager"],
  startDate: [
    "startdatum",
    "begindatum",
    "datumindienst",
    "indienst",
    "datumindiensttreding",
    "startdate",
    "hiredate",
  ],
  endDate: [
    "einddatum",
    "datumuitdienst",
    "uitdienst",
    "datumuitdiensttreding",
    "enddate",
    "terminationdate",
  ],
};

const LOOKUP = new Map<string, RosterField>(
  Object.entries(HEADERS).flatMap(([field, names]) =>
    names.map((name) => [name, field as RosterField] as const),
  ),
);

/** "E-mailadres ", "Datum in dienst", "Employee Number" → "emailadres", "datumindienst", "employeenumber". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export type ColumnMap = {
  /** Column index → field. */
  fields: Map<number, RosterField>;
  /** Headers that mean nothing to the roster, as written in the file. */
  ignored: string[];
  problems: string[];
};

/** Map a header row to fields; problems are Dutch and name the header as the file spells it. */
export function mapColumns(headers: string[]): ColumnMap {
  const fields = new Map<number, RosterField>();
  const seen = new Map<RosterField, string>();
  const ignored: string[] = [];
  const problems: string[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (!header) return;
    const field = LOOKUP.get(normalizeHeader(header));
    if (!field) {
      ignored.push(header);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      problems.push(
        `De kolommen "${earlier}" en "${header}" betekenen allebei ${FIELD_LABELS[field]}; laat er één staan.`,
      );
      return;
    }
    seen.set(field, header);
    fields.set(index, field);
  });

  const has = (field: RosterField) => seen.has(field);
  const missing: string[] = [];
  if (!has("employeeNumber")) missing.push(`${FIELD_LABELS.employeeNumber} (Personeelsnummer)`);
  if (!has("name") && !(has("firstName") && has("lastName")))
    missing.push("naam (Naam, of Voornaam en Achternaam)");
  if (!has("email")) missing.push("e-mailadres (E-mail)");
  if (!has("department")) missing.push("afdeling (Afdeling)");
  if (missing.length) {
    problems.push(
      `Verplichte ${missing.length === 1 ? "kolom ontbreekt" : "kolommen ontbreken"}: ${missing.join(", ")}. ` +
        "De eerste regel moet de kolomkoppen bevatten.",
    );
  }
  return { fields, ignored, problems };
}
