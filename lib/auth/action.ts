import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { createAction, type Action, type ActionHandler } from "./action-core";
import type { Role } from "./roles";
import { getCurrentUser, type SessionUser } from "./session";

export type { Action, ActionErrors, ActionInput, ActionResult } from "./action-core";

const deps = { getUser: getCurrentUser, rethrow: unstable_rethrow };

/**
 * A server action for any signed-in employee: checks the session, then parses the input
 * (FormData or an object) with `schema`, then runs `handler`. Returns
 * `{ status: "ok", ...handlerResult } | { status: "invalid", message, errors } | { status: "error", code, message }`
 * with Dutch messages. AppErrors thrown by the handler become "error" results.
 */
export function authedAction<S extends z.ZodType, T extends object = object>(
  schema: S,
  handler: ActionHandler<S, SessionUser, T>,
): Action<T> {
  return createAction(deps, null, schema, handler);
}

/** As authedAction, for employees holding `role` only (admin holds every role). */
export function roleAction<S extends z.ZodType, T extends object = object>(
  role: Role,
  schema: S,
  handler: ActionHandler<S, SessionUser, T>,
): Action<T> {
  return createAction(deps, role, schema, handler);
}
