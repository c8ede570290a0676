import "server-only";

import type { Logger } from "pino";
import { headers } from "next/headers";
import { createLogger, SYSTEM_REQUEST_ID } from "./logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

// One root per process (Next may load this module more than once); lines come from its children.
const root = ((globalThis as Record<symbol, unknown>)[Symbol.for("portal.log")] ??=
  createLogger()) as Logger;

/** A logger whose lines carry `reqId`. */
export function logForRequest(reqId: string): Logger {
  return root.child({ reqId });
}

/** Lines outside a request: startup, timers, CLIs. */
export const systemLog: Logger = logForRequest(SYSTEM_REQUEST_ID);

/**
 * The current request's id (set by proxy.ts), or "system" outside a request. A request the proxy
 * does not see (its matcher skips paths with an extension, such as /hr/export.csv) gets a fresh id
 * per line: still not "system", and still findable from the line's path.
 */
export async function currentRequestId(): Promise<string> {
  try {
    return requestIdFrom((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    // Outside a request scope (startup, a CLI, a timer) headers() refuses.
    return SYSTEM_REQUEST_ID;
  }
}

type Level = "debug" | "info" | "warn" | "error";
/** Fields of a log event. People appear only as `employeeId`. */
export type LogFields = { event: string; employeeId?: number | null } & Record<string, unknown>;

/**
 * Logs one event with the request's id, without making the caller wait (callers are often
 * synchronous). `message` is for people reading the line; `event` is what to search for.
 */
export function logEvent(
  level: Level,
  fields: LogFields,
  message: string,
  options: { outsideRequest?: Level } = {},
): void {
  void currentRequestId().then((reqId) => {
    if (reqId === SYSTEM_REQUEST_ID) systemLog[options.outsideRequest ?? level](fields, message);
    else logForRequest(reqId)[level](fields, message);
  });
}
