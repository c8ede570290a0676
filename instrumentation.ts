// Open the database when the server starts, not on the first request: migrations run at startup, and a
// second process on the same PGlite data directory stops right away with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server/startup");
}
