// The internal API serves CLIs on this machine only. Route handlers do not see the socket's remote
// address, so decide conservatively from what they do see: any forwarding header means a proxy (or a
// caller pretending to be one) is in between, and the Host must name a loopback address, as the CLI's
// http://127.0.0.1:<port> does. The bearer token remains the actual credential; this keeps the
// routes from answering at all through a reverse proxy or on a public interface.

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

export function isLoopbackRequest(headers: Headers): boolean {
  if (FORWARDING_HEADERS.some((name) => headers.has(name))) return false;
  const host = headers.get("host");
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
