import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { createAction, type Action, type ActionHandler } from "./action-core";
import type { Permission } from "./permissions";
import { logEvent } from "@/lib/log";
import { getCurrentUser, logDenial, type SessionUser } from "./session";

export type { Action, ActionResult } from "./action-core";

const deps = {
  getUser: getCurrentUser,
  rethrow: unstable_rethrow,
  onDenied: (user: SessionUser, permission: Permission) =>
    logDenial({ employeeId: user.employeeId, permission }),
  onError: (error: unknown, user: SessionUser) =>
    logEvent(
      "error",
      { event: "action_failed", employeeId: user.employeeId, err: error },
      "Server action failed",
    ),
};

/**
 * The one wrapper for server actions: checks the session, then asks the permission table whether
 * the employee may do `permission`, then parses the input (FormData or an object) with `schema`,
 * then runs `handler`. Returns
 * `{ status: "ok", ...handlerResult } | { status: "invalid", message, errors } | { status: "error", code, message }`
 * with Dutch messages ("unauthenticated" and "forbidden" among the codes). AppErrors thrown by the
 * handler become "error" results.
 */
export function authorizedAction<S extends z.ZodType, T extends object = object>(
  permission: Permission,
  schema: S,
  handler: ActionHandler<S, SessionUser, T>,
): Action<T> {
  return createAction(deps, permission, schema, handler);
}
