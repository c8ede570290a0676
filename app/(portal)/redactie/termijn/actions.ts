"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { DEFAULT_POLICY } from "@/lib/content/source";
import { employeeLabel } from "@/lib/employees/queries";
import { changeDeadline } from "@/lib/policy/deadline-changes";
import { checkbox, optionalDate } from "../_publish/form-fields";

const schema = z.object({
  deadline: optionalDate,
  // An empty date only removes the deadline when this is ticked: no accidental removal.
  remove: checkbox,
  confirmShortDeadline: checkbox,
  reason: z.string().max(1_000),
});

/**
 * Corrects the deadline of the version that counts, without a new version: audited, and read by
 * the state rule on every next request (lib/policy/deadline-changes.ts). Editor and admin.
 */
export const changeDeadlineAction = authorizedAction(
  "publish-content",
  schema.refine((input) => input.deadline !== null || input.remove, {
    error: "Kies een nieuwe uiterste datum, of vink aan dat de uiterste datum vervalt.",
    path: ["deadline"],
  }),
  async (input, { user }) => {
    const { versionNumber } = await changeDeadline({
      policy: DEFAULT_POLICY,
      deadline: input.remove ? null : input.deadline,
      confirmShortDeadline: input.confirmShortDeadline,
      reason: input.reason,
      changedBy: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    redirect(`/redactie/termijn?gewijzigd=${versionNumber}`);
  },
);
