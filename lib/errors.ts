/**
 * The one error type of the portal. `message` is Dutch and safe to show to the user;
 * `details` carries structured data (e.g. validation errors) for callers that render it.
 */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "version_outdated"
  | "store_locked"
  | "internal";

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  version_outdated: 409,
  store_locked: 503,
  internal: 500,
};

export function httpStatus(code: AppErrorCode): number {
  return STATUS[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
