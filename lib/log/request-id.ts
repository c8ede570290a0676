// The request id that ties an operator's log lines to one request. proxy.ts takes it from the
// load balancer when it looks like one (so the portal's lines match the balancer's), otherwise makes
// one, and passes it on to the page, action or route handler in this request header.
export const REQUEST_ID_HEADER = "x-request-id";

// Long enough to be unique, short and plain enough that a forged header cannot smuggle anything
// into a log line (no spaces, quotes or control characters).
const VALID = /^[A-Za-z0-9._:-]{8,64}$/;

export function isValidRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && VALID.test(value);
}

/** The balancer's id when valid, else a fresh one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return isValidRequestId(incoming) ? incoming : crypto.randomUUID();
}
