import "server-only";

import { checkOperatorToken } from "@/lib/auth/operator";
import { validationErrorsOf } from "@/lib/content/validation-error";
import { AppError, type AppErrorCode, httpStatus } from "@/lib/errors";
import { logEvent } from "@/lib/log";

/**
 * Runs `handler` for a request with the operator token (lib/auth/operator.ts); answers 404 when
 * there is no embedded store and 403 for a missing or wrong token.
 */
export function operatorRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const check = await checkOperatorToken(request);
    if (check === "no-embedded-store") return new Response(null, { status: 404 });
    if (check === "forbidden") return internalError("forbidden", "Ongeldig of ontbrekend token.");
    return handler(request);
  };
}

export function internalResult(result: unknown): Response {
  return Response.json({ ok: true, result }, { headers: { "cache-control": "no-store" } });
}

export function internalError(code: AppErrorCode, message: string, details?: unknown): Response {
  return Response.json(
    { ok: false, error: { code, message, details } },
    { status: httpStatus(code), headers: { "cache-control": "no-store" } },
  );
}

export function internalFailure(error: unknown): Response {
  // Structured validation errors travel along, so the CLI reports them as it does on a direct store.
  if (error instanceof AppError) {
    const errors = validationErrorsOf(error.details);
    // A publication's refusal names its reason, so the CLI can add its own hint (a flag to use).
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    const details = {
      ...(errors ? { errors } : {}),
      ...(typeof reason === "string" ? { reason } : {}),
    };
    return internalError(
      error.code,
      error.message,
      Object.keys(details).length ? details : undefined,
    );
  }
  logEvent("error", { event: "internal_request_failed", err: error }, "Internal request failed");
  return internalError("internal", "Er ging iets mis in het portaal; zie het serverlog.");
}
