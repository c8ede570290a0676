import type { Instrumentation } from "next";

// Open the database when the server starts, not on the first request: migrations run at startup, and a
// second process on the same PGlite data directory stops right away with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server/startup");
}

// Every error a page, route handler or action throws, as one JSON line with the request's id
// (proxy.ts sets it on the request). The path goes without its query: a search can hold a name.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logForRequest, systemLog } = await import("./lib/log");
  const { REQUEST_ID_HEADER } = await import("./lib/log/request-id");
  const reqId = request.headers[REQUEST_ID_HEADER];
  (typeof reqId === "string" ? logForRequest(reqId) : systemLog).error(
    {
      event: "request_error",
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "Request failed",
  );
};
