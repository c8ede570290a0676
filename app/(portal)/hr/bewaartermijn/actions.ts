"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { employeeLabel } from "@/lib/employees/queries";
import { erasePersonalData } from "@/lib/hr/retention";

export type EraseState = ActionResult<{ erased: number; skipped: number }> | null;

const schema = z.object({
  // One checkbox ticked arrives as a string, several as an array.
  employeeNumbers: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string().trim().min(1).max(100))
      .min(1, { error: "Kies minstens één medewerker." })
      .max(10_000),
  ),
  confirm: z.literal("ja", {
    error: "Bevestig dat je de gegevens definitief wilt wissen.",
  }),
});

/** Erases the personal data of the chosen leavers past the retention term. P&O and admin. */
export const erasePersonalDataAction = authorizedAction(
  "manage-roster",
  schema,
  async ({ employeeNumbers }, { user }) => {
    const result = await erasePersonalData({
      employeeNumbers,
      actor: { employeeId: user.employeeId, label: employeeLabel(user.employeeId) },
    });
    revalidatePath("/hr/bewaartermijn");
    return result;
  },
);
