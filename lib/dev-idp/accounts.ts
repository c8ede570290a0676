// Demo accounts of the development identity provider. Subjects are fixed, opaque and unlike the
// login names, the way a real IdP's are: the portal must identify people by subject.
import { timingSafeEqual } from "node:crypto";

/** The groups the development IdP puts in its `groups` claim; the portal's default role mapping uses them. */
export const DEV_GROUPS = {
  hr: "portaal-po",
  editor: "portaal-redactie",
  admin: "portaal-beheer",
} as const;

export const DEMO_PASSWORD = "demo";

export type DemoAccount = {
  login: string;
  subject: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  department: string;
  /** Sent as the `employeeId` claim; the demo roster has an entry with this number. */
  employeeNumber: string;
  groups: string[];
  /** How the sign-in page describes the role (Dutch). */
  roleLabel: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    login: "medewerker",
    employeeNumber: "100001",
    subject: "3f6c1a52-8d0e-4b7a-9c41-0a7e5d2b9f11",
    name: "Sanne de Vries",
    givenName: "Sanne",
    familyName: "de Vries",
    email: "sanne.devries@kempenhaeghe.example",
    department: "Zorg – Kinderneurologie",
    groups: [],
    roleLabel: "Medewerker",
  },
  {
    login: "medewerker2",
    employeeNumber: "100002",
    subject: "b92e7d04-15c3-4f6a-8e2d-7c0b1a9e6d22",
    name: "Daan Janssen",
    givenName: "Daan",
    familyName: "Janssen",
    email: "daan.janssen@kempenhaeghe.example",
    department: "Facilitair bedrijf",
    groups: [],
    roleLabel: "Medewerker",
  },
  {
    login: "hr",
    employeeNumber: "100003",
    subject: "5d0a9c7e-2b41-4e8f-a6d3-9e1c4b7a0f33",
    name: "Fatima El Amrani",
    givenName: "Fatima",
    familyName: "El Amrani",
    email: "fatima.elamrani@kempenhaeghe.example",
    department: "Personeel & Organisatie",
    groups: [DEV_GROUPS.hr],
    roleLabel: "P&O",
  },
  {
    login: "communicatie",
    employeeNumber: "100004",
    subject: "e1b47f90-6a2c-4d95-b8e0-3f5a7c2d1e44",
    name: "Lotte van den Berg",
    givenName: "Lotte",
    familyName: "van den Berg",
    email: "lotte.vandenberg@kempenhaeghe.example",
    department: "Communicatie",
    groups: [DEV_GROUPS.editor],
    roleLabel: "Redactie (Communicatie)",
  },
  {
    login: "beheerder",
    employeeNumber: "100005",
    subject: "7a3e5b21-c9d8-4f06-9a17-2d6e8b4c0f55",
    name: "Joris Bakker",
    givenName: "Joris",
    familyName: "Bakker",
    email: "joris.bakker@kempenhaeghe.example",
    department: "ICT",
    groups: [DEV_GROUPS.admin],
    roleLabel: "Beheerder",
  },
];

export function findAccountBySubject(subject: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.subject === subject);
}

/**
 * Checks a login and password. Unknown logins cost the same comparison as known ones and get the
 * same answer (null), so the result does not reveal which accounts exist.
 */
export function verifyCredentials(login: unknown, password: unknown): DemoAccount | null {
  const normalized = typeof login === "string" ? login.trim().toLowerCase() : "";
  const given = Buffer.from(typeof password === "string" ? password : "");
  const expected = Buffer.from(DEMO_PASSWORD);
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.login === normalized);
  const passwordOk = given.length === expected.length && timingSafeEqual(given, expected);
  return account && passwordOk ? account : null;
}
