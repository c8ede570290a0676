import { z } from "zod";

const days = z.array(z.number().int().min(0).max(365)).max(20);

// What `npm run reminders:send` sends to a running portal: the schedule, not the recipients.
export const remindersBodySchema = z.strictObject({
  policy: z.string().min(1).max(100),
  daysBefore: days,
  daysAfter: z.array(z.number().int().min(1).max(365)).max(20),
});
