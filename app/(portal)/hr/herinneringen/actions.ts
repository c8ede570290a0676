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

const numbers = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().trim().min(1).max(100)).max(50_000),
);

const schema = z.discriminatedUnion("scope", [
  z
    .object({
      scope: z.literal("selectie"),
      employeeIds: ids,
      // Roster entries nobody signed in for: no account id, so by employee number.
      employeeNumbers: numbers,
    })
    .refine((input) => input.employeeIds.length + input.employeeNumbers.length > 0, {
      error: "Kies minstens één medewerker.",
      path: ["employeeIds"],
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
    let employeeNumbers: string[];
    let extraNotOutstanding = 0;
    if (input.scope === "selectie") {
      employeeIds = [...new Set(input.employeeIds)];
      employeeNumbers = [...new Set(input.employeeNumbers)];
    } else {
      const filter = parseEmployeeListFilter(new URLSearchParams(input.filter));
      const targets = await outstandingAccountsInFilter({ filter, now: new Date() });
      employeeIds = targets.accountIds;
      employeeNumbers = targets.employeeNumbers;
      extraNotOutstanding = targets.inFilter - employeeIds.length - employeeNumbers.length;
    }
    if (employeeIds.length === 0 && employeeNumbers.length === 0) {
      return {
        sent: 0,
        alreadyToday: 0,
        notOutstanding: extraNotOutstanding,
        noEmail: 0,
        failed: 0,
      };
    }
    const result = await sendReminders({ employeeIds, employeeNumbers, actor });
    return {
      sent: result.sent,
      alreadyToday: result.alreadyToday,
      notOutstanding: result.notOutstanding + extraNotOutstanding,
      noEmail: result.noEmail,
      failed: result.failed,
    };
  },
);
