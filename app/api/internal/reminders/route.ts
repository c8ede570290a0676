import { z } from "zod";
import { runScheduledReminders } from "@/lib/reminders/send";
import { operatorRoute, internalError, internalFailure, internalResult } from "../respond";
import { remindersBodySchema } from "./schema";

export const dynamic = "force-dynamic";

/** `npm run reminders:send` while the portal holds the embedded store: sends with the portal's mail settings. */
export const POST = operatorRoute(async (request: Request) => {
  const parsed = remindersBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return internalError("invalid_input", `Ongeldig verzoek: ${z.prettifyError(parsed.error)}`);
  }
  const { policy, daysBefore, daysAfter } = parsed.data;
  try {
    return internalResult(
      await runScheduledReminders({ policy, schedule: { daysBefore, daysAfter } }),
    );
  } catch (error) {
    return internalFailure(error);
  }
});
