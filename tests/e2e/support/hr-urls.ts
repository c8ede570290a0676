// Every P&O address in one list, so the authorization spec (hr-access.spec.ts) refuses employees
// and editors on all of them. A new P&O page, route handler or server action belongs here.

/** Pages: someone without the permission gets the 403 page. */
export const HR_PAGES = [
  "/hr",
  "/hr/medewerkers",
  "/hr/medewerkers?status=openstaand&afdeling=Epilepsiezorg",
  "/hr/medewerkers/100001",
  "/hr/medewerkers/account/1",
  "/hr/controleren",
  "/hr/bevestigingen/1",
  "/hr/personeelsbestand",
  "/hr/herinneringen",
  "/hr/bewaartermijn",
] as const;

/** Route handlers: a 403 response, no data. */
export const HR_ROUTES = [
  { method: "GET", url: "/hr/export.csv" },
  { method: "GET", url: "/hr/export.xlsx?status=openstaand" },
  { method: "GET", url: "/hr/bevestigingen/1/pdf" },
  { method: "POST", url: "/hr/personeelsbestand/upload" },
] as const;

/** Server actions, by the page whose form sends them and that form's button (recorded as P&O). */
export const HR_ACTIONS = [
  {
    name: "sendRemindersAction",
    // Leavers are never outstanding: recording the request sends nothing.
    page: "/hr/herinneringen?status=uit-dienst",
    button: "Herinnering sturen aan iedereen in dit filter",
  },
  {
    name: "erasePersonalDataAction",
    page: "/hr/bewaartermijn",
    button: "Gegevens definitief wissen",
  },
] as const;
