import { z } from "zod";
import { MAX_ROWS } from "@/lib/roster/values";

// The CLI sends the rows parseRosterFile validated; the domain functions trust their shape only.
const day = z.iso.date().nullable();
const rowSchema = z.object({
  employeeNumber: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  email: z.string().min(3).max(254),
  department: z.string().min(1).max(200),
  manager: z.string().max(200).nullable(),
  startDate: day,
  endDate: day,
});

const countsSchema = z.object({
  total: z.number().int().nonnegative(),
  new: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  returning: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

export const rosterImportBodySchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("preview"), rows: z.array(rowSchema).min(1).max(MAX_ROWS) }),
  z.object({
    mode: z.literal("apply"),
    rows: z.array(rowSchema).min(1).max(MAX_ROWS),
    fileName: z.string().max(300).nullable(),
    expectedCounts: countsSchema.optional(),
    actor: z.object({ label: z.string().min(1).max(200) }),
  }),
]);
