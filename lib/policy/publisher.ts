import os from "node:os";

/**
 * Who published from the command line. The OS account is decided by the process that does the
 * work, never taken from the caller: over the internal API that is the portal, and only the
 * portal's own account can read the token the CLI presented (0600, in a 0700 runtime directory),
 * so the portal's account is the CLI's. A name given with --by is kept beside it, as information.
 */
export function cliPublisherLabel(given?: string | null): string {
  const account = os.userInfo().username;
  const name = given?.trim();
  return name && name !== account ? `${account} (CLI, namens ${name})` : `${account} (CLI)`;
}
