"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { runAuditVerification } from "@/lib/admin/status";

export type VerifyAuditState = ActionResult<{
  ok: boolean;
  count: number;
  /** Dutch, from the verification: which row broke the chain and how. */
  problem: string | null;
}> | null;

/** Verifies the audit chain now; the verification is itself written to the audit trail. Admins only. */
export const verifyAuditAction = authorizedAction(
  "administer",
  z.object({}),
  async (_input, { user }) => {
    const result = await runAuditVerification({ employeeId: user.employeeId });
    revalidatePath("/beheer");
    return {
      ok: result.ok,
      count: result.count,
      problem: result.ok ? null : result.firstBroken.message,
    };
  },
);
