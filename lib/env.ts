import "server-only";

// The portal's configuration: every environment variable it reads, validated in one place.
// Relative imports on purpose: the launcher loads this file through tsx, outside Next's bundler.
import path from "node:path";
import { z } from "zod";
import { DEV_GROUPS } from "./dev-idp/accounts";
import { deriveSecret, readOrCreateDataDirSecret } from "./secrets";

/** The development IdP's one client: the portal. */
export const DEV_CLIENT_ID = "kempenhaeghe-portaal-dev";
export const MIN_SECRET_LENGTH = 32;

export type Env = {
  PORT: number;
  HOST: string;
  /** Absolute path. */
  DATA_DIR: string;
  DATABASE_URL: string | undefined;
  /**
   * PostgreSQL only: the migration owner's URL. When set, migrations and grants run with it and
   * DATABASE_URL is the application role (SELECT and INSERT only on the evidence tables).
   */
  MIGRATION_DATABASE_URL: string | undefined;
  /** Absolute path: where signed audit checkpoints are appended; outside DATA_DIR by default. */
  CHECKPOINT_DIR: string;
  /** Absolute path of the Ed25519 signing key (created on first use, mode 0600). */
  CHECKPOINT_KEY_FILE: string;
  CHECKPOINT_INTERVAL_MINUTES: number;
  /** The portal's origin, without a trailing slash. */
  NEXTAUTH_URL: string;
  NEXTAUTH_SECRET: string;
  /** The external issuer, or the development IdP's when DEV_IDP is true. No trailing slash. */
  OIDC_ISSUER: string;
  OIDC_CLIENT_ID: string;
  OIDC_CLIENT_SECRET: string;
  OIDC_SCOPE: string;
  OIDC_GROUPS_CLAIM: string;
  OIDC_DEPARTMENT_CLAIM: string;
  /** ID-token claim holding the employee number that links an account to the roster. */
  ROSTER_EMPLOYEE_NUMBER_CLAIM: string;
  ROLE_HR_GROUPS: string[];
  ROLE_EDITOR_GROUPS: string[];
  ROLE_ADMIN_GROUPS: string[];
  DEV_IDP_PORT: number;
  /** True when no OIDC_ISSUER is configured: the development IdP signs people in. */
  DEV_IDP: boolean;
  /** Load the demo roster at startup (only ever with the development IdP). */
  DEMO_DATA: boolean;
  /** How readers reach the departments named in the footer. */
  CONTACTS: { communicatie: Contact; po: Contact };
  /** DEMO=1: the operator chose to run the demo sign-in on an interface other than loopback. */
  DEMO: boolean;
  /** Which values were not given but derived (the launcher passes them on to Next). */
  DERIVED: { NEXTAUTH_URL: boolean; NEXTAUTH_SECRET: boolean };
  /** Outgoing mail: SMTP when configured, else the database outbox (development only). */
  MAIL: MailSettings;
  /** BENCH_FLOOR=1: /vloer answers (the benchmark's floor page, bench/README.md); else it is a 404. */
  BENCH_FLOOR: boolean;
};

export type SmtpSettings =
  | { url: string }
  | {
      host: string;
      port: number;
      secure: boolean;
      auth: { user: string; pass: string } | null;
    };

export type MailSettings =
  { transport: "smtp"; from: string; smtp: SmtpSettings } | { transport: "outbox"; from: string };

/** The sender when no SMTP is configured: outbox mail never leaves the database. */
export const OUTBOX_MAIL_FROM = "Beleidsportaal Kempenhaeghe <beleidsportaal@localhost>";
export type Contact = { email: string; phone: string; intranetUrl: string };

export class EnvError extends Error {
  constructor(public problems: { name: string; message: string }[]) {
    super(
      [
        "Invalid configuration (environment variables):",
        ...problems.map((p) => `  - ${p.name}: ${p.message}`),
      ].join("\n"),
    );
    this.name = "EnvError";
  }
}

const KEYS = [
  "PORT",
  "HOST",
  "DATA_DIR",
  "DATABASE_URL",
  "MIGRATION_DATABASE_URL",
  "CHECKPOINT_DIR",
  "CHECKPOINT_KEY_FILE",
  "CHECKPOINT_INTERVAL_MINUTES",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_SCOPE",
  "OIDC_GROUPS_CLAIM",
  "OIDC_DEPARTMENT_CLAIM",
  "ROSTER_EMPLOYEE_NUMBER_CLAIM",
  "ROLE_HR_GROUPS",
  "ROLE_EDITOR_GROUPS",
  "ROLE_ADMIN_GROUPS",
  "DEV_IDP_PORT",
  "DEMO_DATA",
  "SMTP_URL",
  "SMTP_HOST",
  "SMTP_PORT",
  "SMTP_USER",
  "SMTP_PASSWORD",
  "SMTP_SECURE",
  "MAIL_FROM",
  "CONTACT_COMMUNICATIE_EMAIL",
  "CONTACT_COMMUNICATIE_PHONE",
  "CONTACT_COMMUNICATIE_URL",
  "CONTACT_PO_EMAIL",
  "CONTACT_PO_PHONE",
  "CONTACT_PO_URL",
  "DEMO",
  "BENCH_FLOOR",
] as const;

const port = z.coerce
  .number({ error: "must be a port number" })
  .int({ error: "must be a whole number" })
  .min(1, { error: "must be between 1 and 65535" })
  .max(65535, { error: "must be between 1 and 65535" });

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  },
  // Later checks parse the URL, so stop here when it is not one.
  { error: "must be an http(s) URL", abort: true },
);

const claimName = z
  .string()
  .regex(/^[\w.:/-]+$/, { error: "must be a claim name (letters, digits, _ . : / -)" });

const email = z.email({ error: "must be an e-mail address such as communicatie@kempenhaeghe.nl" });
const phone = z.string().regex(/^\+?[0-9][0-9 ()-]{5,24}$/, {
  error: "must be a telephone number such as 040 123 45 67 or +31 40 123 45 67",
});

const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/\S+$/.test(value), {
      error: "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
    })
    .optional(),
  MIGRATION_DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/\S+$/.test(value), {
      error: "must be a PostgreSQL URL such as postgres://owner:password@host:5432/database",
    })
    .optional(),
  CHECKPOINT_DIR: z.string().optional(),
  CHECKPOINT_KEY_FILE: z.string().optional(),
  CHECKPOINT_INTERVAL_MINUTES: z.coerce
    .number({ error: "must be a number of minutes" })
    .int({ error: "must be a whole number of minutes" })
    .min(1, { error: "must be between 1 and 1440" })
    .max(1440, { error: "must be between 1 and 1440" })
    .default(15),
  NEXTAUTH_URL: httpUrl
    .refine(
      (value) => {
        const url = new URL(value);
        return url.pathname === "/" && !url.search && !url.hash;
      },
      { error: "must be the portal's origin without a path, e.g. https://beleid.kempenhaeghe.nl" },
    )
    .optional(),
  NEXTAUTH_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, {
      error: `must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32)`,
    })
    .optional(),
  OIDC_ISSUER: httpUrl
    .refine(
      (value) => {
        const url = new URL(value);
        return url.protocol === "https:" || isLoopback(url.hostname);
      },
      { error: "must use https (plain http is only accepted for localhost)" },
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPE: z
    .string()
    .refine((value) => value.split(/\s+/).includes("openid"), { error: 'must include "openid"' })
    .default("openid profile email"),
  OIDC_GROUPS_CLAIM: claimName.default("groups"),
  OIDC_DEPARTMENT_CLAIM: claimName.default("department"),
  ROSTER_EMPLOYEE_NUMBER_CLAIM: claimName.default("employeeId"),
  ROLE_HR_GROUPS: z.string().optional(),
  ROLE_EDITOR_GROUPS: z.string().optional(),
  ROLE_ADMIN_GROUPS: z.string().optional(),
  // Defaults to PORT + 1 (3001 beside the default 3000), so instances side by side need only PORT and DATA_DIR.
  DEV_IDP_PORT: port.optional(),
  DEMO_DATA: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  SMTP_URL: z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "smtp:" || url.protocol === "smtps:") && Boolean(url.hostname);
        } catch {
          return false;
        }
      },
      {
        error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587",
      },
    )
    .optional(),
  SMTP_HOST: z
    .string()
    .regex(/^[\w.:[\]-]+$/, { error: "must be a host name or IP address" })
    .optional(),
  SMTP_PORT: port.optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z
    .enum(["true", "false"], { error: 'must be "true" (TLS from the start, port 465) or "false"' })
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((value) => MAIL_ADDRESS.test(value), {
      error: 'must be an address, optionally with a name: "Beleidsportaal <beleid@example.org>"',
    })
    .optional(),
  // Demo values until the organisation's own are set (see .env.example).
  CONTACT_COMMUNICATIE_EMAIL: email.default("communicatie@kempenhaeghe.example"),
  CONTACT_COMMUNICATIE_PHONE: phone.default("040 123 45 01"),
  CONTACT_COMMUNICATIE_URL: httpUrl.default("https://intranet.kempenhaeghe.example/communicatie"),
  CONTACT_PO_EMAIL: email.default("po@kempenhaeghe.example"),
  CONTACT_PO_PHONE: phone.default("040 123 45 02"),
  CONTACT_PO_URL: httpUrl.default("https://intranet.kempenhaeghe.example/personeel-en-organisatie"),
  DEMO: z.enum(["0", "1"], { error: 'must be "1" (or unset)' }).optional(),
  BENCH_FLOOR: z.enum(["0", "1"], { error: 'must be "1" (or unset)' }).optional(),
});

// "addr@host" or "Display Name <addr@host>"; no line breaks (header injection).
const MAIL_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    hostname === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

function groupList(value: string | undefined, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  return value
    .split(",")
    .map((group) => group.trim())
    .filter(Boolean);
}

export type ParseEnvOptions = {
  /** Where the demo setup's secret comes from; tests may replace it. */
  readDataDirSecret?: (dataDir: string) => string;
  /** Resolves a relative DATA_DIR; defaults to the working directory. */
  cwd?: string;
};

/**
 * Validates a raw environment. Empty values count as unset. Throws EnvError naming every bad
 * variable. Without OIDC_ISSUER, reads (or creates) the data directory's secret.
 */
export function parseEnv(
  raw: Record<string, string | undefined>,
  options: ParseEnvOptions = {},
): Env {
  const cleaned: Record<string, string | undefined> = {};
  for (const key of KEYS) {
    const value = raw[key]?.trim();
    cleaned[key] = value ? value : undefined;
  }

  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        name: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  const values = { ...result.data, DEV_IDP_PORT: result.data.DEV_IDP_PORT ?? result.data.PORT + 1 };
  const problems: { name: string; message: string }[] = [];

  const oidcGiven = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter(
    (key) => values[key],
  );
  if (oidcGiven.length > 0 && oidcGiven.length < 3) {
    for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
      if (!values[key]) {
        problems.push({
          name: key,
          message: `is required when ${oidcGiven.join(" and ")} ${oidcGiven.length === 1 ? "is" : "are"} set (set all three, or none for the development sign-in)`,
        });
      }
    }
  }
  const devIdp = oidcGiven.length === 0;

  if (!devIdp && !values.NEXTAUTH_SECRET) {
    problems.push({
      name: "NEXTAUTH_SECRET",
      message: `is required when OIDC_ISSUER is set: a random value of at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32)`,
    });
  }
  if (values.MIGRATION_DATABASE_URL && !values.DATABASE_URL) {
    problems.push({
      name: "MIGRATION_DATABASE_URL",
      message: "needs DATABASE_URL too (the application role's URL)",
    });
  }
  // Fail closed: the demo accounts share one known password, so they must not be reachable from
  // the network by accident. Production without OIDC_ISSUER on 0.0.0.0 is refused, not served.
  const demo = values.DEMO === "1";
  if (devIdp && !isLoopback(values.HOST) && !demo) {
    problems.push({
      name: "OIDC_ISSUER",
      message:
        `is not set, so the demo sign-in would start, where anyone can sign in as "beheerder" with password "demo"; ` +
        `that is only allowed when the portal listens on loopback, and HOST is ${values.HOST}. ` +
        "Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for your identity provider, " +
        "or set HOST=127.0.0.1, or set DEMO=1 to expose the demo on purpose.",
    });
  }
  if (devIdp && values.DEV_IDP_PORT === values.PORT) {
    problems.push({ name: "DEV_IDP_PORT", message: `must differ from PORT (${values.PORT})` });
  }
  const mail = mailSettings(values, problems);
  if (problems.length > 0) throw new EnvError(problems);

  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, values.DATA_DIR);
  // Beside the data directory, not in it: a restored or copied data directory (or database)
  // must not bring its own checkpoints along.
  const checkpointDir = path.resolve(cwd, values.CHECKPOINT_DIR ?? `${dataDir}-checkpoints`);
  const nextAuthUrl = values.NEXTAUTH_URL
    ? new URL(values.NEXTAUTH_URL).origin
    : `http://localhost:${values.PORT}`;

  let nextAuthSecret = values.NEXTAUTH_SECRET;
  let issuer: string;
  let clientId: string;
  let clientSecret: string;
  if (devIdp) {
    const master = (options.readDataDirSecret ?? readOrCreateDataDirSecret)(dataDir);
    nextAuthSecret ??= deriveSecret(master, "nextauth-secret");
    issuer = `http://127.0.0.1:${values.DEV_IDP_PORT}`;
    clientId = DEV_CLIENT_ID;
    clientSecret = deriveSecret(master, "dev-idp-client-secret");
  } else {
    issuer = values.OIDC_ISSUER!.replace(/\/+$/, "");
    clientId = values.OIDC_CLIENT_ID!;
    clientSecret = values.OIDC_CLIENT_SECRET!;
  }

  return {
    PORT: values.PORT,
    HOST: values.HOST,
    DATA_DIR: dataDir,
    DATABASE_URL: values.DATABASE_URL,
    MIGRATION_DATABASE_URL: values.MIGRATION_DATABASE_URL,
    CHECKPOINT_DIR: checkpointDir,
    CHECKPOINT_KEY_FILE: path.resolve(
      cwd,
      values.CHECKPOINT_KEY_FILE ?? path.join(checkpointDir, "signing-key.pem"),
    ),
    CHECKPOINT_INTERVAL_MINUTES: values.CHECKPOINT_INTERVAL_MINUTES,
    NEXTAUTH_URL: nextAuthUrl,
    NEXTAUTH_SECRET: nextAuthSecret!,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_SCOPE: values.OIDC_SCOPE,
    OIDC_GROUPS_CLAIM: values.OIDC_GROUPS_CLAIM,
    OIDC_DEPARTMENT_CLAIM: values.OIDC_DEPARTMENT_CLAIM,
    ROSTER_EMPLOYEE_NUMBER_CLAIM: values.ROSTER_EMPLOYEE_NUMBER_CLAIM,
    // The demo groups only mean something when the demo IdP issued them.
    ROLE_HR_GROUPS: groupList(values.ROLE_HR_GROUPS, devIdp ? [DEV_GROUPS.hr] : []),
    ROLE_EDITOR_GROUPS: groupList(values.ROLE_EDITOR_GROUPS, devIdp ? [DEV_GROUPS.editor] : []),
    ROLE_ADMIN_GROUPS: groupList(values.ROLE_ADMIN_GROUPS, devIdp ? [DEV_GROUPS.admin] : []),
    DEV_IDP_PORT: values.DEV_IDP_PORT,
    DEV_IDP: devIdp,
    // Fictional people in a real deployment would pollute HR's reports: demo data needs the demo IdP.
    DEMO_DATA: devIdp && values.DEMO_DATA === "on",
    CONTACTS: {
      communicatie: {
        email: values.CONTACT_COMMUNICATIE_EMAIL,
        phone: values.CONTACT_COMMUNICATIE_PHONE,
        intranetUrl: values.CONTACT_COMMUNICATIE_URL,
      },
      po: {
        email: values.CONTACT_PO_EMAIL,
        phone: values.CONTACT_PO_PHONE,
        intranetUrl: values.CONTACT_PO_URL,
      },
    },
    DEMO: demo,
    DERIVED: { NEXTAUTH_URL: !values.NEXTAUTH_URL, NEXTAUTH_SECRET: !values.NEXTAUTH_SECRET },
    MAIL: mail!,
    BENCH_FLOOR: values.BENCH_FLOOR === "1",
  };
}

/** SMTP from SMTP_URL or SMTP_HOST (with port, TLS and login); neither means the outbox. */
function mailSettings(
  values: z.infer<typeof schema>,
  problems: { name: string; message: string }[],
): MailSettings | null {
  const partsGiven = (["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_SECURE"] as const).filter(
    (key) => values[key] !== undefined,
  );
  if (values.SMTP_URL && values.SMTP_HOST) {
    problems.push({
      name: "SMTP_URL",
      message: "set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, ...), not both",
    });
    return null;
  }
  if (!values.SMTP_URL && !values.SMTP_HOST) {
    for (const key of partsGiven) {
      problems.push({ name: key, message: "is set, but SMTP_HOST is not" });
    }
    return { transport: "outbox", from: values.MAIL_FROM ?? OUTBOX_MAIL_FROM };
  }
  if (!values.MAIL_FROM) {
    problems.push({
      name: "MAIL_FROM",
      message:
        'is required when SMTP is configured: the sender of reminders, e.g. "Beleidsportaal <beleid@example.org>"',
    });
    return null;
  }
  if (values.SMTP_URL) {
    for (const key of partsGiven) {
      problems.push({ name: key, message: "cannot be combined with SMTP_URL (put it in the URL)" });
    }
    return { transport: "smtp", from: values.MAIL_FROM, smtp: { url: values.SMTP_URL } };
  }
  if ((values.SMTP_USER === undefined) !== (values.SMTP_PASSWORD === undefined)) {
    const missing = values.SMTP_USER === undefined ? "SMTP_USER" : "SMTP_PASSWORD";
    const given = missing === "SMTP_USER" ? "SMTP_PASSWORD" : "SMTP_USER";
    problems.push({ name: missing, message: `is required when ${given} is set` });
    return null;
  }
  const secure = values.SMTP_SECURE ? values.SMTP_SECURE === "true" : values.SMTP_PORT === 465;
  return {
    transport: "smtp",
    from: values.MAIL_FROM,
    smtp: {
      host: values.SMTP_HOST!,
      port: values.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      auth:
        values.SMTP_USER !== undefined
          ? { user: values.SMTP_USER, pass: values.SMTP_PASSWORD! }
          : null,
    },
  };
}

export const PRODUCTION_BUILD_PHASE = "phase-production-build";

let loaded: Env | undefined;

/**
 * Parses process.env once. next-auth reads NEXTAUTH_URL and NEXTAUTH_SECRET from process.env itself,
 * so derived values are written back there.
 */
export function loadEnv(): Env {
  if (loaded) return loaded;
  const parsed = parseEnv(process.env);
  process.env.NEXTAUTH_URL = parsed.NEXTAUTH_URL;
  process.env.NEXTAUTH_SECRET = parsed.NEXTAUTH_SECRET;
  loaded = parsed;
  return parsed;
}

/**
 * The validated configuration. Parsed when this module loads at run time, so a bad variable stops
 * the server at startup. During `next build` it is parsed on first use instead: the build must not
 * need production secrets, nor create a data directory.
 */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => loadEnv()[key as keyof Env],
  has: (_target, key) => key in loadEnv(),
  ownKeys: () => Reflect.ownKeys(loadEnv()),
  getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(loadEnv(), key),
});

if (process.env.NEXT_PHASE !== PRODUCTION_BUILD_PHASE && !process.env.VITEST) loadEnv();
