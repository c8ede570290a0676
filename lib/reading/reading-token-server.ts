import "server-only";

import { env } from "@/lib/env";
import { deriveSecret } from "@/lib/secrets";
import {
  type ReadingClaims,
  type ReadingTokenCheck,
  signReadingToken,
  verifyReadingToken,
} from "./reading-token";

// One key for every instance: derived from NEXTAUTH_SECRET, which they share.
const tokenSecret = () => deriveSecret(env.NEXTAUTH_SECRET, "reading-token");

/** Called while rendering a page that shows the whole text (or the redline) with the form under it. */
export function issueReadingToken(claims: Omit<ReadingClaims, "issuedAt">): string {
  return signReadingToken(tokenSecret(), { ...claims, issuedAt: new Date() });
}

export function checkReadingToken(
  token: string | null | undefined,
  expected: { employeeId: number; versionId: number },
): ReadingTokenCheck {
  return verifyReadingToken(tokenSecret(), token, expected);
}
