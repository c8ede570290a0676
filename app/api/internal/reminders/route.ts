import { z } from "zod";
import { runScheduledReminders } from "@/lib/reminders/send";
import { authorizeInternal, internalError, internalFailure, internalResult } from "../authorize";
import { remindersBodySchema } from "./schema";

export const dynamic = "force-dynamic";

/** `npm run reminders:send` while the portal holds the embedded store: sends with the portal's mail settings. */
export async function POST(request: Request) {
  const denied = await authorizeInternal(request);
  if (denied) return denied;

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
}
