import { signReadingToken } from "@/lib/reading/reading-token";
import { deriveSecret } from "@/lib/secrets";
import {
  encodeActionReply,
  findActionId as findActionIdIn,
  parseActionResult,
} from "../../support/next-internals";

/** The acknowledgement action of app/(portal)/richtlijnen/actions.ts, by default. */
export function findActionId(
  exportedName = "acknowledgeAction",
  fileHint = "richtlijnen/actions",
): string {
  return findActionIdIn(exportedName, fileHint);
}

export type AckFields = {
  versionId: number;
  contentHash: string;
  confirm?: string;
  /** What the page with the full text issues; the action refuses a confirmation without it. */
  readingToken?: string;
};

/**
 * The reading token the full-text page would have issued to this employee, signed as the portal
 * signs it (with its NEXTAUTH_SECRET), so a load test need not render a page per employee.
 */
export function mintReadingToken({
  secret,
  employeeId,
  versionId,
}: {
  secret: string;
  employeeId: number;
  versionId: number;
}): string {
  return signReadingToken(deriveSecret(secret, "reading-token"), {
    employeeId,
    versionId,
    page: "volledig",
    issuedAt: new Date(),
  });
}

/** The reply for `acknowledgeAction(previousState = null, formData)`. */
export async function encodeAcknowledgement(fields: AckFields): Promise<FormData> {
  const form = new FormData();
  form.append("versionId", String(fields.versionId));
  form.append("contentHash", fields.contentHash);
  form.append("confirm", fields.confirm ?? "ja");
  if (fields.readingToken) form.append("readingToken", fields.readingToken);
  return encodeActionReply([null, form]);
}

export type Outcome =
  | { kind: "ok"; ms: number; value: Record<string, unknown> }
  | { kind: "refused"; ms: number; status: number; value: unknown; body: string } // a 200 whose result is not "ok"
  | { kind: "http-error"; ms: number; status: number; body: string }
  | { kind: "network-error"; ms: number; error: string };

export type ActionClient = {
  actionId: string;
  baseUrl: string;
  /** `body`: a reply encoded in advance (encodeAcknowledgement), so a burst leaves without encoding in between. */
  acknowledge: (args: {
    cookie: string;
    fields: AckFields;
    body?: FormData;
    signal?: AbortSignal;
  }) => Promise<Outcome>;
};

export function actionClient({
  baseUrl,
  actionId,
}: {
  baseUrl: string;
  actionId: string;
}): ActionClient {
  return {
    actionId,
    baseUrl,
    acknowledge: async ({ cookie, fields, body: encoded, signal }) => {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const response = await fetch(`${baseUrl}/richtlijnen`, {
          method: "POST",
          headers: {
            "Next-Action": actionId,
            Accept: "text/x-component",
            // Next compares Origin with Host before it runs an action.
            Origin: baseUrl,
            Cookie: cookie,
            "User-Agent": "portal-system-test",
          },
          body: encoded ?? (await encodeAcknowledgement(fields)),
          redirect: "manual",
          signal: signal ?? AbortSignal.timeout(120_000),
        });
        const body = await response.text();
        if (response.status !== 200)
          return {
            kind: "http-error",
            ms: ms(),
            status: response.status,
            body: body.slice(0, 2000),
          };
        const value = parseActionResult(body);
        if (value && typeof value === "object" && (value as { status?: unknown }).status === "ok") {
          return { kind: "ok", ms: ms(), value: value as Record<string, unknown> };
        }
        return {
          kind: "refused",
          ms: ms(),
          status: response.status,
          value,
          body: body.slice(0, 2000),
        };
      } catch (error) {
        return { kind: "network-error", ms: ms(), error: describe(error) };
      }
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const causeText =
    cause instanceof Error
      ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}`
      : "";
  return `${error.name}: ${error.message}${causeText ? ` (${causeText})` : ""}`;
}
