"use server";

import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { employeeLabel } from "@/lib/employees/queries";
import { parseEmployeeListFilter } from "@/lib/hr/employee-list";
import { outstandingAccountsInFilter } from "@/lib/hr/reminder-targets";
import { sendReminders } from "@/lib/reminders/send";

export type ReminderState = ActionResult<{
  sent: number;
  alreadyToday: number;
  notOutstanding: number;
  noEmail: number;
  failed: number;
}> | null;

const ids = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(50_000),
);

const schema = z.discriminatedUnion("scope", [
  z.object({
    scope: z.literal("selectie"),
    employeeIds: ids.refine((list) => list.length > 0, { error: "Kies minstens één medewerker." }),
  }),
  z.object({
    scope: z.literal("filter"),
    // The list page's query string (q, afdeling, status), read by the list's own parser.
    filter: z.string().max(2_000).default(""),
  }),
]);

/**
 * Mails a reminder to the chosen employees, or to everyone outstanding in the list's current
 * filter. Only outstanding employees get mail, at most one a day each (the database enforces it),
 * and the batch leaves one audit event (lib/reminders/send.ts). P&O and admin.
 */
export const sendRemindersAction = authorizedAction(
  "send-reminders",
  schema,
  async (input, { user }) => {
    const actor = { employeeId: user.employeeId, label: employeeLabel(user.employeeId) };
    let employeeIds: number[];
    let extraNotOutstanding = 0;
    if (input.scope === "selectie") {
      employeeIds = [...new Set(input.employeeIds)];
    } else {
      const filter = parseEmployeeListFilter(new URLSearchParams(input.filter));
      const { accountIds, inFilter } = await outstandingAccountsInFilter({
        filter,
        now: new Date(),
      });
      employeeIds = accountIds;
      extraNotOutstanding = inFilter - accountIds.length;
    }
    if (employeeIds.length === 0) {
      return {
        sent: 0,
        alreadyToday: 0,
        notOutstanding: extraNotOutstanding,
        noEmail: 0,
        failed: 0,
      };
    }
    const result = await sendReminders({ employeeIds, actor });
    return {
      sent: result.sent,
      alreadyToday: result.alreadyToday,
      notOutstanding: result.notOutstanding + extraNotOutstanding,
      noEmail: result.noEmail,
      failed: result.failed,
    };
  },
);
