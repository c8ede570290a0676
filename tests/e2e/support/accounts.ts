import path from "node:path";

/** Demo accounts of the development identity provider (password "demo"). */
export const accounts = {
  medewerker: { login: "medewerker" },
  medewerker2: { login: "medewerker2" },
  hr: { login: "hr" },
  communicatie: { login: "communicatie" },
  beheerder: { login: "beheerder" },
} as const;

export type AccountLogin = keyof typeof accounts;

export function storageStatePath(login: AccountLogin): string {
  return path.join("tests", "e2e", ".auth", `${login}.json`);
}
