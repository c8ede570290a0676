// Structured logs: one JSON object per line on stdout, for the operator's log collector. Every line
// carries `reqId`: the request's id (lib/log/request-id.ts), or "system" for work outside a request
// (startup, timers). People appear only as their employee id.
// Separate from lib/log/index.ts so it can be tested without a request.
import pino, { type DestinationStream, type Logger } from "pino";

export const SYSTEM_REQUEST_ID = "system";

/**
 * The second line of defence: the callers never pass these, but an error or a detail object might
 * carry one. Values at these keys become "[redacted]".
 */
const SENSITIVE_KEYS = [
  "token",
  "accessToken",
  "access_token",
  "idToken",
  "id_token",
  "refreshToken",
  "refresh_token",
  "sessionToken",
  "code_verifier",
  "cookie",
  "cookies",
  "set-cookie",
  "authorization",
  "secret",
  "clientSecret",
  "client_secret",
  "password",
  "email",
  "displayName",
];
export const REDACT_PATHS = [
  ...SENSITIVE_KEYS.map((key) => `["${key}"]`),
  ...SENSITIVE_KEYS.map((key) => `*["${key}"]`),
  "headers.cookie",
  "*.headers.cookie",
  "*.headers.authorization",
  // Names only where a person's name would sit; `err.name` ("TypeError") stays.
  "user.name",
  "profile.name",
  "employee.name",
];

// Mail addresses and JWT-shaped strings inside free text (an error message from the database or
// the IdP): masked as well.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)*/g;

export function maskText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(JWT, "[token]");
}

function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (typeof serialized !== "object" || serialized === null) return serialized;
  for (const key of ["message", "stack"]) {
    if (typeof serialized[key] === "string") serialized[key] = maskText(serialized[key]);
  }
  return serialized;
}

export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  // In the Next server everything from info up; in CLIs and tests (which print their own
  // messages) only warnings and errors, on stderr, so a command's output stays its own.
  const inServer = Boolean(process.env.NEXT_RUNTIME);
  return pino(
    {
      level: options.level ?? (inServer ? "info" : "warn"),
      // No pid or hostname: the instance is the collector's concern. The request id comes from a
      // child logger (lib/log/index.ts); pino would repeat a key given both here and there.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    options.destination ?? pino.destination({ fd: inServer ? 1 : 2, sync: true }),
  );
}
