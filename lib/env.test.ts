import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEV_CLIENT_ID, EnvError, OUTBOX_MAIL_FROM, parseEnv } from "./env";
import { readOrCreateDataDirSecret } from "./secrets";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-env-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const external = {
  OIDC_ISSUER: "https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9/v2.0/",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: "client-secret",
  NEXTAUTH_SECRET: "x".repeat(32),
  NEXTAUTH_URL: "https://beleid.kempenhaeghe.nl",
};

function problemsOf(raw: Record<string, string | undefined>): EnvError["problems"] {
  try {
    parseEnv(raw, { cwd: dir });
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv: development sign-in (no OIDC_ISSUER)", () => {
  it("uses the documented defaults and the development IdP", () => {
    const env = parseEnv({ DATA_DIR: "data" }, { cwd: dir });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: undefined,
      NEXTAUTH_URL: "http://localhost:3000",
      OIDC_ISSUER: "http://127.0.0.1:3001",
      OIDC_CLIENT_ID: DEV_CLIENT_ID,
      OIDC_SCOPE: "openid profile email",
      OIDC_GROUPS_CLAIM: "groups",
      OIDC_DEPARTMENT_CLAIM: "department",
      ROLE_HR_GROUPS: ["portaal-po"],
      ROLE_EDITOR_GROUPS: ["portaal-redactie"],
      ROLE_ADMIN_GROUPS: ["portaal-beheer"],
      DEV_IDP_PORT: 3001,
      DEV_IDP: true,
      DERIVED: { NEXTAUTH_URL: true, NEXTAUTH_SECRET: true },
      MIGRATION_DATABASE_URL: undefined,
      // Beside the data directory, never inside it.
      CHECKPOINT_DIR: path.join(dir, "data-checkpoints"),
      CHECKPOINT_KEY_FILE: path.join(dir, "data-checkpoints", "signing-key.pem"),
      CHECKPOINT_INTERVAL_MINUTES: 15,
    });
  });

  it("takes the checkpoint folder and key from the environment, and wants DATABASE_URL beside MIGRATION_DATABASE_URL", () => {
    const env = parseEnv(
      {
        DATA_DIR: "data",
        CHECKPOINT_DIR: "/srv/checkpoints",
        CHECKPOINT_KEY_FILE: "/etc/portaal/checkpoint.pem",
        CHECKPOINT_INTERVAL_MINUTES: "5",
      },
      { cwd: dir },
    );
    expect(env.CHECKPOINT_DIR).toBe("/srv/checkpoints");
    expect(env.CHECKPOINT_KEY_FILE).toBe("/etc/portaal/checkpoint.pem");
    expect(env.CHECKPOINT_INTERVAL_MINUTES).toBe(5);
    expect(
      problemsOf({ DATA_DIR: "a", MIGRATION_DATABASE_URL: "postgres://owner@db/portaal" }),
    ).toEqual([
      {
        name: "MIGRATION_DATABASE_URL",
        message: "needs DATABASE_URL too (the application role's URL)",
      },
    ]);
  });

  it("generates one secret in the data directory, private to the owner, and derives the same values from it", () => {
    const first = parseEnv({ DATA_DIR: "fresh/nested" }, { cwd: dir });
    const file = path.join(dir, "fresh", "nested", "secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);

    const second = parseEnv({ DATA_DIR: "fresh/nested" }, { cwd: dir });
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(second.OIDC_CLIENT_SECRET).toBe(first.OIDC_CLIENT_SECRET);
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.NEXTAUTH_SECRET).not.toBe(first.OIDC_CLIENT_SECRET);

    const other = parseEnv({ DATA_DIR: "other" }, { cwd: dir });
    expect(other.NEXTAUTH_SECRET).not.toBe(first.NEXTAUTH_SECRET);
  });

  it("agrees on one secret when many callers race to create it", async () => {
    const target = path.join(dir, "race");
    const secrets = await Promise.all(
      Array.from({ length: 20 }, async () => readOrCreateDataDirSecret(target)),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(fs.readdirSync(target)).toEqual(["secret"]);
  });

  it("follows PORT and DEV_IDP_PORT, for instances side by side", () => {
    const env = parseEnv({ DATA_DIR: "a", PORT: "3200", DEV_IDP_PORT: "3201" }, { cwd: dir });
    expect(env.NEXTAUTH_URL).toBe("http://localhost:3200");
    expect(env.OIDC_ISSUER).toBe("http://127.0.0.1:3201");
  });

  it("treats empty values as unset", () => {
    const env = parseEnv(
      { DATA_DIR: "a", PORT: "", DATABASE_URL: " ", OIDC_ISSUER: "" },
      { cwd: dir },
    );
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEV_IDP).toBe(true);
  });

  it("refuses to run the IdP on the portal's port", () => {
    expect(problemsOf({ DATA_DIR: "a", PORT: "3005", DEV_IDP_PORT: "3005" })).toEqual([
      { name: "DEV_IDP_PORT", message: expect.stringContaining("PORT") },
    ]);
  });

  it("puts the IdP beside the portal by default, so a second instance needs only PORT and DATA_DIR", () => {
    const second = parseEnv({ DATA_DIR: "b", PORT: "3010" }, { cwd: dir });
    expect(second.DEV_IDP_PORT).toBe(3011);
    expect(second.OIDC_ISSUER).toBe("http://127.0.0.1:3011");
  });
});

describe("parseEnv: the demo sign-in fails closed", () => {
  it.each(["0.0.0.0", "::", "10.1.2.3", "beleid.kempenhaeghe.nl"])(
    "refuses the demo sign-in when the portal listens on %s, and says why and what to do",
    (host) => {
      const problems = problemsOf({ HOST: host, DATA_DIR: "data" });
      expect(problems).toHaveLength(1);
      expect(problems[0].name).toBe("OIDC_ISSUER");
      expect(problems[0].message).toContain('"beheerder" with password "demo"');
      expect(problems[0].message).toContain(`HOST is ${host}`);
      expect(problems[0].message).toContain("DEMO=1");
      expect(problems[0].message).toContain("HOST=127.0.0.1");
      // Refused before anything is written: no data directory, no secret.
      expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
    },
  );

  it.each(["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost"])(
    "starts the demo sign-in on loopback (%s)",
    (host) => {
      expect(parseEnv({ HOST: host, DATA_DIR: "data" }, { cwd: dir })).toMatchObject({
        DEV_IDP: true,
        DEMO: false,
      });
    },
  );

  it("starts the demo sign-in on another interface only with DEMO=1", () => {
    expect(parseEnv({ HOST: "0.0.0.0", DEMO: "1", DATA_DIR: "data" }, { cwd: dir })).toMatchObject({
      DEV_IDP: true,
      DEMO: true,
      HOST: "0.0.0.0",
    });
    expect(problemsOf({ HOST: "0.0.0.0", DEMO: "yes" })[0].name).toBe("DEMO");
  });

  it("needs nothing of the kind with an external identity provider", () => {
    expect(parseEnv({ ...external, HOST: "0.0.0.0" }, { cwd: dir })).toMatchObject({
      DEV_IDP: false,
      HOST: "0.0.0.0",
    });
  });
});

describe("parseEnv: external identity provider", () => {
  it("uses the issuer, client and secret as given, and maps no groups until configured", () => {
    const env = parseEnv({ ...external, DATA_DIR: "a" }, { cwd: dir });
    expect(env).toMatchObject({
      DEV_IDP: false,
      OIDC_ISSUER: "https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9/v2.0",
      OIDC_CLIENT_ID: "portal",
      OIDC_CLIENT_SECRET: "client-secret",
      NEXTAUTH_SECRET: "x".repeat(32),
      NEXTAUTH_URL: "https://beleid.kempenhaeghe.nl",
      ROLE_HR_GROUPS: [],
      ROLE_EDITOR_GROUPS: [],
      ROLE_ADMIN_GROUPS: [],
    });
    // No demo secret is created for an external IdP.
    expect(fs.existsSync(path.join(dir, "a", "secret"))).toBe(false);
  });

  it("stops with a clear message when NEXTAUTH_SECRET is missing", () => {
    const problems = problemsOf({ ...external, NEXTAUTH_SECRET: undefined });
    expect(problems).toEqual([
      {
        name: "NEXTAUTH_SECRET",
        message: expect.stringContaining("required when OIDC_ISSUER is set"),
      },
    ]);
  });

  it("refuses a NEXTAUTH_SECRET shorter than 32 characters", () => {
    expect(problemsOf({ ...external, NEXTAUTH_SECRET: "too-short" })).toEqual([
      { name: "NEXTAUTH_SECRET", message: expect.stringContaining("at least 32") },
    ]);
  });

  it("needs issuer, client id and client secret together", () => {
    const problems = problemsOf({
      OIDC_ISSUER: external.OIDC_ISSUER,
      NEXTAUTH_SECRET: external.NEXTAUTH_SECRET,
    });
    expect(problems.map((p) => p.name)).toEqual(["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]);
    expect(
      problemsOf({ OIDC_CLIENT_ID: "x", NEXTAUTH_SECRET: external.NEXTAUTH_SECRET }).map(
        (p) => p.name,
      ),
    ).toEqual(["OIDC_ISSUER", "OIDC_CLIENT_SECRET"]);
  });

  it("requires https for a remote issuer", () => {
    expect(problemsOf({ ...external, OIDC_ISSUER: "http://idp.example.org/realms/x" })).toEqual([
      { name: "OIDC_ISSUER", message: expect.stringContaining("https") },
    ]);
    expect(
      parseEnv({ ...external, OIDC_ISSUER: "http://localhost:8080/realms/portal" }, { cwd: dir })
        .OIDC_ISSUER,
    ).toBe("http://localhost:8080/realms/portal");
  });

  it("reads role groups as a comma-separated list of names or object ids", () => {
    const env = parseEnv(
      {
        ...external,
        ROLE_HR_GROUPS: " P&O-portaal , 1b2c3d4e-0000-4000-8000-000000000001,,",
        ROLE_ADMIN_GROUPS: "ict-beheer",
      },
      { cwd: dir },
    );
    expect(env.ROLE_HR_GROUPS).toEqual(["P&O-portaal", "1b2c3d4e-0000-4000-8000-000000000001"]);
    expect(env.ROLE_EDITOR_GROUPS).toEqual([]);
    expect(env.ROLE_ADMIN_GROUPS).toEqual(["ict-beheer"]);
  });
});

describe("parseEnv: invalid values name the variable", () => {
  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DEV_IDP_PORT: "3.5" }, "DEV_IDP_PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ NEXTAUTH_URL: "localhost:3000" }, "NEXTAUTH_URL"],
    [{ NEXTAUTH_URL: "not a url" }, "NEXTAUTH_URL"],
    [{ NEXTAUTH_URL: "https://portal.example.org/portaal" }, "NEXTAUTH_URL"],
    [{ OIDC_SCOPE: "profile email" }, "OIDC_SCOPE"],
    [{ OIDC_GROUPS_CLAIM: "groups claim" }, "OIDC_GROUPS_CLAIM"],
  ])("%o is refused as %s", (raw, name) => {
    const problems = problemsOf({ DATA_DIR: "a", ...raw });
    expect(problems.map((p) => p.name)).toEqual([name]);
  });

  it("lists every bad variable at once in its message", () => {
    try {
      parseEnv({ PORT: "x", DATABASE_URL: "nope" }, { cwd: dir });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: must be a port number/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
    }
  });

  it("accepts postgres and postgresql URLs", () => {
    expect(
      parseEnv(
        { DATA_DIR: "a", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" },
        { cwd: dir },
      ).DATABASE_URL,
    ).toBe("postgres://postgres@127.0.0.1:5432/test");
    expect(
      parseEnv({ DATA_DIR: "a", DATABASE_URL: "postgresql://u:p@db/portal" }, { cwd: dir })
        .DATABASE_URL,
    ).toBe("postgresql://u:p@db/portal");
  });
});

describe("parseEnv: roster", () => {
  it("reads the employee number from the employeeId claim unless told otherwise", () => {
    expect(parseEnv({ DATA_DIR: "a" }, { cwd: dir }).ROSTER_EMPLOYEE_NUMBER_CLAIM).toBe(
      "employeeId",
    );
    expect(
      parseEnv(
        { DATA_DIR: "a", ROSTER_EMPLOYEE_NUMBER_CLAIM: "extension_personeelsnr" },
        { cwd: dir },
      ).ROSTER_EMPLOYEE_NUMBER_CLAIM,
    ).toBe("extension_personeelsnr");
  });

  it("loads demo data only with the development IdP, and can be switched off", () => {
    expect(parseEnv({ DATA_DIR: "a" }, { cwd: dir }).DEMO_DATA).toBe(true);
    expect(parseEnv({ DATA_DIR: "a", DEMO_DATA: "off" }, { cwd: dir }).DEMO_DATA).toBe(false);
    expect(parseEnv({ ...external, DATA_DIR: "a", DEMO_DATA: "on" }, { cwd: dir }).DEMO_DATA).toBe(
      false,
    );
    expect(problemsOf({ DATA_DIR: "a", DEMO_DATA: "ja" })).toEqual([
      { name: "DEMO_DATA", message: 'must be "on" or "off"' },
    ]);
  });
});

describe("parseEnv: outgoing mail", () => {
  const from = "Beleidsportaal <beleid@kempenhaeghe.nl>";

  it("without SMTP settings, keeps mail in the database outbox with a local sender", () => {
    expect(parseEnv({ DATA_DIR: "a" }, { cwd: dir }).MAIL).toEqual({
      transport: "outbox",
      from: OUTBOX_MAIL_FROM,
    });
  });

  it("takes a whole SMTP_URL", () => {
    const env = parseEnv(
      { DATA_DIR: "a", SMTP_URL: "smtps://u:p@mail.kempenhaeghe.nl:465", MAIL_FROM: from },
      { cwd: dir },
    );
    expect(env.MAIL).toEqual({
      transport: "smtp",
      from,
      smtp: { url: "smtps://u:p@mail.kempenhaeghe.nl:465" },
    });
  });

  it("builds SMTP from host, port, login and TLS, with port 587 (STARTTLS) or 465 (TLS) by default", () => {
    const plain = parseEnv(
      { DATA_DIR: "a", SMTP_HOST: "mail.kempenhaeghe.nl", MAIL_FROM: from },
      { cwd: dir },
    );
    expect(plain.MAIL).toEqual({
      transport: "smtp",
      from,
      smtp: { host: "mail.kempenhaeghe.nl", port: 587, secure: false, auth: null },
    });
    const tls = parseEnv(
      {
        DATA_DIR: "a",
        SMTP_HOST: "mail.kempenhaeghe.nl",
        SMTP_SECURE: "true",
        SMTP_USER: "portaal",
        SMTP_PASSWORD: "geheim",
        MAIL_FROM: from,
      },
      { cwd: dir },
    );
    expect(tls.MAIL).toEqual({
      transport: "smtp",
      from,
      smtp: {
        host: "mail.kempenhaeghe.nl",
        port: 465,
        secure: true,
        auth: { user: "portaal", pass: "geheim" },
      },
    });
  });

  it.each([
    [{ SMTP_HOST: "mail.example.org" }, ["MAIL_FROM"]],
    [{ SMTP_URL: "https://mail.example.org", MAIL_FROM: from }, ["SMTP_URL"]],
    [{ SMTP_URL: "smtp://a", SMTP_HOST: "b", MAIL_FROM: from }, ["SMTP_URL"]],
    [{ SMTP_URL: "smtp://a", SMTP_PORT: "25", MAIL_FROM: from }, ["SMTP_PORT"]],
    [{ SMTP_PORT: "25" }, ["SMTP_PORT"]],
    [{ SMTP_HOST: "a", SMTP_USER: "u", MAIL_FROM: from }, ["SMTP_PASSWORD"]],
    [{ SMTP_HOST: "a", SMTP_SECURE: "yes", MAIL_FROM: from }, ["SMTP_SECURE"]],
    [{ MAIL_FROM: "beleid" }, ["MAIL_FROM"]],
    [{ MAIL_FROM: "Beleid <a@b>\r\nBcc: x@y" }, ["MAIL_FROM"]],
  ])("%o is refused naming %o", (raw, names) => {
    expect(problemsOf({ DATA_DIR: "a", ...raw }).map((p) => p.name)).toEqual(names);
  });
});

describe("parseEnv: contact details in the footer", () => {
  it("has demo defaults, and takes the organisation's own", () => {
    expect(parseEnv({ DATA_DIR: "a" }, { cwd: dir }).CONTACTS.communicatie).toEqual({
      email: "communicatie@kempenhaeghe.example",
      phone: "040 123 45 01",
      intranetUrl: "https://intranet.kempenhaeghe.example/communicatie",
    });
    const env = parseEnv(
      {
        DATA_DIR: "a",
        CONTACT_PO_EMAIL: "po@kempenhaeghe.nl",
        CONTACT_PO_PHONE: "+31 40 227 90 00",
        CONTACT_PO_URL: "https://intranet.kempenhaeghe.nl/po",
      },
      { cwd: dir },
    );
    expect(env.CONTACTS.po).toEqual({
      email: "po@kempenhaeghe.nl",
      phone: "+31 40 227 90 00",
      intranetUrl: "https://intranet.kempenhaeghe.nl/po",
    });
  });

  it("names a contact variable that is not what it should be", () => {
    const problems = problemsOf({
      DATA_DIR: "a",
      CONTACT_COMMUNICATIE_EMAIL: "communicatie",
      CONTACT_PO_PHONE: "bel ons",
      CONTACT_PO_URL: "javascript:alert(1)",
    });
    expect(problems.map((problem) => problem.name).sort()).toEqual([
      "CONTACT_COMMUNICATIE_EMAIL",
      "CONTACT_PO_PHONE",
      "CONTACT_PO_URL",
    ]);
  });
});
