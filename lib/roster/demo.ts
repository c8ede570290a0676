import "server-only";

import { count } from "drizzle-orm";
import { acknowledgeVersion } from "@/lib/acknowledgements/queries";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { type Db, getDb } from "@/lib/db/client";
import { employees, rosterEntries } from "@/lib/db/schema";
import { DEMO_ACCOUNTS } from "@/lib/dev-idp/accounts";
import { findCurrentVersion } from "@/lib/policy/versions";
import { applyRosterImport } from "./import";
import type { RosterRow } from "./values";

// A fictional personnel file for the demo environment (development IdP only, see lib/env.ts
// DEMO_DATA), so that P&O sees a populated dashboard on a fresh `npm start`. Deterministic: the
// same people, departments and acknowledgements on every machine.

export const DEMO_ACTOR = { label: "Demo-omgeving (fictieve gegevens)" };
/** Accounts of fictional people: this issuer is no real IdP, so nobody can sign in as them. */
export const DEMO_ISSUER = "urn:kempenhaeghe:demo-personeelsbestand";
export const DEMO_ROSTER_SIZE = 400;
const DEMO_LEAVERS = 8;

const DEPARTMENTS: { name: string; weight: number }[] = [
  { name: "Epilepsiezorg – Kinderen", weight: 60 },
  { name: "Epilepsiezorg – Volwassenen", weight: 70 },
  { name: "Epilepsiezorg – Wonen", weight: 55 },
  { name: "Epilepsiezorg – Polikliniek", weight: 30 },
  { name: "Slaapgeneeskunde", weight: 45 },
  { name: "Onderwijs – De Berkenschutse", weight: 50 },
  { name: "Ondersteunende diensten – Facilitair", weight: 30 },
  { name: "Ondersteunende diensten – ICT", weight: 20 },
  { name: "Ondersteunende diensten – P&O", weight: 14 },
  { name: "Ondersteunende diensten – Communicatie", weight: 8 },
  { name: "Ondersteunende diensten – Financiën", weight: 12 },
];

// The development IdP's demo accounts: their employeeId claim links them to these entries.
const DEMO_ACCOUNT_DEPARTMENTS: Record<string, string> = {
  medewerker: "Epilepsiezorg – Kinderen",
  medewerker2: "Ondersteunende diensten – Facilitair",
  hr: "Ondersteunende diensten – P&O",
  communicatie: "Ondersteunende diensten – Communicatie",
  beheerder: "Ondersteunende diensten – ICT",
};

const FIRST_NAMES = [
  "Anna",
  "Bram",
  "Daan",
  "Emma",
  "Eva",
  "Fenna",
  "Finn",
  "Floor",
  "Gijs",
  "Hanna",
  "Iris",
  "Jesse",
  "Joost",
  "Julia",
  "Koen",
  "Lars",
  "Lieke",
  "Lisa",
  "Luuk",
  "Maartje",
  "Marloes",
  "Mees",
  "Milan",
  "Noor",
  "Olivier",
  "Puck",
  "Roos",
  "Ruben",
  "Sander",
  "Sanne",
  "Sem",
  "Sophie",
  "Stijn",
  "Tess",
  "Thijs",
  "Tim",
  "Vera",
  "Wouter",
  "Yara",
  "Zoë",
  "Ahmed",
  "Aylin",
  "Mohamed",
  "Fatma",
  "Priya",
  "Chen",
  "Mila",
  "Nina",
  "Rik",
  "Bas",
  "Ilse",
  "Marieke",
  "Hanneke",
  "Wim",
  "Geert",
  "Ingrid",
  "Petra",
  "Ellen",
  "Jeroen",
  "Mark",
];
const LAST_NAMES = [
  "de Jong",
  "Jansen",
  "de Vries",
  "van den Berg",
  "van Dijk",
  "Bakker",
  "Janssen",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
  "Smits",
  "de Graaf",
  "van der Meer",
  "van der Linden",
  "Kok",
  "Jacobs",
  "de Haan",
  "Vermeulen",
  "van den Heuvel",
  "van der Veen",
  "van den Broek",
  "de Bruijn",
  "van Beek",
  "Verhoeven",
  "Willems",
  "van Gils",
  "Aarts",
  "van Rooij",
  "Kuijpers",
  "Yilmaz",
  "El Idrissi",
  "Wouters",
  "Maas",
  "Verbeek",
  "Schouten",
  "van Loon",
  "Coenen",
  "Hermans",
];

/**
 * The deadline of the demo's version 1: two weeks before the first start, so that a fresh demo
 * shows acknowledged and overdue employees side by side (the rule has one deadline per version:
 * everyone who has not acknowledged is overdue once it has passed).
 */
export function demoDeadline(now: Date = new Date()): Date {
  const day = new Date(now.getTime() - 14 * 86_400_000);
  day.setUTCHours(22, 59, 0, 0); // 23:59 Amsterdam in winter, 00:59 the next day in summer
  return day;
}

/** mulberry32: small, seeded, good enough to spread fictional people over departments. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

export type DemoPerson = RosterRow & {
  /** Signed in at some point (has an account). */
  hasAccount: boolean;
  acknowledged: boolean;
  leaver: boolean;
};

/** The demo roster: the same every time. */
export function buildDemoRoster(): DemoPerson[] {
  const next = random(20_270_301);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const totalWeight = DEPARTMENTS.reduce((sum, department) => sum + department.weight, 0);
  const pickDepartment = () => {
    let at = next() * totalWeight;
    for (const department of DEPARTMENTS) {
      at -= department.weight;
      if (at < 0) return department.name;
    }
    return DEPARTMENTS[0].name;
  };
  const emails = new Set<string>(DEMO_ACCOUNTS.map((account) => account.email));
  const people: DemoPerson[] = [];
  const managers = new Map<string, string>();

  for (const account of DEMO_ACCOUNTS) {
    people.push({
      employeeNumber: account.employeeNumber,
      name: account.name,
      email: account.email,
      department: DEMO_ACCOUNT_DEPARTMENTS[account.login] ?? pickDepartment(),
      manager: null,
      startDate: "2019-09-01",
      endDate: null,
      // They sign in themselves; the demo does not acknowledge for them.
      hasAccount: false,
      acknowledged: false,
      leaver: false,
    });
  }
  const total = DEMO_ROSTER_SIZE + DEMO_LEAVERS;
  for (let n = people.length + 1; n <= total; n++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    let email = `${slug(first)}.${slug(last)}@kempenhaeghe.example`;
    for (let i = 2; emails.has(email); i++)
      email = `${slug(first)}.${slug(last)}${i}@kempenhaeghe.example`;
    emails.add(email);
    const department = pickDepartment();
    const name = `${first} ${last}`;
    const manager = managers.get(department) ?? null;
    if (!manager) managers.set(department, name);
    const year = 1995 + Math.floor(next() * 31);
    const month = 1 + Math.floor(next() * 12);
    const leaver = n > DEMO_ROSTER_SIZE;
    const hasAccount = next() < 0.8;
    people.push({
      employeeNumber: String(100_000 + n),
      name,
      email,
      department,
      manager,
      startDate: `${year}-${String(month).padStart(2, "0")}-01`,
      endDate: leaver ? "2026-10-31" : null,
      hasAccount,
      acknowledged: hasAccount && next() < 0.7,
      leaver,
    });
  }
  return people;
}

function toRow(person: DemoPerson): RosterRow {
  return {
    employeeNumber: person.employeeNumber,
    name: person.name,
    email: person.email,
    department: person.department,
    manager: person.manager,
    startDate: person.startDate,
    endDate: person.endDate,
  };
}

/** A few accounts that signed in but are on no roster (agency staff, an intern): "unlinked" for HR. */
const UNLINKED_DEMO_ACCOUNTS = [
  {
    subject: "demo-extern-1",
    name: "Kim Verschuren (uitzendkracht)",
    email: "k.verschuren@uitzendbureau.example",
  },
  {
    subject: "demo-extern-2",
    name: "Tom Peeters (stagiair)",
    email: "tom.peeters@student.example",
  },
  {
    subject: "demo-extern-3",
    name: "Laura Gerritsen (gedetacheerd)",
    email: "l.gerritsen@detachering.example",
  },
];

/**
 * Load the demo roster once: when the roster is empty. Imports it through the same domain
 * functions as HR would (two imports: the second marks the leavers), gives most fictional people
 * an account, and lets some acknowledge the current version through acknowledgeVersion.
 */
export async function seedDemoRoster({ db }: { db?: Db } = {}): Promise<{ seeded: boolean }> {
  const executor = db ?? (await getDb());
  const [{ existing }] = await executor.select({ existing: count() }).from(rosterEntries);
  if (existing > 0) return { seeded: false };
  const version = await findCurrentVersion({ policy: DEFAULT_POLICY, db: executor });
  if (!version) return { seeded: false };

  const people = buildDemoRoster();
  await applyRosterImport({
    rows: people.map(toRow),
    actor: DEMO_ACTOR,
    fileName: "demo-personeelsbestand.csv",
    db: executor,
  });

  const withAccount = people.filter((person) => person.hasAccount);
  const accounts = await executor
    .insert(employees)
    .values([
      ...withAccount.map((person) => ({
        issuer: DEMO_ISSUER,
        subject: `demo-${person.employeeNumber}`,
        name: person.name,
        email: person.email,
        department: person.department,
        lastSignInAt: new Date(),
        rosterEmployeeNumber: person.employeeNumber,
        claimedEmployeeNumber: person.employeeNumber,
        emailVerified: true,
      })),
      ...UNLINKED_DEMO_ACCOUNTS.map((account) => ({
        issuer: DEMO_ISSUER,
        subject: account.subject,
        name: account.name,
        email: account.email,
        department: null,
        lastSignInAt: new Date(),
        emailVerified: true,
      })),
    ])
    .onConflictDoNothing()
    .returning({ id: employees.id, employeeNumber: employees.rosterEmployeeNumber });
  const idByNumber = new Map(accounts.map((account) => [account.employeeNumber, account.id]));

  for (const person of people) {
    const employeeId = idByNumber.get(person.employeeNumber);
    if (!person.acknowledged || employeeId === undefined) continue;
    await acknowledgeVersion({
      employeeId,
      versionId: version.id,
      contentHash: version.contentHash,
      userAgent: "Demo-omgeving",
      db: executor,
    });
  }

  // The second night's file no longer lists the leavers: they are marked as left, acknowledgements kept.
  await applyRosterImport({
    rows: people.filter((person) => !person.leaver).map(toRow),
    actor: DEMO_ACTOR,
    fileName: "demo-personeelsbestand.csv",
    db: executor,
  });
  return { seeded: true };
}
