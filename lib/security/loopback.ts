// The internal API serves CLIs on this machine only. Route handlers do not see the socket, but
// Next.js fills in `x-forwarded-for` with the socket's remote address when the client sent none
// (base-server: `x-forwarded-for ??= socket.remoteAddress`). So: exactly one address there, and a
// loopback one; no other forwarding header; a loopback Host. A reverse proxy appends the real
// client to x-forwarded-for (or sets Forwarded/X-Real-IP), so nothing it forwards gets through.
// A direct caller can still claim "127.0.0.1" itself: the bearer token remains the credential;
// this keeps the routes from answering at all through a proxy or from another machine.

const LOOPBACK_ADDRESS = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;

function isLoopbackHostname(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function hostnameOf(host: string | null): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

export function isLoopbackRequest(headers: Headers): boolean {
  if (headers.has("forwarded") || headers.has("x-real-ip")) return false;
  const forwardedFor = headers.get("x-forwarded-for")?.trim();
  if (!forwardedFor || !LOOPBACK_ADDRESS.test(forwardedFor)) return false;
  const host = hostnameOf(headers.get("host"));
  if (!host || !isLoopbackHostname(host)) return false;
  // Next sets it to Host when absent; anything else came from an intermediary.
  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost !== null && hostnameOf(forwardedHost) !== host) return false;
  return true;
}
