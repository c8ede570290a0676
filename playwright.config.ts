import { defineConfig, devices } from "@playwright/test";

// The e2e portal runs on its own ports and data directory, so it never touches a developer's instance.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3101);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
// The portal mails through SMTP on this port. Nothing listens there until a spec starts its own
// server (tests/support/smtp.ts): hr-data.spec.ts does, and checks what arrives. The outbox (no
// SMTP configured) is covered by tests/standalone/outbox.spec.ts and the integration tests.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 2);
export const E2E_MAIL_FROM = "Beleidsportaal Kempenhaeghe <beleidsportaal@kempenhaeghe.example>";
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One portal with one embedded database: specs share it, and the version specs change it.
  workers: 1,
  fullyParallel: false,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "on-first-retry",
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    {
      name: "reading",
      testMatch: /(sign-in|access|reading|print|phone|a11y|permissions|security)\.spec\.ts/,
      dependencies: ["setup"],
      use: chromium,
    },
    {
      // Calls every route as every role; creates only the editor account's acknowledgement.
      name: "authorization",
      testMatch: /authorization\.spec\.ts/,
      dependencies: ["setup"],
      use: chromium,
    },
    {
      name: "acknowledgement",
      testMatch: /acknowledgement\.spec\.ts/,
      dependencies: ["reading"],
      use: chromium,
    },
    {
      // After the acknowledgements, so P&O's numbers include people who acknowledged.
      name: "hr",
      testMatch: /\/hr\.spec\.ts/,
      dependencies: ["acknowledgement"],
      use: chromium,
    },
    {
      // P&O's exports, reminders and erasure, and every P&O address refused to employees and
      // editors. Imports its own roster (everyone else becomes a leaver), so it runs last.
      name: "hr-data",
      testMatch: /hr-data\.spec\.ts/,
      dependencies: ["hr"],
      use: chromium,
    },
    {
      // The editor as Communicatie. Changes only the shared draft and discards it at the end, so
      // it needs nothing but the stored sign-ins and leaves the published text as it was.
      name: "editor",
      testMatch: /editor\.spec\.ts/,
      dependencies: ["setup"],
      use: chromium,
    },
    {
      // Communicatie publishes through the portal and corrects the deadline: it changes the
      // current version everyone reads, so it runs after every other spec.
      name: "publish",
      testMatch: /publish\.spec\.ts/,
      dependencies: ["hr-data"],
      use: chromium,
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM lets the portal close its database and remove the data-directory lock.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DEV_IDP_PORT: String(E2E_IDP_PORT),
      DATA_DIR: E2E_DATA_DIR,
      NEXTAUTH_URL: BASE_URL,
      HOST: "127.0.0.1",
      // The specs set up their own data; the demo roster would only get in their way.
      DEMO_DATA: "off",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: E2E_MAIL_FROM,
    },
  },
});
