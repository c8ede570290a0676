/** Every error a caller is expected to handle. `message` is Dutch and may be shown to the user. */
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
  constructor(
    public code: AppErrorCode,
    message: string,
    public details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The one place where error codes become HTTP status codes. */
export function httpStatus(code: AppErrorCode): number {
  switch (code) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "invalid_input":
      return 400;
    case "conflict":
    case "version_outdated":
      return 409;
    case "store_locked":
      return 503;
    case "internal":
      return 500;
  }
}
