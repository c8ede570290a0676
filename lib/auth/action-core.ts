// The one wrapper every server action goes through: session and permission first, then input, then work.
// Pure (no Next imports) so it can be tested; lib/auth/action.ts binds it to the real session.
import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export type ActionErrors = Record<string, string[]>;

export type ActionResult<T extends object = object> =
  | ({ status: "ok" } & T)
  | { status: "invalid"; message: string; errors: ActionErrors }
  | { status: "error"; code: AppErrorCode; message: string };

export type ActionInput = FormData | Record<string, unknown>;

export type ActionContext<U> = { user: U; formData: FormData | null };

export type ActionHandler<S extends z.ZodType, U, T extends object> = (
  input: z.output<S>,
  context: ActionContext<U>,
) => Promise<T | void>;

/** Works with useActionState (previous state, payload) and with a direct call. */
export type Action<T extends object> = (
  previous: unknown,
  input: ActionInput,
) => Promise<ActionResult<T>>;

export const MESSAGES = {
  unauthenticated: "Je sessie is verlopen. Meld je opnieuw aan en probeer het dan nog eens.",
  forbidden: "Je hebt geen toegang tot deze actie.",
  invalid: "Niet alle velden zijn goed ingevuld. Controleer de gemarkeerde velden.",
  internal: "Er ging iets mis. Probeer het over een paar minuten opnieuw.",
} as const;

/** FormData as a plain object; a name that occurs more than once becomes an array. Next's $ACTION fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

const dutch = z.locales.nl().localeError;

export function createAction<
  S extends z.ZodType,
  U extends { roles: readonly Role[] },
  T extends object,
>(
  deps: {
    getUser: () => Promise<U | null>;
    /** Lets Next's own control flow (redirect, notFound, forbidden) pass through. */
    rethrow?: (error: unknown) => void;
    /** Told about a refusal for lack of permission (the log). */
    onDenied?: (user: U, permission: Permission) => void;
    /** Told about an unexpected failure (the log); console.error without it. */
    onError?: (error: unknown, user: U) => void;
  },
  /** What the caller must be allowed to do, asked of the permission table. */
  permission: Permission,
  schema: S,
  handler: ActionHandler<S, U, T>,
): Action<T> {
  return async (_previous, input) => {
    // A page-level check does not protect an action: every call proves who it is first.
    const user = await deps.getUser();
    if (!user)
      return { status: "error", code: "unauthenticated", message: MESSAGES.unauthenticated };
    if (!can(user, permission)) {
      deps.onDenied?.(user, permission);
      return { status: "error", code: "forbidden", message: MESSAGES.forbidden };
    }

    const formData = input instanceof FormData ? input : null;
    const parsed = schema.safeParse(formData ? formDataToObject(formData) : input, {
      error: dutch,
    });
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error);
      const errors: ActionErrors = {};
      for (const [field, messages] of Object.entries(
        fieldErrors as Record<string, string[] | undefined>,
      )) {
        if (messages?.length) errors[field] = messages;
      }
      if (formErrors.length) errors._form = formErrors;
      return { status: "invalid", message: MESSAGES.invalid, errors };
    }

    try {
      const result = await handler(parsed.data, { user, formData });
      return { ...(result ?? {}), status: "ok" } as ActionResult<T>;
    } catch (error) {
      deps.rethrow?.(error);
      if (error instanceof AppError && error.code !== "internal") {
        return { status: "error", code: error.code, message: error.message };
      }
      if (deps.onError) deps.onError(error, user);
      else console.error("Server action failed", error);
      return { status: "error", code: "internal", message: MESSAGES.internal };
    }
  };
}
